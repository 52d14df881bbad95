import { toPlainText } from './markup.ts';
import { normalizeCode } from '../core/code-identity.ts';
import { collapseWhitespace, wordingKey } from '../core/message-identity.ts';
import { sortDiagnostics, type Diagnostic } from '../core/diagnostics.ts';
import { readGridTables, type GridTable, type RstCell } from './grid-table.ts';
import { rstToMdast } from './inline.ts';

/** What a column of an error table holds; `other` is any column the site has no meaning for (`Module`). */
export type ColumnRole = 'status' | 'code' | 'message' | 'description' | 'solution' | 'other';

/** A column of an error table: its meaning and its header as written (whitespace collapsed). */
export interface TableColumn {
  role: ColumnRole;
  header: string;
}

/** A cell of a column the site has no meaning for, under its own header. */
export interface OtherCell {
  header: string;
  cell: RstCell;
}

/** One row of an error table, every cell with its position in the RST file. */
export interface ErrorRow {
  line: number;
  /** Index of the row's table among the file's error tables. */
  table: number;
  /** Every HTTP status the status cell names (`400/404/500`), in order; empty when it names none. */
  statuses: number[];
  /** The status cell as written, when it is more than its numbers (`403 Forbidden`, `n/a`). */
  statusText?: string;
  statusCell: RstCell;
  code: string;
  codeCell: RstCell;
  message: RstCell;
  description: RstCell;
  solution: RstCell;
  /** Cells of the other columns, in table order; an empty cell of a group column shows the group's value. */
  other: OtherCell[];
}

/** One error table of a file: where it is, its `.. table::` caption, its columns in table order. */
export interface ErrorTableInfo {
  line: number;
  caption?: string;
  columns: TableColumn[];
}

/** The error tables of one RST file: the notes above them, their rows, and the grid tables that are not error tables. */
export interface ErrorTable {
  notes: string[];
  rows: ErrorRow[];
  tables: ErrorTableInfo[];
  /** Grid tables without an error-code column, with the reason they were skipped. */
  skipped: { line: number; reason: string }[];
}

// Header words for each meaning, tried in this order on the lower-cased header: "Status Code" is a status,
// "Error Code" a code. The vocabulary is open: a header that fits none is kept as an `other` column.
const ROLE_PATTERNS: [Exclude<ColumnRole, 'other'>, RegExp][] = [
  ['status', /\bstatus\b|\bresponse codes?\b|^http\b/],
  ['code', /\bcodes?\b|^error (?:types?|names?|ids?)$/],
  ['message', /\bmessages?\b|\berror information\b|^information$|^error text$/],
  ['description', /\bdescriptions?\b|\bmeanings?\b|\bexplanations?\b|\bcauses?\b|\breasons?\b/],
  [
    'solution',
    /\bsolutions?\b|\bmeasures?\b|\btroubleshooting\b|\bhandling\b|\bsuggestions?\b|\bresolutions?\b|\bactions?\b|\bremed(?:y|ies)\b/,
  ],
];

/** Reports a problem at a cell; a warning when `severity` says so, else an error. */
type Report = (at: { line: number; column: number }, message: string, severity?: 'warning') => void;

/** The meaning of a column from its header text (`Handling Measure` -> solution, `Module` -> other). */
function findColumnRole(header: string): ColumnRole {
  const wanted = collapseWhitespace(header).toLowerCase();
  return ROLE_PATTERNS.find(([, pattern]) => pattern.test(wanted))?.[0] ?? 'other';
}

/**
 * Reads the error tables of an RST file: every grid table with an error-code column contributes its rows
 * (columns found by meaning); other grid tables are skipped and listed. Problems that lose data (a broken
 * grid, a row without a code) are errors; suspicious cells are warnings, and the row is kept.
 */
