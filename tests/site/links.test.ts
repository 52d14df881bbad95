/**
 * Every link in the built site, read as files: no internal link or #anchor leads nowhere, every code page
 * is listed by an index page, and every page can be reached from another. Problems are collected across
 * the whole site and reported at once, one `page -> href: problem` line each.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { codePath } from '../../src/lib/core/urls.ts';
import { loadServices } from '../../src/lib/assembly/load-site.ts';
import { DIST_DIR, readBuiltFile } from '../support/site.ts';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { services } = loadServices(path.join(REPO, 'content'), REPO);

/** One built HTML file: its site path, the links it makes, the ids it holds, and whether it only redirects. */
interface BuiltPage {
  path: string;
  links: string[];
  ids: Set<string>;
  isRedirect: boolean;
}

/** Where a link leads inside the site, or why it does not. */
type Resolved =
  | { kind: 'external' }
  | { kind: 'page'; path: string; fragment: string }
  | { kind: 'file'; path: string }
  | { kind: 'broken'; problem: string };

/** Links a page makes without script: anchors, resources, and form actions (the paste box submits to /lookup/). */
const ATTRIBUTE_LINK = /<(a|link|script|img|source|iframe|form)\b(?:[^>"]|"[^"]*")*?\s(href|src|action)="([^"]*)"/g;
const ID = /\s(?:id|name)="([^"]*)"/g;
const META_REFRESH = /<meta\s+http-equiv="refresh"\s+content="[^"]*?url=([^"]+)"/i;
const NOT_FETCHED = /^(mailto|tel|javascript|data):/i;

/** Decodes the few entities Astro writes inside attribute values. */
function decodeEntities(value: string): string {
  return value.replace(
    /&(amp|quot|#39|lt|gt);/g,
    (_, e: string) => ({ amp: '&', quot: '"', '#39': "'", lt: '<', gt: '>' })[e]!,
  );
}

/** The HTML without script bodies, styles and templates, whose text can look like markup. */
function markupOnly(html: string): string {
  return html.replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1>/g, (m) => m.slice(0, m.indexOf('>') + 1));
}

/** Every .html file under dist/, as site paths: `/ecs/` for `ecs/index.html`, `/404.html` for `404.html`. */
function listHtmlFiles(dir = DIST_DIR, prefix = '/'): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return listHtmlFiles(full, `${prefix}${name}/`);
    return name.endsWith('.html') ? [name === 'index.html' ? prefix : `${prefix}${name}`] : [];
  });
}

/** Reads a built page's links (a redirect page's meta refresh included) and ids. */
function readPage(sitePath: string): BuiltPage {
  const html = readBuiltFile(sitePath);
  const markup = markupOnly(html);
  const refresh = META_REFRESH.exec(html)?.[1];
  const links = [...markup.matchAll(ATTRIBUTE_LINK)].map((m) => decodeEntities(m[3]));
  if (refresh) links.push(decodeEntities(refresh));
  return {
    path: sitePath,
    links,
    ids: new Set([...markup.matchAll(ID)].map((m) => decodeEntities(m[1]))),
    isRedirect: refresh !== undefined,
  };
}

/** The site's own origin (from the sitemap index), so absolute links to it count as internal. */
function siteOrigin(): string | undefined {
  const file = path.join(DIST_DIR, 'sitemap-index.xml');
  if (!existsSync(file)) return undefined;
  const loc = /<loc>([^<]+)<\/loc>/.exec(readFileSync(file, 'utf8'))?.[1];
  return loc ? new URL(loc).origin : undefined;
}

/** Resolves a link made on `from` the way a static host would serve it. */
function resolveLink(from: string, href: string, origin: string | undefined): Resolved {
  if (NOT_FETCHED.test(href)) return { kind: 'external' };
  const base = 'http://site.invalid';
  let url: URL;
  try {
    url = new URL(href, `${base}${from}`);
  } catch {
    return { kind: 'broken', problem: 'not a valid URL' };
  }
  const internal = url.origin === base || (origin !== undefined && url.origin === origin);
  if (!internal) return { kind: 'external' };
  let pathname: string;
  let fragment: string;
  try {
    pathname = decodeURIComponent(url.pathname);
    fragment = decodeURIComponent(url.hash.slice(1));
  } catch {
    return { kind: 'broken', problem: 'malformed percent-encoding' };
  }
  const file = path.join(DIST_DIR, pathname);
  if (!file.startsWith(DIST_DIR)) return { kind: 'broken', problem: 'leaves the site root' };
  const isDir = existsSync(file) && statSync(file).isDirectory();
  if (isDir) {
    if (!existsSync(path.join(file, 'index.html')))
      return { kind: 'broken', problem: `dist${pathname} is a folder without index.html` };
    return { kind: 'page', path: pathname.endsWith('/') ? pathname : `${pathname}/`, fragment };
  }
  if (pathname.endsWith('/')) return { kind: 'broken', problem: `no dist${pathname}index.html` };
  if (!existsSync(file)) return { kind: 'broken', problem: `no file dist${pathname}` };
  return pathname.endsWith('.html') ? { kind: 'page', path: pathname, fragment } : { kind: 'file', path: pathname };
}

