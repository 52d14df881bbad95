import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE_ROWS, git, importCommand, makeRepo, makeTemp, tablePage, type FixtureRow } from './git-fixture.ts';

// One documentation checkout with every kind of change, imported into a fresh project folder:
// 2024-01-10 first table; 2024-02-01 preamble only; 2024-03-05 column widths only; 2024-04-02 a reworded row;
// 2024-05-28 two commits (a new code, then a reword of it); 2024-06-10 the file renamed; 2024-07-01 a new code.
const { temp, cleanUp } = makeTemp('import-checkout-');
afterAll(cleanUp);

const REWORDED: FixtureRow[] = [
  BASE_ROWS[0],
  ['404', 'Evs.0002', 'Disk %s does not exist.', 'The disk does not exist.', 'Check the disk ID.'],
];
const FIRST_OF_DAY: FixtureRow[] = [
  ...REWORDED,
  ['409', 'Evs.0003', 'Disk in use.', 'The disk is attached.', 'Detach it.'],
];
const LATER_OF_DAY: FixtureRow[] = [
  ...REWORDED,
  ['409', 'Evs.0003', 'Disk %s is in use.', 'The disk is attached.', 'Detach it first.'],
];
const NEWEST: FixtureRow[] = [
  ...LATER_OF_DAY,
  ['500', 'Evs.0004', 'Internal error.', 'The service failed.', 'Try again later.'],
];

const OLD_PATH = 'api-ref/source/errors.rst';
const NEW_PATH = 'api-ref/source/appendix/error_codes.rst';

let project: string;
let repo: ReturnType<typeof makeRepo>;
const hashes: Record<string, string> = {};
const short = (name: string) => hashes[name].slice(0, 7);

beforeAll(() => {
  project = temp();
  repo = makeRepo(join(temp(), 'elastic-volume-service'));
  hashes.first = repo.commit('2024-01-10T09:00:00+01:00', {
    [OLD_PATH]: tablePage(BASE_ROWS),
    'README.md': 'EVS docs\n',
  });
  hashes.preamble = repo.commit('2024-02-01T09:00:00+01:00', {
    [OLD_PATH]: tablePage(BASE_ROWS, { preamble: 'Every failed call names its error code.' }),
  });
  hashes.widths = repo.commit('2024-03-05T09:00:00+01:00', {
    [OLD_PATH]: tablePage(BASE_ROWS, { preamble: 'Every failed call names its error code.', pad: 5 }),
  });
  hashes.reworded = repo.commit('2024-04-02T09:00:00+02:00', { [OLD_PATH]: tablePage(REWORDED) });
  hashes.morning = repo.commit('2024-05-28T09:00:00+02:00', { [OLD_PATH]: tablePage(FIRST_OF_DAY) });
  hashes.evening = repo.commit('2024-05-28T18:00:00+02:00', { [OLD_PATH]: tablePage(LATER_OF_DAY) });
  // Late in the evening west of Greenwich: the author's own date, not UTC's next day.
  hashes.unrelated = repo.commit('2024-06-01T23:30:00-05:00', { 'README.md': 'EVS documentation\n' });
  hashes.renamed = repo.rename('2024-06-10T09:00:00+02:00', OLD_PATH, NEW_PATH);
  hashes.newest = repo.commit('2024-07-01T23:30:00-05:00', { [NEW_PATH]: tablePage(NEWEST) });
});

const read = (path: string) => readFileSync(join(project, 'content', path), 'utf8');

