import { describe, expect, it } from 'vitest';
import { buildLookupIndex } from '../../src/lib/lookup/direct-hits.ts';
import { filledCodeHref } from '../../src/lib/core/urls.ts';
import { loadServices } from '../../src/lib/assembly/load-site.ts';
import { buildLookupData, type LookupData } from '../../src/lib/lookup/lookup-data.ts';
import { nearestCodes, readLookupQuery, resolveLookup, type LookupOutcome } from '../../src/lib/lookup/resolve.ts';

const { services } = loadServices('content');
const index = buildLookupIndex(services.map((s) => buildLookupData(s.catalogue, s.catalogue.entries)));

/** Two services that both have Common.0024, each with its own message. */
const twoServices: LookupData[] = [
  {
    service: 'ecs',
    name: 'Elastic Cloud Server',
    short: 'ECS',
    codes: [
      {
        code: 'Ecs.0010',
        path: '/ecs/ecs-0010/',
        variants: [
          { statuses: [400], anchor: 'http-400', message: 'Private IP address %s is already in use.', rank: 0 },
        ],
      },
      {
        code: 'Common.0024',
        path: '/ecs/common-0024/',
        variants: [{ statuses: [202], anchor: 'http-202', message: 'exceeds flow over limit', rank: 0 }],
      },
    ],
  },
  {
    service: 'evs',
    name: 'Elastic Volume Service',
    short: 'EVS',
    codes: [
      {
        code: 'Common.0024',
        path: '/evs/common-0024/',
        variants: [{ statuses: [429], anchor: 'http-429', message: 'Too many requests to volume %s.', rank: 0 }],
      },
    ],
  },
];
const twoServiceIndex = buildLookupIndex(twoServices);

const query = (search: string) => readLookupQuery(new URLSearchParams(search));

/** Where a "go" outcome sends the browser, or a description of what else it is. */
function destination(outcome: LookupOutcome): string {
  return outcome.kind === 'go' ? filledCodeHref(outcome.hit) : `(${outcome.kind})`;
}

describe('reading the lookup parameters of a URL', () => {
  it('trims every field', () => {
    expect(query('code=%20%20Ecs.0010%0A&message=%09hello%20&q=%20x%20')).toMatchObject({
      code: 'Ecs.0010',
      message: 'hello',
      q: 'x',
    });
  });

  it('treats blank fields as absent', () => {
    expect(query('code=%20%20&message=&q=')).toEqual({
      code: undefined,
      message: undefined,
      status: undefined,
      q: undefined,
      service: undefined,
    });
  });

  it('keeps a three-digit status as a number', () => {
    expect(query('code=Ecs.1000&status=404').status).toBe(404);
  });

  for (const bad of ['4x4', '4000', '40', '-404', '404.0', 'abc']) {
    it(`ignores the status "${bad}"`, () => {
      expect(query(`code=Ecs.1000&status=${encodeURIComponent(bad)}`).status).toBeUndefined();
    });
  }

  it('lowercases the service', () => {
    expect(query('code=Ecs.0010&service=ECS').service).toBe('ecs');
  });

  it('caps a huge field at 100,000 characters', () => {
    const params = new URLSearchParams({ q: 'a'.repeat(1_000_000), message: 'b'.repeat(200_000) });
    const read = readLookupQuery(params);
    expect(read.q).toHaveLength(100_000);
    expect(read.message).toHaveLength(100_000);
  });
});

