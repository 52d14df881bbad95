import { describe, expect, it } from 'vitest';
import { buildWordFilter, hashWord, MAX_FILTER_BYTES, mayHoldWord } from '../../src/lib/lookup/word-filter.ts';

const WORDS = ['quota', 'subnet', 'flavor', 'password', 'image', 'use 5', 'exists 4'];

describe('the word filter', () => {
  it('holds every word it was built from', () => {
    const filter = buildWordFilter(WORDS);
    expect(WORDS.filter((w) => !mayHoldWord(filter, w))).toEqual([]);
  });

  it('answers no for nearly every other word', () => {
    const filter = buildWordFilter(WORDS);
    const others = Array.from({ length: 1000 }, (_, i) => `other${i}`);
    // Ten bits a word: about one wrong "maybe" in a hundred.
    expect(others.filter((w) => mayHoldWord(filter, w)).length).toBeLessThan(30);
    expect(mayHoldWord(filter, 'already')).toBe(false);
    expect(mayHoldWord(filter, 'use 7')).toBe(false);
  });

  it('takes about ten bits a word, and no more than its cap', () => {
    expect(buildWordFilter(WORDS)).toMatchObject({ bits: 72, hashes: 7 });
    const many = Array.from({ length: 50_000 }, (_, i) => `w${i}`);
    const capped = buildWordFilter(many);
    expect(capped.bits).toBe(MAX_FILTER_BYTES * 8);
    expect(atob(capped.data).length).toBe(MAX_FILTER_BYTES);
    expect(many.slice(0, 100).every((w) => mayHoldWord(capped, w))).toBe(true);
  });

  it('is empty but usable for no words', () => {
    const filter = buildWordFilter([]);
    expect(filter.bits).toBe(64);
    expect(mayHoldWord(filter, 'quota')).toBe(false);
  });

  it('hashes words with FNV-1a', () => {
    expect(hashWord('')).toBe(0x811c9dc5);
    expect(hashWord('a')).toBe(0xe40c292c);
  });
});
