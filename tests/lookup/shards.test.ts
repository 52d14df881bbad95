import { describe, expect, it } from 'vitest';
import type { CodeEntry } from '../../src/lib/catalogue/catalogue.ts';
import { buildLookupIndex } from '../../src/lib/lookup/direct-hits.ts';
import {
  buildLookupShards,
  buildSiteLookup,
  codeShardKey,
  decodeLookupRecord,
  encodeLookupRecord,
  groupRecords,
  recordsOf,
  shardOfWord,
  shardsForInput,
  type LookupRecord,
  type LookupSource,
} from '../../src/lib/lookup/lookup-data.ts';
import { resolveLookup } from '../../src/lib/lookup/resolve.ts';

/** A table row as the lookup reads it. */
interface Row {
  statuses: number[];
  anchor: string;
  message: string;
  description?: string;
  solution?: string;
}

/** A code of a service with its rows, as the catalogue has it (only what the lookup reads is filled in). */
function entry(service: string, code: string, rows: Row[]): CodeEntry {
  const cell = (text = '') => ({ text, html: text, markdown: text });
  return {
    service,
    code,
    slug: code.toLowerCase().replace(/\./g, '-'),
    prefix: '',
    number: '',
    line: 1,
    variants: rows.map((r, i) => ({
      statuses: r.statuses,
      anchor: r.anchor,
      message: cell(r.message),
      template: [],
      description: cell(r.description),
      solution: cell(r.solution),
      line: i + 2,
    })),
  };
}

/** A service of the fixture: its catalogue, its codes, and their earlier wordings. */
function source(
  id: string,
  name: string,
  entries: CodeEntry[],
  earlier: LookupSource['earlier'] = new Map(),
): LookupSource {
  return {
    catalogue: { id, name, short: id.toUpperCase(), clues: { endpoints: [id], apiPaths: [], terms: [] } },
    entries,
    earlier,
  };
}

const LATER = 'Try again later.';

// ECS: a row with a description, a row of two statuses, a row of none with an earlier wording, two codes that EVS
// has too (Common.0024 reading the same, Common.0025 not), a table row without a message (matched by its
// description), and a plain number whose message is a slot alone (no word to file it under).
const ecs = source(
  'ecs',
  'Elastic Cloud Server',
  [
    entry('ecs', 'Ecs.0010', [
      {
        statuses: [400],
        anchor: 'http-400',
        message: 'Private IP address %s is already in use.',
        description: 'The IP address is taken.',
      },
    ]),
    entry('ecs', 'Ecs.0099', [{ statuses: [400, 409], anchor: 'http-400', message: 'Quota of cores exceeded.' }]),
    entry('ecs', 'Ecs.1300', [{ statuses: [], anchor: 'row-1', message: 'Flavor %s is not supported.' }]),
    entry('ecs', 'Common.0024', [
      { statuses: [202], anchor: 'http-202', message: 'exceeds flow over limit', solution: LATER },
    ]),
    entry('ecs', 'Common.0025', [{ statuses: [429], anchor: 'http-429', message: 'Too many requests.' }]),
    entry('ecs', 'BadDigest', [
      { statuses: [400], anchor: 'http-400', message: '', description: 'The Content-MD5 did not match.' },
    ]),
    entry('ecs', '111400002', [{ statuses: [500], anchor: 'http-500', message: '%s' }]),
  ],
  new Map([['Ecs.1300', [{ id: 'v1', statuses: [400], message: { text: 'Flavor %s is unsupported.' }, rank: 1 }]]]),
);
// EVS: Common.0024 worded as ECS's but for case (one answer), its own Common.0025, and a code of its own.
const evs = source('evs', 'Elastic Volume Service', [
  entry('evs', 'Common.0024', [
    { statuses: [202], anchor: 'http-202', message: 'Exceeds flow over limit', solution: LATER },
  ]),
  entry('evs', 'Common.0025', [{ statuses: [429], anchor: 'http-429', message: 'Too many disk requests.' }]),
  entry('evs', 'Evs.0001', [{ statuses: [404], anchor: 'http-404', message: 'Volume %s could not be found.' }]),
]);

const lookup = buildSiteLookup([ecs, evs]);
const shards = buildLookupShards(lookup.data);
const records = lookup.data.flatMap(recordsOf);

