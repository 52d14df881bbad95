import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BASE_ROWS, git, importCommand, makeRepo, makeTemp, tablePage } from './git-fixture.ts';

// The import names where the table is kept in service.json's `repository`: the GitHub repository of the checkout's
// remote "origin", the table's path at its newest commit (after renames) and the branch HEAD is on.
const { temp, cleanUp } = makeTemp('import-repository-');
afterAll(cleanUp);

const OLD_PATH = 'api-ref/source/errors.rst';
const PATH = 'api-ref/source/appendix/error_codes.rst';

/** A checkout whose table moved once, with the given remote "origin" (none when undefined). */
function checkout(origin: string | undefined) {
  const repo = makeRepo(join(temp(), 'elastic-volume-service'));
  repo.commit('2024-01-10T09:00:00+01:00', { [OLD_PATH]: tablePage(BASE_ROWS) });
  repo.rename('2024-02-10T09:00:00+01:00', OLD_PATH, PATH);
  repo.commit('2024-03-10T09:00:00+01:00', { [PATH]: tablePage(BASE_ROWS.slice(0, 1)) });
  if (origin !== undefined) git(repo.dir, ['remote', 'add', 'origin', origin]);
  return repo;
}

/** Imports a checkout into a fresh project (or the one given) and returns the service.json it wrote, and the output. */
function importInto(repoDir: string, project = temp()) {
  const result = importCommand(project, [repoDir, '--service', 'evs']);
  expect(result.code, result.stderr).toBe(0);
  return { ...result, project, serviceJson: readFileSync(join(project, 'content/evs/service.json'), 'utf8') };
}

describe('service.json’s repository, filled by the import', () => {
  it('names the GitHub repository of origin, the table’s path at its newest commit and the branch', () => {
    const { serviceJson, stdout } = importInto(
      checkout('git@github.com:opentelekomcloud-docs/elastic-volume-service.git').dir,
    );
    expect(serviceJson).toBe(
      [
        '{',
        '  "name": "Elastic Volume Service",',
        '  "published": "2024-03-10",',
        '  "repository": {',
        '    "url": "https://github.com/opentelekomcloud-docs/elastic-volume-service",',
        `    "path": "${PATH}",`,
        '    "branch": "main"',
        '  }',
        '}',
        '',
      ].join('\n'),
    );
    expect(stdout).not.toContain('names no repository');
  });

  it('never writes the credentials an https remote carries', () => {
    const { serviceJson } = importInto(checkout('https://someone:ghp_secret@github.com/o/evs-docs.git').dir);
    expect(JSON.parse(serviceJson).repository.url).toBe('https://github.com/o/evs-docs');
    expect(serviceJson).not.toMatch(/secret|someone/);
  });

  it('changes nothing when run again, and replaces a repository that says something else, keeping other fields', () => {
    const repo = checkout('https://github.com/o/evs-docs.git');
    const first = importInto(repo.dir);
    const again = importInto(repo.dir, first.project);
    expect(again.stdout).toContain('evs: up to date: 3 files unchanged\n');
    const file = join(first.project, 'content/evs/service.json');
    const edited = {
      name: 'Elastic Volume Service (EVS)',
      short: 'EVS',
      published: '2024-03-10',
      summary: 'Disks.',
      repository: { url: 'https://github.com/o/old-docs', path: OLD_PATH, branch: 'master' },
    };
    writeFileSync(file, `${JSON.stringify(edited, null, 2)}\n`);
    const updated = importInto(repo.dir, first.project);
    expect(updated.stdout).toContain('evs: updated content/evs/service.json\n');
    expect(JSON.parse(updated.serviceJson)).toEqual({
      ...edited,
      repository: { url: 'https://github.com/o/evs-docs', path: PATH, branch: 'main' },
    });
  });

  it('names no branch when HEAD is detached: links then name HEAD, the default branch', () => {
    const repo = checkout('https://github.com/o/evs-docs');
    git(repo.dir, ['checkout', '-q', '--detach']);
    expect(JSON.parse(importInto(repo.dir).serviceJson).repository).toEqual({
      url: 'https://github.com/o/evs-docs',
      path: PATH,
    });
  });

  it('writes none for an origin off GitHub and says so, and keeps one service.json already has', () => {
    const repo = checkout('https://gitlab.com/o/evs-docs.git');
    const { serviceJson, stdout, project } = importInto(repo.dir);
    expect(JSON.parse(serviceJson)).toEqual({ name: 'Elastic Volume Service', published: '2024-03-10' });
    expect(stdout).toContain(
      'evs: content/evs/service.json names no repository: the repository has no remote "origin" on GitHub, so code ' +
        'pages link no place to report a problem\n',
    );
    const kept = { url: 'https://github.com/o/evs-docs', path: PATH };
    writeFileSync(
      join(project, 'content/evs/service.json'),
      `${JSON.stringify({ name: 'EVS', published: '2024-03-10', repository: kept }, null, 2)}\n`,
    );
    const again = importInto(repo.dir, project);
    expect(JSON.parse(again.serviceJson).repository).toEqual(kept);
    expect(again.stdout).not.toContain('names no repository');
  });
});
