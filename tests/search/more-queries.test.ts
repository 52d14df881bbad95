import { describe, expect, it } from 'vitest';
import {
  alternativeQueries,
  correctQuery,
  correctWord,
  isKnownWord,
  rankByWordsShared,
  singleWordQueries,
} from '../../src/lib/search/more-queries.ts';
import { GROUPS } from '../support/synonym-groups.ts';

const VOCABULARY = new Map([
  ['address', 5],
  ['volume', 9],
  ['quota', 7],
  ['flavor', 4],
  ['exist', 3],
  ['dress', 1],
]);

describe('typos', () => {
  it('are corrected to the vocabulary word one edit away: a letter added, dropped, changed or two swapped', () => {
    expect(['adress', 'volumme', 'quoat', 'flavour', 'fravor'].map((w) => correctWord(w, VOCABULARY))).toEqual([
      'address',
      'volume',
      'quota',
      'flavor',
      'flavor',
    ]);
  });

  it('leave known words, their plain inflections, numbers and short words alone', () => {
    expect(
      ['volume', 'volumes', 'flavored', 'addressing', '4042', 'vpc', 'zzzzzz'].map((w) => correctWord(w, VOCABULARY)),
    ).toEqual([undefined, undefined, undefined, undefined, undefined, undefined, undefined]);
    expect(isKnownWord('volumes', VOCABULARY)).toBe(true);
  });

  it('prefer the most frequent of several words one edit away', () => {
    expect(
      correctWord(
        'adress',
        new Map([
          ['address', 5],
          ['dress', 9],
        ]),
      ),
    ).toBe('dress');
  });

  it('are corrected in a whole query, which is undefined when nothing needs it', () => {
    expect(correctQuery('Volumme quoat', VOCABULARY)).toBe('volume quota');
    expect(correctQuery('volume quota', VOCABULARY)).toBeUndefined();
  });
});

describe('the queries tried when a query finds too little', () => {
  it('are the query corrected, without its stop words, then their synonyms, each with its weight', () => {
    expect(alternativeQueries('the eip does not exst', GROUPS, VOCABULARY)).toEqual([
      { query: 'the eip does not exist', reason: 'typo', weight: 1 },
      { query: 'eip exist', reason: 'typo', weight: 0.95 },
      { query: 'elastic ip exist', reason: 'typo', weight: 0.9 },
      { query: 'floating ip exist', reason: 'typo', weight: 0.9 },
      { query: 'the elastic ip does not exist', reason: 'typo', weight: 0.9 },
      { query: 'the floating ip does not exist', reason: 'typo', weight: 0.9 },
      { query: 'the eip not found', reason: 'typo', weight: 0.9 },
      { query: 'the elastic ip not found', reason: 'typo', weight: 0.9 },
    ]);
  });

  it('word by word are each meaningful word with its correction and one-word synonyms', () => {
    expect(singleWordQueries('the quoat of eip', GROUPS, VOCABULARY)).toEqual([
      ['quoat', 'quota'],
      ['eip', 'elastic ip', 'floating ip'],
    ]);
  });
});

describe('ranking pages found word by word', () => {
  it('puts pages that share more words first, then keeps the order the searches found them in', () => {
    expect(
      rankByWordsShared([
        ['/a/', '/b/'],
        ['/b/', '/c/'],
        ['/c/', '/b/', '/b/'],
      ]),
    ).toEqual([
      { id: '/b/', shared: 3 },
      { id: '/c/', shared: 2 },
      { id: '/a/', shared: 1 },
    ]);
  });
});
