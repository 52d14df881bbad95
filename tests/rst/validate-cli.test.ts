import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Runs the validate CLI the way `npm run validate -- ...` does, from the repository root. */
function runValidate(...files: string[]) {
  const result = spawnSync('npx', ['tsx', 'scripts/validate.ts', ...files], { cwd: REPO, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('scripts/validate.ts', () => {
  it('prints the row and code counts of a good file and exits 0', () => {
    expect(runValidate('content/ecs/error-codes.rst')).toEqual({
      status: 0,
      stdout: 'content/ecs/error-codes.rst: 148 rows, 147 codes\n',
      stderr: '',
    });
  });

  it('prints every located problem of a bad file and exits 1', () => {
    const file = 'tests/rst/fixtures/many-problems/input.rst';
    expect(runValidate(file)).toEqual({
      status: 1,
      stdout: '',
      stderr: [
        `${file}:18:28: row has 4 cells, the header has 5 (is a | missing?)`,
        `${file}:21:41: border line does not match the table's columns (expected "-" at column 41)`,
        `${file}:24:3: warning: HTTP status "4OO" is not a three-digit number: kept as text`,
        `${file}:26:16: empty error code`,
        '',
      ].join('\n'),
    });
  });

  it('prints each warning with its place and still passes a file whose cells are only suspicious', () => {
    const file = 'tests/rst/fixtures/code-space-after-dot/input.rst';
    expect(runValidate(file)).toEqual({
      status: 0,
      stdout: `${file}: 2 rows, 2 codes, 1 warning\n`,
      stderr: `${file}:7:17: warning: error code "DCS. 4855" has a space next to a separator: read as "DCS.4855"\n`,
    });
  });

  it('names each grid table it skipped because it has no error-code column, and counts the tables it read', () => {
    const file = 'tests/rst/fixtures/several-tables/input.rst';
    expect(runValidate(file)).toEqual({
      status: 0,
      stdout: [
        `${file}: skipped table at line 8: no error-code column (headers: Element, Description)`,
        `${file}: 4 rows, 4 codes, 2 tables`,
        '',
      ].join('\n'),
      stderr: '',
    });
  });

  it('refuses a file whose only grid table has no error-code column', () => {
    const file = 'tests/rst/fixtures/no-code-column/input.rst';
    expect(runValidate(file)).toEqual({
      status: 1,
      stdout: '',
      stderr: `${file}:4:1: no error table: no grid table has an error-code column such as "Error Code" (headers at line 4: Element, Description)\n`,
    });
  });

  it('reports an unreadable file in one line, without a stack trace, and still checks the others', () => {
    expect(runValidate('no/such/file.rst', 'content/ecs/error-codes.rst')).toEqual({
      status: 1,
      stdout: 'content/ecs/error-codes.rst: 148 rows, 147 codes\n',
      stderr: 'no/such/file.rst: cannot read file (ENOENT)\n',
    });
  });

  it('rejects an unknown option in one line with the usage, and exits 2 without checking anything', () => {
    expect(runValidate('--strict', 'content/ecs/error-codes.rst')).toEqual({
      status: 2,
      stdout: '',
      stderr:
        "validate: Unknown option '--strict'\n" +
        'usage: npm run validate [-- <file.rst> [more files] | -- --content <dir>]\n',
    });
  });

  it('validates every content table when given no file', () => {
    const result = runValidate();
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('content/ecs/error-codes.rst: 148 rows, 147 codes\n');
  });

  it('with no file, checks a whole content folder: history file names and dates too, as the build does', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'validate-'));
    try {
      const service = path.join(dir, 'ecs');
      mkdirSync(path.join(service, 'history'), { recursive: true });
      copyFileSync(path.join(REPO, 'content/ecs/error-codes.rst'), path.join(service, 'error-codes.rst'));
      writeFileSync(path.join(service, 'service.json'), '{"name": "Elastic Cloud Server", "published": "2022-03-28"}');
      copyFileSync(path.join(REPO, 'content/ecs/error-codes.rst'), path.join(service, 'history/2024-5-28.rst'));
      copyFileSync(path.join(REPO, 'content/ecs/error-codes.rst'), path.join(service, 'history/2022-03-28.rst'));
      const result = runValidate('--content', dir);
      const shown = (file: string) => path.relative(REPO, path.join(service, file));
      expect(result.status).toBe(1);
      expect(result.stderr.trim().split('\n')).toEqual([
        `${shown('history/2022-03-28.rst')}:1:1: two versions are dated 2022-03-28: ${shown('error-codes.rst')} and ${shown('history/2022-03-28.rst')}`,
        `${shown('history/2024-5-28.rst')}:1:1: history file name "2024-5-28.rst" is not a date (YYYY-MM-DD.rst)`,
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('with no file, passes the project’s own content', () => {
    const result = runValidate();
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('content/ecs/error-codes.rst: 148 rows, 147 codes');
  });
});
