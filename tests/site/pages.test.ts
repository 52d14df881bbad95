/** The built index pages, read as files: category tables, links between pages, and what a page loads up front. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadServices } from '../../src/lib/assembly/load-site.ts';
import { DIST_DIR, readBuiltFile } from '../support/site.ts';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { services } = loadServices(path.join(REPO, 'content'), REPO);
const ecs = services.find((s) => s.catalogue.id === 'ecs')!;
const CODE_LINK = /href="(\/ecs\/(?:ecs|common|pdp)-\d+\/)[^"]*"/g;

/** The page's <main> element, where its own content lives (the sidebar and header are outside it). */
function mainOf(html: string): string {
  const start = html.indexOf('<main');
  const end = html.lastIndexOf('</main>');
  if (start < 0 || end < 0) throw new Error('the page has no <main>');
  return html.slice(start, end);
}

/** The code and link of every row of a page's code table, in order. */
function tableRows(html: string): { code: string; href: string }[] {
  const tbody = /<table class="code-table"[\s\S]*?<tbody>([\s\S]*?)<\/tbody>/.exec(html)?.[1];
  if (tbody === undefined) throw new Error('the page has no table.code-table with a tbody');
  return [...tbody.matchAll(/<tr\b[\s\S]*?<th scope="row"><a href="([^"]+)"><code>([^<]+)<\/code><\/a><\/th>/g)].map(
    (m) => ({ href: m[1], code: m[2] }),
  );
}

function hrefsIn(html: string): Set<string> {
  return new Set([...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]));
}

/** Every index.html under dist/, as site paths. */
function builtPages(dir = DIST_DIR, prefix = '/'): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return builtPages(full, `${prefix}${name}/`);
    return name.endsWith('.html') ? [name === 'index.html' ? prefix : `${prefix}${name}`] : [];
  });
}

describe('category pages', () => {
  for (const category of ecs.categories) {
    it(`${category.path} lists exactly its ${category.codes.length} codes, in order, each linking its page`, () => {
      const rows = tableRows(readBuiltFile(category.path));
      expect(rows.map((r) => r.code)).toEqual(category.codes);
      for (const row of rows) expect(row.href, row.code).toBe(`/ecs/${row.code.toLowerCase().replace('.', '-')}/`);
    });
  }

  it('link each row to a code page that exists', () => {
    for (const row of tableRows(readBuiltFile('/ecs/all/')))
      expect(() => readBuiltFile(row.href), row.href).not.toThrow();
  });
});

describe('links between pages', () => {
  it('the service page links every category page from its content', () => {
    const links = hrefsIn(mainOf(readBuiltFile('/ecs/')));
    const missing = ecs.categories.map((c) => c.path).filter((p) => !links.has(p));
    expect(missing).toEqual([]);
  });

  it('the home page links the ECS service page from its content', () => {
    expect(hrefsIn(mainOf(readBuiltFile('/')))).toContain('/ecs/');
  });

  it('a code page links only a few other codes, not the whole catalogue', () => {
    for (const code of ['ecs-0010', 'ecs-1000', 'ecs-0202', 'common-0024']) {
      const linked = new Set([...readBuiltFile(`/ecs/${code}/`).matchAll(CODE_LINK)].map((m) => m[1]));
      linked.delete(`/ecs/${code}/`);
      expect(linked.size, code).toBeGreaterThan(0);
      expect(linked.size, code).toBeLessThan(30);
    }
  });

  it('the sidebar of a code page links no code page', () => {
    const html = readBuiltFile('/ecs/ecs-0010/');
    const sidebar = /<nav[^>]*aria-label="Main"[\s\S]*?<\/nav>/.exec(html)?.[0];
    if (!sidebar) throw new Error('/ecs/ecs-0010/ has no main navigation (sidebar)');
    expect([...sidebar.matchAll(CODE_LINK)].map((m) => m[1])).toEqual([]);
    expect(sidebar).toContain('href="/ecs/topic/network/"');
  });
});

describe('files a page refers to', () => {
  it('every <link> and <script src> of the home page, a code page and a category page points at a built file', () => {
    const missing: string[] = [];
    for (const page of ['/', '/ecs/ecs-0010/', '/ecs/all/']) {
      const html = readBuiltFile(page);
      const refs = [...html.matchAll(/<(?:link\b[^>]*\bhref|script\b[^>]*\bsrc)="(\/[^"]*)"/g)].map((m) => m[1]);
      for (const ref of refs) {
        try {
          readBuiltFile(ref.split(/[?#]/)[0]);
        } catch {
          missing.push(`${page} -> ${ref}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });
});

describe('scripts that load before the search dialog opens', () => {
  const pages = builtPages();

  it('no page loads or preloads the search dialog code up front', () => {
    const eager = pages.filter((p) =>
      /<(script|link)\b[^>]*(src|href)="[^"]*search-dialog[^"]*"/.test(readBuiltFile(p)),
    );
    expect(pages.length).toBeGreaterThan(180);
    expect(eager).toEqual([]);
  });

  it('the search script every page loads is small (under 4 KB)', () => {
    const sources = new Set(
      pages.flatMap((p) =>
        [...readBuiltFile(p).matchAll(/<script\b[^>]*src="(\/_astro\/Search[^"]*)"/g)].map((m) => m[1]),
      ),
    );
    expect(sources.size).toBe(1);
    for (const src of sources) expect(readFileSync(path.join(DIST_DIR, src)).length, src).toBeLessThan(4096);
  });
});

describe("the theme menu's icons", () => {
  const pages = builtPages();

  it('come from the stylesheet: no page has an SVG in its theme menus or a template of theme icons', () => {
    const problems = pages.flatMap((p) => {
      const html = readBuiltFile(p);
      const menus = [...html.matchAll(/<starlight-theme-select\b[\s\S]*?<\/starlight-theme-select>/g)].map((m) => m[0]);
      return [
        ...(menus.some((menu) => /<svg\b/.test(menu)) ? [`${p}: an <svg> in a theme menu`] : []),
        ...(/\bid="theme-icons"/.test(html) ? [`${p}: a <template id="theme-icons">`] : []),
      ];
    });
    expect(pages.length).toBeGreaterThan(180);
    expect(problems).toEqual([]);
  });

  it('a code page has its two theme menus, in the header and in the mobile menu, each with Dark, Light and Auto', () => {
    const html = readBuiltFile('/ecs/ecs-0010/');
    const menus = [...html.matchAll(/<starlight-theme-select\b[\s\S]*?<\/starlight-theme-select>/g)].map((m) => m[0]);
    expect(menus).toHaveLength(2);
    for (const menu of menus)
      expect([...menu.matchAll(/<option value="(\w+)"/g)].map((m) => m[1])).toEqual(['dark', 'light', 'auto']);
  });
});
