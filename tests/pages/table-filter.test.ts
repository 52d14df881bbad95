import { describe, expect, it } from 'vitest';
import { filterRows, rowFilterText } from '../../src/lib/pages/table-filter.ts';

/** Row texts as a code table writes them: the code, a tab, then each variant's status and message. */
const ROWS = [
  rowFilterText('Ecs.0009', '400 Another flavor must be used for resizing.'),
  rowFilterText('Ecs.0010', '400 Private IP address %s is already in use.'),
  rowFilterText('Ecs.0013', '400 Insufficient EIP quota.'),
  rowFilterText('Ecs.1000', '400 Failed to call the Nova API because %s. 404 itemNotFound: xxx could not be found.'),
  rowFilterText('Common.0024', '202 Exceeds flow over limit'),
  rowFilterText('Request-URI Too Large', '414 The URI is too long.'),
];

/** The codes of the rows a query keeps. */
function kept(query: string): string[] {
  const shown = filterRows(ROWS, query);
  return ROWS.filter((_, i) => shown[i]).map((row) => row.split('\t')[0]);
}

describe('filtering a code table', () => {
  it('keeps every row for an empty or blank query', () => {
    expect(kept('')).toHaveLength(ROWS.length);
    expect(kept('   ')).toHaveLength(ROWS.length);
  });

  it('keeps the rows whose text has every word of the query, in any order and case', () => {
    expect(kept('already in use')).toEqual(['ecs.0010']);
    expect(kept('USE already')).toEqual(['ecs.0010']);
    expect(kept('quota')).toEqual(['ecs.0013']);
  });

  it('drops a row that has only some of the words', () => {
    expect(kept('eip flavor')).toEqual([]);
  });

  it('matches a status as a word of the row', () => {
    expect(kept('404')).toEqual(['ecs.1000']);
    expect(kept('202')).toEqual(['common.0024']);
  });

  it('finds a code however it is spelled', () => {
    for (const spelling of ['Ecs.0010', 'ecs.0010', 'ECS0010', 'ecs0010', 'ecs 0010', 'Ecs_0010', 'ecs-0010']) {
      expect(kept(spelling), spelling).toEqual(['ecs.0010']);
    }
  });

  it('finds a code with another prefix, and the Common code by its full spelling only', () => {
    expect(kept('common0024')).toEqual(['common.0024']);
    expect(kept('ecs0024')).toEqual([]);
  });

  it('matches a part of a word, so typing a code prefix narrows the table as you type', () => {
    expect(kept('ecs.00')).toEqual(['ecs.0009', 'ecs.0010', 'ecs.0013']);
  });

  it('finds a code with spaces in it by its words or in another spelling', () => {
    expect(kept('too large')).toEqual(['request-uri too large']);
    expect(kept('request_uri_too_large')).toEqual(['request-uri too large']);
  });

  it('returns one answer per row', () => {
    expect(filterRows(ROWS, 'nothing matches this')).toEqual(ROWS.map(() => false));
  });
});
