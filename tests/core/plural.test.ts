import { describe, expect, it } from 'vitest';
import { countOf } from '../../src/lib/core/plural.ts';

describe('countOf', () => {
  it('says a count with its noun, singular only for one', () => {
    expect([0, 1, 2].map((n) => countOf(n, 'problem'))).toEqual(['0 problems', '1 problem', '2 problems']);
  });
});
