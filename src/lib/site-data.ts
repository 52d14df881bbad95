import type { Category } from './categories';
import type { CodePageData } from './code-pages';

/** Groups code pages by service, then by code, for index pages that list codes. */
export function indexCodePages(pages: readonly CodePageData[]): Map<string, Map<string, CodePageData>> {
  const byService = new Map<string, Map<string, CodePageData>>();
  for (const page of pages) {
    const codes = byService.get(page.entry.service) ?? new Map<string, CodePageData>();
    codes.set(page.entry.code, page);
    byService.set(page.entry.service, codes);
  }
  return byService;
}

/** Title of the group a category kind is shown under. */
export function kindTitle(kind: Category['kind']): string {
  return { all: 'All codes', status: 'By HTTP status', prefix: 'By prefix', family: 'By code range', topic: 'By topic' }[kind];
}
