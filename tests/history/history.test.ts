import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildCatalogue, type ServiceCatalogue } from '../../src/lib/catalogue/catalogue.ts';
import { buildHistory, type CodeHistory, type ServiceHistory } from '../../src/lib/history/history.ts';
import { toPageHistory } from '../../src/lib/history/code-history.ts';
import { buildLookupData, toMatchTargets } from '../../src/lib/lookup/lookup-data.ts';
import { createMatcher } from '../../src/lib/lookup/matcher.ts';
import { syntheticVersions } from '../../scripts/harness/synthetic-history.ts';

// Each folder under history/fixtures/ holds a few dated tables (YYYY-MM-DD.rst) and expected.json: the
// history they make, with each wording's texts and dates, the change list and the merged entry order.
// Regenerate on purpose with `UPDATE_FIXTURES=1 npx vitest run tests/history/history.test.ts`, then read the diff.
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const FIXTURES = path.join(ROOT, 'tests/history/fixtures');
const UPDATE = process.env.UPDATE_FIXTURES === '1';

/** Reads one table, failing the test on any diagnostic. */
function readTable(file: string, text: string): ServiceCatalogue {
  const { catalogue, diagnostics } = buildCatalogue({ id: 'ecs', file, text });
  expect(diagnostics, file).toEqual([]);
  return catalogue!;
}

/** The history of the dated tables in one fixture folder. */
function historyOf(name: string): ServiceHistory {
  const folder = path.join(FIXTURES, name);
  const versions = readdirSync(folder)
    .filter((file) => file.endsWith('.rst'))
    .map((file) => ({
      date: file.slice(0, -'.rst'.length),
      catalogue: readTable(`tests/history/fixtures/${name}/${file}`, readFileSync(path.join(folder, file), 'utf8')),
    }));
  return buildHistory(versions);
}

/** The history as a reader sees it: plain texts and dates, no HTML or segments. */
function serializeHistory(history: ServiceHistory): string {
  const codes = Object.fromEntries(
    [...history.codes].map(([code, h]) => [
      code,
      {
        introduced: h.introduced,
        lastPublished: h.lastPublished,
        retired: h.retired,
        added: h.added,
        wordings: h.wordings.map((w) => ({
          statuses: w.statuses,
          message: w.message.text,
          description: w.description.text,
          solution: w.solution.text,
          first: w.first,
          last: w.last,
          current: w.current,
          ...(w.anchor === undefined ? {} : { anchor: w.anchor }),
        })),
      },
    ]),
  );
  const entries = history.entries.map(
    (e) => `${e.code} ${e.variants.map((v) => `${v.statuses.join('/')}: ${v.message.text}`).join(' | ')}`,
  );
  return `${JSON.stringify({ dates: history.dates, current: history.current, codes, changes: history.changes, entries }, null, 2)}\n`;
}

function codeOf(history: ServiceHistory, code: string): CodeHistory {
  const found = history.codes.get(code);
  if (!found) throw new Error(`${code} is not in the history`);
  return found;
}

/** Wordings as `status message first..last`, the way a code page would list them. */
function wordingsOf(history: ServiceHistory, code: string): string[] {
  return codeOf(history, code).wordings.map(
    (w) => `${w.statuses.join('/')} ${w.message.text} ${w.first}..${w.last}${w.current ? ' (current)' : ''}`,
  );
}

describe('history fixtures', () => {
  const cases = readdirSync(FIXTURES).filter(
    (name) => existsSync(path.join(FIXTURES, name, 'expected.json')) || UPDATE,
  );

  it('has fixture folders to read', () => {
    expect(cases.length).toBeGreaterThanOrEqual(7);
  });

  for (const name of cases) {
    it(`builds the ${name} history exactly as expected`, () => {
      const actual = serializeHistory(historyOf(name));
      const file = path.join(FIXTURES, name, 'expected.json');
      if (UPDATE) writeFileSync(file, actual);
      expect(actual).toBe(readFileSync(file, 'utf8'));
    });
  }
});

