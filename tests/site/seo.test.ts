/**
 * What search engines and link previews read from the built site: robots.txt, the sitemap, and each code
 * page's canonical link, description and Open Graph tags. Read as files; problems are reported all at once.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { codePath } from '../../src/lib/core/urls.ts';
import { loadServices } from '../../src/lib/assembly/load-site.ts';
import { normalizeSiteUrl, SITE_URL } from '../../src/lib/core/urls.ts';
import { DIST_DIR, readBuiltFile } from '../support/site.ts';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { services } = loadServices(path.join(REPO, 'content'), REPO);

/** The site URL the build used: the project's one definition, which no environment variable changes. */
const SITE = normalizeSiteUrl(SITE_URL);

const META_REFRESH = /<meta\s+http-equiv="refresh"/i;

/** Decodes the entities Astro writes inside attribute values. */
function decodeEntities(value: string): string {
  return value.replace(
    /&(amp|quot|#39|#x27|lt|gt);/g,
    (_, e: string) => ({ amp: '&', quot: '"', '#39': "'", '#x27': "'", lt: '<', gt: '>' })[e]!,
  );
}

/** The value of an attribute on the first tag that has `key="name"`, e.g. `<meta name="description" content=...>`. */
function tagAttribute(html: string, tag: string, key: string, name: string, attribute: string): string | undefined {
  // Attribute values may hold `>` (a message like "cannot contain '<' and '>'"), so quoted values are skipped whole.
  for (const [element] of html.matchAll(new RegExp(`<${tag}\\b(?:[^>"]|"[^"]*")*>`, 'g'))) {
    if (!new RegExp(`\\s${key}="${name}"`).test(element)) continue;
    const value = new RegExp(`\\s${attribute}="([^"]*)"`).exec(element)?.[1];
    if (value !== undefined) return decodeEntities(value);
  }
  return undefined;
}

const canonicalOf = (html: string) => tagAttribute(html, 'link', 'rel', 'canonical', 'href');
const metaName = (html: string, name: string) => tagAttribute(html, 'meta', 'name', name, 'content');
const metaProperty = (html: string, property: string) => tagAttribute(html, 'meta', 'property', property, 'content');

/** Every index.html under dist/ as site paths, split into real pages and redirect (alias) pages. */
function listBuiltPages(dir = DIST_DIR, prefix = '/'): { path: string; isRedirect: boolean }[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return listBuiltPages(full, `${prefix}${name}/`);
    return name === 'index.html' ? [{ path: prefix, isRedirect: META_REFRESH.test(readBuiltFile(prefix)) }] : [];
  });
}

/** The site paths the sitemap lists, from the index and every sitemap file it names. */
function sitemapPaths(): { paths: string[]; foreign: string[] } {
  const index = readBuiltFile('/sitemap-index.xml');
  const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => decodeEntities(m[1]));
  const urls = locs(index).flatMap((sitemap) => locs(readBuiltFile(new URL(sitemap).pathname)));
  return {
    paths: urls.filter((u) => u.startsWith(`${SITE}/`)).map((u) => u.slice(SITE.length)),
    foreign: urls.filter((u) => !u.startsWith(`${SITE}/`)),
  };
}

/** The first words of a message, at most about 40 characters, cut at a word boundary. */
function messageStart(message: string): string {
  const clean = message.replace(/\s+/g, ' ').trim();
  if (clean.length <= 40) return clean;
  const cut = clean.slice(0, 40);
  return cut.slice(0, cut.lastIndexOf(' ') > 10 ? cut.lastIndexOf(' ') : 40);
}

const codePages = services.flatMap(({ catalogue }) =>
  catalogue.entries.map((entry) => ({ entry, path: codePath(entry) })),
);
const codePaths = new Set(codePages.map((c) => c.path));
const categoryPaths = services.flatMap(({ catalogue, categories }) => [
  `/${catalogue.id}/`,
  `/${catalogue.id}/all/`,
  ...categories.map((c) => c.path),
]);

describe('robots.txt', () => {
  it('allows crawling and names the sitemap index with the full site URL', () => {
    expect(existsSync(path.join(DIST_DIR, 'robots.txt'))).toBe(true);
    const robots = readBuiltFile('/robots.txt');
    expect(robots).toMatch(/^User-agent: \*$/m);
    expect(robots).not.toMatch(/^Disallow: \/\s*$/m);
    expect(robots).toMatch(
      new RegExp(`^Sitemap: ${SITE.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/sitemap-index\\.xml$`, 'm'),
    );
  });
});

