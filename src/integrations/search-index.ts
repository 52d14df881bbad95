import type { AstroIntegrationLogger } from 'astro';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';

/**
 * Most fragment files Pagefind writes (one per page up to this many, then shared files of several pages). At 512
 * the whole cloud (7,619 pages) has 592 Pagefind files instead of 3,875 at 4,096, and a first search transfers no
 * more than it did (its index metadata shrinks as much as the fragment files it reads grow); ECS's 186 pages are
 * below it and index as before. Measured for 4,096 down to 64 in docs/scale.md.
 */
export const MAX_FRAGMENTS = 512;

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
