import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BASE_ROWS, importCommand, makeRepo, makeTemp, tablePage, type FixtureRow } from './git-fixture.ts';

// What stops an import (a broken table in any version, an unclear table file, a clash in the service folder)
// and what does not (warnings): exact messages, and nothing written when it stops.
const { temp, cleanUp } = makeTemp('import-problems-');
afterAll(cleanUp);

const PATH = 'api-ref/source/error_codes.rst';
const NEW_CODE: FixtureRow[] = [
  ...BASE_ROWS,
  ['409', 'Evs.0003', 'Disk is in use.', 'The disk is attached.', 'Detach it first.'],
];
const BROKEN = tablePage(BASE_ROWS).replace('| Disk %s not found.', '  Disk %s not found.');

describe('import problems', () => {
  it('writes nothing when any version has a broken table, and prints the problem located at its commit', () => {
    const repo = makeRepo(join(temp(), 'evs'));
    repo.commit('2024-01-10T09:00:00Z', { [PATH]: tablePage(BASE_ROWS) });
    const broken = repo.commit('2024-02-01T09:00:00Z', { [PATH]: BROKEN });
    repo.commit('2024-03-01T09:00:00Z', { [PATH]: tablePage(NEW_CODE) });
    const project = temp();
    const { code, stdout, stderr } = importCommand(project, [repo.dir]);
    expect(code).toBe(1);
    expect(stderr.split('\n')).toEqual([
      'evs: 1/3 commits',
      'evs: 2/3 commits',
      'evs: 3/3 commits',
      `evs/${PATH}@${broken.slice(0, 7)}:13:28: row has 4 cells, the header has 5 (is a | missing?)`,
      'evs: 1 problem in the tables of evs: nothing written',
      '',
    ]);
    expect(stdout.split('\n')).toEqual([
      '',
      'service  versions  codes  added  retired   time',
      'evs        failed                         0.0 s',
      '',
    ]);
    expect(existsSync(join(project, 'content'))).toBe(false);
  });

  it('prints warnings the same way and imports anyway', () => {
    const repo = makeRepo(join(temp(), 'evs'));
    const first = repo.commit('2024-01-10T09:00:00Z', {
      [PATH]: tablePage([['n/a', 'Evs.0001', 'Invalid parameter.', 'A parameter is wrong.', 'Check it.']]),
    });
    const project = temp();
    const { code, stderr } = importCommand(project, [repo.dir]);
    expect(code).toBe(0);
    expect(stderr).toBe(
      `evs: 1/1 commits\nevs/${PATH}@${first.slice(0, 7)}:11:3: warning: HTTP status "n/a" is not a three-digit number: kept as text\n`,
    );
    expect(existsSync(join(project, 'content/evs/error-codes.rst'))).toBe(true);
  });

  it('asks for --file when several files under api-ref/ have an error table, and takes the one it names', () => {
    const repo = makeRepo(join(temp(), 'evs'));
    repo.commit('2024-01-10T09:00:00Z', {
      'api-ref/source/v1/errors.rst': tablePage(BASE_ROWS),
      'api-ref/source/v2/errors.rst': tablePage(NEW_CODE),
      'api-ref/source/index.rst': 'API Reference\n=============\n',
      'docs/error_codes.rst': tablePage(BASE_ROWS),
    });
    const project = temp();
    const unclear = importCommand(project, [repo.dir]);
    expect(unclear.code).toBe(1);
    expect(unclear.stderr).toBe(
      'evs: 2 files under api-ref/ in evs have an error table, so the table to import is unclear:\n' +
        '  api-ref/source/v1/errors.rst\n' +
        '  api-ref/source/v2/errors.rst\n' +
        'pass --file <path in repo> to choose one\n',
    );
    expect(existsSync(join(project, 'content'))).toBe(false);
    const chosen = importCommand(project, [repo.dir, '--file', 'api-ref/source/v2/errors.rst']);
    expect(chosen.code).toBe(0);
    expect(readFileSync(join(project, 'content/evs/error-codes.rst'), 'utf8')).toBe(tablePage(NEW_CODE));
  });

  it('prefers the file whose path says error_code among several tables', () => {
    const repo = makeRepo(join(temp(), 'evs'));
    repo.commit('2024-01-10T09:00:00Z', {
      'api-ref/source/limits.rst': tablePage(BASE_ROWS),
      'api-ref/source/appendix/error_codes.rst': tablePage(NEW_CODE),
    });
    const { code, stdout } = importCommand(temp(), [repo.dir]);
    expect(code).toBe(0);
    expect(stdout.split('\n')[0]).toBe(
      'evs: api-ref/source/appendix/error_codes.rst in evs: 1 commit, 1 version (2024-01-10 to 2024-01-10)',
    );
  });

  it('says so when no file under api-ref/ has an error table', () => {
    const repo = makeRepo(join(temp(), 'evs'));
    repo.commit('2024-01-10T09:00:00Z', {
      'api-ref/source/index.rst': 'API Reference\n=============\n',
      'errors.rst': tablePage(BASE_ROWS),
    });
    expect(importCommand(temp(), [repo.dir]).stderr).toBe(
      "evs: no .rst file under api-ref/ in evs has a grid table with an error-code column; pass --file <path in repo> to name the table's file\n",
    );
  });

  it('names a --file that no commit has, or that holds no table', () => {
    const repo = makeRepo(join(temp(), 'evs'));
    const first = repo.commit('2024-01-10T09:00:00Z', {
      [PATH]: tablePage(BASE_ROWS),
      'api-ref/source/index.rst': 'API Reference\n=============\n',
    });
    expect(importCommand(temp(), [repo.dir, '--file', 'api-ref/errors.rst']).stderr).toBe(
      "evs: no commit of evs has api-ref/errors.rst (paths are relative to the repository's top folder)\n",
    );
    expect(importCommand(temp(), [repo.dir, '--file', 'api-ref/source/index.rst']).stderr).toBe(
      `evs: 1/1 commits\nevs/api-ref/source/index.rst@${first.slice(0, 7)}:1:1: no grid table found\nevs: 1 problem in the tables of evs: nothing written\n`,
    );
  });

  it('stops when a history file has the date of the table it would make current', () => {
    const repo = makeRepo(join(temp(), 'evs'));
    repo.commit('2024-01-10T09:00:00Z', { [PATH]: tablePage(BASE_ROWS) });
    const project = temp();
    mkdirSync(join(project, 'content/evs/history'), { recursive: true });
    writeFileSync(join(project, 'content/evs/history/2024-01-10.rst'), tablePage(NEW_CODE));
    const { code, stderr } = importCommand(project, [repo.dir]);
    expect(code).toBe(1);
    expect(stderr).toContain(
      'evs: content/evs/history/2024-01-10.rst has the date of the current table (error-codes.rst, published 2024-01-10): remove or rename it, then import again; nothing written\n',
    );
    expect(readdirSync(join(project, 'content/evs'))).toEqual(['history']);
  });

  it('keeps a current table the repository does not have as a history file', () => {
    const repo = makeRepo(join(temp(), 'evs'));
    repo.commit('2024-03-01T09:00:00Z', { [PATH]: tablePage(NEW_CODE) });
    const project = temp();
    mkdirSync(join(project, 'content/evs'), { recursive: true });
    writeFileSync(join(project, 'content/evs/error-codes.rst'), tablePage(BASE_ROWS));
    writeFileSync(join(project, 'content/evs/service.json'), '{"name": "EVS", "published": "2023-12-01"}\n');
    const { code, stdout } = importCommand(project, [repo.dir]);
    expect(code).toBe(0);
    expect(stdout).toContain(
      'evs: moved the previous content/evs/error-codes.rst (published 2023-12-01, not in the repository) to content/evs/history/2023-12-01.rst\n',
    );
    expect(readFileSync(join(project, 'content/evs/history/2023-12-01.rst'), 'utf8')).toBe(tablePage(BASE_ROWS));
    expect(readFileSync(join(project, 'content/evs/error-codes.rst'), 'utf8')).toBe(tablePage(NEW_CODE));
    expect(readFileSync(join(project, 'content/evs/service.json'), 'utf8')).toBe(
      '{"name": "EVS", "published": "2024-03-01"}\n',
    );
  });
});
