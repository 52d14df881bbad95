import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/lib/core/diagnostics.ts';
import { isCalendarDate } from '../../src/lib/core/dates.ts';
import { readVersionList } from '../../src/lib/history/version-files.ts';

const TABLE = { tableFile: 'content/ecs/error-codes.rst', serviceFile: 'content/ecs/service.json' };
/** History folder entries for file names, with paths under content/ecs/history/. */
const folder = (...names: string[]) => names.map((name) => ({ name, path: `content/ecs/history/${name}` }));

/** Reads the version list; `published` null stands for a service.json without the field. */
function read(names: string[], published: string | null = '2022-03-28') {
  const { versions, diagnostics } = readVersionList(folder(...names), published ?? undefined, TABLE);
  return { versions, errors: diagnostics.map(formatDiagnostic) };
}

describe('listing the versions of a table', () => {
  it('lists the table dated by "published" and every history file, oldest first', () => {
    expect(read(['2024-05-28.rst', '2022-07-15.rst', '2026-02-04.rst'])).toEqual({
      versions: [
        { date: '2022-03-28', file: TABLE.tableFile },
        { date: '2022-07-15', file: 'content/ecs/history/2022-07-15.rst' },
        { date: '2024-05-28', file: 'content/ecs/history/2024-05-28.rst' },
        { date: '2026-02-04', file: 'content/ecs/history/2026-02-04.rst' },
      ],
      errors: [],
    });
  });

  it('lets a history file be newer or older than the table: the newest version is current', () => {
    expect(read(['2020-01-01.rst']).versions.map((v) => v.date)).toEqual(['2020-01-01', '2022-03-28']);
  });

  it('lists just the table when there is no history', () => {
    expect(read([])).toEqual({ versions: [{ date: '2022-03-28', file: TABLE.tableFile }], errors: [] });
    expect(read([], null)).toEqual({ versions: [], errors: [] });
  });

  it('ignores files that are not .rst', () => {
    expect(read(['README.md', '.DS_Store', '2024-05-28.rst.bak'])).toEqual({
      versions: [{ date: '2022-03-28', file: TABLE.tableFile }],
      errors: [],
    });
  });

  it('reports a history file whose name is not a date, and leaves it out', () => {
    const { versions, errors } = read(['2024-5-28.rst', '2023-02-29.rst', 'latest.rst', '2024-05-28.rst']);
    expect(errors).toEqual([
      'content/ecs/history/2023-02-29.rst:1:1: history file name "2023-02-29.rst" is not a date (YYYY-MM-DD.rst)',
      'content/ecs/history/2024-5-28.rst:1:1: history file name "2024-5-28.rst" is not a date (YYYY-MM-DD.rst)',
      'content/ecs/history/latest.rst:1:1: history file name "latest.rst" is not a date (YYYY-MM-DD.rst)',
    ]);
    expect(versions.map((v) => v.date)).toEqual(['2022-03-28', '2024-05-28']);
  });

  it('reports a history file dated the same day as the table', () => {
    expect(read(['2022-03-28.rst', '2024-05-28.rst']).errors).toEqual([
      'content/ecs/history/2022-03-28.rst:1:1: two versions are dated 2022-03-28: content/ecs/error-codes.rst and content/ecs/history/2022-03-28.rst',
    ]);
  });

  it('reports two history files with one date', () => {
    const files = [
      { name: '2024-05-28.rst', path: 'content/ecs/history/2024-05-28.rst' },
      { name: '2024-05-28.rst', path: 'content/ecs/history/copy/2024-05-28.rst' },
    ];
    expect(readVersionList(files, '2022-03-28', TABLE).diagnostics.map(formatDiagnostic)).toEqual([
      'content/ecs/history/copy/2024-05-28.rst:1:1: two versions are dated 2024-05-28: content/ecs/history/2024-05-28.rst and content/ecs/history/copy/2024-05-28.rst',
    ]);
  });

  it('reports a history folder without "published" in service.json, and lists the history files alone', () => {
    const { versions, errors } = read(['2024-05-28.rst'], null);
    expect(errors).toEqual([
      'content/ecs/service.json:1:1: "published" is missing: with a history/ folder, error-codes.rst needs its publication date',
    ]);
    expect(versions).toEqual([{ date: '2024-05-28', file: 'content/ecs/history/2024-05-28.rst' }]);
  });

  it('reports a "published" that is not a date when there is a history folder', () => {
    expect(read(['2024-05-28.rst'], 'March 2022').errors).toEqual([
      'content/ecs/service.json:1:1: "published" is "March 2022", not a date (YYYY-MM-DD): with a history/ folder, error-codes.rst needs its publication date',
    ]);
  });

  it('accepts only days that exist in the calendar', () => {
    expect(['2024-02-29', '2022-03-28', '1999-12-31'].every(isCalendarDate)).toBe(true);
    expect(
      ['2023-02-29', '2024-13-01', '2024-04-31', '2024-00-10', '24-05-28', '2024-05-28 '].some(isCalendarDate),
    ).toBe(false);
  });
});
