import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BASE_ROWS, git, importCommand, makeRepo, makeTemp, tablePage, type FixtureRow } from './git-fixture.ts';

// The kinds of input: a bundle, a bare repository, a shallow single-branch clone, and a folder holding several.
const { temp, cleanUp } = makeTemp('import-sources-');
afterAll(cleanUp);

const PATH = 'api-ref/source/error_codes.rst';
const NEW_CODE: FixtureRow[] = [
  ...BASE_ROWS,
  ['409', 'Evs.0003', 'Disk is in use.', 'The disk is attached.', 'Detach it first.'],
];

/** A repository with two versions of its table: 2024-01-10 and 2024-03-01 (a new code). */
function twoVersionRepo(dir: string): ReturnType<typeof makeRepo> {
  const repo = makeRepo(dir);
  repo.commit('2024-01-10T09:00:00+01:00', {
    [PATH]: tablePage(BASE_ROWS),
    'api-ref/source/index.rst': 'API Reference\n=============\n',
  });
  repo.commit('2024-03-01T09:00:00+01:00', { [PATH]: tablePage(NEW_CODE) });
  return repo;
}

const bundleClones = () => readdirSync(tmpdir()).filter((name) => name.startsWith('import-bundle-'));

describe('import sources', () => {
  it('imports a bundle through a temporary clone, which it removes', () => {
    const repo = twoVersionRepo(join(temp(), 'block-storage'));
    const bundle = join(temp(), 'Block-Storage.bundle');
    git(repo.dir, ['bundle', 'create', '-q', bundle, '--all']);
    const project = temp();
    const clonesBefore = bundleClones();
    const { code, stdout } = importCommand(project, [bundle]);
    expect(code).toBe(0);
    expect(stdout.split('\n')[0]).toBe(
      `block-storage: ${PATH} in Block-Storage: 2 commits, 2 versions (2024-01-10 to 2024-03-01)`,
    );
    expect(readFileSync(join(project, 'content/block-storage/error-codes.rst'), 'utf8')).toBe(tablePage(NEW_CODE));
    expect(readFileSync(join(project, 'content/block-storage/history/2024-01-10.rst'), 'utf8')).toBe(
      tablePage(BASE_ROWS),
    );
    expect(JSON.parse(readFileSync(join(project, 'content/block-storage/service.json'), 'utf8'))).toEqual({
      name: 'Block Storage',
      published: '2024-03-01',
    });
    expect(bundleClones()).toEqual(clonesBefore);
  });

  it('imports a bare repository under its name without .git', () => {
    const repo = twoVersionRepo(join(temp(), 'evs'));
    const bare = join(temp(), 'evs.git');
    git(repo.dir, ['clone', '-q', '--bare', repo.dir, bare]);
    const project = temp();
    const { code } = importCommand(project, [bare]);
    expect(code).toBe(0);
    expect(readdirSync(join(project, 'content/evs')).sort()).toEqual(['error-codes.rst', 'history', 'service.json']);
    expect(readdirSync(join(project, 'content/evs/history'))).toEqual(['2024-01-10.rst']);
  });

  it('uses whatever history a shallow single-branch clone has', () => {
    const repo = twoVersionRepo(join(temp(), 'evs-source'));
    const shallow = join(temp(), 'evs');
    git(temp(), ['clone', '-q', '--depth', '1', '--single-branch', `file://${repo.dir}`, shallow]);
    const project = temp();
    const { code, stdout } = importCommand(project, [shallow]);
    expect(code).toBe(0);
    expect(stdout.split('\n')[0]).toBe(`evs: ${PATH} in evs: 1 commit, 1 version (2024-03-01 to 2024-03-01)`);
    expect(existsSync(join(project, 'content/evs/history'))).toBe(false);
  });

  it('imports every repository of a folder and prints a summary table', () => {
    const folder = temp();
    const evs = twoVersionRepo(join(folder, 'evs'));
    git(evs.dir, ['clone', '-q', '--bare', evs.dir, join(folder, 'ims.git')]);
    const vpc = makeRepo(join(temp(), 'vpc'));
    vpc.commit('2023-05-01T10:00:00Z', { 'api-ref/errors/error_code.rst': tablePage(NEW_CODE) });
    vpc.commit('2023-06-01T10:00:00Z', { 'api-ref/errors/error_code.rst': tablePage(BASE_ROWS.slice(1)) });
    vpc.commit('2023-07-01T10:00:00Z', { 'api-ref/errors/error_code.rst': tablePage(BASE_ROWS) });
    git(vpc.dir, ['bundle', 'create', '-q', join(folder, 'vpc.bundle'), '--all']);
    writeFileSync(join(folder, 'notes.txt'), 'not a repository\n');
    mkdirSync(join(folder, 'empty-folder'));
    const project = temp();
    const { code, stdout } = importCommand(project, [folder]);
    expect(code).toBe(0);
    expect(stdout.split('\n').slice(-6)).toEqual([
      '',
      'service  versions  codes  added  retired   time',
      'evs             2      3      1        0  0.0 s',
      'ims             2      3      1        0  0.0 s',
      'vpc             3      2      0        1  0.0 s',
      '',
    ]);
    expect(readdirSync(join(project, 'content')).sort()).toEqual(['evs', 'ims', 'vpc']);
    expect(readFileSync(join(project, 'content/vpc/history/2023-06-01.rst'), 'utf8')).toBe(
      tablePage(BASE_ROWS.slice(1)),
    );
  });

  it('refuses --service for a folder of several repositories', () => {
    const folder = temp();
    twoVersionRepo(join(folder, 'evs'));
    twoVersionRepo(join(folder, 'ims'));
    const { code, stderr } = importCommand(temp(), [folder, '--service', 'evs']);
    expect(code).toBe(1);
    expect(stderr).toBe(
      `import: --service and --file name one repository's service and table, but ${folder} holds 2: import them one by one to use them\n`,
    );
  });

  it('says what it expected of a path that is no repository', () => {
    const folder = temp();
    writeFileSync(join(folder, 'notes.txt'), 'text\n');
    expect(importCommand(temp(), [folder]).stderr).toBe(
      `import: ${folder} is neither a repository nor a folder holding any (a checkout with .git, a bare repository, a .bundle file)\n`,
    );
    expect(importCommand(temp(), [join(folder, 'missing')]).stderr).toBe(
      `import: ${join(folder, 'missing')} does not exist\n`,
    );
  });

  it('imports the first of two repositories that map to one service and names the second', () => {
    const folder = temp();
    const evs = twoVersionRepo(join(folder, 'evs'));
    git(evs.dir, ['bundle', 'create', '-q', join(folder, 'EVS.bundle'), '--all']);
    const { code, stdout, stderr } = importCommand(temp(), [folder]);
    expect(code).toBe(1);
    // Folder entries are taken in code-unit order: "EVS.bundle" before "evs".
    expect(stderr).toContain(
      'evs: evs maps to the same service as EVS: skipped (import it alone with --service <id>)\n',
    );
    expect(stdout.split('\n').slice(-4)).toEqual([
      'service  versions  codes  added  retired   time',
      'evs             2      3      1        0  0.0 s',
      'evs        failed                         0.0 s',
      '',
    ]);
  });

  it('reports a file that is no bundle without a stack trace', () => {
    const folder = temp();
    writeFileSync(join(folder, 'broken.bundle'), 'not a bundle\n');
    const clonesBefore = bundleClones();
    const { code, stderr } = importCommand(temp(), [join(folder, 'broken.bundle')]);
    expect(code).toBe(1);
    expect(stderr.split('\n')[0]).toMatch(
      new RegExp(`^broken: cannot clone bundle ${join(folder, 'broken.bundle')}: `),
    );
    expect(stderr).not.toContain('    at ');
    expect(bundleClones()).toEqual(clonesBefore);
  });
});
