import { describe, expect, it } from 'vitest';
import { learnShapes } from '../../src/lib/core/code-identity.ts';
import * as moreQueries from '../../src/lib/search/more-queries.ts';
import { rankHits, type RankingSources } from '../../src/lib/search/rank-hits.ts';
import { queryWords } from '../../src/lib/search/search-query.ts';
import type { ScoredHit } from '../../src/lib/search/search-scope.ts';

// A site of two services, each page by its text. A hit's id is the page's path.
const PAGES: Record<string, string> = {
  '/': 'Error codes of every service.',
  '/ecs/common-0024/': 'Common.0024 Too many requests, over the limit.',
  '/ecs/ecs-0010/': 'Ecs.0010 Private IP address is already in use.',
  '/ecs/ecs-0099/': 'Ecs.0099 Quota of cores exceeded.',
  '/ecs/ecs-0200/': 'Ecs.0200 EVS disk attach failed.',
  '/ecs/topic/quota/': 'ECS quota codes: the quota of servers.',
  '/evs/evs-0001/': 'Evs.0001 Volume could not be found.',
  '/evs/evs-0002/': 'Evs.0002 Disk quota exceeded.',
  '/evs/evs-0003/': 'Evs.0003 Volume quota exceeded.',
};
const SERVICES = [
  { service: 'ecs', short: 'ECS', name: 'Elastic Cloud Server' },
  { service: 'evs', short: 'EVS', name: 'Elastic Volume Service' },
];
const SYNONYMS = [
  ['quota', 'limit'],
  ['volume', 'disk', 'evs'],
  ['exceeded', 'too many'],
];
const SHAPES = learnShapes(['Common.0024', 'Ecs.0010', 'Ecs.0099', 'Ecs.0200', 'Evs.0001', 'Evs.0002', 'Evs.0003']);
const WORDS = new Map(Object.entries(PAGES).map(([path, text]) => [path, queryWords(text)]));

/**
 * A made-up search index that answers as Pagefind does in the ways the ranking relies on: a query's words that no
 * page has are left out, the pages that have every other word are found, scored by the share of their words that
 * are the query's (ties in path order).
 */
function search(query: string): ScoredHit[] {
  const known = queryWords(query).filter((w) => [...WORDS.values()].some((words) => words.includes(w)));
  if (known.length === 0) return [];
  return [...WORDS]
    .filter(([, words]) => known.every((w) => words.includes(w)))
    .map(([id, words]) => ({ id, score: words.filter((w) => known.includes(w)).length / words.length }))
    .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
}

/** The sources of the ranking over the made-up index, and what it asked of them, in order. */
function sources() {
  const asked: string[] = [];
  const vocabulary = new Map<string, number>();
  for (const [path, words] of WORDS)
    if (path !== '/') for (const w of words) vocabulary.set(w, (vocabulary.get(w) ?? 0) + 1);
  const given: RankingSources<ScoredHit> = {
    search: async (query) => (asked.push(`search ${query}`), search(query)),
    pagesOfService: async (service) => (
      asked.push(`pages of ${service}`),
      new Set([...WORDS.keys()].filter((p) => p.startsWith(`/${service}/`)))
    ),
    synonyms: async () => (asked.push('synonyms'), SYNONYMS),
    vocabulary: async () => (asked.push('vocabulary'), vocabulary),
    moreQueries: async () => (asked.push('more queries'), moreQueries),
  };
  return { asked, given };
}

/** The ranking of a query as the pages' paths in order, with what else it says. */
async function rank(query: string, openedOn = '/') {
  const { asked, given } = sources();
  const ranked = await rankHits(query, { services: SERVICES, shapes: SHAPES, openedOn }, given);
  return { ...ranked, hits: ranked.hits.map((h) => h.id), asked };
}

