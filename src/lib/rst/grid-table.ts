import { sortDiagnostics, type Diagnostic } from '../core/diagnostics.ts';
import { listItemSource, readBlocks } from './inline-blocks.ts';
import { indentOf } from './text.ts';

/** One cell of a grid table: its dedented RST text and where that text starts (1-based). */
export interface RstCell {
  text: string;
  line: number;
  column: number;
}

/** One table row; `line` is the row's first text line. */
export interface GridRow {
  line: number;
  cells: RstCell[];
}

/** A grid table of an RST document, with the bullet notes written above it and the caption of its `.. table::`. */
export interface GridTable {
  header: RstCell[];
  rows: GridRow[];
  notes: string[];
  /** The caption of a `.. table::` directive around the table, as RST source. */
  caption?: string;
  line: number;
  column: number;
}

/** A table line: its text without trailing spaces, its 0-based index in the file. */
interface TableLine {
  text: string;
  index: number;
  /** A truly blank line between two lines of a row (reported, read as empty). */
  blank?: boolean;
}

interface Border {
  line: TableLine;
  isHeaderRule: boolean;
  /** Set when the border marks a row span or column span. */
  spans: boolean;
}

interface RowBlock {
  lines: TableLine[];
  above?: Border;
  below?: Border;
}

type Report = (index: number, column: number, message: string) => void;

const SPAN_MESSAGE = 'cells spanning rows or columns are not supported';

/** Splits text into lines, accepting a UTF-8 byte order mark and CRLF or CR line endings. */
function splitLines(text: string): string[] {
  return text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
}

function isBlank(line: string): boolean {
  return line.trim() === '';
}

/**
 * Reads every grid table of an RST document, in file order; reports every problem instead of stopping at
 * the first. A table starts at a `+-` line after a blank line (or the file's start); each table's notes
 * are the bullet items of the text between it and the table before.
 */
