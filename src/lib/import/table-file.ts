import { readErrorTable } from '../rst/error-table.ts';

/** Tells whether a repository path is where an error table is looked for by default: an `.rst` file under an `api-ref/` folder. */
export function isTableCandidate(path: string): boolean {
  return /(?:^|\/)api-ref\//.test(path) && path.endsWith('.rst');
}

/** Tells whether an RST text has an error table: a grid table with an error-code column. */
export function hasErrorTable(text: string): boolean {
  // Most pages of an API reference have no grid table at all: skip them without parsing.
  if (!/^[ \t]*\+=+\+/m.test(text)) return false;
  return readErrorTable(text, 'candidate.rst').table !== undefined;
}

/**
 * Picks the error-table file among the candidate files that have one: the only one, else the only one whose
 * path contains `error_code`; otherwise an error that lists them and asks for `--file`.
 */
export function chooseTableFile(withTable: readonly string[], repo: string): { path: string } | { error: string } {
  if (withTable.length === 1) return { path: withTable[0] };
  if (withTable.length === 0) {
    return {
      error:
        `no .rst file under api-ref/ in ${repo} has a grid table with an error-code column; ` +
        "pass --file <path in repo> to name the table's file",
    };
  }
  const preferred = withTable.filter((path) => path.includes('error_code'));
  if (preferred.length === 1) return { path: preferred[0] };
  const listed = preferred.length > 1 ? preferred : withTable;
  return {
    error:
      `${listed.length} files under api-ref/ in ${repo} have an error table, so the table to import is unclear:\n` +
      `${listed.map((p) => `  ${p}`).join('\n')}\npass --file <path in repo> to choose one`,
  };
}
