import { parseArgs } from 'node:util';
// Small git repositories for the import tests, built in temporary folders with fixed dates and identity,
// and a grid-table writer so each fixture table is a few rows that a test can vary one way at a time.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { runImport } from '../../src/lib/import/run-import.ts';

/** A row of a fixture table: status, code, message, description, solution. */
export type FixtureRow = [string, string, string, string, string];

const HEADER: FixtureRow = ['Status Code', 'Error Code', 'Error Message', 'Description', 'Solution'];

/** Writes an RST page: a title, a preamble line, one note, and a grid table of the rows, each column `pad` spaces wider than needed. */
export function tablePage(rows: readonly FixtureRow[], options: { preamble?: string; pad?: number } = {}): string {
  const pad = options.pad ?? 1;
  const all = [HEADER, ...rows];
  const widths = HEADER.map((_, k) => Math.max(...all.map((r) => r[k].length)) + pad + 1);
  const rule = (ch: string) => `+${widths.map((w) => ch.repeat(w)).join('+')}+`;
  const line = (row: readonly string[]) => `|${row.map((cell, k) => ` ${cell}`.padEnd(widths[k])).join('|')}|`;
  return [
    'Error Codes',
    '===========',
    '',
    options.preamble ?? 'If an API call fails, the response body names an error code.',
    '',
    '- Codes are case-sensitive.',
    '',
    rule('-'),
    line(HEADER),
    rule('='),
    ...rows.flatMap((row) => [line(row), rule('-')]),
    '',
  ].join('\n');
}

/** The rows most fixtures start from. */
export const BASE_ROWS: FixtureRow[] = [
  ['400', 'Evs.0001', 'Invalid parameter.', 'A parameter is wrong.', 'Check the request.'],
  ['404', 'Evs.0002', 'Disk %s not found.', 'The disk does not exist.', 'Check the disk ID.'],
];

/** Temporary folders made by a test file; `cleanUp` removes them all (call it in afterAll). */
export function makeTemp(prefix: string): { temp: () => string; cleanUp: () => void } {
  const made: string[] = [];
  return {
    temp: () => {
      const dir = mkdtempSync(join(tmpdir(), prefix));
      made.push(dir);
      return dir;
    },
    cleanUp: () => {
      for (const dir of made) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Runs git in a folder with a fixed identity and, when given, fixed author and committer dates. */
export function git(dir: string, args: readonly string[], date?: string): string {
  const env = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' } as Record<string, string>;
  if (date) Object.assign(env, { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date });
  return execFileSync(
    'git',
    ['-c', 'user.name=t', '-c', 'user.email=t@example.org', '-c', 'init.defaultBranch=main', ...args],
    {
      cwd: dir,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  ).toString('utf8');
}

/** A documentation checkout to commit to: `commit` writes files and commits them with a date (`2024-05-28T10:00:00+02:00`). */
export function makeRepo(dir: string): {
  dir: string;
  commit: (date: string, files: Record<string, string>, message?: string) => string;
  rename: (date: string, from: string, to: string) => string;
} {
  mkdirSync(dir, { recursive: true });
  git(dir, ['init', '-q']);
  const head = () => git(dir, ['rev-parse', 'HEAD']).trim();
  return {
    dir,
    commit(date, files, message = `update ${date}`) {
      for (const [path, text] of Object.entries(files)) {
        mkdirSync(dirname(join(dir, path)), { recursive: true });
        writeFileSync(join(dir, path), text);
      }
      git(dir, ['add', '-A']);
      git(dir, ['commit', '-q', '-m', message], date);
      return head();
    },
    rename(date, from, to) {
      mkdirSync(dirname(join(dir, to)), { recursive: true });
      git(dir, ['mv', from, to]);
      git(dir, ['commit', '-q', '-m', `move ${from} to ${to}`], date);
      return head();
    },
  };
}

/**
 * Runs an import as `npm run import -- <path> [--service id] [--file path] [--content dir]` would once its command
 * line is read (scripts/import.ts), with a clock that stands still; returns its exit code and output.
 */
export function importCommand(cwd: string, args: readonly string[]): { code: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: { service: { type: 'string' }, file: { type: 'string' }, content: { type: 'string' } },
  });
  if (positionals.length !== 1) throw new Error(`importCommand() takes one path, got ${positionals.length}`);
  const code = runImport(
    { path: positionals[0], ...values },
    {
      stdout: (text) => (stdout += text),
      stderr: (text) => (stderr += text),
      cwd,
      defaultContent: join(cwd, 'content'),
      now: () => 0,
    },
  );
  return { code, stdout, stderr };
}