describe('ranking the pages of a query', () => {
  it('ranks the pages of the query and its synonyms by score, searching each query once', async () => {
    const ranked = await rank('quota exceeded');
    // Common.0024 says neither word, but `limit too many`: 3 of its 8 words, at 0.9 of what the query's own words
    // would score (0.3375), just above Ecs.0099's 2 of 6 (0.333).
    expect(ranked.hits).toEqual(['/evs/evs-0002/', '/evs/evs-0003/', '/ecs/common-0024/', '/ecs/ecs-0099/']);
    expect(ranked).toMatchObject({ partial: false, closest: false, scope: undefined });
    expect(ranked.order).toEqual({ service: undefined, codeFirst: true });
    expect(ranked.asked).toEqual([
      'synonyms',
      'search quota',
      'search exceeded',
      'search quota exceeded',
      'search limit exceeded',
      'search quota too many',
      'search limit too many',
    ]);
  });

  it('puts the pages of the service the dialog is opened on first, and tries more queries when it has few', async () => {
    const ranked = await rank('quota exceeded', '/ecs/ecs-0010/');
    expect(ranked.hits).toEqual(['/ecs/common-0024/', '/ecs/ecs-0099/', '/evs/evs-0002/', '/evs/evs-0003/']);
    expect(ranked).toMatchObject({ partial: false, closest: false, scope: 'ecs' });
    expect(ranked.order).toEqual({ service: 'ecs', codeFirst: true });
    // Two pages of ECS are fewer than three: the alternatives are worked out, all of them already searched.
    expect(ranked.asked.slice(-2)).toEqual(['search limit too many', 'more queries']);
  });

  it('puts the pages of the service the query names first, and searches the query without its name', async () => {
    const ranked = await rank('evs quota');
    expect(ranked.hits).toEqual([
      '/evs/evs-0002/',
      '/evs/evs-0003/',
      '/ecs/topic/quota/',
      '/ecs/ecs-0099/',
      '/ecs/common-0024/',
    ]);
    expect(ranked.scope).toBe('evs');
    expect(ranked.order).toEqual({ service: 'evs', codeFirst: false });
    expect(ranked.asked).not.toContain('search evs quota');
  });

  it('keeps the service the dialog is opened on when one of its pages has the whole query, naming another service', async () => {
    const ranked = await rank('evs disk attach failed', '/ecs/');
    expect(ranked.scope).toBe('ecs');
    expect(ranked.hits).toEqual(['/ecs/ecs-0200/']);
    expect(ranked.asked.slice(0, 2)).toEqual(['pages of ecs', 'search evs disk attach failed']);
  });

  it('corrects a word no page has to its nearest word of the code pages', async () => {
    const ranked = await rank('quotta exceeded');
    expect(ranked.hits).toEqual(['/evs/evs-0002/', '/evs/evs-0003/', '/ecs/common-0024/', '/ecs/ecs-0099/']);
    expect(ranked.partial).toBe(false);
    expect(ranked.asked).toEqual([
      'synonyms',
      'search quotta',
      'search exceeded',
      'more queries',
      'vocabulary',
      'search quotta exceeded',
      'search quota exceeded',
      'search limit exceeded',
      'search quota too many',
      'search limit too many',
    ]);
  });

  it('says that no page has every word when a word no page has has no correction, and ranks the others’ pages', async () => {
    const ranked = await rank('zzyzx quota');
    // As Pagefind answers it: by `quota` alone, and by its synonym `limit`.
    expect(ranked.hits).toEqual([
      '/ecs/topic/quota/',
      '/evs/evs-0002/',
      '/evs/evs-0003/',
      '/ecs/ecs-0099/',
      '/ecs/common-0024/',
    ]);
    expect(ranked).toMatchObject({ partial: true, closest: false });
  });

  it('ranks pages by the words they share when no page has every word, and says so', async () => {
    const ranked = await rank('cores volume');
    // One word each, in the order the words found them: `cores`, then `volume` and its synonyms `disk` and `evs`.
    expect(ranked.hits).toEqual([
      '/ecs/ecs-0099/',
      '/evs/evs-0003/',
      '/evs/evs-0001/',
      '/evs/evs-0002/',
      '/ecs/ecs-0200/',
    ]);
    expect(ranked).toMatchObject({ partial: true, closest: false });
  });

  it('gives the scope’s pages that share some of the words as closest matches, before other services’ pages that have them all', async () => {
    const ranked = await rank('volume quota', '/ecs/');
    // ECS's pages say `disk` (for `volume`), `quota` or `limit`; EVS's that say both words (or their synonyms)
    // follow, then the one that says `volume` alone.
    expect(ranked.hits).toEqual([
      '/ecs/ecs-0200/',
      '/ecs/topic/quota/',
      '/ecs/ecs-0099/',
      '/ecs/common-0024/',
      '/evs/evs-0003/',
      '/evs/evs-0002/',
      '/evs/evs-0001/',
    ]);
    expect(ranked).toMatchObject({ partial: false, closest: true, scope: 'ecs' });
  });

  it('searches a code as it is: no synonyms of its prefix, no more queries', async () => {
    const ranked = await rank('Common.0024');
    expect(ranked.hits).toEqual(['/ecs/common-0024/']);
    expect(ranked.asked).toEqual(['search Common.0024']);
  });

  it('searches nothing for a query longer than 500 characters', async () => {
    const ranked = await rank('quota '.repeat(100));
    expect(ranked.hits).toEqual([]);
    expect(ranked.asked).toEqual([]);
  });
});
