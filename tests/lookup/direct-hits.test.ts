import { describe, expect, it } from 'vitest';
import { buildLookupIndex, findDirectHits, type DirectHit } from '../../src/lib/lookup/direct-hits.ts';
import { filledCodeHref } from '../../src/lib/core/urls.ts';
import { loadServices } from '../../src/lib/assembly/load-site.ts';
import { buildLookupData } from '../../src/lib/lookup/lookup-data.ts';

const { services } = loadServices('content');
const index = buildLookupIndex(services.map((s) => buildLookupData(s.catalogue, s.catalogue.entries)));

/** A hit as the dialog shows it: code, the page and fragment it links to, filled-in values. */
function brief(hits: readonly DirectHit[]): [string, string, string[]][] {
  return hits.map((h) => [h.code, pageAndFragment(h), h.values]);
}

/** The link of a hit without its query string: `/ecs/ecs-1000/#http-404`. */
function pageAndFragment(hit: DirectHit): string {
  const url = new URL(filledCodeHref(hit), 'https://example.org');
  return `${url.pathname}${url.hash}`;
}

describe('recognising a code in the search box', () => {
  for (const spelling of ['Ecs.0010', 'ecs.0010', 'ECS0010', 'ecs 0010', 'Ecs_0010', 'ECS-0010', '  ecs0010  ']) {
    it(`reads "${spelling}" as Ecs.0010`, () => {
      const hits = findDirectHits(spelling, index);
      expect(hits[0]).toMatchObject({ code: 'Ecs.0010', statuses: [400], reason: 'code', values: [] });
      expect(filledCodeHref(hits[0])).toBe('/ecs/ecs-0010/');
      expect(hits[0].message).toBe('Private IP address %s is already in use.');
    });
  }

  it('links a code with several variants to its page, without an anchor', () => {
    expect(brief(findDirectHits('Ecs.1000', index))).toEqual([['Ecs.1000', '/ecs/ecs-1000/', []]]);
  });

  it('links Ecs.1000 asked for with status 404 to its 404 variant', () => {
    const hits = findDirectHits('Ecs.1000', index, { status: 404 });
    expect(brief(hits)).toEqual([['Ecs.1000', '/ecs/ecs-1000/#http-404', []]]);
    expect(hits[0].statuses).toEqual([404]);
    expect(hits[0].message).toBe('itemNotFound: xxx could not be found.');
  });

  it('finds nothing for a code the table does not have', () => {
    expect(findDirectHits('Ecs.9999', index)).toEqual([]);
  });
});

describe('recognising a pasted message', () => {
  it('finds Ecs.0010 from its filled-in message and shows the filled-in IP address', () => {
    const hits = findDirectHits('Private IP address 192.168.0.12 is already in use.', index);
    expect(brief(hits)).toEqual([['Ecs.0010', '/ecs/ecs-0010/#http-400', ['192.168.0.12']]]);
    expect(hits[0].reason).toBe('message');
    expect(new URL(filledCodeHref(hits[0]), 'https://example.org').searchParams.getAll('v')).toEqual(['192.168.0.12']);
  });

  it('finds only Ecs.0614 for an instance that was not found, not the looser Ecs.1000 template', () => {
    const hits = findDirectHits('itemNotFound: Instance abc could not be found.', index);
    expect(hits.map((h) => h.code)).toEqual(['Ecs.0614']);
    expect(hits[0].values).toEqual(['abc']);
  });

  it('finds the 404 variant of Ecs.1000 for another resource that was not found', () => {
    const hits = findDirectHits('itemNotFound: Volume abc could not be found.', index);
    expect(brief(hits)).toEqual([['Ecs.1000', '/ecs/ecs-1000/#http-404', ['Volume abc']]]);
  });

  it('returns both Ecs.0202 and Ecs.0203 for their shared message', () => {
    const hits = findDirectHits('Failed to create volume vol-1 because quota exceeded.', index);
    expect(hits.map((h) => h.code).sort()).toEqual(['Ecs.0202', 'Ecs.0203']);
    for (const hit of hits) expect(hit.values).toEqual(['vol-1', 'quota exceeded']);
  });

  it('tells the two apart by their descriptions (system disk, data disk)', () => {
    const hits = findDirectHits('Failed to create volume vol-1 because quota exceeded.', index);
    const described = Object.fromEntries(hits.map((h) => [h.code, h.description]));
    const table = Object.fromEntries(
      services[0].catalogue.entries.map((e) => [e.code, e.variants[0].description.text]),
    );
    expect(described).toEqual({ 'Ecs.0202': table['Ecs.0202'], 'Ecs.0203': table['Ecs.0203'] });
    expect(described['Ecs.0202']).not.toBe(described['Ecs.0203']);
  });

  it('finds a message inside a JSON error body', () => {
    const body = JSON.stringify({
      error: { message: 'Private IP address 10.0.0.7 is already in use.', code: 'Ecs.0010' },
    });
    expect(brief(findDirectHits(body, index).slice(0, 1))).toEqual([
      ['Ecs.0010', '/ecs/ecs-0010/#http-400', ['10.0.0.7']],
    ]);
  });

  it('finds nothing for words that are no message of the table', () => {
    expect(findDirectHits('the weather is fine today', index)).toEqual([]);
  });
});
