import type { AstroIntegrationLogger } from 'astro';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';

/**
 * Most fragment files Pagefind writes (one per page up to this many, then shared files of several pages).
 * Above it, a host counts fewer files (about one per code less at 10,000 codes) and a search result loads a
 * file with its page's fragment and one or two others: ECS's 186 pages are far below it and index as before.
 */
export const MAX_FRAGMENTS = 4096;

/**
 * Builds the Pagefind index of the built pages in `dir`, as Starlight does (pages marked `data-pagefind-body`), with
 * the index-time options Starlight's own run does not take. Starlight's is turned off (`pagefind: false`); the
 * site's search (src/client/search-dialog.ts) loads `/pagefind/pagefind.js` itself.
 */
export async function indexPages(dir: URL, logger: AstroIntegrationLogger): Promise<void> {
  const started = performance.now();
  try {
    const { index, errors } = await pagefind.createIndex({ maxFragments: MAX_FRAGMENTS });
    if (!index) throw new Error(errors.join('; '));
    const added = await index.addDirectory({ path: fileURLToPath(dir) });
    if (added.errors.length > 0) throw new Error(added.errors.join('; '));
    const written = await index.writeFiles({ outputPath: fileURLToPath(new URL('./pagefind/', dir)) });
    if (written.errors.length > 0) throw new Error(written.errors.join('; '));
    logger.info(`${added.page_count} pages indexed in ${Math.round(performance.now() - started)} ms`);
  } finally {
    await pagefind.close();
  }
}
