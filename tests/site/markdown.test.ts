/**
 * The Markdown twins of the built site, held against the ECS table: for every row, the Markdown its code page names
 * in its <head> says its status, message, description and solution, read back as CommonMark. The expected texts come
 * straight from the RST file, as for the pages (fidelity.test.ts). Then /llms.txt: its shape, and every link it has
 * leads to a file of dist/.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Nodes, Root, RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { describe, expect, it } from 'vitest';
import { readErrorTable, type ErrorRow } from '../../src/lib/rst/error-table.ts';
import { rstToMdast } from '../../src/lib/rst/inline.ts';
import { toPlainText } from '../../src/lib/rst/markup.ts';
import { readLlmsTxt } from '../support/llms-txt.ts';
import { DIST_DIR, readBuiltFile } from '../support/site.ts';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { table } = readErrorTable(
  readFileSync(path.join(REPO, 'content/ecs/error-codes.rst'), 'utf8'),
  'content/ecs/error-codes.rst',
);
const rows = table?.rows ?? [];
const codes = [...new Set(rows.map((r) => r.code))];

/** `Ecs.0010` -> `ecs-0010`, written out here rather than taken from the site code. */
function slugOf(code: string): string {
  return code.toLowerCase().replace(/[._]/g, '-');
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** A cell of the table as the reader sees it: its plain text, whitespace collapsed. */
function cellText(rst: string): string {
  return collapse(toPlainText(rstToMdast(rst)));
}

/** Markdown as a reader sees it: read as CommonMark, then as plain text, whitespace collapsed. */
function markdownText(nodes: RootContent[]): string {
  return collapse(toPlainText({ type: 'root', children: nodes } as Root));
}

/** The href of the code page's `<link rel="alternate" type="text/markdown">`. */
function markdownLinkOf(code: string): string {
  const html = readBuiltFile(`/ecs/${slugOf(code)}/`);
  const href = /<link rel="alternate" type="text\/markdown" href="([^"]+)"\/?>/.exec(html)?.[1];
  if (!href) throw new Error(`/ecs/${slugOf(code)}/ names no Markdown in its <head>`);
  return href;
}

/** The section of a Markdown file that follows `<a id="<id>"></a>`, up to the next code's anchor or the end. */
function sectionOf(markdown: string, id: string): string | undefined {
  const anchor = `<a id="${id}"></a>\n`;
  const start = markdown.indexOf(anchor);
  if (start < 0) return undefined;
  const end = markdown.indexOf('<a id="', start + anchor.length);
  return markdown.slice(start + anchor.length, end < 0 ? undefined : end);
}

/** A code's rows in its Markdown section: the blocks under each level-3 heading, in order (rows come first). */
function rowBlocks(section: string): RootContent[][] {
  const groups: RootContent[][] = [];
  for (const node of fromMarkdown(section).children) {
    if (node.type === 'heading' && node.depth === 3) groups.push([node]);
    else if (groups.length > 0 && !(node.type === 'heading' && node.depth < 3)) groups[groups.length - 1].push(node);
  }
  return groups;
}

/** The raw HTML of a Markdown tree, block and inline. */
function htmlIn(node: Nodes): string[] {
  if (node.type === 'html') return [node.value];
  return 'children' in node ? node.children.flatMap(htmlIn) : [];
}

/** The rows of the table for a code, in table order. */
function rowsOf(code: string): ErrorRow[] {
  return rows.filter((r) => r.code === code);
}

