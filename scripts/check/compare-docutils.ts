// Compares the cell reader with docutils: `npx tsx scripts/check/compare-docutils.ts path/to/table.rst [more files]`.
// For every cell of every grid table it reads the cell text with rstToMdast + toPlainText and with docutils
// (python3 scripts/check/docutils-cells.py), and counts the cells whose text agrees once whitespace is collapsed
// and list markers are set aside. `--all` prints every difference instead of the first few per file.
import '../require-node.mjs';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { toPlainText } from '../../src/lib/rst/markup.ts';
import { readGridTables, type RstCell } from '../../src/lib/rst/grid-table.ts';
import { rstToMdast } from '../../src/lib/rst/inline.ts';
import { exitWithUsage, readCommandLine } from '../cli-args.ts';

const helper = path.join(path.dirname(fileURLToPath(import.meta.url)), 'docutils-cells.py');
const SHOWN = 5;

/** Every non-empty cell of every grid table in a file, headers included. */
function collectCells(text: string, file: string): RstCell[] {
  const { tables } = readGridTables(text, file);
  return tables
    .flatMap((table) => [...table.header, ...table.rows.flatMap((row) => row.cells)])
    .filter((cell) => cell.text.trim() !== '');
}

/** Reads cell texts with docutils, one list of text blocks per cell. */
function readWithDocutils(texts: string[]): string[][] {
  const result = spawnSync('python3', [helper], { input: JSON.stringify(texts), encoding: 'utf8', maxBuffer: 1 << 28 });
  if (result.status !== 0) throw new Error(`python3 ${helper} failed: ${result.stderr || result.error}`);
  return JSON.parse(result.stdout) as string[][];
}

const MARKER = /^\s*(?:(?:-|\d+\.|[a-zA-Z]\.|[ivxlcdm]+\.|[IVXLCDM]+\.)(?:\s+|$))+/;

/** Text for comparison: list markers at line starts dropped, every run of whitespace one space. */
function normalizeText(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(MARKER, ''))
    .join('\n')
    .replace(/\s+/g, ' ')
    .trim();
}

function compareFile(file: string, showAll: boolean): { cells: number; equal: number } {
  const cells = collectCells(readFileSync(file, 'utf8'), file);
  const expected = readWithDocutils(cells.map((cell) => cell.text));
  let equal = 0;
  const differences: string[] = [];
  cells.forEach((cell, k) => {
    const ours = normalizeText(toPlainText(rstToMdast(cell.text)));
    const theirs = normalizeText(expected[k].join('\n\n'));
    if (ours === theirs) equal++;
    else
      differences.push(
        `  ${file}:${cell.line}:${cell.column}\n    ours:     ${JSON.stringify(ours)}\n    docutils: ${JSON.stringify(theirs)}`,
      );
  });
  console.log(`${file}\t${cells.length}\t${equal}\t${cells.length - equal}`);
  for (const difference of showAll ? differences : differences.slice(0, SHOWN)) console.log(difference);
  return { cells: cells.length, equal };
}

const USAGE = 'usage: npx tsx scripts/check/compare-docutils.ts [--all] path/to/table.rst [more files]';
const { values, positionals: files } = readCommandLine('compare-docutils', USAGE, {
  options: { all: { type: 'boolean' } },
  allowPositionals: true,
});
const showAll = values.all === true;
if (files.length === 0) exitWithUsage('compare-docutils', 'no table file given', USAGE);
console.log('file\tcells\tequal\tdifferent');
let cells = 0;
let equal = 0;
for (const file of files) {
  const result = compareFile(file, showAll);
  cells += result.cells;
  equal += result.equal;
}
console.log(`total\t${cells}\t${equal}\t${cells - equal}`);
process.exit(equal === cells ? 0 : 1);
