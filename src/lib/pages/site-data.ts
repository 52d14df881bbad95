import { z } from 'astro/zod';
import { ServiceCatalogueSchema } from '../catalogue/catalogue.ts';
import { ServiceVersionsSchema } from '../history/history.ts';
import { CategorySchema, type Category } from './categories.ts';
import type { CodePage } from './code-pages.ts';

/** The site's name: Starlight's title (astro.config.mjs), and the heading of /llms.txt. */
export const SITE_TITLE = 'Cloud API Error Codes';

/** A service as the content store keeps it: its catalogue without the codes (those are code pages), its index pages and versions. */
export const StoredServiceSchema = ServiceCatalogueSchema.omit({ entries: true }).extend({
  rows: z.number().int(),
  codes: z.number().int(),
  categories: z.array(CategorySchema),
  history: ServiceVersionsSchema.optional(),
  synonyms: z
    .array(z.array(z.string()))
    .describe("Synonym groups for search: those of content/synonyms.json, then the service's own."),
});
export type StoredService = z.infer<typeof StoredServiceSchema>;

/** What index pages need of a code page. */
export type ListedPage = Pick<CodePage, 'entry' | 'path'>;

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
  return {
    all: 'All codes',
    table: 'By table',
    status: 'By HTTP status',
    prefix: 'By prefix',
    family: 'By code range',
    topic: 'By topic',
  }[kind];
}