describe('deciding where a lookup goes', () => {
  it('goes straight to Ecs.0010 for ?code=Ecs.0010', () => {
    const outcome = resolveLookup(query('code=Ecs.0010'), index);
    expect(outcome.kind).toBe('go');
    expect(destination(outcome)).toBe('/ecs/ecs-0010/');
  });

  for (const spelling of ['ECS-0010', 'ecs0010', 'ecs.0010', 'Ecs_0010']) {
    it(`goes to Ecs.0010 for ?code=${spelling}`, () => {
      expect(destination(resolveLookup(query(`code=${spelling}`), index))).toBe('/ecs/ecs-0010/');
    });
  }

  it('goes to the 404 variant of Ecs.1000 when the status is 404', () => {
    const outcome = resolveLookup(query('code=Ecs.1000&status=404'), index);
    expect(destination(outcome)).toBe('/ecs/ecs-1000/#http-404');
    expect(outcome.kind === 'go' && outcome.hit.message).toBe('itemNotFound: xxx could not be found.');
  });

  it('goes to the page of Ecs.1000 without an anchor when no status picks a variant', () => {
    expect(destination(resolveLookup(query('code=Ecs.1000'), index))).toBe('/ecs/ecs-1000/');
  });

  it('goes to Ecs.0010 with the filled-in value for its filled message', () => {
    const outcome = resolveLookup(
      query(`message=${encodeURIComponent('Private IP address 10.0.0.1 is already in use.')}`),
      index,
    );
    expect(outcome.kind).toBe('go');
    expect(destination(outcome)).toBe('/ecs/ecs-0010/?v=10.0.0.1#http-400');
  });

  it('goes to Ecs.0010 for a JSON error body in ?q=', () => {
    const body = JSON.stringify({
      error: { code: 'Ecs.0010', message: 'Private IP address 10.0.0.1 is already in use.' },
    });
    expect(destination(resolveLookup({ q: body }, index))).toBe('/ecs/ecs-0010/?v=10.0.0.1#http-400');
  });

  it('offers a choice between Ecs.0202 and Ecs.0203, which share a message', () => {
    const outcome = resolveLookup({ message: 'Failed to create volume v1 because no quota.' }, index);
    expect(outcome.kind).toBe('choose');
    if (outcome.kind !== 'choose') return;
    expect(outcome.hits.map((h) => h.code).sort()).toEqual(['Ecs.0202', 'Ecs.0203']);
    for (const hit of outcome.hits) expect(hit.values).toEqual(['v1', 'no quota']);
  });

  it('offers a choice for a code that two services have', () => {
    const outcome = resolveLookup({ code: 'Common.0024' }, twoServiceIndex);
    expect(outcome.kind).toBe('choose');
    if (outcome.kind !== 'choose') return;
    expect(outcome.hits.map((h) => h.path).sort()).toEqual(['/ecs/common-0024/', '/evs/common-0024/']);
    expect(outcome.hits.map((h) => h.message).sort()).toEqual([
      'Too many requests to volume %s.',
      'exceeds flow over limit',
    ]);
  });

  it('goes to one service’s page for a shared code when the service is given', () => {
    expect(destination(resolveLookup(query('code=Common.0024&service=EVS'), twoServiceIndex))).toBe(
      '/evs/common-0024/',
    );
    expect(destination(resolveLookup(query('code=Common.0024&service=ecs'), twoServiceIndex))).toBe(
      '/ecs/common-0024/',
    );
  });

  it('says a well-formed code is unknown and lists nearby Ecs codes in order', () => {
    const outcome = resolveLookup(query('code=Ecs.9999'), index);
    expect(outcome.kind).toBe('unknown-code');
    if (outcome.kind !== 'unknown-code') return;
    expect(outcome.code).toBe('Ecs.9999');
    expect(outcome.nearest.length).toBeGreaterThan(0);
    expect(outcome.nearest.length).toBeLessThanOrEqual(6);
    for (const near of outcome.nearest) {
      expect(near.code).toMatch(/^Ecs\.\d+$/);
      expect(index.byPath.has(near.path)).toBe(true);
    }
    const codes = outcome.nearest.map((n) => n.code);
    expect(codes).toEqual([...codes].sort());
  });

  it('lists the codes numerically nearest to an unknown code', () => {
    const near = nearestCodes('Ecs.0011', index, undefined, 2).map((n) => n.code);
    expect(near).toContain('Ecs.0010');
  });

  it('says a code is unknown in a service that does not have it', () => {
    expect(resolveLookup(query('code=Ecs.0010&service=evs'), twoServiceIndex).kind).toBe('unknown-code');
  });

  it('falls back to search for text that matches nothing', () => {
    expect(resolveLookup(query('q=zzzz-no-such-words'), index)).toEqual({ kind: 'search', text: 'zzzz-no-such-words' });
  });

  it('does nothing for an empty query', () => {
    expect(resolveLookup(query(''), index)).toEqual({ kind: 'empty' });
    expect(resolveLookup(query('q=%20%20&status=404'), index)).toEqual({ kind: 'empty' });
  });
});

describe('surviving hostile input', () => {
  it('answers a 1 MB query without throwing', () => {
    const huge = 'Private IP address 10.0.0.1 '.repeat(40_000);
    expect(huge.length).toBeGreaterThan(1_000_000);
    expect(() => resolveLookup({ q: huge }, index)).not.toThrow();
    expect(() => resolveLookup(readLookupQuery(new URLSearchParams({ q: huge, code: huge })), index)).not.toThrow();
  });

  it('answers binary input, NULs and lone surrogates without throwing', () => {
    const binary = Array.from({ length: 65_536 }, (_, i) => String.fromCharCode((i * 7919) % 65_536)).join('');
    for (const text of [binary, '\u0000\ud800abc\udfff', 'Ecs.\u00000010', '\ud800Ecs.0010']) {
      for (const field of ['q', 'message', 'code'] as const) {
        expect(() => resolveLookup({ [field]: text }, index)).not.toThrow();
      }
    }
  });

  it('answers a code with a million digits without throwing', () => {
    expect(() => resolveLookup({ code: `Ecs.${'9'.repeat(1_000_000)}` }, index)).not.toThrow();
  });
});
