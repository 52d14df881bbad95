import { defineCollection } from 'astro:content';
import type { Loader, LoaderContext } from 'astro/loaders';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
import { resolve } from 'node:path';
import { countRows } from './lib/catalogue/catalogue';
import { ContentError, formatDiagnostic } from './lib/core/diagnostics';
import { loadServices } from './lib/content/load-content';
import { z } from 'astro/zod';
import { compactCodePage, StoredCodePageSchema } from './lib/pages/code-pages';
import { StoredServiceSchema } from './lib/pages/site-data';

const CONTENT_DIR = resolve('content');

/** A loader over every `content/<service>/` folder; it re-reads them when a file changes in dev. */
function errorTableLoader(kind: 'services' | 'codes'): Loader {
  return {
    name: `error-table-${kind}`,
    load: async (context) => {
      await sync(kind, context);
      context.watcher?.add(CONTENT_DIR);
      context.watcher?.on('all', async (_event, path) => {
        if (resolve(path).startsWith(CONTENT_DIR)) await sync(kind, context);
      });
    },
  };
}

async function sync(kind: 'services' | 'codes', { store, parseData, logger, watcher }: LoaderContext) {
  const { services, diagnostics, warnings } = loadServices(CONTENT_DIR);
  // A build prints warnings in its content check; in dev (where there is a watcher) the loader does.
  if (kind === 'services' && watcher) for (const warning of warnings) logger.warn(formatDiagnostic(warning));
  if (diagnostics.length > 0) {
    // A build has stopped before this (src/integrations/content-check.ts); in dev the site keeps the
    // last good content and the terminal shows every problem.
    if (kind === 'services') logger.error(new ContentError(diagnostics).message);
    return;
  }
  store.clear();
  let order = 0;
  for (const [serviceOrder, { catalogue, categories, pages, history, synonyms }] of services.entries()) {
    if (kind === 'services') {
      const { entries: _entries, ...meta } = catalogue;
      const data = { order: serviceOrder, ...meta, ...countRows(catalogue), categories, history, synonyms };
      store.set({ id: catalogue.id, data: await parseData({ id: catalogue.id, data }) });
    } else {
      for (const page of pages) {
        const id = `${catalogue.id}/${page.entry.slug}`;
        store.set({ id, data: await parseData({ id, data: { order: order++, ...compactCodePage(page) } }) });
      }
    }
  }
}

/** Place among the services (folder order), or of a code in the table order of all services: the content store keeps entries sorted by id. */
const ordered = { order: z.number().int().min(0) };

export const collections = {
  docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }),
  services: defineCollection({ loader: errorTableLoader('services'), schema: StoredServiceSchema.extend(ordered) }),
  codes: defineCollection({ loader: errorTableLoader('codes'), schema: StoredCodePageSchema.extend(ordered) }),
};
