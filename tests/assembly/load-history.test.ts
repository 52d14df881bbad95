import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { CodePage } from '../../src/lib/pages/code-pages.ts';
import { loadServices } from '../../src/lib/assembly/load-site.ts';
import type { ServiceModel } from '../../src/lib/assembly/assemble.ts';

// loadServices over a content folder with history/: the merged catalogue, what each code page gets of the
// history, the change list, the located diagnostics of a bad history folder, and nothing at all without one.
// The fixture (tests/fixtures/history-site/content/ecs) has three versions; its README says what changes.
const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const FIXTURE = path.join(REPO, 'tests/fixtures/history-site');

const temporary: string[] = [];
afterAll(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

/** A fresh project folder holding a copy of the fixture's content/, for tests that add or break files. */
function copyFixture(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'load-history-'));
  temporary.push(root);
  cpSync(path.join(FIXTURE, 'content'), path.join(root, 'content'), { recursive: true });
  return root;
}

/** Loads a project's content/ and returns its only service, failing on any diagnostic. */
function loadOne(root: string): ServiceModel {
  const { services, diagnostics } = loadServices(path.join(root, 'content'), root);
  expect(diagnostics).toEqual([]);
  expect(services).toHaveLength(1);
  return services[0];
}

function pageOf(service: ServiceModel, code: string): CodePage {
  const page = service.pages.find((p) => p.entry.code === code);
  if (!page) throw new Error(`no page for ${code}`);
  return page;
}

describe('loadServices on a service with three dated versions', () => {
  const ecs = loadOne(FIXTURE);

  it('has every code ever published, the retired one last, with the rows of its last version', () => {
    expect(ecs.catalogue.entries.map((e) => e.code)).toEqual([
      'Ecs.0001',
      'Ecs.0005',
      'Ecs.0010',
      'Ecs.0066',
      'Ecs.0202',
      'Ecs.0203',
      'Ecs.0910',
    ]);
    expect(ecs.pages.map((p) => p.entry.code)).toEqual(ecs.catalogue.entries.map((e) => e.code));
    const retired = pageOf(ecs, 'Ecs.0910').entry;
    expect(retired.variants.map((v) => [v.statuses, v.message.text])).toEqual([
      [[400], 'The image %s is no longer supported.'],
    ]);
  });

  it('dates the catalogue by its newest version and reads it from that file', () => {
    expect(ecs.catalogue.published).toBe('2023-02-21');
    expect(ecs.catalogue.file).toBe('content/ecs/history/2023-02-21.rst');
    expect(ecs.history?.dates).toEqual(['2022-03-28', '2022-07-15', '2023-02-21']);
    expect(ecs.history?.current).toBe('2023-02-21');
  });

  it('shows today’s wording of the reworded code with its dates, and the old one as v1 with a word diff', () => {
    const page = pageOf(ecs, 'Ecs.0010');
    expect(page.entry.variants.map((v) => v.message.text)).toEqual([
      'The private IP address %s is already used by another port.',
    ]);
    expect(page.history).toMatchObject({
      introduced: '2022-03-28',
      lastPublished: '2023-02-21',
      retired: false,
      added: false,
    });
    expect(page.history?.shown).toEqual({ 'http-400': { first: '2022-07-15', last: '2023-02-21' } });
    expect(
      page.history?.earlier.map(({ id, statuses, message, first, last, rank }) => ({
        id,
        statuses,
        text: message.text,
        first,
        last,
        rank,
      })),
    ).toEqual([
      {
        id: 'v1',
        statuses: [400],
        text: 'Private IP address %s is already in use.',
        first: '2022-03-28',
        last: '2022-03-28',
        rank: 2,
      },
    ]);
    expect(page.history?.earlier[0].diff).toEqual([
      { kind: 'removed', text: 'Private ' },
      { kind: 'added', text: 'The private ' },
      { kind: 'same', text: 'IP address %s is already ' },
      { kind: 'removed', text: 'in use' },
      { kind: 'added', text: 'used by another port' },
      { kind: 'same', text: '.' },
    ]);
  });

  it('marks the removed code retired, last published in the version before the newest', () => {
    expect(pageOf(ecs, 'Ecs.0910').history).toEqual({
      introduced: '2022-03-28',
      lastPublished: '2022-07-15',
      retired: true,
      added: false,
      shown: { 'http-400': { first: '2022-03-28', last: '2022-07-15' } },
      earlier: [],
    });
  });

  it('marks the code added in the second version as added since then', () => {
    expect(pageOf(ecs, 'Ecs.0066').history).toEqual({
      introduced: '2022-07-15',
      lastPublished: '2023-02-21',
      retired: false,
      added: true,
      shown: { 'http-400': { first: '2022-07-15', last: '2023-02-21' } },
      earlier: [],
    });
  });

  it('keeps the old status of a code whose status changed as an earlier wording with no word change', () => {
    const history = pageOf(ecs, 'Ecs.0005').history!;
    expect(pageOf(ecs, 'Ecs.0005').entry.variants.map((v) => [v.statuses, v.anchor])).toEqual([[[404], 'http-404']]);
    expect(history.shown).toEqual({ 'http-404': { first: '2023-02-21', last: '2023-02-21' } });
    expect(history.earlier.map((w) => [w.id, w.statuses, w.first, w.last, w.rank])).toEqual([
      ['v1', [400], '2022-03-28', '2022-07-15', 1],
    ]);
    expect(history.earlier[0].diff).toEqual([{ kind: 'same', text: 'request body is illegal.' }]);
  });

  it('gives an unchanged code one wording spanning every version and no earlier ones', () => {
    expect(pageOf(ecs, 'Ecs.0001').history).toEqual({
      introduced: '2022-03-28',
      lastPublished: '2023-02-21',
      retired: false,
      added: false,
      shown: { 'http-400': { first: '2022-03-28', last: '2023-02-21' } },
      earlier: [],
    });
  });

  it('lists what each version changed against the one before', () => {
    expect(ecs.history?.changes).toEqual([
      {
        date: '2022-07-15',
        previous: '2022-03-28',
        added: ['Ecs.0066'],
        removed: [],
        reworded: [
          {
            code: 'Ecs.0010',
            before: ['Private IP address %s is already in use.'],
            after: ['The private IP address %s is already used by another port.'],
            beforeStatus: [400],
            afterStatus: [400],
          },
        ],
      },
      {
        date: '2023-02-21',
        previous: '2022-07-15',
        added: [],
        removed: ['Ecs.0910'],
        reworded: [
          {
            code: 'Ecs.0005',
            before: ['request body is illegal.'],
            after: ['request body is illegal.'],
            beforeStatus: [400],
            afterStatus: [404],
          },
        ],
      },
    ]);
  });
});

