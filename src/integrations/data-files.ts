import type { AstroIntegration } from 'astro';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { listDataFiles, type DataFile } from '../lib/export/data-files';
import { loadServices } from '../lib/content/load-content';

/**
 * Writes the JSON exports, their JSON Schemas and the lookup data (src/lib/export/data-files.ts) into the build as plain files. The text
 * is made when the build starts, while the content read for the build is still in memory, and written when it
 * is done. It must come before codeAliases, which lets that content go.
 */
export function dataFiles(contentDir = 'content'): AstroIntegration {
  let site = '';
  let files: DataFile[] = [];
  return {
    name: 'data-files',
    hooks: {
      'astro:config:done': ({ config }) => {
        site = config.site ?? '';
      },
      'astro:build:start': () => {
        files = listDataFiles(loadServices(resolve(contentDir)).services, site);
      },
      'astro:build:done': ({ dir, logger }) => {
        const started = performance.now();
        const out = fileURLToPath(dir);
        const folders = new Set<string>();
        for (const { path, body } of files) {
          const target = join(out, path);
          const folder = dirname(target);
          if (!folders.has(folder)) mkdirSync(folder, { recursive: true });
          folders.add(folder);
          writeFileSync(target, body);
        }
        logger.info(
          `${files.length} JSON files (exports, their schemas and lookup data) in ${Math.round(performance.now() - started)} ms`,
        );
        files = [];
      },
    },
  };
}