export function readErrorTable(text: string, file: string): { table?: ErrorTable; diagnostics: Diagnostic[] } {
  const { tables: grids, diagnostics } = readGridTables(text, file);
  const report: Report = (at, message, severity) =>
    diagnostics.push({ file, line: at.line, column: at.column, message, ...(severity ? { severity } : {}) });
  if (grids.length === 0) return { diagnostics };

  const result: ErrorTable = { notes: [], rows: [], tables: [], skipped: [] };
  for (const grid of grids) {
    result.notes.push(...grid.notes);
    if (grid.header.length === 0) {
      // A missing header rule or an unreadable header row has been reported already.
      if (!diagnostics.some((d) => d.line >= grid.line && d.severity !== 'warning'))
        report(grid, 'table has no header row above its header rule');
      continue;
    }
    const columns = readColumns(grid, report);
    if (!columns.some((c) => c.role === 'code')) {
      result.skipped.push({
        line: grid.line,
        reason: `no error-code column (headers: ${columns.map((c) => c.header).join(', ')})`,
      });
      continue;
    }
    const index = result.tables.length;
    result.tables.push({ line: grid.line, ...(grid.caption ? { caption: captionText(grid.caption) } : {}), columns });
    result.rows.push(...readRows(grid, columns, index, report));
  }
  if (result.tables.length === 0 && !diagnostics.some((d) => d.severity !== 'warning')) {
    const first = grids[0];
    const tables = grids
      .map((g) => `line ${g.line}: ${g.header.map((c) => collapseWhitespace(c.text)).join(', ')}`)
      .join('; ');
    report(first, `no error table: no grid table has an error-code column such as "Error Code" (headers at ${tables})`);
  }
  if (result.tables.length === 0) return { diagnostics: sortDiagnostics(diagnostics) };
  reportRepeatedRows(result.rows, result.tables, report);
  return { table: result, diagnostics: sortDiagnostics(diagnostics) };
}

/** The columns of a table by header; a second column of one meaning is kept as a column of its own, with a warning. */
function readColumns(grid: GridTable, report: Report): TableColumn[] {
  const seen = new Map<ColumnRole, string>();
  return grid.header.map((cell) => {
    const header = collapseWhitespace(cell.text);
    let role = findColumnRole(header);
    const earlier = seen.get(role);
    if (role !== 'other' && earlier !== undefined) {
      report(
        cell,
        `column "${header}" has the same meaning as column "${earlier}" (${role}); it is shown as a column of its own`,
        'warning',
      );
      role = 'other';
    }
    if (role !== 'other') seen.set(role, header);
    return { role, header };
  });
}

/** The caption of a `.. table::` as plain text, without its `Table 3` label (`**Table 1** V3 error codes` -> `V3 error codes`). */
function captionText(caption: string): string {
  const text = collapseWhitespace(toPlainText(rstToMdast(caption)));
  return text.replace(/^Table\s+\d+[.:]?\s+(?=\S)/i, '');
}

function readRows(grid: GridTable, columns: readonly TableColumn[], table: number, report: Report): ErrorRow[] {
  const indexOf = (role: ColumnRole) => columns.findIndex((c) => c.role === role);
  const [status, code, message, description, solution] = (
    ['status', 'code', 'message', 'description', 'solution'] as const
  ).map(indexOf);
  const others = columns.flatMap((c, k) => (c.role === 'other' ? [k] : []));
  // The last value seen in each other column: an empty cell below it belongs to the same group.
  const group = new Map<number, RstCell>();
  const rows: ErrorRow[] = [];
  for (const row of grid.rows) {
    const cellAt = (k: number): RstCell =>
      k < 0 ? { text: '', line: row.line, column: row.cells[0].column } : row.cells[k];
    const codeCell = cellAt(code);
    const codeText = readCode(codeCell, report);
    for (const k of others) if (row.cells[k].text.trim() !== '') group.set(k, row.cells[k]);
    // A row without a code cannot be keyed: it is an error, and the build stops.
    if (codeText === undefined) continue;
    const statusCell = cellAt(status);
    rows.push({
      line: row.line,
      table,
      ...readStatus(statusCell, status >= 0, report),
      statusCell,
      code: codeText,
      codeCell,
      message: cellAt(message),
      description: cellAt(description),
      solution: cellAt(solution),
      other: others.map((k) => ({
        header: columns[k].header,
        cell: row.cells[k].text.trim() === '' ? (group.get(k) ?? row.cells[k]) : row.cells[k],
      })),
    });
  }
  return rows;
}