describe('what the history says about a code', () => {
  it('keeps both wordings of a reworded code, each with the dates it was published', () => {
    const history = historyOf('reworded-once');
    expect(wordingsOf(history, 'Ecs.0010')).toEqual([
      '400 The private IP address is already being used. Select another IP address. 2023-02-21..2023-02-21 (current)',
      '400 Private IP address %s is already in use. 2022-03-28..2022-03-28',
    ]);
    expect(wordingsOf(history, 'Ecs.0011')).toEqual([
      '400 The password length must range from 8 to 26. 2022-03-28..2023-02-21 (current)',
    ]);
  });

  it('takes the description and solution of a wording from the latest version that has it', () => {
    const [, old] = codeOf(historyOf('reworded-back'), 'Ecs.0002').wordings;
    expect(old.message.text).toBe('A system exception occurred. Try again later or contact customer service.');
    expect(old.description.text).toBe('The task could not be submitted.');
    const [current] = codeOf(historyOf('reworded-back'), 'Ecs.0002').wordings;
    expect(current.description.text).toBe('The task was not submitted.');
  });

  it('marks a code added in a later version, with the date it was introduced', () => {
    const code = codeOf(historyOf('added-later'), 'Ecs.0066');
    expect(code).toMatchObject({ introduced: '2022-07-15', lastPublished: '2023-02-21', added: true, retired: false });
    expect(codeOf(historyOf('added-later'), 'Ecs.0001')).toMatchObject({ introduced: '2022-03-28', added: false });
  });

  it('marks a dropped code as retired, last published in the last version that has it, with its last wording first', () => {
    const history = historyOf('removed');
    expect(codeOf(history, 'Ecs.0910')).toMatchObject({
      introduced: '2022-03-28',
      lastPublished: '2022-07-15',
      retired: true,
      added: false,
    });
    expect(wordingsOf(history, 'Ecs.0910')).toEqual([
      '400 The image is not supported. 2022-07-15..2022-07-15',
      '400 Image %s is not supported. 2022-03-28..2022-03-28',
    ]);
  });

  it('lists the current codes in table order, then retired codes by prefix and number, each with its last rows', () => {
    const history = historyOf('removed');
    expect(history.entries.map((e) => e.code)).toEqual([
      'Ecs.0001',
      'Common.0001',
      'Ecs.0910',
      'Ecs.0950',
      'Common.0013',
    ]);
    expect(history.entries.find((e) => e.code === 'Ecs.0910')!.variants.map((v) => v.message.text)).toEqual([
      'The image is not supported.',
    ]);
  });

  it('counts a changed status as a new wording and as a change of the code', () => {
    const history = historyOf('status-changed');
    expect(wordingsOf(history, 'Ecs.1000')).toEqual([
      '404 itemNotFound: xxx could not be found. 2024-05-28..2024-05-28 (current)',
      '400 itemNotFound: xxx could not be found. 2022-03-28..2022-03-28',
    ]);
    expect(history.changes).toEqual([
      {
        date: '2024-05-28',
        previous: '2022-03-28',
        added: [],
        removed: [],
        reworded: [
          {
            code: 'Ecs.1000',
            before: ['itemNotFound: xxx could not be found.'],
            after: ['itemNotFound: xxx could not be found.'],
            beforeStatus: [400],
            afterStatus: [404],
          },
        ],
      },
    ]);
  });

  it('keeps one wording from its first to its last version when a message is reworded and reworded back', () => {
    expect(wordingsOf(historyOf('reworded-back'), 'Ecs.0002')).toEqual([
      '400 submit job failed 2022-03-28..2022-12-14 (current)',
      '400 A system exception occurred. Try again later or contact customer service. 2022-07-15..2022-07-15',
    ]);
  });

  it('sees no change where only the preamble, column widths or line wrapping differ', () => {
    const history = historyOf('layout-only');
    expect(history.changes.map((c) => [c.added, c.removed, c.reworded])).toEqual([
      [[], [], []],
      [[], [], []],
    ]);
    expect(wordingsOf(history, 'Ecs.0000')).toEqual([
      '400 An existing EIP cannot be assigned to the ECSs created in batches. 2022-03-28..2024-06-06 (current)',
    ]);
    expect(codeOf(history, 'Ecs.0001').wordings).toHaveLength(1);
  });

  it('lists, for each version after the first, the codes it added, removed and reworded', () => {
    const history = historyOf('three-versions');
    expect(history.dates).toEqual(['2022-03-28', '2022-07-15', '2022-12-14']);
    expect(history.current).toBe('2022-12-14');
    expect(
      history.changes.map(({ date, previous, added, removed, reworded }) => ({
        date,
        previous,
        added,
        removed,
        reworded: reworded.map((r) => r.code),
      })),
    ).toEqual([
      {
        date: '2022-07-15',
        previous: '2022-03-28',
        added: ['Ecs.0090'],
        removed: [],
        reworded: ['Ecs.0005', 'Ecs.0009'],
      },
      {
        date: '2022-12-14',
        previous: '2022-07-15',
        added: ['Ecs.0227'],
        removed: ['Ecs.0910'],
        reworded: ['Ecs.0001'],
      },
    ]);
    expect(history.changes[0].reworded[0]).toEqual({
      code: 'Ecs.0005',
      before: ['request body is illegal.', 'request body is illegal.'],
      after: ['request body is illegal.'],
      beforeStatus: [400, 404],
      afterStatus: [400],
    });
  });

  it('gives a history of one version no changes and every code one current wording', () => {
    const text = readFileSync(path.join(FIXTURES, 'reworded-once/2022-03-28.rst'), 'utf8');
    const history = buildHistory([{ date: '2022-03-28', catalogue: readTable('content/ecs/error-codes.rst', text) }]);
    expect(history.changes).toEqual([]);
    expect(history.entries.map((e) => e.code)).toEqual(['Ecs.0010', 'Ecs.0011']);
    expect(
      [...history.codes.values()].every(
        (c) => c.wordings.length === 1 && c.wordings[0].current && !c.added && !c.retired,
      ),
    ).toBe(true);
  });
});