describe('the sitemap', () => {
  it(`lists only URLs under ${SITE}`, () => {
    expect(sitemapPaths().foreign).toEqual([]);
  });

  it(`lists every code page (${codePages.length}) and every index page`, () => {
    const listed = new Set(sitemapPaths().paths);
    const missing = [...codePages.map((c) => c.path), ...categoryPaths].filter((p) => !listed.has(p));
    expect(missing.map((p) => `${SITE}${p}: not in the sitemap`).join('\n')).toBe('');
  });

  it('lists no redirect page, no 404 page, and nothing that is not built', () => {
    const built = new Map(listBuiltPages().map((p) => [p.path, p]));
    const problems = sitemapPaths().paths.flatMap((p) => {
      if (/^\/404(\.html|\/)?$/.test(p)) return [`${SITE}${p}: the 404 page`];
      const page = built.get(p);
      if (!page) return [`${SITE}${p}: no dist${p}index.html`];
      return page.isRedirect ? [`${SITE}${p}: a redirect page`] : [];
    });
    expect(problems.join('\n')).toBe('');
  });
});

describe('code pages', () => {
  it('each has a canonical link to itself, a description with its code and message, og:title and og:description', () => {
    const problems: string[] = [];
    for (const { entry, path: page } of codePages) {
      const html = readBuiltFile(page);
      const canonical = canonicalOf(html);
      if (canonical !== `${SITE}${page}`)
        problems.push(`${page}: canonical is ${canonical ?? 'missing'}, expected ${SITE}${page}`);
      const description = metaName(html, 'description')?.replace(/\s+/g, ' ');
      const start = messageStart(entry.variants[0].message.text);
      if (!description) problems.push(`${page}: no meta description`);
      else {
        if (!description.includes(entry.code))
          problems.push(`${page}: meta description lacks ${entry.code}: "${description}"`);
        if (!description.includes(start))
          problems.push(`${page}: meta description lacks the message start "${start}": "${description}"`);
      }
      if (!metaProperty(html, 'og:title')?.trim()) problems.push(`${page}: no og:title`);
      const ogDescription = metaProperty(html, 'og:description');
      if (!ogDescription?.trim()) problems.push(`${page}: no og:description`);
    }
    expect(problems.join('\n')).toBe('');
  });

  it('Ecs.0010 reads as expected in a link preview', () => {
    const html = readBuiltFile('/ecs/ecs-0010/');
    expect(metaProperty(html, 'og:title')).toContain('Ecs.0010');
    expect(metaName(html, 'description')).toMatch(
      /^Ecs\.0010 \(ECS, HTTP 400\): Private IP address %s is already in use\./,
    );
    expect(metaProperty(html, 'og:url')).toBe(`${SITE}/ecs/ecs-0010/`);
    expect(metaName(html, 'twitter:card')).toMatch(/^summary/);
  });
});

/** The rules of dist/_redirects: `from to status` each. */
function redirectRules(): { from: string; to: string; status: string }[] {
  return readBuiltFile('/_redirects')
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const [from, to, status] = line.split(' ');
      return { from, to, status };
    });
}

describe('spellings of code URLs', () => {
  it('have no page of their own: the 404 page (noindex) answers them, so no redirect page can be indexed', () => {
    expect(
      listBuiltPages()
        .filter((p) => p.isRedirect)
        .map((p) => p.path),
    ).toEqual([]);
  });

  it('are sent by _redirects with a 301 to a code page that names itself canonical, never from a page', () => {
    const built = new Set(listBuiltPages().map((p) => p.path));
    const rules = redirectRules();
    expect(rules.length).toBeGreaterThan(0);
    const problems = rules.flatMap(({ from, to, status }) => {
      const found: string[] = [];
      if (status !== '301') found.push(`${from}: status ${status}, expected 301`);
      if (built.has(from)) found.push(`${from}: is a page of the site`);
      const target = new URL(to, SITE);
      if (target.pathname === '/lookup/') {
        if (!target.searchParams.get('code')) found.push(`${from} -> ${to}: the lookup page without a code`);
      } else if (!codePaths.has(to)) found.push(`${from} -> ${to}: not a code page`);
      else if (canonicalOf(readBuiltFile(to)) !== `${SITE}${to}`) found.push(`${from} -> ${to}: not its own canonical`);
      return found;
    });
    expect(problems.join('\n')).toBe('');
  });
});

describe('the 404 page', () => {
  it('is noindex and has no canonical link (it answers at any missing address)', () => {
    const html = readBuiltFile('/404.html');
    expect(metaName(html, 'robots') ?? '', 'needs the Head override in astro.config.mjs').toMatch(/noindex/);
    expect(canonicalOf(html)).toBeUndefined();
  });
});