describe('importing a checkout', () => {
  it('writes the newest table, a history file per earlier change of the table, and service.json', () => {
    const { code, stdout, stderr } = importCommand(project, [repo.dir]);
    expect(stderr).toBe(
      [1, 2, 3, 4, 5, 6, 7, 8]
        .map((n) => `${n}/8`)
        .map((n) => `elastic-volume-service: ${n} commits\n`)
        .join(''),
    );
    expect(stdout.split('\n')).toEqual([
      `elastic-volume-service: ${NEW_PATH} in elastic-volume-service (followed across renames from ${OLD_PATH}): 8 commits, 4 versions (2024-01-10 to 2024-07-01)`,
      `elastic-volume-service: skipped 2024-02-01 (${short('preamble')}): the table itself did not change`,
      `elastic-volume-service: skipped 2024-03-05 (${short('widths')}): the table itself did not change`,
      `elastic-volume-service: skipped 2024-06-10 (${short('renamed')}): the table itself did not change`,
      `elastic-volume-service: 2024-05-28: 2 commits, kept the later (${short('evening')})`,
      'elastic-volume-service: wrote content/elastic-volume-service/error-codes.rst',
      'elastic-volume-service: wrote content/elastic-volume-service/history/2024-01-10.rst',
      'elastic-volume-service: wrote content/elastic-volume-service/history/2024-04-02.rst',
      'elastic-volume-service: wrote content/elastic-volume-service/history/2024-05-28.rst',
      'elastic-volume-service: wrote content/elastic-volume-service/service.json',
      'elastic-volume-service: content/elastic-volume-service/service.json names no repository: the repository has no remote "origin" on GitHub, so code pages link no place to report a problem',
      'elastic-volume-service: 5 files written, 0 unchanged',
      '',
      'service                 versions  codes  added  retired   time',
      'elastic-volume-service         4      4      2        0  0.0 s',
      '',
    ]);
    expect(code).toBe(0);
    expect(readdirSync(join(project, 'content/elastic-volume-service/history'))).toEqual([
      '2024-01-10.rst',
      '2024-04-02.rst',
      '2024-05-28.rst',
    ]);
    expect(read('elastic-volume-service/error-codes.rst')).toBe(tablePage(NEWEST));
    expect(read('elastic-volume-service/history/2024-01-10.rst')).toBe(tablePage(BASE_ROWS));
    expect(read('elastic-volume-service/history/2024-04-02.rst')).toBe(tablePage(REWORDED));
    expect(read('elastic-volume-service/history/2024-05-28.rst')).toBe(tablePage(LATER_OF_DAY));
    expect(read('elastic-volume-service/service.json')).toBe(
      '{\n  "name": "Elastic Volume Service",\n  "published": "2024-07-01"\n}\n',
    );
  });

  it('changes nothing when run again: no file is rewritten', () => {
    const folder = join(project, 'content/elastic-volume-service');
    const files = [
      'error-codes.rst',
      'service.json',
      'history/2024-01-10.rst',
      'history/2024-04-02.rst',
      'history/2024-05-28.rst',
    ];
    const before = files.map((f) => statSync(join(folder, f)).mtimeMs);
    const { code, stdout } = importCommand(project, [repo.dir]);
    expect(code).toBe(0);
    expect(stdout).toContain('elastic-volume-service: up to date: 5 files unchanged\n');
    expect(stdout).not.toContain('wrote');
    expect(files.map((f) => statSync(join(folder, f)).mtimeMs)).toEqual(before);
  });

  it('adds only the new version after a new commit', () => {
    const latest: FixtureRow[] = NEWEST.slice(1);
    hashes.retire = repo.commit('2024-08-15T10:00:00+02:00', { [NEW_PATH]: tablePage(latest) });
    const { code, stdout } = importCommand(project, [repo.dir]);
    expect(code).toBe(0);
    expect(
      stdout.split('\n').filter((line) => / (wrote|updated) /.test(line) || line.includes('files written')),
    ).toEqual([
      'elastic-volume-service: updated content/elastic-volume-service/error-codes.rst',
      'elastic-volume-service: wrote content/elastic-volume-service/history/2024-07-01.rst',
      'elastic-volume-service: updated content/elastic-volume-service/service.json',
      'elastic-volume-service: 3 files written, 3 unchanged',
    ]);
    expect(stdout).toContain('elastic-volume-service         5      3      2        1  0.0 s\n');
    expect(read('elastic-volume-service/error-codes.rst')).toBe(tablePage(latest));
    expect(read('elastic-volume-service/history/2024-07-01.rst')).toBe(tablePage(NEWEST));
    expect(JSON.parse(read('elastic-volume-service/service.json'))).toEqual({
      name: 'Elastic Volume Service',
      published: '2024-08-15',
    });
  });

  it('keeps hand-edited service.json fields and never touches categories.json', () => {
    const folder = join(project, 'content/evs');
    mkdirSync(folder, { recursive: true });
    const serviceJson =
      '{\n  "name": "Elastic Volume Service (EVS)",\n  "short": "EVS",\n  "published": "2024-01-10",\n  "summary": "Block storage.",\n  "owner": "storage team"\n}\n';
    const categories = '{ "families": [], "topics": [] }\n';
    writeFileSync(join(folder, 'service.json'), serviceJson);
    writeFileSync(join(folder, 'categories.json'), categories);
    const { code } = importCommand(project, [repo.dir, '--service', 'evs']);
    expect(code).toBe(0);
    expect(read('evs/service.json')).toBe(
      serviceJson.replace('"published": "2024-01-10"', '"published": "2024-08-15"'),
    );
    expect(read('evs/categories.json')).toBe(categories);
  });

  it('keeps a history file the repository does not have, and says so', () => {
    writeFileSync(join(project, 'content/evs/history/2023-12-01.rst'), tablePage(BASE_ROWS.slice(0, 1)));
    const { code, stdout } = importCommand(project, [repo.dir, '--service', 'evs']);
    expect(code).toBe(0);
    expect(stdout).toContain('evs: kept content/evs/history/2023-12-01.rst (not a version in the repository)\n');
    expect(read('evs/history/2023-12-01.rst')).toBe(tablePage(BASE_ROWS.slice(0, 1)));
  });

  it('reads committed history only, not uncommitted edits in the checkout', () => {
    writeFileSync(join(repo.dir, NEW_PATH), 'not a table\n');
    const { code, stdout } = importCommand(project, [repo.dir, '--service', 'evs']);
    git(repo.dir, ['checkout', '--', NEW_PATH]);
    expect(code).toBe(0);
    expect(stdout).toContain('evs: up to date: 6 files unchanged\n');
  });

  it("dates each version by its author date in the author's own offset", () => {
    expect(existsSync(join(project, 'content/elastic-volume-service/history/2024-07-02.rst'))).toBe(false);
    expect(existsSync(join(project, 'content/elastic-volume-service/history/2024-07-01.rst'))).toBe(true);
  });
});
