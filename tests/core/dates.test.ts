import { describe, expect, it } from 'vitest';
import { formatPublished, isCalendarDate } from '../../src/lib/core/dates.ts';

describe('formatPublished', () => {
  it('names one date for a wording of one version', () => {
    expect(formatPublished('2022-03-28', '2022-03-28')).toBe('published 2022-03-28');
  });

  it('names the first and last date for a wording kept over several versions', () => {
    expect(formatPublished('2022-03-28', '2022-07-15')).toBe('published 2022-03-28 to 2022-07-15');
  });
});

describe('isCalendarDate', () => {
  it('accepts a YYYY-MM-DD day of the calendar and nothing else', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2023-02-29')).toBe(false);
    expect(isCalendarDate('2024-5-28')).toBe(false);
  });
});