let pages: Map<string, BuiltPage>;
let origin: string | undefined;

beforeAll(() => {
  pages = new Map(listHtmlFiles().map((p) => [p, readPage(p)]));
  origin = siteOrigin();
});

/** The pages each real (non-redirect) page links to, self-links left out. */
function linkTargets(): Map<string, Set<string>> {
  const targets = new Map<string, Set<string>>();
  for (const page of pages.values()) {
    if (page.isRedirect) continue;
    const out = new Set<string>();
    for (const href of page.links) {
      const resolved = resolveLink(page.path, href, origin);
      if (resolved.kind === 'page' && resolved.path !== page.path) out.add(resolved.path);
    }
    targets.set(page.path, out);
  }
  return targets;
}

describe('links in the built site', () => {
  it('reads a site with pages, a 404 page and _redirects', () => {
    const all = [...pages.values()];
    expect(all.filter((p) => !p.isRedirect).length).toBeGreaterThan(100);
    expect(pages.has('/404.html')).toBe(true);
    expect(existsSync(path.join(DIST_DIR, '_redirects'))).toBe(true);
  });

  it('has no internal link to a missing file and no #anchor missing on its target page', () => {
    const problems: string[] = [];
    for (const page of pages.values()) {
      for (const href of new Set(page.links)) {
        const resolved = resolveLink(page.path, href, origin);
        if (resolved.kind === 'broken') problems.push(`${page.path} -> ${href}: ${resolved.problem}`);
        if (resolved.kind !== 'page' || resolved.fragment === '' || resolved.fragment.toLowerCase() === 'top') continue;
        const target = pages.get(resolved.path);
        if (target && !target.ids.has(resolved.fragment))
          problems.push(`${page.path} -> ${href}: no id="${resolved.fragment}" on ${resolved.path}`);
      }
    }
    expect(problems.join('\n')).toBe('');
  });

  it('sends every _redirects rule and redirect page to a real page, not to another redirect', () => {
    const rules = readBuiltFile('/_redirects')
      .split('\n')
      .filter((line) => line !== '' && !line.startsWith('#'))
      .map((line) => ({ from: line.split(' ')[0], to: line.split(' ')[1] }));
    // A redirect page's last link is its meta refresh.
    const redirectPages = [...pages.values()]
      .filter((page) => page.isRedirect)
      .map((page) => ({ from: page.path, to: page.links[page.links.length - 1] }));
    const problems: string[] = [];
    for (const { from, to } of [...rules, ...redirectPages]) {
      const resolved = resolveLink(from, to, origin);
      if (resolved.kind !== 'page')
        problems.push(`${from} -> ${to}: ${resolved.kind === 'broken' ? resolved.problem : 'not a page of this site'}`);
      else if (pages.get(resolved.path)?.isRedirect) problems.push(`${from} -> ${to}: redirects again (a chain)`);
    }
    expect(rules.length).toBeGreaterThan(0);
    expect(problems.join('\n')).toBe('');
  });

  it("links every code page from an index page (a service's /all/ page or one of its category pages)", () => {
    const targets = linkTargets();
    const problems: string[] = [];
    for (const { catalogue, categories } of services) {
      const indexPaths = [`/${catalogue.id}/all/`, ...categories.map((c) => c.path)];
      const listed = new Set(indexPaths.flatMap((p) => [...(targets.get(p) ?? [])]));
      for (const entry of catalogue.entries) {
        const page = codePath(entry);
        if (!pages.has(page)) problems.push(`${page}: ${entry.code} has no built page`);
        else if (!listed.has(page))
          problems.push(`${page}: ${entry.code} is on no index page (${indexPaths.length} checked)`);
      }
    }
    expect(problems.join('\n')).toBe('');
  });

  it('leaves no page that no other page links to (except /, the 404 page and redirect pages)', () => {
    const linked = new Set([...linkTargets().values()].flatMap((s) => [...s]));
    const orphans = [...pages.values()]
      .filter((p) => !p.isRedirect && p.path !== '/' && p.path !== '/404.html' && !linked.has(p.path))
      .map((p) => p.path);
    expect(orphans.map((p) => `${p}: no page links here`).join('\n')).toBe('');
  });
});
