import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Nodes } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { describe, expect, it } from 'vitest';
import { readErrorTable, type ErrorRow, type ErrorTable } from '../../src/lib/rst/error-table.ts';
import { rstToMdast } from '../../src/lib/rst/inline.ts';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const ECS_FILE = path.join(REPO, 'content/ecs/error-codes.rst');
const ROLES = ['statusCell', 'codeCell', 'message', 'description', 'solution'] as const;

function readEcs(): ErrorTable {
  const { table, diagnostics } = readErrorTable(readFileSync(ECS_FILE, 'utf8'), 'content/ecs/error-codes.rst');
  expect(diagnostics).toEqual([]);
  return table!;
}

function findRow(table: ErrorTable, code: string, status?: number): ErrorRow {
  const row = table.rows.find((r) => r.code === code && (status === undefined || r.statuses.includes(status)));
  if (!row) throw new Error(`no row ${code} ${status ?? ''}`);
  return row;
}

function findNodes(tree: Nodes, type: string): Nodes[] {
  const found = tree.type === type ? [tree] : [];
  return 'children' in tree ? [...found, ...tree.children.flatMap((c) => findNodes(c, type))] : found;
}

/**
 * An independent reading of the file: for each row, split every line between two borders on "|"
 * (the data has no "|" inside cells) and trim; a cell's non-empty lines must equal those pieces.
 */
function checkAgainstSplitLines(text: string, table: ErrorTable) {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const borderCount = lines.filter(
    (l, i) => l.startsWith('+-') && i > lines.findIndex((x) => x.startsWith('+=')),
  ).length;
  expect(table.rows).toHaveLength(borderCount);
  for (const row of table.rows) {
    const rowLines: string[] = [];
    for (let i = row.line - 1; !lines[i].startsWith('+'); i++) rowLines.push(lines[i]);
    const pieces = rowLines.map((l) => l.trimEnd().split('|').slice(1, -1));
    ROLES.forEach((role, k) => {
      const cell = row[role];
      const expected = pieces.map((p) => p[k].trim()).filter((t) => t !== '');
      expect(
        cell.text
          .split('\n')
          .map((t) => t.trim())
          .filter((t) => t !== ''),
        `${row.code} ${role}`,
      ).toEqual(expected);
      if (rowLines.length === 1) {
        // The first content character is the first non-space after the k-th "|".
        const bars = [...rowLines[0].matchAll(/\|/g)].map((m) => m.index!);
        const at = rowLines[0].slice(bars[k] + 1).search(/\S/);
        expect(cell.column, `${row.code} ${role} column`).toBe(at < 0 ? bars[k] + 2 : bars[k] + 2 + at);
        expect(cell.line).toBe(row.line);
      }
    });
    expect(row.statuses).toEqual([Number(row.statusCell.text)]);
    expect(row.code).toBe(row.codeCell.text);
  }
}

describe('the ECS error-code table (content/ecs/error-codes.rst)', () => {
  it('has 148 rows with 147 distinct codes', () => {
    const table = readEcs();
    expect(table.rows).toHaveLength(148);
    expect(new Set(table.rows.map((r) => r.code)).size).toBe(147);
    expect(table.tables.map((t) => t.columns.map((c) => c.role))).toEqual([
      ['status', 'code', 'message', 'description', 'solution'],
    ]);
    expect(table.skipped).toEqual([]);
  });

  it('has the four Context notes', () => {
    const notes = readEcs().notes;
    expect(notes).toHaveLength(4);
    expect(notes[0]).toBe(
      'An error code returned by an API does not correspond to one error message. The following table lists only common error messages.',
    );
  });

  it('reads Ecs.0003 with op_suspended in strong type', () => {
    const tree = rstToMdast(findRow(readEcs(), 'Ecs.0003').message.text);
    expect(findNodes(tree, 'strong').map((n) => toString(n))).toEqual(['op_suspended']);
  });

  it('reads the Ecs.0017 solution with __system__server_id in strong type', () => {
    const tree = rstToMdast(findRow(readEcs(), 'Ecs.0017').solution.text);
    expect(findNodes(tree, 'strong').map((n) => toString(n))).toEqual(['__system__server_id']);
  });

  it('reads the Ecs.0615 solution as two paragraphs', () => {
    const row = findRow(readEcs(), 'Ecs.0615');
    expect(row.solution).toEqual({
      text: 'An internal system error occurred.\n\nContact customer service to locate the fault.',
      line: 242,
      column: 235,
    });
    const paragraphs = rstToMdast(row.solution.text).children;
    expect(paragraphs.map((p) => [p.type, toString(p)])).toEqual([
      ['paragraph', 'An internal system error occurred.'],
      ['paragraph', 'Contact customer service to locate the fault.'],
    ]);
  });

  it('reads the message of Ecs.1000 at status 404', () => {
    expect(findRow(readEcs(), 'Ecs.1000', 404).message.text).toBe('itemNotFound: xxx could not be found.');
  });

  it('matches an independent line-splitting reading in every cell of every row', () => {
    checkAgainstSplitLines(readFileSync(ECS_FILE, 'utf8'), readEcs());
  });
});
