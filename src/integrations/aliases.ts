import type { AstroIntegration } from 'astro';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { listAliases, renderRedirectPage, type Alias } from '../lib/pages/aliases';
import { codePath, lookupPagePath } from '../lib/core/urls';
import { forgetLoadedContent, loadServices } from '../lib/content/load-content';

/**
 * Writes redirect pages for the common spellings of every code's URL after the build. They are plain
 * files rather than Astro routes: thousands of them cost milliseconds, not a page render each.
 */
export function codeAliases(contentDir = 'content'): AstroIntegration {
  let site = '';
  let aliases: Alias[] = [];
  return {
    name: 'code-aliases',
    hooks: {
      'astro:config:done': ({ config }) => {
        site = (config.site ?? '').replace(/\/$/, '');
      },
      // Content is synced before the build starts: take the small list of aliases now, then let the parsed
      // content go, so it is not held through page generation and Pagefind (this is the last integration).
      'astro:build:start': () => {
        const { services } = loadServices(resolve(contentDir));
        aliases = listAliases(
          services.map(({ catalogue }) => ({
            service: catalogue.id,
            codes: catalogue.entries.map((e) => ({ code: e.code, path: codePath(e) })),
          })),
        );
        forgetLoadedContent();
      },
      'astro:build:done': ({ dir, pages, logger }) => {
        const started = performance.now();
        const out = fileURLToPath(dir);
        // Never overwrite a real page (a service id that happens to look like a code): the build's own list
        // of pages says which exist, so no file needs a look on disk.
        const built = new Set(pages.map((p) => `/${p.pathname}`.replace(/\/+/g, '/').replace(/\/?$/, '/')));
        let written = 0;
        for (const alias of aliases) {
          if (built.has(alias.from)) continue;
          const folder = join(out, ...alias.from.split('/').filter(Boolean));
          // Most folders are new and their parent exists: one mkdir, the recursive walk only when it is not so.
          try {
            mkdirSync(folder);
          } catch {
            mkdirSync(folder, { recursive: true });
          }
          const canonical = alias.to.startsWith(lookupPagePath()) ? `${site}${alias.from}` : `${site}${alias.to}`;
          writeFileSync(join(folder, 'index.html'), renderRedirectPage(alias, canonical));
          written++;
        }
        logger.info(
          `${written} redirect pages for other spellings of code URLs in ${Math.round(performance.now() - started)} ms`,
        );
      },
    },
  };
}
