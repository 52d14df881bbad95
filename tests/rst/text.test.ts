import { describe, expect, it } from 'vitest';
import { fromRoman, indentOf, MAX_ROMAN, toRoman } from '../../src/lib/rst/text.ts';

describe('indentOf', () => {
  it('counts the spaces and tabs a line starts with', () => {
    expect(indentOf('    x')).toBe(4);
    expect(indentOf('\t x')).toBe(2);
    expect(indentOf('x  ')).toBe(0);
    expect(indentOf('   ')).toBe(3);
    expect(indentOf('')).toBe(0);
  });
});

describe('toRoman', () => {
  it('writes upper-case numerals with the subtractive pairs', () => {
    expect([1, 4, 9, 14, 40, 90, 400, 900, 1994, 3999, 4999].map(toRoman)).toEqual([
      'I',
      'IV',
      'IX',
      'XIV',
      'XL',
      'XC',
      'CD',
      'CM',
      'MCMXCIV',
      'MMMCMXCIX',
      'MMMMCMXCIX',
    ]);
  });

  it('writes nothing below 1 and one M per thousand above 4999', () => {
    expect(toRoman(0)).toBe('');
    expect(toRoman(-3)).toBe('');
    expect(toRoman(6001)).toBe('MMMMMMI');
  });
});

describe('fromRoman', () => {
  it('reads numerals in either case', () => {
    expect(fromRoman('iv')).toBe(4);
    expect(fromRoman('XIV')).toBe(14);
    expect(fromRoman('mcmxciv')).toBe(1994);
    expect(fromRoman('MMMMCMXCIX')).toBe(4999);
  });

  it('rejects numerals that are not written the way their number is, and numbers past 4999', () => {
    for (const text of ['iiii', 'vx', 'IM', 'IIV', 'VV', 'XCX', 'MMMMM', '']) expect(fromRoman(text)).toBeUndefined();
  });

  it('reads back every numeral it writes, from 1 to MAX_ROMAN', () => {
    expect(MAX_ROMAN).toBe(4999);
    for (let n = 1; n <= MAX_ROMAN; n++) expect(fromRoman(toRoman(n).toLowerCase())).toBe(n);
  });
});