/** The lookup's match targets for a history, as the build makes them: each code's rows and earlier wordings. */
function lookupTargets(history: ServiceHistory) {
  const earlier = new Map([...history.codes].map(([code, c]) => [code, toPageHistory(c, history.dates).earlier]));
  return toMatchTargets(
    buildLookupData({ id: 'ecs', name: 'Elastic Cloud Server', short: 'ECS' }, history.entries, earlier),
  );
}

describe('matching every wording of the history', () => {
  const history = historyOf('reworded-back');
  const more = historyOf('removed');

  it('gives the rows a page shows rank 0 and their anchor, earlier wordings a rank by recency and a v<index> id', () => {
    expect(
      lookupTargets(history).map(({ path, anchor, code, statuses, rank }) => ({ path, anchor, code, statuses, rank })),
    ).toEqual([
      { path: '/ecs/ecs-0002/', anchor: 'http-400', code: 'Ecs.0002', statuses: [400], rank: 0 },
      { path: '/ecs/ecs-0002/', anchor: 'v1', code: 'Ecs.0002', statuses: [400], rank: 1 },
    ]);
    // Ecs.0910 left the table in the last version: its page shows its last rows, and its first wording is older.
    expect(
      lookupTargets(more)
        .filter((t) => t.code === 'Ecs.0910')
        .map(({ path, anchor, rank }) => ({ path, anchor, rank })),
    ).toEqual([
      { path: '/ecs/ecs-0910/', anchor: 'http-400', rank: 0 },
      { path: '/ecs/ecs-0910/', anchor: 'v1', rank: 2 },
    ]);
  });

  it('lets the matcher explain a message in its old wording', () => {
    const matcher = createMatcher(lookupTargets(more));
    const [best] = matcher.match('Image centos-6 is not supported.');
    expect(best.target).toMatchObject({ path: '/ecs/ecs-0910/', anchor: 'v1' });
    expect(best.values).toEqual(['centos-6']);
  });
});

describe('history of many codes', () => {
  it('builds 11 versions of 150 codes: a match target for each current wording and each earlier one', () => {
    const history = buildHistory(syntheticVersions(150));
    expect(history.entries).toHaveLength(150);
    expect(history.changes).toHaveLength(10);
    expect(history.changes[0]).toMatchObject({
      date: '2020-01-11',
      previous: '2020-01-10',
      added: [],
      removed: ['Ecs.00000'],
    });
    const targets = lookupTargets(history);
    expect(targets).toHaveLength(363);
    // The rows of the code the last version retired are still the rows its page shows: rank 0 too.
    expect(targets.filter((t) => t.rank === 0)).toHaveLength(150);
  });

  it('builds 11 versions of 10,000 codes, one change list per later version', () => {
    const history = buildHistory(syntheticVersions(10_000));
    expect(history.entries).toHaveLength(10_000);
    expect(history.changes).toHaveLength(10);
  });
});
