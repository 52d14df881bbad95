/**
 * Every row of the ECS table, checked on the built code pages: the page of the row's code holds, in
 * the variant section of that row, its status, message, description and solution. The expected texts
 * come straight from the RST file, not from the catalogue the pages were built from.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { toPlainText } from '../../src/lib/rst/markup.ts';
import { readErrorTable, type ErrorRow } from '../../src/lib/rst/error-table.ts';
import { rstToMdast } from '../../src/lib/rst/inline.ts';
import { DIST_DIR, readBuiltFile } from '../support/site.ts';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { table } = readErrorTable(
  readFileSync(path.join(REPO, 'content/ecs/error-codes.rst'), 'utf8'),
  'content/ecs/error-codes.rst',
);
const rows = table?.rows ?? [];

/** `Ecs.0010` -> `ecs-0010`, written out here rather than taken from the site code. */
function slugOf(code: string): string {
  return code.toLowerCase().replace(/[._]/g, '-');
}

/** The fragment of each row: `http-<status>`, then `http-<status>-2` for a second row of a code with that status. */
function anchorOf(row: ErrorRow): string {
  const earlier = rows
    .slice(0, rows.indexOf(row))
    .filter((r) => r.code === row.code && r.statuses[0] === row.statuses[0]).length;
  return earlier === 0 ? `http-${row.statuses[0]}` : `http-${row.statuses[0]}-${earlier + 1}`;
}

/** The HTML of the variant section headed by `id`, or undefined. */
function variantSection(html: string, id: string): string | undefined {
  const start = html.search(new RegExp(`<section class="variant"[^>]*aria-labelledby="${id}"`));
  if (start < 0) return undefined;
  const end = html.indexOf('</section>', start);
  return html.slice(start, end);
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Decodes the named entities HTML serialisers emit and every numeric one (`&#39;`, `&#x3C;`). */
function decodeEntities(html: string): string {
  return html.replace(/&(?:#x([0-9a-f]+)|#(\d+)|([a-z]+));/gi, (entity, hex: string, dec: string, name: string) => {
    if (hex) return String.fromCodePoint(parseInt(hex, 16));
    if (dec) return String.fromCodePoint(Number(dec));
    return ENTITIES[name] ?? entity;
  });
}

/** Visible text of an HTML fragment: block tags become spaces, inline tags vanish, entities decoded, whitespace collapsed. */
function textOf(html: string): string {
  const blocksApart = html.replace(/<\/?(p|li|ul|ol|dd|dt|dl|h\d|div|br|section|aside|tr|td|th)\b[^>]*>/gi, ' ');
  return collapse(decodeEntities(blocksApart.replace(/<[^>]+>/g, '')));
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function cellText(rst: string): string {
  return collapse(toPlainText(rstToMdast(rst)));
}

describe('the code pages say what the RST table says', () => {
  it('reads 148 rows from the table', () => {
    expect(rows).toHaveLength(148);
  });

  it('has one page directory per code: 147 under dist/ecs/', () => {
    const codes = [...new Set(rows.map((r) => r.code))];
    expect(codes).toHaveLength(147);
    const missing = codes.filter((code) => !existsSync(path.join(DIST_DIR, 'ecs', slugOf(code), 'index.html')));
    expect(missing).toEqual([]);
    const codeDirs = readdirSync(path.join(DIST_DIR, 'ecs')).filter((name) => /^(ecs|common|pdp)-\d+$/.test(name));
    expect(codeDirs.sort()).toEqual(codes.map(slugOf).sort());
  });

  for (const row of rows) {
    it(`shows ${row.code} HTTP ${row.statuses.join('/')} (line ${row.line}) with its message, description and solution`, () => {
      const html = readBuiltFile(`/ecs/${slugOf(row.code)}/`);
      const section = variantSection(html, anchorOf(row));
      if (!section) throw new Error(`/ecs/${slugOf(row.code)}/ has no variant section #${anchorOf(row)}`);
      const shown = textOf(section);
      expect(shown).toContain(`HTTP ${row.statuses.join('/')}`);
      expect(shown).toContain(cellText(row.message.text));
      expect(shown).toContain(cellText(row.description.text));
      expect(shown).toContain(cellText(row.solution.text));
      expect(section).toMatch(new RegExp(`<h2 id="${anchorOf(row)}"`));
    });
  }
});

describe('the code pages keep the markup of the table', () => {
  it('shows op_suspended in bold in the message of Ecs.0003', () => {
    const message = /<p class="message"[^>]*>([\s\S]*?)<\/p>/.exec(readBuiltFile('/ecs/ecs-0003/'))?.[1];
    expect(message).toContain('<strong>op_suspended</strong>');
  });

  it('shows __system__server_id in bold in the solution of Ecs.0017', () => {
    const solution = /<dd class="solution"[^>]*>([\s\S]*?)<\/dd>/.exec(readBuiltFile('/ecs/ecs-0017/'))?.[1];
    expect(solution).toContain('<strong>__system__server_id</strong>');
  });

  it('shows the solution of Ecs.0615 as two paragraphs', () => {
    const solution = /<dd class="solution"[^>]*>([\s\S]*?)<\/dd>/.exec(readBuiltFile('/ecs/ecs-0615/'))?.[1] ?? '';
    expect(solution.match(/<p>/g)).toHaveLength(2);
  });

  it('marks the slot of Ecs.0010 in its message', () => {
    const message = /<p class="message"[^>]*>([\s\S]*?)<\/p>/.exec(readBuiltFile('/ecs/ecs-0010/'))?.[1];
    expect(message).toMatch(/^Private IP address <var class="slot"[^>]*>%s<\/var> is already in use\.$/);
  });
});
