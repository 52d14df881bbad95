import { describe, expect, it } from 'vitest';
import { chooseVersions, countCodeChanges, type TableCommit } from '../../src/lib/import/versions.ts';
import { BASE_ROWS, tablePage, type FixtureRow } from './git-fixture.ts';

const REWORDED: FixtureRow[] = [
  BASE_ROWS[0],
  ['404', 'Evs.0002', 'Disk %s does not exist.', 'The disk does not exist.', 'Check the disk ID.'],
];
const NEW_CODE: FixtureRow[] = [
  ...BASE_ROWS,
  ['409', 'Evs.0003', 'Disk is in use.', 'The disk is attached.', 'Detach it first.'],
];

/** Commits of one file, oldest first, named by their date. */
function commits(...list: [date: string, text: string][]): TableCommit[] {
  return list.map(([date, text], k) => ({ commit: `c${k}${date}`, date, text, file: `docs/errors.rst@c${k}` }));
}

const dates = (choice: { versions: { date: string }[] }) => choice.versions.map((v) => v.date);

describe('chooseVersions', () => {
  it('makes a version of each commit that rewords a row or adds a code', () => {
    const choice = chooseVersions(
      commits(
        ['2024-01-10', tablePage(BASE_ROWS)],
        ['2024-02-01', tablePage(REWORDED)],
        ['2024-03-01', tablePage(NEW_CODE)],
      ),
    );
    expect(dates(choice)).toEqual(['2024-01-10', '2024-02-01', '2024-03-01']);
    expect(choice.versions.map((v) => v.codes)).toEqual([
      ['Evs.0001', 'Evs.0002'],
      ['Evs.0001', 'Evs.0002'],
      ['Evs.0001', 'Evs.0002', 'Evs.0003'],
    ]);
    expect(choice.skipped).toEqual([]);
  });

  it('skips a commit that changes only the preamble or the column widths', () => {
    const choice = chooseVersions(
      commits(
        ['2024-01-10', tablePage(BASE_ROWS)],
        ['2024-02-01', tablePage(BASE_ROWS, { preamble: 'Every failed call names its error code.' })],
        ['2024-03-01', tablePage(BASE_ROWS, { pad: 6 })],
        ['2024-04-01', tablePage(NEW_CODE)],
      ),
    );
    expect(dates(choice)).toEqual(['2024-01-10', '2024-04-01']);
    expect(choice.skipped.map((c) => c.date)).toEqual(['2024-02-01', '2024-03-01']);
  });

  it('counts a cell that wraps differently as the same text', () => {
    const wrapped = tablePage(BASE_ROWS).replace(
      '| 400         | Evs.0001   | Invalid parameter. | A parameter is wrong.    | Check the request. |',
      '| 400         | Evs.0001   | Invalid parameter. | A parameter is           | Check the request. |\n' +
        '|             |            |                    | wrong.                   |                    |',
    );
    expect(wrapped).not.toBe(tablePage(BASE_ROWS));
    const choice = chooseVersions(
      commits(['2024-01-10', tablePage(BASE_ROWS)], ['2024-02-01', wrapped], ['2024-03-01', tablePage(NEW_CODE)]),
    );
    expect(choice.errors).toEqual([]);
    expect(dates(choice)).toEqual(['2024-01-10', '2024-03-01']);
    expect(choice.skipped.map((c) => c.date)).toEqual(['2024-02-01']);
  });

  it('makes the newest commit a version even when its rows read as before: it is the table as published now', () => {
    const choice = chooseVersions(
      commits(['2024-01-10', tablePage(BASE_ROWS)], ['2024-02-01', tablePage(BASE_ROWS, { pad: 4 })]),
    );
    expect(dates(choice)).toEqual(['2024-01-10', '2024-02-01']);
    expect(choice.skipped).toEqual([]);
  });

  it('keeps the later of two commits on one day and says so', () => {
    const choice = chooseVersions(
      commits(
        ['2024-01-10', tablePage(BASE_ROWS)],
        ['2024-05-28', tablePage(REWORDED)],
        ['2024-05-28', tablePage(NEW_CODE)],
      ),
    );
    expect(dates(choice)).toEqual(['2024-01-10', '2024-05-28']);
    expect(choice.versions[1].source.commit).toBe('c22024-05-28');
    expect(choice.sameDay).toEqual([{ date: '2024-05-28', count: 2, kept: choice.versions[1].source }]);
  });

  it('reports every error of every table, located at its commit', () => {
    const broken = tablePage(BASE_ROWS).replace('| Disk %s not found.', '  Disk %s not found.');
    const choice = chooseVersions(commits(['2024-01-10', tablePage(BASE_ROWS)], ['2024-02-01', broken]));
    expect(choice.errors).toEqual([
      {
        file: 'docs/errors.rst@c1',
        line: 13,
        column: 28,
        message: 'row has 4 cells, the header has 5 (is a | missing?)',
      },
    ]);
    expect(choice.versions.map((v) => v.date)).toEqual(['2024-01-10']);
  });
});

describe('countCodeChanges', () => {
  it('counts codes that came after the first version and codes the newest lacks', () => {
    expect(countCodeChanges([{ codes: ['A', 'B'] }, { codes: ['A', 'B', 'C'] }, { codes: ['A', 'C', 'D'] }])).toEqual({
      added: 2,
      retired: 1,
    });
    expect(countCodeChanges([])).toEqual({ added: 0, retired: 0 });
  });
});
