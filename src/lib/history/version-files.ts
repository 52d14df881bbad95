import type { Diagnostic } from '../core/diagnostics.ts';
import { isCalendarDate } from '../core/dates.ts';
import { dateOfHistoryFile, isTableVersion } from '../content/layout.ts';

/** One dated version of a service's error table: the file to read and the date it was published. */
export interface VersionFile {
  /** `YYYY-MM-DD`. */
  date: string;
  /** Path relative to the project root. */
  file: string;
}

/** A file in a service's `history/` folder. */
export interface HistoryFolderEntry {
  /** File name only: `2024-05-28.rst`. */
  name: string;
  /** Path relative to the project root: `content/ecs/history/2024-05-28.rst`. */
  path: string;
}

/**
 * Lists the dated versions of a table, oldest first: the history files plus the table itself dated `published`.
 * Files not ending in `.rst` (a README, `.DS_Store`) are ignored; with no `.rst` history file the list holds just
 * the table, or nothing when service.json has no date either. A misnamed file, a date held by two files, or a
 * missing `published` is a diagnostic; the files concerned are left out of the list.
 */
export function readVersionList(
  files: readonly HistoryFolderEntry[],
  published: string | undefined,
  { tableFile, serviceFile }: { tableFile: string; serviceFile: string },
): { versions: VersionFile[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const report = (file: string, message: string) => diagnostics.push({ file, line: 1, column: 1, message });
  const history = files.filter((f) => isTableVersion(f.name)).sort((a, b) => compareText(a.name, b.name));
  const byDate = new Map<string, string>();

  if (history.length > 0) {
    if (published === undefined) {
      report(serviceFile, '"published" is missing: with a history/ folder, error-codes.rst needs its publication date');
    } else if (!isCalendarDate(published)) {
      report(
        serviceFile,
        `"published" is "${published}", not a date (YYYY-MM-DD): with a history/ folder, error-codes.rst needs its publication date`,
      );
    } else byDate.set(published, tableFile);
  } else if (published !== undefined && isCalendarDate(published)) {
    byDate.set(published, tableFile);
  }

  for (const { name, path } of history) {
    const date = dateOfHistoryFile(name);
    if (date === undefined) {
      report(path, `history file name "${name}" is not a date (YYYY-MM-DD.rst)`);
      continue;
    }
    const other = byDate.get(date);
    if (other !== undefined) {
      report(path, `two versions are dated ${date}: ${other} and ${path}`);
      continue;
    }
    byDate.set(date, path);
  }

  const versions = [...byDate].map(([date, file]) => ({ date, file })).sort((a, b) => compareText(a.date, b.date));
  return { versions, diagnostics };
}

// Plain code-unit order: dates and file names sort the same on every machine, whatever the locale.
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
