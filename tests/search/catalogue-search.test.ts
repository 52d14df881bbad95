import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadServices } from '../../src/lib/assembly/load-site.ts';
import { createCatalogueSearch, type CatalogueSearchResult } from '../../src/lib/search/catalogue-search.ts';
import { numberForms } from '../../src/lib/search/search-query.ts';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const ecs = createCatalogueSearch(loadServices(path.join(REPO, 'content'), REPO).services);
const two = createCatalogueSearch(loadServices(path.join(REPO, 'tests/fixtures/multi-service/content'), REPO).services);
const vpc = createCatalogueSearch(
  loadServices(path.join(REPO, 'tests/fixtures/catalogue-search/content'), REPO).services,
);

/** The hits of a search as `code score via matched-words`, and what else it said. */
function brief({ hits, ...rest }: CatalogueSearchResult) {
  return {
    ...rest,
    hits: hits.map((h) => `${h.service}:${h.entry.code} ${h.score.toFixed(2)} ${h.via} ${h.matched.join(',')}`),
  };
}

describe('numberForms', () => {
  it('gives a word in either number', () => {
    expect(numberForms('quota')).toEqual(['quota', 'quotas', 'quotaes']);
    expect(numberForms('addresses')).toEqual(['addresses', 'addressess', 'addresseses', 'addresse', 'address']);
  });
});

describe('searching the catalogue in a user’s own words', () => {
  it('ranks the codes with every word first, those with their words in the message before others', () => {
    expect(brief(ecs('private ip in use', { limit: 3 }))).toEqual({
      total: 18,
      words: ['private', 'ip', 'use'],
      hits: [
        'ecs:Ecs.0010 1.00 words private,ip,use',
        'ecs:Ecs.0212 0.67 words private,ip',
        'ecs:Ecs.0039 0.67 words private,ip',
      ],
    });
  });

  it('between codes that match alike, puts first the message that says more of the query as typed', () => {
    // Both have "subnet" and "exist" in their message; only VPC.0002's says "does not" too.
    expect(brief(vpc('subnet does not exist', { limit: 5 }))).toEqual({
      total: 2,
      words: ['subnet', 'exist'],
      hits: ['vpc:VPC.0002 1.00 words subnet,exist', 'vpc:VPC.0001 1.00 words subnet,exist'],
    });
  });

  it('reads the domain’s synonyms: elastic ip is EIP, at 0.9 of the query’s own words', () => {
    expect(brief(ecs('elastic ip quota', { limit: 2 })).hits).toEqual([
      'ecs:Ecs.0013 0.90 synonym eip,quota',
      'ecs:Ecs.0012 0.60 synonym ip,insufficient',
    ]);
  });

  it('corrects a typo to the word of the tables one edit away, and says so', () => {
    expect(brief(ecs('volumme attach failed', { limit: 2 }))).toEqual({
      total: 96,
      words: ['volumme', 'attach', 'failed'],
      corrected: 'volume attach failed',
      hits: ['ecs:Ecs.0205 1.00 typo volume,attach,failed', 'ecs:Ecs.0121 1.00 typo volume,attach,failed'],
    });
  });

  it('answers a query that spells a code with that code alone, not with the words of its prefix', () => {
    expect(brief(ecs('ECS-0010', { limit: 3 }))).toEqual({
      total: 1,
      words: [],
      code: 'ecs.0010',
      hits: ['ecs:Ecs.0010 1.00 code '],
    });
    expect(brief(ecs('Ecs.9999', { limit: 3 }))).toEqual({ total: 0, words: [], code: 'ecs.9999', hits: [] });
  });

  it('puts the codes of a service the query names first, and keeps to one service when asked', () => {
    expect(brief(two('evs too many requests', { limit: 2 }))).toEqual({
      total: 4,
      words: ['too', 'many', 'requests'],
      named: 'evs',
      hits: ['evs:Common.0024 1.00 words too,many,requests', 'ecs:Common.0002 0.33 words requests'],
    });
    expect(brief(two('too many requests', { limit: 5, service: 'ecs' })).hits).toEqual([
      'ecs:Common.0002 0.33 words requests',
      'ecs:Ecs.0000 0.33 words requests',
      'ecs:Common.0024 0.33 words requests',
    ]);
  });

  it('finds nothing for stop words alone, and gives at most the limit', () => {
    expect(brief(ecs('the of and', { limit: 5 }))).toEqual({ total: 0, words: [], hits: [] });
    expect(ecs('failed', { limit: 4 }).hits).toHaveLength(4);
    expect(ecs('failed', { limit: 0 }).hits).toEqual([]);
  });
});
