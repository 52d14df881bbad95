import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/lib/core/diagnostics.ts';
import { toInlineHtml } from '../../src/lib/rst/markup.ts';
import { readErrorTable, type ErrorTable } from '../../src/lib/rst/error-table.ts';
import { rstToMdast } from '../../src/lib/rst/inline.ts';

// Each folder under fixtures/ holds input.rst and the exact expected output:
//   expected.json         the table readErrorTable returns (cells written as "line:column text"), if any
//   expected-errors.txt   its diagnostics, one `file:line:col: message` per line, if any
//   expected.html         (only where the file exists) each text cell rendered through rstToMdast + toInlineHtml
// Regenerate on purpose with `UPDATE_FIXTURES=1 npx vitest run tests/rst`, then read the diff.
// To start rendering a fixture's HTML, create an empty expected.html and regenerate.
const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const UPDATE = process.env.UPDATE_FIXTURES === '1';

/** Writes the table as JSON with every cell on one line as "line:column text". */
function serializeTable(table: ErrorTable): string {
  const isCell = (v: unknown): v is { text: string; line: number; column: number } =>
    typeof v === 'object' && v !== null && Object.keys(v).join() === 'text,line,column';
  return `${JSON.stringify(table, (_key, value) => (isCell(value) ? `${value.line}:${value.column} ${value.text}` : value), 2)}\n`;
}

/** Renders the message, description and solution of every row, one labelled block each. */
function renderCells(table: ErrorTable): string {
  return table.rows
    .flatMap((row) =>
      (['message', 'description', 'solution'] as const).map(
        (role) => `== ${row.code} ${role}\n${toInlineHtml(rstToMdast(row[role].text))}\n`,
      ),
    )
    .join('');
}

/** Compares actual output with an expected file (absent when actual is undefined), or rewrites it in update mode. */
function checkExpected(file: string, actual: string | undefined) {
  if (UPDATE) {
    if (actual === undefined) {
      if (existsSync(file)) writeFileSync(file, '');
    } else writeFileSync(file, actual);
  }
  const expected = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  expect(expected || undefined, path.relative(FIXTURES, file)).toBe(actual);
}

describe('RST error-table fixtures', () => {
  const cases = readdirSync(FIXTURES).filter((name) => existsSync(path.join(FIXTURES, name, 'input.rst')));

  it('has fixture folders to read', () => {
    expect(cases.length).toBeGreaterThan(30);
  });

  for (const name of cases) {
    it(`reads ${name} exactly as expected`, () => {
      const folder = path.join(FIXTURES, name);
      const input = readFileSync(path.join(folder, 'input.rst'), 'utf8');
      const { table, diagnostics } = readErrorTable(input, 'input.rst');
      checkExpected(path.join(folder, 'expected.json'), table && serializeTable(table));
      checkExpected(
        path.join(folder, 'expected-errors.txt'),
        diagnostics.length ? `${diagnostics.map(formatDiagnostic).join('\n')}\n` : undefined,
      );
      const htmlFile = path.join(folder, 'expected.html');
      if (existsSync(htmlFile)) checkExpected(htmlFile, table && renderCells(table));
    });
  }
});
