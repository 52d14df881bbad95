import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalizeSiteUrl, SITE_URL } from '../../src/lib/core/urls.ts';
import { DIST_DIR, readBuiltFile } from '../support/site.ts';
import { childrenNamed, OPENSEARCH_NS, parseXml, readAtomFeed } from '../support/xml.ts';

// The built site's feeds and OpenSearch description as files: each parsed by a strict XML parser and held to what
// Atom and OpenSearch require, every link in them leading to a built page, and every page linking them.
const SITE = normalizeSiteUrl(SITE_URL);

/** Every file under dist/ whose name passes the test, as a site path (`/ecs/changes.xml`). */
function builtFiles(test: (name: string) => boolean, dir = DIST_DIR): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return builtFiles(test, full);
    return test(entry.name) ? [`/${path.relative(DIST_DIR, full).split(path.sep).join('/')}`] : [];
  });
}

/** Whether a site URL's path is a built page or file. */
function isBuilt(url: string): boolean {
  const { pathname } = new URL(url);
  return existsSync(path.join(DIST_DIR, pathname.endsWith('/') ? `${pathname}index.html` : pathname));
}

/** The `<link>` tags of a page's head with a rel, as attribute maps. */
function headLinks(html: string, rel: string): Record<string, string>[] {
  const head = /<head>[\s\S]*<\/head>/.exec(html)?.[0] ?? '';
  return [...head.matchAll(/<link\b([^>]*)\/?>/g)]
    .map((m) => Object.fromEntries([...m[1].matchAll(/([\w-]+)="([^"]*)"/g)].map((a) => [a[1], a[2]])))
    .filter((attrs) => attrs.rel === rel);
}

describe('the built change feeds', () => {
  const feeds = builtFiles((name) => name === 'changes.xml');

  it('are the site’s and one for each service', () => {
    expect(feeds.sort()).toEqual(['/changes.xml', '/ecs/changes.xml']);
  });

  it('are well-formed Atom feeds whose self link is where they are, their entries linking built pages', () => {
    for (const feedPath of feeds) {
      const feed = readAtomFeed(readBuiltFile(feedPath), feedPath);
      expect(feed.self, feedPath).toBe(`${SITE}${feedPath}`);
      expect(feed.id, feedPath).toBe(`${SITE}${feedPath}`);
      expect(feed.entries.length, feedPath).toBeGreaterThan(0);
      for (const entry of feed.entries) {
        expect(isBuilt(entry.link), `${feedPath}: ${entry.link}`).toBe(true);
        expect(entry.contentType).toBe('html');
        for (const [, href] of entry.content.matchAll(/<a href="([^"]*)"/g))
          expect(isBuilt(href), `${feedPath}: ${href} in ${entry.id}`).toBe(true);
      }
    }
  });

  it('date ECS’s table by its published date: one entry of its 147 codes', () => {
    const feed = readAtomFeed(readBuiltFile('/ecs/changes.xml'));
    expect(feed.entries.map((e) => [e.title, e.link])).toEqual([
      ['ECS error codes, 2022-03-28: 147 codes', `${SITE}/ecs/`],
    ]);
  });
});

describe('the built OpenSearch description', () => {
  it('is OpenSearch 1.1 XML that sends a search to the lookup page of the site', () => {
    const root = parseXml(readBuiltFile('/opensearch.xml'));
    expect({ name: root.name, ns: root.ns }).toEqual({ name: 'OpenSearchDescription', ns: OPENSEARCH_NS });
    expect(childrenNamed(root, 'ShortName')[0].text).toBe('Cloud API Errors');
    expect(childrenNamed(root, 'InputEncoding')[0].text).toBe('UTF-8');
    const image = childrenNamed(root, 'Image')[0].text;
    expect(image).toBe(`${SITE}/favicon.svg`);
    expect(isBuilt(image)).toBe(true);
    const html = childrenNamed(root, 'Url').find((u) => u.attributes.type === 'text/html');
    expect(html?.attributes.template).toBe(`${SITE}/lookup/?q={searchTerms}`);
  });
});

describe('every built page’s head', () => {
  const pages = builtFiles((name) => name.endsWith('.html'));

  it('links the OpenSearch description once', () => {
    for (const page of pages)
      expect(headLinks(readBuiltFile(page), 'search'), page).toEqual([
        {
          rel: 'search',
          type: 'application/opensearchdescription+xml',
          title: 'Cloud API Error Codes',
          href: '/opensearch.xml',
        },
      ]);
  });

  it('links one Atom feed that exists: its service’s under /ecs/, the site’s elsewhere', () => {
    for (const page of pages) {
      const feeds = headLinks(readBuiltFile(page), 'alternate').filter((l) => l.type === 'application/atom+xml');
      const expected = page.startsWith('/ecs/') ? '/ecs/changes.xml' : '/changes.xml';
      expect(
        feeds.map((l) => l.href),
        page,
      ).toEqual([expected]);
      expect(isBuilt(`${SITE}${expected}`)).toBe(true);
    }
  });
});
