import type { Category } from './categories';
import type { CodePageData } from './code-pages';

/** What index pages need of a code page. */
export type ListedPage = Pick<CodePageData, 'entry' | 'path'>;

/** Groups code pages by service, then by code, for index pages that list codes. */
export function indexCodePages<T extends ListedPage>(pages: readonly T[]): Map<string, Map<string, T>> {
  const byService = new Map<string, Map<string, T>>();
  for (const page of pages) {
    const codes = byService.get(page.entry.service) ?? new Map<string, T>();
    codes.set(page.entry.code, page);
    byService.set(page.entry.service, codes);
  }
  return byService;
}

/** What the site covers, inside a sentence: `the Elastic Cloud Server API` for one service, else `3 cloud services`. */
export function describeServices(services: readonly { name: string }[]): string {
  return services.length === 1 ? `the ${services[0].name} API` : `${services.length} cloud services`;
}

/** Title of the group a category kind is shown under. */
export function kindTitle(kind: Category['kind']): string {
  return { all: 'All codes', table: 'By table', status: 'By HTTP status', prefix: 'By prefix', family: 'By code range', topic: 'By topic' }[kind];
}
