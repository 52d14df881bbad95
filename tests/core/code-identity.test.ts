import { describe, expect, it } from 'vitest';
import {
  groupSharedCodes,
  assignSlugs,
  codeKey,
  findCodesInText,
  learnShapes,
  normalizeCode,
  readCodeSpelling,
  splitCode,
  urlSpellings,
} from '../../src/lib/core/code-identity.ts';
import { SERVICE_URL_WORDS } from '../../src/lib/core/urls.ts';

/** Codes of every shape the real tables have. */
const SHAPES = [
  'Ecs.0010',
  '111400002',
  '0171',
  'CCI.01.400101',
  'DRS.M00002',
  'SVCSTG_AMS_4000115',
  'KMS.DisabledException',
  'BadDigest',
  'Request-URI Too Large',
];

describe('the key of a code', () => {
  it('is the same for every spelling of a code', () => {
    const keys = ['Ecs.0010', 'ECS.0010', 'ecs0010', 'Ecs_0010', 'ECS-0010', 'ecs 0010', '  Ecs.0010\n'].map(codeKey);
    expect(new Set(keys)).toEqual(new Set(['ecs.0010']));
  });

  it('splits every shape of code into lower-case runs of letters and digits', () => {
    expect(SHAPES.map(codeKey)).toEqual([
      'ecs.0010',
      '111400002',
      '0171',
      'cci.01.400101',
      'drs.m.00002',
      'svcstg.ams.4000115',
      'kms.disabledexception',
      'baddigest',
      'request.uri.too.large',
    ]);
  });

  it('keeps the digits as written, leading zeros included', () => {
    expect(codeKey('APIGW.0101')).toBe('apigw.0101');
    expect(codeKey('0171')).not.toBe(codeKey('171'));
  });
});

describe('the prefix and number of a code', () => {
  it('takes the digits at the end as the number, and the part before them with a letter as the prefix', () => {
    expect(SHAPES.map(splitCode)).toEqual([
      { prefix: 'Ecs', number: '0010' },
      { prefix: '', number: '111400002' },
      { prefix: '', number: '0171' },
      { prefix: 'CCI.01', number: '400101' },
      { prefix: 'DRS.M', number: '00002' },
      { prefix: 'SVCSTG_AMS', number: '4000115' },
      { prefix: 'KMS', number: '' },
      { prefix: '', number: '' },
      { prefix: '', number: '' },
    ]);
  });
});

describe('cleaning a code cell', () => {
  it('removes a space next to a separator and says so', () => {
    expect(normalizeCode('DCS. 4855')).toEqual({ code: 'DCS.4855', respaced: true });
    expect(normalizeCode('SVCSTG _ AMS')).toEqual({ code: 'SVCSTG_AMS', respaced: true });
  });

  it('keeps the spaces of a code that is a phrase, collapsing line breaks', () => {
    expect(normalizeCode('Request-URI\n  Too Large')).toEqual({ code: 'Request-URI Too Large', respaced: false });
    expect(normalizeCode(' Ecs.0010 ')).toEqual({ code: 'Ecs.0010', respaced: false });
  });
});

describe('the URL slug of a code', () => {
  it('is lower case with each run of other characters as one hyphen', () => {
    expect(SHAPES.map((code) => assignSlugs([code]).slugs.get(code))).toEqual([
      'ecs-0010',
      '111400002',
      '0171',
      'cci-01-400101',
      'drs-m00002',
      'svcstg-ams-4000115',
      'kms-disabledexception',
      'baddigest',
      'request-uri-too-large',
    ]);
  });

  it('never takes a path the service pages use', () => {
    expect([...assignSlugs(['All', 'Status', 'changes', 'errors']).slugs.values()]).toEqual([
      'all-code',
      'status-code',
      'changes-code',
      'errors-code',
    ]);
  });

  it('keeps every word of the service URLs, in any case, from code slugs', () => {
    const words = Object.values(SERVICE_URL_WORDS).flat();
    expect(words).toHaveLength(9);
    for (const word of words) {
      expect(assignSlugs([word]).slugs.get(word)).toBe(`${word}-code`);
      expect(assignSlugs([word.toUpperCase()]).slugs.get(word.toUpperCase())).toBe(`${word}-code`);
    }
    expect(assignSlugs(['Topics', 'Index.1']).slugs).toEqual(
      new Map([
        ['Topics', 'topics'],
        ['Index.1', 'index-1'],
      ]),
    );
  });

  it('drops accents before making the slug', () => {
    expect(assignSlugs(['Café.0001']).slugs.get('Café.0001')).toBe('cafe-0001');
  });

  it('gives a code of no letter or digit a slug from a hash of its text', () => {
    expect(assignSlugs(['***']).slugs.get('***')).toMatch(/^code-[0-9a-f]{6}$/);
  });

  it('never gives two codes one slug: the first in code-unit order keeps it, the others get a hash', () => {
    const { slugs, collisions } = assignSlugs(['BadDigest', 'Bad_Digest', 'Bad-Digest', 'Ecs.0010']);
    expect(slugs.get('Ecs.0010')).toBe('ecs-0010');
    expect(slugs.get('Bad-Digest')).toBe('bad-digest');
    expect(slugs.get('Bad_Digest')).toMatch(/^bad-digest-[0-9a-f]{6}$/);
    expect(slugs.get('BadDigest')).toBe('baddigest');
    expect(new Set(slugs.values()).size).toBe(4);
    expect(collisions.map((c) => [c.code, c.sharedWith])).toEqual([['Bad_Digest', 'Bad-Digest']]);
  });

  it('gives the same slugs whatever order the codes come in', () => {
    const codes = ['A.1', 'a_1', 'A-1', 'a.1'];
    const forward = assignSlugs(codes).slugs;
    const backward = assignSlugs([...codes].reverse()).slugs;
    expect([...forward].sort()).toEqual([...backward].sort());
  });
});