/** A record in one line: `service code#anchor`. */
const named = (r: LookupRecord) => `${r.service} ${r.code}#${r.anchor}`;

describe('the records of the lookup data', () => {
  it('has one record per wording, current rows first, with named fields', () => {
    expect(records.filter((r) => r.service === 'ecs' && r.code === 'Ecs.1300')).toEqual([
      {
        service: 'ecs',
        code: 'Ecs.1300',
        path: '/ecs/ecs-1300/',
        statuses: [],
        anchor: 'row-1',
        message: 'Flavor %s is not supported.',
        rank: 0,
      },
      {
        service: 'ecs',
        code: 'Ecs.1300',
        path: '/ecs/ecs-1300/',
        statuses: [400],
        anchor: 'v1',
        message: 'Flavor %s is unsupported.',
        rank: 1,
      },
    ]);
  });

  it('files a row without a message under its description, and keeps a description beside a message', () => {
    const of = (code: string) => records.find((r) => r.code === code)!;
    expect(of('BadDigest')).toMatchObject({ message: 'The Content-MD5 did not match.' });
    expect(of('BadDigest').description).toBeUndefined();
    expect(of('Ecs.0010')).toMatchObject({
      message: 'Private IP address %s is already in use.',
      description: 'The IP address is taken.',
    });
  });
});

describe('the same-answer key of a code that several services have', () => {
  const sameOf = (service: string, code: string) => records.find((r) => r.service === service && r.code === code)!.same;

  it('is equal for rows that read the same, case aside, and differs for rows that do not', () => {
    expect(sameOf('ecs', 'Common.0024')).toMatch(/^[0-9a-f]{8}$/);
    expect(sameOf('evs', 'Common.0024')).toBe(sameOf('ecs', 'Common.0024'));
    expect(sameOf('evs', 'Common.0025')).not.toBe(sameOf('ecs', 'Common.0025'));
  });

  it('is absent from the rows of a code that one service alone has', () => {
    expect(records.filter((r) => r.same !== undefined).map(named)).toEqual([
      'ecs Common.0024#http-202',
      'ecs Common.0025#http-429',
      'evs Common.0024#http-202',
      'evs Common.0025#http-429',
    ]);
  });

  it('makes the two services’ Common.0024 one answer, and their Common.0025 a choice, from the common-0 shard alone', () => {
    const index = buildLookupIndex(groupRecords(shards.codes.get('common-0')!, shards.manifest.services));
    const same = resolveLookup({ code: 'Common.0024' }, index);
    expect(same).toMatchObject({
      kind: 'go',
      hit: { path: '/ecs/common-0024/', alsoIn: [{ service: 'evs', path: '/evs/common-0024/' }] },
    });
    const different = resolveLookup({ code: 'Common.0025' }, index);
    expect(different.kind === 'choose' && different.hits.map((h) => h.path).sort()).toEqual([
      '/ecs/common-0025/',
      '/evs/common-0025/',
    ]);
  });
});

