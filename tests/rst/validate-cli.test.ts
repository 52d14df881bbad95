import { spawnSync } from 'node:child_process';
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
        `${file}:24:3: HTTP status "4OO" is not a three-digit number`,
        `${file}:26:16: empty error code`,
        '',
      ].join('\n'),
    });
  });

  it('reports an unreadable file in one line, without a stack trace, and still checks the others', () => {
    expect(runValidate('no/such/file.rst', 'content/ecs/error-codes.rst')).toEqual({
      status: 1,
      stdout: 'content/ecs/error-codes.rst: 148 rows, 147 codes\n',
      stderr: 'no/such/file.rst: cannot read file (ENOENT)\n',
    });
  });

  it('validates every content table when given no file', () => {
    const result = runValidate();
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('content/ecs/error-codes.rst: 148 rows, 147 codes\n');
  });
});