describe('URL spellings of a code', () => {
  it('are the code as written, lower and upper case, and without or with an underscore before its number', () => {
    expect(urlSpellings('Ecs.0010')).toEqual(['Ecs.0010', 'ecs.0010', 'ECS.0010', 'ecs0010', 'Ecs_0010']);
  });

  it('keep only spellings that are safe in a path', () => {
    expect(urlSpellings('Request-URI Too Large')).toEqual([]);
    expect(urlSpellings('BadDigest')).toEqual(['BadDigest', 'baddigest', 'BADDIGEST']);
  });
});

describe('recognising codes by the shapes a table taught', () => {
  const shapes = learnShapes(SHAPES);

  it('learns each code as its letters and its count of digits', () => {
    expect(SHAPES.map((code) => [...learnShapes([code]).exact])).toEqual([
      ['ecs.#4'],
      ['#9'],
      ['#4'],
      ['cci.#2.#6'],
      ['drs.m.#5'],
      ['svcstg.ams.#7'],
      ['kms.disabledexception'],
      ['baddigest'],
      ['request.uri.too.large'],
    ]);
  });

  it('reads a whole string of a known shape as a code, in any spelling, with a number of any length', () => {
    expect(
      ['ECS-0010', 'ecs0010', 'Ecs.99999', 'kms.disabledexception', 'BADDIGEST', 'request uri too large'].map((s) =>
        readCodeSpelling(s, shapes),
      ),
    ).toEqual(['ecs.0010', 'ecs.0010', 'ecs.99999', 'kms.disabledexception', 'baddigest', 'request.uri.too.large']);
  });

  it('reads no code from text of no known shape', () => {
    expect(
      ['Private IP address', 'Evs.0010', 'v1.0', '', 'Ecs.0010 is taken'].map((s) => readCodeSpelling(s, shapes)),
    ).toEqual([null, null, null, null, null]);
  });

  it('finds codes of every shape in a log line and a JSON body, left to right', () => {
    const text =
      'ERROR Ecs.0010 then 111400002, {"code":"CCI.01.400101"} DRS.M00002 SVCSTG_AMS_4000115 ' +
      'KMS.DisabledException BadDigest: Request-URI Too Large';
    expect(findCodesInText(text, shapes).map((f) => f.key)).toEqual([
      'ecs.0010',
      '111400002',
      'cci.01.400101',
      'drs.m.00002',
      'svcstg.ams.4000115',
      'kms.disabledexception',
      'baddigest',
      'request.uri.too.large',
    ]);
  });

  it('gives where each code stands in the text', () => {
    expect(findCodesInText('{"error_code":"Ecs.0010"}', shapes)).toEqual([{ key: 'ecs.0010', index: 15, length: 8 }]);
  });

  it('does not take parts of IP addresses, versions, host names or longer words for codes', () => {
    const text =
      'from 192.168.0.12 with v1.0 on host01 and srv123.example.com, Ecs.10, Ecs.0010a, xEcs.0010, 10.0171.2';
    expect(findCodesInText(text, shapes)).toEqual([]);
  });

  it('takes a plain lower-case word for a code only when it is the whole input, never inside prose', () => {
    const words = learnShapes(['conflict', 'NoSuchKey']);
    expect(findCodesInText('a conflict occurred; NoSuchKey was returned', words).map((f) => f.key)).toEqual([
      'nosuchkey',
    ]);
    expect(readCodeSpelling('conflict', words)).toBe('conflict');
  });

  it('returns nothing for empty text or when no shape is known', () => {
    expect(findCodesInText('', shapes)).toEqual([]);
    expect(findCodesInText('Ecs.0010', learnShapes([]))).toEqual([]);
  });

  it('scans a megabyte of one long word and returns nothing', () => {
    expect(findCodesInText('a'.repeat(1_000_000), shapes)).toEqual([]);
  });
});

describe('groupSharedCodes', () => {
  const items = [
    { service: 'elb', code: 'ELB.0002' },
    { service: 'ecs', code: 'Ecs.0010' },
    { service: 'lb', code: 'elb_0002' },
    { service: 'ecs', code: 'ECS.0010' },
    { service: 'vpc', code: 'VPC.0501' },
    { service: 'eip', code: 'VPC.0501' },
  ];

  it('keeps the codes of two services or more, any spelling, with their items in the order given', () => {
    expect([
      ...groupSharedCodes(
        items,
        (i) => i.code,
        (i) => i.service,
      ),
    ]).toEqual([
      ['elb.0002', [items[0], items[2]]],
      ['vpc.0501', [items[4], items[5]]],
    ]);
  });
});
