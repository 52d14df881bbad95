import { countRows } from '../catalogue/catalogue.ts';
import type { ServiceModel } from './assemble.ts';

/** An entry of a content collection as the loader stores it: its id and its data, before the schema parses it. */
export interface StoredEntry {
  id: string;
  data: Record<string, unknown>;
}

/** The entries of the site's two collections: one per service, one per code page. */
export interface StoredEntries {
  services: StoredEntry[];
  codes: StoredEntry[];
}

/**
 * What the content collections hold of the site: each service without its codes, and each code page. Each entry
 * carries its `order` (services by folder, codes in table order), since a collection is kept sorted by id.
 */
export function storedEntries(services: readonly ServiceModel[]): StoredEntries {
  const stored: StoredEntries = { services: [], codes: [] };
  for (const [order, { catalogue, categories, pages, history, synonyms }] of services.entries()) {
    const { entries: _entries, ...meta } = catalogue;
    stored.services.push({
      id: catalogue.id,
      data: { order, ...meta, ...countRows(catalogue), categories, history, synonyms },
    });
    for (const page of pages) {
      stored.codes.push({
        id: `${catalogue.id}/${page.entry.slug}`,
        data: { order: stored.codes.length, ...page },
      });
    }
  }
  return stored;
}
