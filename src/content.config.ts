import { defineCollection } from 'astro:content';
import type { Loader, LoaderContext } from 'astro/loaders';
import { docsLoader, i18nLoader } from '@astrojs/starlight/loaders';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';
import { resolve } from 'node:path';
import { z } from 'astro/zod';
import { createServiceReader } from './lib/assembly/load-site.ts';
import { storedEntries, type StoredEntries } from './lib/assembly/stored-entries.ts';
import { ContentError, formatDiagnostic } from './lib/core/diagnostics.ts';
import { CodePageSchema } from './lib/pages/code-pages.ts';
import { buildOnceForStarlightPages } from './lib/pages/docs-schema.ts';
import { StoredServiceSchema } from './lib/pages/site-data.ts';
import { readStoredEntries } from './integrations/stored-entries-file.ts';

const CONTENT_DIR = resolve('content');

/** The content as dev reads it: both loaders ask on each change, and the second gets what the first assembled. */
const readServices = createServiceReader(CONTENT_DIR);

/**
 * A loader of one of the site's collections. In a build it takes the entries the site integration made from its
 * one read of the content (src/integrations/site.ts); in dev, where the integration reads nothing, it reads the
 * content folder itself, and again whenever a file under it changes.
 */
function errorTableLoader(kind: keyof StoredEntries): Loader {
  return {
    name: `error-table-${kind}`,
    load: async (context) => {
      const { watcher, config } = context;
      if (!watcher) return store(kind, readStoredEntries(config.cacheDir), context);
      await readInDev(kind, context);
      watcher.add(CONTENT_DIR);
      watcher.on('all', async (_event, path) => {
        if (resolve(path).startsWith(CONTENT_DIR)) await readInDev(kind, context);
      });
    },
  };
}

/** Reads the content in dev: on a problem the site keeps the last good content and the terminal shows each one. */
async function readInDev(kind: keyof StoredEntries, context: LoaderContext): Promise<void> {
  const { services, diagnostics, warnings } = readServices();
  if (kind === 'services') for (const warning of warnings) context.logger.warn(formatDiagnostic(warning));
  if (diagnostics.length > 0) {
    if (kind === 'services') context.logger.error(new ContentError(diagnostics).message);
    return;
  }
  await store(kind, storedEntries(services), context);
}

/** Replaces a collection's entries. */
async function store(kind: keyof StoredEntries, entries: StoredEntries, { store, parseData }: LoaderContext) {
  store.clear();
  for (const { id, data } of entries[kind]) store.set({ id, data: await parseData({ id, data }) });
}

/**
 * Place among the services (folder order), or of a code in the table order of all services: the content store keeps
 * entries sorted by id.
 */
const ordered = { order: z.number().int().min(0) };

export const collections = {
  // Every page of the site is a <StarlightPage>, which builds its frontmatter schema from this one: built once.
  docs: defineCollection({ loader: docsLoader(), schema: buildOnceForStarlightPages(docsSchema()) }),
  // Starlight reads its interface strings from this collection. src/content/i18n/en.json is empty (Starlight's own
  // English strings), but without the collection every build warned that it does not exist.
  i18n: defineCollection({ loader: i18nLoader(), schema: i18nSchema() }),
  services: defineCollection({ loader: errorTableLoader('services'), schema: StoredServiceSchema.extend(ordered) }),
  codes: defineCollection({ loader: errorTableLoader('codes'), schema: CodePageSchema.extend(ordered) }),
};