describe('encoding a record for a shard file', () => {
  it('writes a tuple that leaves out the trailing fields at their default', () => {
    const encoded = (service: string, code: string, anchor = records.find((r) => r.code === code)!.anchor) =>
      encodeLookupRecord(records.find((r) => r.service === service && r.code === code && r.anchor === anchor)!);
    // No rank, description or key: six fields; one status is a number.
    expect(encoded('evs', 'Evs.0001')).toEqual([
      'evs',
      'Evs.0001',
      '/evs/evs-0001/',
      404,
      'http-404',
      'Volume %s could not be found.',
    ]);
    // Several statuses, or none, are a list.
    expect(encoded('ecs', 'Ecs.0099')[3]).toEqual([400, 409]);
    expect(encoded('ecs', 'Ecs.1300')[3]).toEqual([]);
    // An earlier wording: its rank.
    expect(encoded('ecs', 'Ecs.1300', 'v1')).toEqual([
      'ecs',
      'Ecs.1300',
      '/ecs/ecs-1300/',
      400,
      'v1',
      'Flavor %s is unsupported.',
      1,
    ]);
    // A description: the rank before it, though 0.
    expect(encoded('ecs', 'Ecs.0010')).toEqual([
      'ecs',
      'Ecs.0010',
      '/ecs/ecs-0010/',
      400,
      'http-400',
      'Private IP address %s is already in use.',
      0,
      'The IP address is taken.',
    ]);
    // A same-answer key: an empty description before it.
    expect(encoded('ecs', 'Common.0024')).toEqual([
      'ecs',
      'Common.0024',
      '/ecs/common-0024/',
      202,
      'http-202',
      'exceeds flow over limit',
      0,
      '',
      records.find((r) => r.code === 'Common.0024')!.same,
    ]);
  });

  it('makes a shard file a JSON list of the tuples', () => {
    expect(JSON.stringify(shards.codes.get('ecs-13')!.map(encodeLookupRecord))).toBe(
      '[["ecs","Ecs.1300","/ecs/ecs-1300/",[],"row-1","Flavor %s is not supported."],' +
        '["ecs","Ecs.1300","/ecs/ecs-1300/",400,"v1","Flavor %s is unsupported.",1]]',
    );
  });

  it('decodes every record of every shard file back to the record it was', () => {
    const files = [...shards.codes.values(), ...shards.words];
    for (const file of files) {
      const written = JSON.parse(JSON.stringify(file.map(encodeLookupRecord)));
      expect(written.map(decodeLookupRecord)).toEqual(file);
    }
    expect(records.map((r) => decodeLookupRecord(encodeLookupRecord(r)))).toEqual(records);
  });
});

describe('the code shards', () => {
  it('keys a code by its prefix and hundreds, a plain number by its hundreds, a name by its first letter', () => {
    expect(
      ['Ecs.0010', 'Ecs.0099', 'Ecs.1300', 'ECS0100', 'Common.0024', '111400002', 'BadDigest'].map(codeShardKey),
    ).toEqual(['ecs-0', 'ecs-0', 'ecs-13', 'ecs-1', 'common-0', '_-1114000', '_b-0']);
  });

  it('holds every wording of its codes, of every service, in the order of the services and their codes', () => {
    expect(Object.fromEntries([...shards.codes].map(([key, list]) => [key, list.map(named)]))).toEqual({
      'ecs-0': ['ecs Ecs.0010#http-400', 'ecs Ecs.0099#http-400'],
      'ecs-13': ['ecs Ecs.1300#row-1', 'ecs Ecs.1300#v1'],
      'common-0': [
        'ecs Common.0024#http-202',
        'ecs Common.0025#http-429',
        'evs Common.0024#http-202',
        'evs Common.0025#http-429',
      ],
      '_b-0': ['ecs BadDigest#http-400'],
      '_-1114000': ['ecs 111400002#http-500'],
      'evs-0': ['evs Evs.0001#http-404'],
    });
  });

  it('are listed in the manifest by prefix, their hundreds in order, with the services and the codes’ shapes', () => {
    const { anchorWords, ...manifest } = shards.manifest;
    expect(manifest).toEqual({
      services: [
        { service: 'ecs', name: 'Elastic Cloud Server', short: 'ECS', codes: 7 },
        { service: 'evs', name: 'Elastic Volume Service', short: 'EVS', codes: 3 },
      ],
      wordShards: 1,
      codeShards: { ecs: [0, 13], common: [0], _b: [0], _: [1114000], evs: [0] },
      codeShapes: ['#9', 'baddigest', 'common.#4', 'ecs.#4', 'evs.#4'],
    });
    // Nine anchor words with the length of their literals (the two Common.0024 rows share one, a slot alone has
    // none), in a Bloom filter of about ten bits each.
    expect(anchorWords).toEqual({ bits: 96, hashes: 7, data: 'yzfeenh/BESzTCg1' });
  });

  it('are what an input that names a code needs: its own shard, else the nearest of its prefix', () => {
    const needed = (input: string) => shardsForInput(input, shards.manifest).codes;
    expect(needed('Ecs.0010')).toEqual(['ecs-0']);
    expect(needed('{"error_code": "Ecs.1310", "error_msg": "?"}')).toEqual(['ecs-13']);
    // Ecs.0510 has no shard: ecs-0 is nearer than ecs-13.
    expect(needed('Ecs.0510')).toEqual(['ecs-0']);
    expect(needed('111400002')).toEqual(['_-1114000']);
    expect(needed('Common.0024 and Evs.0001')).toEqual(['common-0', 'evs-0']);
  });
});

