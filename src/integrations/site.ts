import type { AstroIntegration } from 'astro';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { listDataFiles, type DataFile } from '../lib/assembly/data-files.ts';
import { loadServices } from '../lib/assembly/load-site.ts';
import type { SiteModel } from '../lib/assembly/assemble.ts';
import { storedEntries } from '../lib/assembly/stored-entries.ts';
import { formatDiagnostic, sortDiagnostics } from '../lib/core/diagnostics.ts';
import { codePath, normalizeSiteUrl } from '../lib/core/urls.ts';
import type { AliasSource } from '../lib/pages/aliases.ts';
import { writeSecurityHeaders } from './content-policy.ts';
import { indexPages } from './search-index.ts';
import { writeSpellingFiles } from './spelling-files.ts';
import { writeStoredEntries } from './stored-entries-file.ts';
import { countOf } from '../lib/core/plural.ts';

/** Options of the site's integration, `errorCodeSite({ ... })` in astro.config.mjs. */
export interface ErrorCodeSiteOptions {
  /** The content folder, relative to the project (default `content`). */
  contentDir?: string;
  /**
   * Also writes a redirect page per spelling of a code URL (`/ecs/Ecs.0010/index.html`, six a code), for hosts
   * that serve no `404.html` for unknown paths (default false: the 404 page resolves spellings in the browser,
   * and `_redirects` answers some of them on hosts that read it).
   */
  redirectPages?: boolean;
}

/**
 * The site's content in a build, read once. When the build is set up, this reads and assembles every service of
 * the content folder, stops the build with every located problem (never a stack trace), and hands the content
 * collections their entries (`stored-entries-file.ts`). Of the content it keeps only what it writes once the
 * pages are built: the data files (exports, lookup data), and for the spellings of code URLs `_redirects` (and
 * with `redirectPages` a redirect page each). Those are plain files rather than Astro routes: thousands of them
 * cost milliseconds, not a page render each. Pagefind indexes the pages first, so it never reads redirect pages.
 *
 * In `astro dev` the collections' loader reads the content itself, and again on each change.
 */
export function errorCodeSite({
  contentDir = 'content',
  redirectPages = false,
}: ErrorCodeSiteOptions = {}): AstroIntegration {
  let site: SiteModel | undefined;
  let origin = '';
  let files: DataFile[] = [];
  let spellingSources: AliasSource[] = [];
  return {
    name: 'error-code-site',
    hooks: {
      'astro:config:setup': ({ command, config, logger }) => {
        if (command === 'dev' || command === 'preview') return;
        const started = performance.now();
        site = loadServices(resolve(contentDir));
        // Suspicious cells were read anyway: the author sees each one, and the build goes on.
        for (const warning of site.warnings) logger.warn(formatDiagnostic(warning));
        const { services, diagnostics } = site;
        if (diagnostics.length > 0) {
          const report = sortDiagnostics(diagnostics).map(formatDiagnostic).join('\n');
          const count = countOf(diagnostics.length, 'problem');
          process.stderr.write(
            `${report}\n\n${count} in content: the build stopped. Fix them, or run "npm run validate" to check again.\n`,
          );
          process.exit(1);
        }
        writeStoredEntries(config.cacheDir, storedEntries(services));
        const codes = services.reduce((n, s) => n + s.catalogue.entries.length, 0);
        const ms = Math.round(performance.now() - started);
        logger.info(`${services.length} service(s), ${codes} codes, read in ${ms} ms`);
      },
      // The site's URL is final now: make what is written after the build, then let the content go, so it is not
      // held through page generation and Pagefind.
      'astro:config:done': ({ config }) => {
        if (!site) return;
        origin = normalizeSiteUrl(config.site ?? '');
        files = listDataFiles(site.services, config.site ?? '');
        spellingSources = site.services.map(({ catalogue }) => ({
          service: catalogue.id,
          codes: catalogue.entries.map((e) => ({ code: e.code, path: codePath(e) })),
        }));
        site = undefined;
      },
      'astro:build:done': async ({ dir, pages, logger }) => {
        // Pagefind indexes the pages in a process of its own; meanwhile this one writes the data files and
        // `_redirects` and checks every page against its policy (none of them an HTML file Pagefind would read).
        // Redirect pages are HTML: they wait until the index is written, so Pagefind never reads one.
        const indexed = indexPages(dir, logger);
        const out = fileURLToPath(dir);
        const started = performance.now();
        writeDataFiles(out, files);
        const dataMs = Math.round(performance.now() - started);
        logger.info(
          `${files.length} data files (exports, their schemas, their Markdown, llms.txt and lookup data) in ${dataMs} ms`,
        );
        const writeSpellings = () => {
          const started = performance.now();
          // No rule or redirect page takes a real page's path (a service id that happens to look like a code):
          // the build's own list of pages says which exist, so no file needs a look on disk.
          const built = new Set(pages.map((p) => `/${p.pathname}`.replace(/\/+/g, '/').replace(/\/?$/, '/')));
          const written = writeSpellingFiles(out, spellingSources, built, { origin, redirectPages });
          const spellingMs = Math.round(performance.now() - started);
          logger.info(
            `_redirects with ${written.rules} of ${written.spellings} spellings of code URLs` +
              (redirectPages ? `, ${written.pages} redirect pages` : '') +
              ` in ${spellingMs} ms (the 404 page resolves every spelling)`,
          );
        };
        if (!redirectPages) writeSpellings();
        await writeSecurityHeaders(dir, pages, logger);
        await indexed;
        if (redirectPages) writeSpellings();
        files = [];
        spellingSources = [];
      },
    },
  };
}

/** Writes each data file under the build folder. */
function writeDataFiles(out: string, files: readonly DataFile[]): void {
  const folders = new Set<string>();
  for (const { path, body } of files) {
    const target = join(out, path);
    const folder = dirname(target);
    if (!folders.has(folder)) mkdirSync(folder, { recursive: true });
    folders.add(folder);
    writeFileSync(target, body);
  }
}