export function readGridTables(text: string, file: string): { tables: GridTable[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const report: Report = (index, column, message) => diagnostics.push({ file, line: index + 1, column, message });
  const lines = splitLines(text);
  const tables: GridTable[] = [];
  let from = 0;
  for (let start = findTableStart(lines, 0); start >= 0; start = findTableStart(lines, from)) {
    const { table, end } = readTableAt(lines, start, report);
    if (table) {
      table.notes = collectNotes(lines.slice(from, start));
      table.caption = findCaption(lines, start);
      tables.push(table);
    }
    from = end + 1;
  }
  if (tables.length === 0 && diagnostics.length === 0) {
    diagnostics.push({ file, line: 1, column: 1, message: 'no grid table found' });
  }
  return { tables, diagnostics: sortDiagnostics(diagnostics) };
}

/** The index of the next line at or after `from` that starts a grid table (`+-` after a blank line), or -1. */
function findTableStart(lines: string[], from: number): number {
  for (let i = from; i < lines.length; i++) {
    if (/^ *\+-/.test(lines[i]) && (i === 0 || isBlank(lines[i - 1]))) return i;
  }
  return -1;
}

/** The caption of the `.. table:: Caption` directive whose body starts with the table at `start`, if any. */
function findCaption(lines: string[], start: number): string | undefined {
  const indent = indentOf(lines[start]);
  for (let i = start - 1; i >= 0; i--) {
    const line = lines[i];
    if (isBlank(line)) continue;
    // Directive options (`:widths: 10 20`) sit between the directive and its body.
    if (indentOf(line) >= indent && /^\s*:[\w-]+:/.test(line)) continue;
    const directive = /^(\s*)\.\.\s+table::\s*(.*)$/.exec(line);
    return directive && directive[1].length < indent && directive[2].trim() ? directive[2].trim() : undefined;
  }
  return undefined;
}

/** Reads the grid table whose top border is line `start`; `end` is the table's last line. */
function readTableAt(lines: string[], start: number, report: Report): { table?: GridTable; end: number } {
  const indent = indentOf(lines[start]);
  const tableLines = collectTableLines(lines, start, indent, report);
  const end = tableLines[tableLines.length - 1].index;
  const columns = readColumns(tableLines[0], indent, report);
  if (columns.length < 2) return { end };
  const width = columns[columns.length - 1] + 1;
  const { blocks, borders } = sortTableLines(lines, tableLines, columns, indent, report);
  const headerRule = findHeaderRule(borders, start, indent, report);

  // Pass 2: read the cells of every row whose lines all agree with the columns.
  const header: RstCell[][] = [];
  const rows: GridRow[] = [];
  for (const block of blocks) {
    const cells = readRowBlock(block, columns, width, report);
    const inHeader = headerRule !== undefined && block.lines[0].index < headerRule.line.index;
    if (cells && inHeader) header.push(cells);
    else if (cells) rows.push({ line: block.lines[0].index + 1, cells });
  }

  return { table: { header: mergeHeaderRows(header), rows, notes: [], line: start + 1, column: indent + 1 }, end };
}

/** The columns of a table: the `+` positions of its top border, which is reported when it does not fit them. */
function readColumns(top: TableLine, indent: number, report: Report): number[] {
  const columns: number[] = [];
  for (let i = indent; i < top.text.length; i++) {
    if (top.text[i] === '+') columns.push(i);
    else if (top.text[i] !== '-') {
      report(top.index, i + 1, `border line does not match the table's columns (expected "-" at column ${i + 1})`);
      break;
    }
  }
  if (!top.text.endsWith('+') || columns.length < 2) {
    report(top.index, top.text.length + 1, `the table's top border does not end with "+"`);
  }
  return columns;
}

/** Pass 1: sorts the lines under the top border into borders and the row blocks between them. */
function sortTableLines(
  lines: string[],
  tableLines: TableLine[],
  columns: number[],
  indent: number,
  report: Report,
): { blocks: RowBlock[]; borders: Border[] } {
  const width = columns[columns.length - 1] + 1;
  const blocks: RowBlock[] = [];
  const borders: Border[] = [];
  let current: RowBlock | undefined;
  let previousBorder: Border | undefined;
  for (const line of tableLines.slice(1)) {
    reportTabs(line, report);
    if (!line.blank && line.text[indent] === '+') {
      const border = readBorder(line, columns, width, indent, tableLines, report);
      borders.push(border);
      if (current) {
        current.below = border;
        blocks.push(current);
        current = undefined;
      }
      previousBorder = border;
    } else {
      current ??= { lines: [], above: previousBorder };
      current.lines.push(line);
    }
  }
  const last = tableLines[tableLines.length - 1];
  if (current) {
    blocks.push(current);
    const atEndOfFile = lines.slice(last.index + 1).every(isBlank);
    report(
      last.index,
      indent + 1,
      atEndOfFile
        ? 'file ends inside the table (the last row has no closing border)'
        : "the table's last row has no closing border",
    );
  }
  return { blocks, borders };
}

/** The table's header rule (+===+), the first if there are several; a table with none or several is reported. */
function findHeaderRule(borders: Border[], start: number, indent: number, report: Report): Border | undefined {
  const headerRules = borders.filter((b) => b.isHeaderRule);
  for (const extra of headerRules.slice(1)) {
    report(extra.line.index, indent + 1, 'table has more than one header rule (+===+)');
  }
  if (!headerRules[0]) {
    report(start, indent + 1, 'table has no header rule (+===+) under its header row');
  }
  return headerRules[0];
}

/** The table's lines: non-blank lines from the top border on; a blank line is kept only inside a row. */
function collectTableLines(lines: string[], start: number, indent: number, report: Report): TableLine[] {
  const result: TableLine[] = [];
  let i = start;
  while (i < lines.length) {
    if (!isBlank(lines[i])) {
      result.push({ text: lines[i].replace(/ +$/, ''), index: i });
      i++;
      continue;
    }
    // A blank line ends the table, unless it sits inside a row that goes on below it.
    const previous = result[result.length - 1].text;
    let next = i;
    while (next < lines.length && isBlank(lines[next])) next++;
    const resumes =
      next < lines.length &&
      previous[indent] !== '+' &&
      indentOf(lines[next]) === indent &&
      /^[|+]/.test(lines[next].slice(indent));
    if (!resumes) break;
    for (; i < next; i++) {
      report(i, indent + 1, 'blank line inside the table (every line of a row needs its "|" borders)');
      result.push({ text: '', index: i, blank: true });
    }
  }
  return result;
}

function reportTabs(line: TableLine, report: Report) {
  for (let i = 0; i < line.text.length; i++) {
    if (line.text[i] === '\t') report(line.index, i + 1, 'tab character inside the table (use spaces)');
  }
}

/** Checks a line that starts with `+` against the columns; reports ragged borders and spans. */
function readBorder(
  line: TableLine,
  columns: number[],
  width: number,
  indent: number,
  tableLines: TableLine[],
  report: Report,
): Border {
  const text = line.text;
  const fill = text[columns[0] + 1] === '=' ? '=' : '-';
  const border: Border = { line, isHeaderRule: fill === '=', spans: false };
  if (text.includes('\t')) return border;

  const spanColumn = findSpanInBorder(line, columns, width, fill, tableLines);
  if (spanColumn !== undefined) {
    report(line.index, spanColumn + 1, SPAN_MESSAGE);
    border.spans = true;
    return border;
  }

  let expected = ' '.repeat(indent);
  for (let i = indent; i < width; i++) expected += columns.includes(i) ? '+' : fill;
  // Right columns, wrong length: the closing `+` sits too early or too late.
  const stretched = expected.slice(0, -1).padEnd(Math.max(text.length, width) - 1, fill);
  if (text.length !== width && text.endsWith('+') && stretched.startsWith(text.slice(0, -1))) {
    report(
      line.index,
      Math.min(text.length, width),
      `border line is ${text.length - indent} characters long, the table is ${width - indent}`,
    );
    return border;
  }
  const common = Math.min(text.length, width);
  for (let i = 0; i < common; i++) {
    if (text[i] !== expected[i]) {
      report(
        line.index,
        i + 1,
        `border line does not match the table's columns (expected "${expected[i]}" at column ${i + 1})`,
      );
      return border;
    }
  }
  if (text.length !== width) {
    report(
      line.index,
      common + 1,
      `border line is ${text.length - indent} characters long, the table is ${width - indent}`,
    );
  }
  return border;
}

/**
 * Finds where a border line marks a span: a segment of spaces (row span) or a missing `+` that the
 * row above does not have a `|` for either (column span). Returns the 0-based column, if any.
 */
function findSpanInBorder(
  line: TableLine,
  columns: number[],
  width: number,
  fill: string,
  tableLines: TableLine[],
): number | undefined {
  const text = line.text;
  if (text.length !== width) return undefined;
  let found: number | undefined;
  for (let k = 0; k + 1 < columns.length; k++) {
    const segment = text.slice(columns[k] + 1, columns[k + 1]);
    if (/^ +$/.test(segment)) found ??= columns[k] + 1;
    else if (segment !== fill.repeat(segment.length)) return undefined;
  }
  const position = tableLines.indexOf(line);
  const above = tableLines[position - 1]?.text ?? '';
  for (const c of columns) {
    const ch = text[c];
    if (ch === '+' || ch === '|') continue;
    if (ch !== fill || above[c] === '|' || above[c] === '+') return undefined;
    found = found === undefined ? c : Math.min(found, c);
  }
  return found;
}

/** Where a row line marks a row span (`|   +----+`), as a 0-based column, if it does. */
function findSpanInRowLine(text: string, columns: number[]): number | undefined {
  for (let k = 0; k + 1 < columns.length; k++) {
    const segment = text.slice(columns[k] + 1, columns[k + 1]);
    const bounded = text[columns[k]] === '+' || text[columns[k + 1]] === '+';
    if (bounded && /^(-+|=+)$/.test(segment)) return columns[k] + 1;
  }
  return undefined;
}

/** Checks one row line against the columns; returns false (after reporting) when its cells cannot be cut out. */
function checkRowLine(line: TableLine, columns: number[], width: number, report: Report): boolean {
  const text = line.text;
  if (line.blank) return true;
  const bordersInPlace = columns.every((c) => text[c] === '|');
  if (text.includes('\t')) return bordersInPlace && text.length === width;
  if (bordersInPlace) {
    if (text.length > width) report(line.index, width + 1, "text after the table's right border");
    return true;
  }
  const pipes: number[] = [];
  for (let i = 0; i < text.length; i++) if (text[i] === '|') pipes.push(i);
  const expectedCells = columns.length - 1;
  const cells = Math.max(pipes.length - 1, 0);
  const firstMismatch = columns.find((c) => text[c] !== '|') ?? 0;
  if (pipes.length < columns.length) {
    report(line.index, firstMismatch + 1, `row has ${cells} cells, the header has ${expectedCells} (is a | missing?)`);
  } else if (pipes.length > columns.length) {
    const extra = pipes.find((p) => !columns.includes(p)) ?? firstMismatch;
    report(line.index, extra + 1, `row has ${cells} cells, the header has ${expectedCells} (is there an extra |?)`);
  } else {
    const found = firstMismatch < text.length ? `"${text[firstMismatch]}"` : 'the end of the line';
    report(line.index, firstMismatch + 1, `cell border "|" expected at column ${firstMismatch + 1}, found ${found}`);
  }
  return false;
}

/** Cuts a row block into cells; returns undefined (the problem already reported) when it cannot be read. */
function readRowBlock(block: RowBlock, columns: number[], width: number, report: Report): RstCell[] | undefined {
  let spans = block.above?.spans === true || block.below?.spans === true;
  for (const line of block.lines) {
    const spanColumn = line.blank ? undefined : findSpanInRowLine(line.text, columns);
    if (spanColumn !== undefined) {
      report(line.index, spanColumn + 1, SPAN_MESSAGE);
      spans = true;
    }
  }
  // The span diagnostic already covers this row; its lines cannot be cut at the columns.
  if (spans) return undefined;
  let readable = true;
  for (const line of block.lines) {
    if (!checkRowLine(line, columns, width, report)) readable = false;
  }
  if (!readable) return undefined;

  const cells: RstCell[] = [];
  for (let k = 0; k + 1 < columns.length; k++) {
    const from = columns[k] + 1;
    const slices = block.lines.map((line) => line.text.slice(from, columns[k + 1]));
    cells.push(readCell(slices, from, block.lines));
  }
  return cells;
}

/** Dedents a cell's column slices and locates its first content character. */
function readCell(slices: string[], from: number, lines: TableLine[]): RstCell {
  const contentful = slices.filter((s) => !isBlank(s));
  const dedent = contentful.length ? Math.min(...contentful.map(indentOf)) : 0;
  const texts = slices.map((s) => (isBlank(s) ? '' : s.slice(dedent).trimEnd()));
  const first = texts.findIndex((t) => t !== '');
  if (first < 0) return { text: '', line: lines[0].index + 1, column: from + 1 };
  let lastIndex = texts.length - 1;
  while (texts[lastIndex] === '') lastIndex--;
  return {
    text: texts.slice(first, lastIndex + 1).join('\n'),
    line: lines[first].index + 1,
    column: from + indentOf(slices[first]) + 1,
  };
}

/** Joins header rows column by column (a header split over rows reads as one multi-line cell). */
function mergeHeaderRows(rows: RstCell[][]): RstCell[] {
  if (rows.length === 0) return [];
  return rows[0].map((cell, k) => {
    const parts = rows.map((row) => row[k]).filter((c) => c.text !== '');
    return parts.length
      ? { text: parts.map((c) => c.text).join('\n'), line: parts[0].line, column: parts[0].column }
      : cell;
  });
}

/**
 * The bullet-list items of the text above the table, as RST source with each paragraph on one line. The
 * text is read by the cells' block reader, so what is not a bullet item there (a directive's or literal
 * block's body, a `- ` line inside a paragraph, an indented list, which is a block quote) is no note here.
 */
function collectNotes(lines: string[]): string[] {
  const blocks = readBlocks(
    lines.map((line) => line.trimEnd()),
    () => [],
  );
  return blocks.flatMap((block) =>
    block.type === 'list' && !block.ordered ? block.children.map((item) => joinParagraphs(listItemSource(item))) : [],
  );
}

/** Each paragraph of some lines on one line, paragraphs apart by a blank line. */
function joinParagraphs(lines: string[]): string {
  const paragraphs: string[][] = [[]];
  for (const line of lines) {
    if (line === '') paragraphs.push([]);
    else paragraphs[paragraphs.length - 1].push(line.trim());
  }
  return paragraphs
    .filter((p) => p.length > 0)
    .map((p) => p.join(' '))
    .join('\n\n');
}
