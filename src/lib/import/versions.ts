import { splitWarnings, type Diagnostic } from '../core/diagnostics.ts';
import { readErrorTable, type ErrorRow } from '../rst/error-table.ts';
import { wordingKey } from '../core/message-identity.ts';

/** A commit's copy of the table: its hash, its author date (`YYYY-MM-DD`), its text, and the name its diagnostics carry. */
export interface TableCommit {
  commit: string;
  date: string;
  text: string;
  /** Where a problem is reported: `<repo>/<path>@<short commit>`. */
  file: string;
}

/** A commit that becomes a dated version of the table, with the distinct codes its table holds. */
export interface ChosenVersion<T extends TableCommit> {
  date: string;
  source: T;
  codes: string[];
}

/** A day with several commits: the later one is kept. */
export interface SameDay<T extends TableCommit> {
  date: string;
  count: number;
  kept: T;
}

/** Which commits become versions, which were skipped, and every problem found in the tables read. */
export interface VersionChoice<T extends TableCommit> {
  /** Oldest first; the last is the current table. */
  versions: ChosenVersion<T>[];
  /** Commits whose table reads the same as the version before them (a preamble, label or column-width change). */
  skipped: T[];
  sameDay: SameDay<T>[];
  /** Errors in any table read: with one, nothing may be written. */
  errors: Diagnostic[];
  /** Warnings in the tables of the chosen versions. */
  warnings: Diagnostic[];
}

/**
 * What a table says, as one string: each row's code, statuses, status text and every cell's text with
 * whitespace collapsed. Two versions with one key differ only in preamble, labels or column widths.
 */
function tableKey(rows: readonly ErrorRow[]): string {
  return rows
    .map((row) =>
      [
        row.code,
        row.statuses.join('/'),
        row.statusText ?? '',
        wordingKey(row.message.text),
        wordingKey(row.description.text),
        wordingKey(row.solution.text),
        ...row.other.flatMap((o) => [wordingKey(o.header), wordingKey(o.cell.text)]),
      ].join('\u0001'),
    )
    .join('\u0000');
}

/**
 * Decides which commits (oldest first) become versions: of several commits on one day the later is kept;
 * then a day becomes a version when its table's rows differ from the version before it. The newest day is
 * always a version, since it is the table as published now.
 */
export function chooseVersions<T extends TableCommit>(commits: readonly T[]): VersionChoice<T> {
  const byDay = new Map<string, T[]>();
  for (const commit of commits) byDay.set(commit.date, [...(byDay.get(commit.date) ?? []), commit]);
  const days = [...byDay].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

  const choice: VersionChoice<T> = { versions: [], skipped: [], sameDay: [], errors: [], warnings: [] };
  let previousKey: string | undefined;
  days.forEach(([date, group], k) => {
    const kept = group[group.length - 1];
    const { table, diagnostics } = readErrorTable(kept.text, kept.file);
    const { errors, warnings } = splitWarnings(diagnostics);
    choice.errors.push(...errors);
    if (!table || errors.length > 0) return;
    const key = tableKey(table.rows);
    const isNewest = k === days.length - 1;
    if (key === previousKey && !isNewest) {
      choice.skipped.push(kept);
      return;
    }
    previousKey = key;
    if (group.length > 1) choice.sameDay.push({ date, count: group.length, kept });
    choice.warnings.push(...warnings);
    choice.versions.push({ date, source: kept, codes: [...new Set(table.rows.map((row) => row.code))] });
  });
  return choice;
}

/** Codes that appeared after the first version, and codes of earlier versions missing from the newest. */
export function countCodeChanges(versions: readonly { codes: readonly string[] }[]): {
  added: number;
  retired: number;
} {
  if (versions.length === 0) return { added: 0, retired: 0 };
  const first = new Set(versions[0].codes);
  const current = new Set(versions[versions.length - 1].codes);
  const ever = new Set(versions.flatMap((v) => v.codes));
  return {
    added: [...ever].filter((code) => !first.has(code)).length,
    retired: [...ever].filter((code) => !current.has(code)).length,
  };
}
