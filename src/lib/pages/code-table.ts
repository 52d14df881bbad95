import type { CodePage } from './code-pages.ts';
import { statusBadge } from '../core/http-status.ts';

/** One row of an index table: a code with the variants the page is about. */
export interface CodeTableRow {
  code: string;
  path: string;
  variants: { status: string; statusClass: string; anchor: string; messageHtml: string; messageText: string }[];
}

/** Builds the rows of an index table; with `status`, each code shows only its variants with that status. */
export function buildCodeTableRows(
  codes: readonly string[],
  pages: ReadonlyMap<string, Pick<CodePage, 'entry' | 'path'>>,
  status?: number,
): CodeTableRow[] {
  return codes.flatMap((code) => {
    const page = pages.get(code);
    if (!page) return [];
    const variants = page.entry.variants.filter((v) => status === undefined || v.statuses.includes(status));
    return [
      {
        code,
        path: page.path,
        variants: variants.map((v) => ({
          status: v.statuses.length > 0 ? v.statuses.join('/') : statusBadge(v).badge,
          statusClass: statusBadge(v).statusClass,
          anchor: v.anchor,
          // A table without a message column shows the description, the text its API returns.
          messageHtml: v.message.text ? v.message.html : unwrapParagraph(v.description.html),
          messageText: v.message.text || v.description.text,
        })),
      },
    ];
  });
}

/** The inside of HTML that is one paragraph (`<p>x</p>` -> `x`), for a line that holds inline HTML only. */
function unwrapParagraph(html: string): string {
  const inner = /^<p>([\s\S]*)<\/p>$/.exec(html)?.[1];
  return inner !== undefined && !/<\/?(p|ul|ol|blockquote|pre|div)\b/.test(inner) ? inner : html;
}