describe('loadServices on a bad history folder', () => {
  it('reports a history file whose name is not a date, at that file', () => {
    const root = copyFixture();
    writeFileSync(
      path.join(root, 'content/ecs/history/2023-2-1.rst'),
      readFileSync(path.join(FIXTURE, 'content/ecs/error-codes.rst')),
    );
    const { services, diagnostics } = loadServices(path.join(root, 'content'), root);
    expect(diagnostics).toEqual([
      {
        file: 'content/ecs/history/2023-2-1.rst',
        line: 1,
        column: 1,
        message: 'history file name "2023-2-1.rst" is not a date (YYYY-MM-DD.rst)',
      },
    ]);
    expect(services).toEqual([]);
  });

  it('reports a history file dated like error-codes.rst, naming both files', () => {
    const root = copyFixture();
    writeFileSync(
      path.join(root, 'content/ecs/history/2022-03-28.rst'),
      readFileSync(path.join(FIXTURE, 'content/ecs/error-codes.rst')),
    );
    const { diagnostics } = loadServices(path.join(root, 'content'), root);
    expect(diagnostics).toEqual([
      {
        file: 'content/ecs/history/2022-03-28.rst',
        line: 1,
        column: 1,
        message:
          'two versions are dated 2022-03-28: content/ecs/error-codes.rst and content/ecs/history/2022-03-28.rst',
      },
    ]);
  });

  it('reports a missing "published" in service.json, at service.json', () => {
    const root = copyFixture();
    const meta = JSON.parse(readFileSync(path.join(root, 'content/ecs/service.json'), 'utf8'));
    delete meta.published;
    writeFileSync(path.join(root, 'content/ecs/service.json'), JSON.stringify(meta));
    expect(loadServices(path.join(root, 'content'), root).diagnostics).toEqual([
      {
        file: 'content/ecs/service.json',
        line: 1,
        column: 1,
        message: '"published" is missing: with a history/ folder, error-codes.rst needs its publication date',
      },
    ]);
  });
});

describe('loadServices without a history folder', () => {
  it('gives the real ECS content no history fields at all', () => {
    const { services, diagnostics } = loadServices(path.join(REPO, 'content'), REPO);
    expect(diagnostics).toEqual([]);
    for (const service of services) {
      expect(service.history).toBeUndefined();
      for (const page of service.pages) expect(Object.keys(page), page.entry.code).not.toContain('history');
    }
  });

  it('reads the fixture’s error-codes.rst alone as it would any table, when its history folder is gone', () => {
    const root = copyFixture();
    rmSync(path.join(root, 'content/ecs/history'), { recursive: true });
    const ecs = loadOne(root);
    expect(ecs.history).toBeUndefined();
    expect(ecs.catalogue.published).toBe('2022-03-28');
    expect(ecs.catalogue.file).toBe('content/ecs/error-codes.rst');
    expect(ecs.catalogue.entries.map((e) => e.code)).toEqual([
      'Ecs.0001',
      'Ecs.0005',
      'Ecs.0010',
      'Ecs.0202',
      'Ecs.0203',
      'Ecs.0910',
    ]);
    for (const page of ecs.pages) expect(Object.keys(page)).not.toContain('history');
  });
});
