import type { CodePageData } from './code-pages';

/** One row of an index table: a code with the variants the page is about. */
export interface CodeTableRow {
  code: string;
  path: string;
  variants: { status: number; anchor: string; messageHtml: string; messageText: string }[];
}

/** Builds the rows of an index table; with `status`, each code shows only its variants of that status. */
export function buildCodeTableRows(
  codes: readonly string[],
  pages: ReadonlyMap<string, Pick<CodePageData, 'entry' | 'path'>>,
  status?: number,
): CodeTableRow[] {
  return codes.flatMap((code) => {
    const page = pages.get(code);
    if (!page) return [];
    const variants = page.entry.variants.filter((v) => status === undefined || v.status === status);
    return [{
      code,
      path: page.path,
      variants: variants.map((v) => ({
        status: v.status,
        anchor: v.anchor,
        messageHtml: v.message.html,
        messageText: v.message.text,
      })),
    }];
  });
}