describe('the word shards', () => {
  it('file a small site’s records in one shard, all but a template with no word', () => {
    expect(shards.words.map((list) => list.map(named))).toEqual([
      [
        'ecs Ecs.0010#http-400',
        'ecs Ecs.0099#http-400',
        'ecs Ecs.1300#row-1',
        'ecs Ecs.1300#v1',
        'ecs Common.0024#http-202',
        'ecs Common.0025#http-429',
        'ecs BadDigest#http-400',
        'evs Common.0024#http-202',
        'evs Common.0025#http-429',
        'evs Evs.0001#http-404',
      ],
    ]);
  });

  // Sixty messages alike but for one word of their own: that word is the rarest, and files the record.
  const WORDS = Array.from({ length: 60 }, (_, i) => `disk${String.fromCharCode(97 + (i % 26))}${Math.floor(i / 26)}`);
  const many = buildLookupShards(
    buildSiteLookup([
      source(
        'svc',
        'Synthetic Service',
        WORDS.map((word, i) =>
          entry('svc', `Svc.${String(i).padStart(4, '0')}`, [
            { statuses: [400], anchor: 'http-400', message: `The volume ${word} could not be attached to server %s.` },
          ]),
        ),
      ),
    ]).data,
  );

  it('are one per 4,000 bytes of records as the files store them', () => {
    const bytes = JSON.stringify(many.words.flat().map(encodeLookupRecord)).length;
    expect(bytes).toBe(6_421);
    expect(many.manifest.wordShards).toBe(2);
  });

  it('file each record under the shard of its rarest word', () => {
    const numbers = (list: readonly LookupRecord[]) => list.map((r) => Number(r.code.slice(4)));
    expect(many.words.map(numbers)).toEqual([
      [
        1, 3, 5, 7, 9, 11, 13, 15, 17, 19, 21, 23, 25, 26, 28, 30, 32, 34, 36, 38, 40, 42, 44, 46, 48, 50, 53, 55, 57,
        59,
      ],
      [
        0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 27, 29, 31, 33, 35, 37, 39, 41, 43, 45, 47, 49, 51, 52, 54, 56,
        58,
      ],
    ]);
    // The shard of a word is its hash modulo the number of shards.
    expect([shardOfWord('diska0', 2), shardOfWord('diskb0', 2)]).toEqual([1, 0]);
    for (const [n, list] of many.words.entries())
      for (const r of list) expect(shardOfWord(WORDS[Number(r.code.slice(4))], 2), r.code).toBe(n);
  });

  it('are what an input needs whose words include a rarest word, and no other', () => {
    expect(shardsForInput('The volume diska0 could not be attached to server s-1.', many.manifest).words).toEqual([1]);
    expect(shardsForInput('The volume diskb0 could not be attached to server s-1.', many.manifest).words).toEqual([0]);
    // `volume` files no record: an input of the shared words alone needs no word shard.
    expect(shardsForInput('The volume could not be attached to server s-1.', many.manifest).words).toEqual([]);
  });
});

describe('grouping records back into lookup data', () => {
  it('keeps each wording once when a record comes in both its code shard and its word shard', () => {
    const loaded = [...shards.codes.get('ecs-13')!, ...shards.words[0]];
    const grouped = groupRecords(loaded, shards.manifest.services);
    expect(
      grouped.map((s) => [s.service, s.codes.map((c) => `${c.code} ${c.variants.map((v) => v.anchor).join(' ')}`)]),
    ).toEqual([
      [
        'ecs',
        [
          'Ecs.1300 row-1 v1',
          'Ecs.0010 http-400',
          'Ecs.0099 http-400',
          'Common.0024 http-202',
          'Common.0025 http-429',
          'BadDigest http-400',
        ],
      ],
      ['evs', ['Common.0024 http-202', 'Common.0025 http-429', 'Evs.0001 http-404']],
    ]);
    expect(grouped[0].codes[0].variants).toEqual([
      { statuses: [], anchor: 'row-1', message: 'Flavor %s is not supported.', rank: 0 },
      { statuses: [400], anchor: 'v1', message: 'Flavor %s is unsupported.', rank: 1 },
    ]);
  });
});
