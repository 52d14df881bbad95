import { describe, expect, it } from 'vitest';
import { codeKey, codeSlug, findCodesInText, parseCodeSpelling } from '../src/lib/code-spelling';

describe('parseCodeSpelling', () => {
  it.each(['Ecs.0010', 'ECS.0010', 'ecs.0010', 'ecs0010', 'Ecs_0010', 'ECS-0010', 'ecs 0010', '  Ecs.0010\n'])(
    'reads %j as prefix ecs and number 0010',
    (spelling) => {
      expect(parseCodeSpelling(spelling)).toEqual({ prefix: 'ecs', number: '0010' });
    },
  );

  it('keeps underscores and digits that belong to the prefix', () => {
    expect(parseCodeSpelling('CCE_CM.0003')).toEqual({ prefix: 'cce_cm', number: '0003' });
    expect(parseCodeSpelling('CCE_CM_0003')).toEqual({ prefix: 'cce_cm', number: '0003' });
    expect(parseCodeSpelling('DLI2.1001')).toEqual({ prefix: 'dli2', number: '1001' });
  });

  it('keeps the number as written, leading zeros included', () => {
    expect(parseCodeSpelling('APIGW.0101')?.number).toBe('0101');
  });

  it.each(['', '   ', 'Ecs', '0010', 'Ecs.', 'Ecs.0010 is taken', 'Ecs.1234567', '1Ecs.0010', 'Ecs..0010'])(
    'rejects %j',
    (input) => {
      expect(parseCodeSpelling(input)).toBeNull();
    },
  );
});

describe('codeKey', () => {
  it('gives every spelling of a code the same key', () => {
    const keys = ['Ecs.0010', 'ECS.0010', 'ecs0010', 'Ecs_0010', 'ECS-0010', 'ecs 0010'].map(codeKey);
    expect(new Set(keys)).toEqual(new Set(['ecs.0010']));
  });

  it('returns null for text that is not a code', () => {
    expect(codeKey('Private IP address')).toBeNull();
  });
});

describe('findCodesInText', () => {
  it('finds the code in a JSON body', () => {
    expect(findCodesInText('{"error_code":"Ecs.0010"}')).toEqual([{ key: 'ecs.0010', index: 15, length: 8 }]);
  });

  it('finds the code in a log line', () => {
    expect(findCodesInText('ERROR Ecs.0010: Private IP address in use')).toEqual([
      { key: 'ecs.0010', index: 6, length: 8 },
    ]);
  });

  it('finds codes in any spelling, left to right', () => {
    const text = 'first ecs0010, then COMMON-0024, then CCE_CM.0003 (and APIGW.0101)';
    expect(findCodesInText(text).map((found) => found.key)).toEqual([
      'ecs.0010',
      'common.0024',
      'cce_cm.0003',
      'apigw.0101',
    ]);
  });

  it('does not take IP addresses, versions, host names or short numbers for codes', () => {
    const text = 'from 192.168.0.12 with v1.0 on host01 and srv123.example.com, E.0010, Ecs.10, Ecs.0010a';
    expect(findCodesInText(text)).toEqual([]);
  });

  it('returns nothing for empty text', () => {
    expect(findCodesInText('')).toEqual([]);
  });

  it('scans a megabyte of one long word and returns nothing', () => {
    expect(findCodesInText('a'.repeat(1_000_000))).toEqual([]);
  });
});

describe('codeSlug', () => {
  it('lowercases and turns dots into hyphens', () => {
    expect(codeSlug('Ecs.0010')).toBe('ecs-0010');
    expect(codeSlug('Common.0024')).toBe('common-0024');
  });

  it('turns underscores in prefixes into hyphens too', () => {
    expect(codeSlug('CCE_CM.0003')).toBe('cce-cm-0003');
  });
});
