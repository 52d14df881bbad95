import { sortDiagnostics, type Diagnostic } from '../diagnostics';
import { readGridTable, type RstCell } from './grid-table';

/** What a column of the error-code table holds. */
export type ColumnRole = 'status' | 'code' | 'message' | 'description' | 'solution';

/** One row of the error-code table, every cell with its position in the RST file. */
export interface ErrorRow {
  line: number;
  status: number;
  statusCell: RstCell;
  code: string;
  codeCell: RstCell;
  message: RstCell;
  description: RstCell;
  solution: RstCell;
}

/** The error-code table of one RST file: the notes above it, its rows, and its columns in table order. */
export interface ErrorTable {
  notes: string[];
  rows: ErrorRow[];
  columns: ColumnRole[];
}

/** The name each role goes by in messages, then every header text accepted for it (compared case-insensitively). */
const HEADER_NAMES: Record<ColumnRole, string[]> = {
  status: ['HTTP Status Code', 'Status Code', 'HTTP Status'],
  code: ['Error Code', 'Error Codes', 'Code'],
  message: ['Error Message', 'Message', 'Error Messages'],
  description: ['Description'],
  solution: ['Solution', 'Handling Measure', 'Measure', 'Solutions'],
};

const ROLES = Object.keys(HEADER_NAMES) as ColumnRole[];
const REQUIRED_ROLES: ColumnRole[] = ['status', 'code', 'message'];

/** Collapses whitespace (a header may wrap over lines) so header texts compare as words. */
function normalizeHeader(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Finds the role a header text names, if any. */
function findRole(header: string): ColumnRole | undefined {
  const wanted = normalizeHeader(header).toLowerCase();
  return ROLES.find((role) => HEADER_NAMES[role].some((name) => name.toLowerCase() === wanted));
}

/** Reads the error-code table of an RST file: columns found by header text, each row checked. */
export function readErrorTable(
  text: string,
  file: string,
): { table?: ErrorTable; diagnostics: Diagnostic[] } {
  const { table: grid, diagnostics } = readGridTable(text, file);
  if (!grid) return { diagnostics };
  const report = (at: { line: number; column: number }, message: string) =>
    diagnostics.push({ file, line: at.line, column: at.column, message });

  if (grid.header.length === 0) {
    // A missing header rule or an unreadable header row has been reported already.
    if (diagnostics.length === 0) report(grid, 'table has no header row above its header rule');
    return { diagnostics: sortDiagnostics(diagnostics) };
  }

  const columnOf = new Map<ColumnRole, number>();
  const columns: ColumnRole[] = [];
  grid.header.forEach((cell, index) => {
    const role = findRole(cell.text);
    const shown = normalizeHeader(cell.text);
    if (!role) {
      const expected = ROLES.flatMap((r) => HEADER_NAMES[r]).join(', ');
      report(cell, `unknown column header "${shown}" (expected one of: ${expected})`);
      return;
    }
    const earlier = columnOf.get(role);
    if (earlier !== undefined) {
      const first = normalizeHeader(grid.header[earlier].text);
      report(cell, `column header "${shown}" repeats column ${earlier + 1} ("${first}"); keep one of them`);
      return;
    }
    columnOf.set(role, index);
    columns.push(role);
  });

  const headers = grid.header.map((cell) => normalizeHeader(cell.text)).join(', ');
  const missing = REQUIRED_ROLES.filter((role) => !columnOf.has(role));
  for (const role of missing) {
    report(grid, `table has no "${HEADER_NAMES[role][0]}" column (headers: ${headers})`);
  }
  if (missing.length > 0) return { diagnostics: sortDiagnostics(diagnostics) };

  const rows: ErrorRow[] = [];
  for (const row of grid.rows) {
    const cellOf = (role: ColumnRole): RstCell => {
      const index = columnOf.get(role);
      return index === undefined
        ? { text: '', line: row.line, column: row.cells[0].column }
        : row.cells[index];
    };
    const statusCell = cellOf('status');
    const codeCell = cellOf('code');
    const status = readStatus(statusCell, report);
    const code = readCode(codeCell, report);
    // A row whose status or code cannot be read has been reported; it cannot be keyed, so it is left out.
    if (status === undefined || code === undefined) continue;
    rows.push({
      line: row.line,
      status,
      statusCell,
      code,
      codeCell,
      message: cellOf('message'),
      description: cellOf('description'),
      solution: cellOf('solution'),
    });
  }
  return { table: { notes: grid.notes, rows, columns }, diagnostics: sortDiagnostics(diagnostics) };
}

/** Reads an HTTP status cell; reports anything that is not a three-digit number. */
function readStatus(
  cell: RstCell,
  report: (at: RstCell, message: string) => void,
): number | undefined {
  const text = cell.text.trim();
  if (text === '') {
    report(cell, 'empty HTTP status');
    return undefined;
  }
  if (!/^[0-9]{3}$/.test(text)) {
    report(cell, `HTTP status "${normalizeHeader(text)}" is not a three-digit number`);
    return undefined;
  }
  return Number(text);
}

/** Reads an error-code cell; reports an empty code or one with whitespace in it. */
function readCode(cell: RstCell, report: (at: RstCell, message: string) => void): string | undefined {
  const code = cell.text.trim();
  if (code === '') {
    report(cell, 'empty error code');
    return undefined;
  }
  if (/\s/.test(code)) {
    report(cell, `error code "${normalizeHeader(code)}" contains whitespace`);
    return undefined;
  }
  return code;
}