const markdownFiles = () =>
  readdirSync(path.join(DIST_DIR, 'ecs/errors'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `/ecs/errors/${name}`);

describe('the Markdown twins say what the RST table says', () => {
  it('reads 148 rows of 147 codes from the table, and each code page names its section of a Markdown file', () => {
    expect(rows).toHaveLength(148);
    expect(codes).toHaveLength(147);
    for (const code of codes) {
      const { pathname, hash } = new URL(markdownLinkOf(code), 'https://site.invalid');
      expect(pathname, code).toMatch(/^\/ecs\/errors\/[a-z0-9-]+--[a-z0-9-]+\.md$/);
      expect(hash, code).toBe(`#${slugOf(code)}`);
    }
  });

  it('has each code in exactly one Markdown file, in the order of errors.json, beside each JSON file one', () => {
    const files = markdownFiles();
    const json = readdirSync(path.join(DIST_DIR, 'ecs/errors')).filter((name) => name.endsWith('.json'));
    expect(files.map((f) => f.replace(/\.md$/, '.json').split('/').pop())).toEqual(json);
    const anchors = files.flatMap((f) => [...readBuiltFile(f).matchAll(/^<a id="([^"]+)"><\/a>$/gm)].map((m) => m[1]));
    const inOrder = (JSON.parse(readBuiltFile('/ecs/errors.json')) as { codes: { slug: string }[] }).codes;
    expect(anchors).toEqual(inOrder.map((c) => c.slug));
    expect([...anchors].sort()).toEqual(codes.map(slugOf).sort());
  });

  for (const code of codes) {
    const expected = rowsOf(code);
    it(`gives ${code} its ${expected.length} row(s) with status, message, description and solution`, () => {
      const href = markdownLinkOf(code);
      const file = href.slice(0, href.indexOf('#'));
      const section = sectionOf(readBuiltFile(file), slugOf(code));
      if (!section) throw new Error(`${file} has no section #${slugOf(code)}`);
      const blocks = rowBlocks(section);
      expect(blocks.length, code).toBeGreaterThanOrEqual(expected.length);
      expected.forEach((row, i) => {
        const shown = markdownText(blocks[i]);
        expect(shown).toContain(`HTTP ${row.statuses.join('/')}`);
        expect(shown).toContain(`Message: ${cellText(row.message.text)}`);
        expect(shown).toContain(`Description: ${cellText(row.description.text)}`);
        expect(shown).toContain(`Solution: ${cellText(row.solution.text)}`);
      });
      expect(collapse(section)).toContain(`- Page: <https://error-codes.example.org/ecs/${slugOf(code)}/>`);
    });
  }

  it('keeps the markup of the table: op_suspended in bold in the message of Ecs.0003', () => {
    const file = markdownLinkOf('Ecs.0003').split('#')[0];
    expect(sectionOf(readBuiltFile(file), 'ecs-0003')).toContain(
      '**Message:** The token role contains **op_suspended**. The current operation is not allowed.',
    );
  });

  it('writes no HTML but the anchors of the codes and <sup>/<sub>: a cell’s text is never raw HTML', () => {
    for (const file of markdownFiles()) {
      const html = htmlIn(fromMarkdown(readBuiltFile(file)));
      expect(
        html.filter((value) => !/^<a id="[a-z0-9-]+">$|^<\/a>$|^<\/?su[pb]>$/.test(value)),
        file,
      ).toEqual([]);
    }
  });
});

describe('/llms.txt', () => {
  const text = () => readBuiltFile('/llms.txt');

  it('has the shape of llmstxt.org: a title, a summary in a block quote, then lists of links under H2 sections', () => {
    const { problems, title, summary } = readLlmsTxt(text());
    expect(problems).toEqual([]);
    expect(title).toBe('Cloud API Error Codes');
    expect(summary).toMatch(/\(147 codes\)/);
  });

  it('links the service page, every Markdown file and errors.json of ECS, and each link leads to a file of dist/', () => {
    const { links } = readLlmsTxt(text());
    const paths = links.map((link) => new URL(link.url).pathname);
    expect(paths).toEqual(['/ecs/', ...markdownFiles(), '/ecs/errors.json', '/llms-full.txt']);
    for (const pathname of paths) {
      const file = path.join(DIST_DIR, pathname.endsWith('/') ? `${pathname}index.html` : pathname);
      expect(existsSync(file), pathname).toBe(true);
    }
    for (const link of links) expect(new URL(link.url).origin).toBe('https://error-codes.example.org');
  });

  it('has /llms-full.txt: the Markdown files of ECS one after the other, within 512 KiB', () => {
    const full = readBuiltFile('/llms-full.txt');
    expect(full).toBe(markdownFiles().map(readBuiltFile).join('\n'));
    expect(Buffer.byteLength(full)).toBeLessThanOrEqual(512 * 1024);
  });
});