// `400`, `400/404/500`, `400, 404`, `400 or 404`, and each status with a reason phrase (`403 Forbidden`).
const STATUS_LIST =
  /^[1-5]\d\d(?: [A-Za-z][A-Za-z' -]*)?(?:\s*(?:[/,;]|\bor\b|\band\b)\s*[1-5]\d\d(?: [A-Za-z][A-Za-z' -]*)?)*$/;
const BARE_STATUSES = /^[1-5]\d\d(?:\s*(?:[/,;]|\bor\b|\band\b)\s*[1-5]\d\d)*$/;

/** Reads a status cell: every status it names, and its text when it says more; a cell that names none is a warning. */
function readStatus(cell: RstCell, hasColumn: boolean, report: Report): { statuses: number[]; statusText?: string } {
  if (!hasColumn) return { statuses: [] };
  const text = collapseWhitespace(toPlainText(rstToMdast(cell.text)));
  if (text === '') {
    report(cell, 'empty HTTP status: the row is kept without one', 'warning');
    return { statuses: [] };
  }
  if (BARE_STATUSES.test(text)) return { statuses: [...new Set((text.match(/\d{3}/g) ?? []).map(Number))] };
  if (STATUS_LIST.test(text))
    return { statuses: [...new Set((text.match(/\b\d{3}\b/g) ?? []).map(Number))], statusText: text };
  report(cell, `HTTP status "${text}" is not a three-digit number: kept as text`, 'warning');
  return { statuses: [], statusText: text };
}

/** Reads an error-code cell as plain text; an empty code is an error, spaces next to a separator a warning. */
function readCode(cell: RstCell, report: Report): string | undefined {
  const raw = cell.text.trim() === '' ? '' : toPlainText(rstToMdast(cell.text));
  const { code, respaced } = normalizeCode(raw);
  if (code === '') {
    report(cell, 'empty error code');
    return undefined;
  }
  if (respaced)
    report(
      cell,
      `error code "${collapseWhitespace(raw)}" has a space next to a separator: read as "${code}"`,
      'warning',
    );
  return code;
}

/** Warns about a code on two rows that say the same, whether or not their other columns (`Module`) differ. */
function reportRepeatedRows(rows: readonly ErrorRow[], tables: readonly ErrorTableInfo[], report: Report): void {
  const seen = new Map<string, ErrorRow>();
  const same = (cell: RstCell) => wordingKey(cell.text);
  for (const row of rows) {
    const key = [
      row.code,
      row.statuses.join('/'),
      row.statusText ?? '',
      same(row.message),
      same(row.description),
      same(row.solution),
    ].join('\u0000');
    const earlier = seen.get(key);
    if (!earlier) {
      seen.set(key, row);
      continue;
    }
    const differing = row.other.filter(
      (o, k) => same(o.cell) !== same(earlier.other[k]?.cell ?? o.cell) || o.header !== earlier.other[k]?.header,
    );
    const where =
      earlier.table === row.table
        ? `line ${earlier.line}`
        : `line ${earlier.line} (${tables[earlier.table].caption ?? 'another table'})`;
    report(
      row.codeCell,
      differing.length > 0
        ? `${row.code} repeats the row at ${where}, differing only in ${differing.map((o) => `"${o.header}"`).join(', ')}: both rows are kept`
        : `${row.code} repeats the row at ${where} word for word: both rows are kept`,
      'warning',
    );
  }
}
