import type { AstroIntegrationLogger, AstroUserConfig } from 'astro';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { REDIRECT_POLICY, REDIRECT_SCRIPT } from '../lib/pages/aliases.ts';
import {
  buildHeaderPolicy,
  hashSource,
  PAGE_DIRECTIVES,
  SCRIPT_SOURCES,
  STYLE_ATTRIBUTES,
} from '../lib/security/content-policy.ts';
import { findLongLines, renderSiteHeadersFile } from '../lib/security/headers-file.ts';
import { auditPage, lineAndColumn, readInlineScripts } from '../lib/security/inline-content.ts';
import { countOf } from '../lib/core/plural.ts';

/** Astro's `security.csp` option, in its object form. */
type CspConfig = Extract<NonNullable<AstroUserConfig['security']>['csp'], object>;

/**
 * Starlight's components that write a `<script is:inline>` into the site's pages and that the site does not replace:
 * the sidebar's remembered state. Astro hashes the scripts it bundles, never these.
 */
const STARLIGHT_INLINE_SCRIPT_COMPONENTS = ['SidebarPersister'];

/**
 * The site's own components (src/components/) that write a `<script is:inline>`: the theme before first paint and
 * its menu, which replace Starlight's (astro.config.mjs).
 */
const SITE_INLINE_SCRIPT_COMPONENTS = ['ThemeProvider', 'ThemeSelect'];

/**
 * Astro's `security.csp` for the site (astro.config.mjs): the page directives, scripts from the site itself, Pagefind's
 * WebAssembly and the hashes of the inline scripts of Starlight's components (read from the installed Starlight, so
 * an upgrade brings its own) and of the site's (read from src/components/), styles from the site itself, and
 * Starlight's `style` attributes by their hashes only.
 */
export async function siteContentPolicy(): Promise<CspConfig> {
  const require = createRequire(import.meta.url);
  const files = [
    ...STARLIGHT_INLINE_SCRIPT_COMPONENTS.map((name) => require.resolve(`@astrojs/starlight/components/${name}.astro`)),
    // From the project's folder, as the content is (load-site.ts): src/middleware.ts runs this from a bundle in dist/.
    ...SITE_INLINE_SCRIPT_COMPONENTS.map((name) => join(process.cwd(), 'src', 'components', `${name}.astro`)),
  ];
  const scripts = files.flatMap((file) => readInlineScripts(readFileSync(file, 'utf8')));
  return {
    directives: PAGE_DIRECTIVES as CspConfig['directives'],
    scriptDirective: { resources: SCRIPT_SOURCES, hashes: await Promise.all(scripts.map(hashSource)) },
    // One style-src for elements and attributes alike: a `style-src-attr` of its own would shadow style-src's
    // 'self' and Astro's hashes for attributes (Astro warns of it), and 'unsafe-hashes' lets only hashed
    // attributes through, as CSP Level 3 falls back from style-src-attr to style-src.
    styleDirective: {
      resources: ["'self'", "'unsafe-hashes'"],
      hashes: await Promise.all(STYLE_ATTRIBUTES.map(hashSource)),
    },
  };
}

/**
 * The hashes the site's policy names itself (Starlight's inline scripts and style attributes), without quotes.
 * Astro adds to every page's policy a hash of each script and style file it bundles; pages load those from the
 * site itself ('self'), and a hash allows a file only with an `integrity` attribute, so they allow nothing and
 * cost half a kilobyte a page (src/middleware.ts leaves them out).
 */
export async function siteHashes(): Promise<Set<string>> {
  const { scriptDirective, styleDirective } = await siteContentPolicy();
  const hashes = [...(scriptDirective?.hashes ?? []), ...(styleDirective?.hashes ?? [])];
  return new Set(hashes.map((entry) => (typeof entry === 'string' ? entry : entry.hash)));
}

/**
 * Checks every built page against its own policy and writes `_headers` (after a `public/_headers` of the
 * project's own, when there is one) with the policy as a header. A page whose policy blocks its own inline
 * content stops the build, each such piece named as `dist/<page>:line:column`.
 */
export async function writeSecurityHeaders(
  dir: URL,
  pages: readonly { pathname: string }[],
  logger: AstroIntegrationLogger,
  { redirectPages }: { redirectPages: boolean },
): Promise<void> {
  const started = performance.now();
  const out = fileURLToPath(dir);
  const policies = new Set<string>();
  const used = new Set<string>();
  const hashes = new Map<string, string>();
  // Each distinct problem once, at its first place, with how often it recurs: a component's problem is on every page.
  const problems = new Map<string, { first: string; times: number; pages: Set<string> }>();
  const report = (message: string, where: string, page: string) => {
    const problem = problems.get(message) ?? { first: where, times: 0, pages: new Set<string>() };
    problem.times++;
    problem.pages.add(page);
    problems.set(message, problem);
  };
  let checked = 0;
  for (const { pathname } of pages) {
    const file = builtPageFile(out, pathname);
    if (!file) continue;
    // Read without blocking: Pagefind indexes meanwhile (site.ts) and its process talks to this one.
    const html = await readFile(file, 'utf8');
    const audit = await auditPage(html, hashes);
    const name = join('dist', relative(out, file));
    checked++;
    if (audit.policy === undefined) report('the page has no Content-Security-Policy <meta>', name, name);
    else policies.add(audit.policy);
    for (const hash of audit.hashes) used.add(hash);
    for (const { offset, message } of audit.problems) {
      const { line, column } = lineAndColumn(html, offset);
      report(message, `${name}:${line}:${column}`, name);
    }
  }
  if (problems.size > 0) {
    const lines = [...problems].map(([message, { first, times, pages }]) =>
      times === 1 ? `${first}: ${message}` : `${first}: ${message} (${times} times, on ${pages.size} pages)`,
    );
    const count = countOf(problems.size, 'problem');
    process.stderr.write(
      `${lines.join('\n')}\n\n${count} with the pages' Content-Security-Policy: the build stopped.\n`,
    );
    process.exit(1);
  }
  // Redirect pages, when the build writes them, are the site's, not Astro's: one script, the same everywhere
  // (aliases.ts).
  if (redirectPages) {
    policies.add(REDIRECT_POLICY);
    used.add(await hashSource(REDIRECT_SCRIPT));
  }
  const target = join(out, '_headers');
  const text = renderSiteHeadersFile(
    buildHeaderPolicy([...policies], used),
    existsSync(target) ? readFileSync(target, 'utf8') : '',
  );
  writeFileSync(target, text);
  for (const { line, length } of findLongLines(text))
    logger.warn(`dist/_headers:${line}: ${length} characters; Cloudflare Pages reads lines of at most 2,000`);
  const ms = Math.round(performance.now() - started);
  logger.info(`${checked} pages checked against their Content-Security-Policy, _headers written in ${ms} ms`);
}

/** The HTML file Astro wrote for a page's pathname (`ecs/ecs-0010/` or `404`), or undefined for other files. */
function builtPageFile(out: string, pathname: string): string | undefined {
  const path = pathname.replace(/^\/+|\/+$/g, '');
  return [join(out, path, 'index.html'), join(out, `${path}.html`)].find((file) => existsSync(file));
}
