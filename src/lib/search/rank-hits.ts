/**
 * The order of the pages a search finds, decided before any page is fetched: which queries to run for a user's
 * words (the query, its synonyms, its typos corrected, its words one by one), how their hits rank together, and
 * whose pages come first. The search index and the files the dialog loads come in as functions, so that the
 * ranking runs the same against Pagefind in the browser and against a made-up index in tests. Browser-safe.
 */
import { readCodeSpelling, type CodeShapes } from '../core/code-identity.ts';
import type * as MoreQueries from './more-queries.ts';
import {
  expandSynonyms,
  meaningfulWords,
  queryWords,
  saysServiceName,
  serviceNamed,
  SYNONYM_WEIGHT,
} from './search-query.ts';
import {
  countInScope,
  mergeByScore,
  orderHits,
  scopeService,
  withoutWords,
  type ScoredHit,
  type ServiceName,
} from './search-scope.ts';

/** Fewer results than this from the query and its synonyms, and typo fixes and single words are tried too. */
const ENOUGH = 3;

/** Longest query searched: a longer one is a paste, not words to search for, and finds no page. */
export const MAX_QUERY_LENGTH = 500;

/** What the ranking asks of the outside: the search index and the files the dialog fetches once. */
export interface RankingSources<H extends ScoredHit> {
  /** The hits of one query, best first (Pagefind answers a query with a word no page has by its other words). */
  search(query: string): Promise<H[]>;
  /** The ids of every page of a service. */
  pagesOfService(service: string): Promise<ReadonlySet<string>>;
  /** The synonym groups. */
  synonyms(): Promise<string[][]>;
  /** The words of the code pages with their counts, which typos are corrected to. */
  vocabulary(): Promise<ReadonlyMap<string, number>>;
  /** The typo and fallback queries, loaded only when a query finds too little. */
  moreQueries(): Promise<typeof MoreQueries>;
}

/** Where a query is searched: the site's services, the shapes of its codes, and the page the search is opened on. */
export interface RankingContext {
  services: readonly ServiceName[];
  shapes: CodeShapes;
  openedOn: string;
}

/** The hits of a query in the order to fetch their pages, and how to arrange the pages once their paths are known. */
export interface RankedHits<H> {
  hits: H[];
  /** Whether no page has every word of the query. */
  partial: boolean;
  /** Whether the pages of the scope share only some of the query's words (other services' may have them all). */
  closest: boolean;
  /** The service whose pages come first. */
  scope?: string;
  /** The classes of the result pages (`resultClass`): the scope's first, code pages first for a query of several words. */
  order: { service?: string; codeFirst: boolean };
}

/**
 * Whether a query says the name of the scope's service (`ecs quota` for `vm quota` on ECS's pages): every page of
 * the scope has it, so it only lifts the scope's pages that say the rest most often, whatever they are about.
 */
function namesService(query: string, scope: string | undefined, services: readonly ServiceName[]): boolean {
  const service = services.find((s) => s.service === scope);
  return service !== undefined && saysServiceName(query, service);
}

/**
 * Ranks the hits of a query, best first: the query's own results and those of its synonyms, ranked together by
 * score; when they are few, below them those of its typos corrected and of the query without stop words; when
 * still none, the pages that share the most of its words. The pages of the service the query names, else of the
 * service whose pages the search was opened on, come before all others. Each query is searched once.
 */
export async function rankHits<H extends ScoredHit>(
  asked: string,
  context: RankingContext,
  sources: RankingSources<H>,
): Promise<RankedHits<H>> {
  const { services, shapes, openedOn } = context;
  if (asked.length > MAX_QUERY_LENGTH) return { hits: [], partial: false, closest: false, order: { codeFirst: false } };
  const searched = new Map<string, Promise<H[]>>();
  const search = (q: string): Promise<H[]> => {
    const key = q.trim();
    let hits = searched.get(key);
    if (!hits) searched.set(key, (hits = key ? sources.search(key) : Promise.resolve([])));
    return hits;
  };
  let { service: named, rest: query } = serviceNamed(asked, services);
  // On a service's pages, a service the query names is a word of its messages when some of its pages have the
  // whole query (`iam access failed` on ECS's pages, whose messages speak of IAM): the scope stays.
  const openedScope = scopeService(undefined, openedOn, services);
  if (named !== undefined && openedScope !== undefined && named !== openedScope) {
    const [own, whole] = await Promise.all([sources.pagesOfService(openedScope), search(asked)]);
    if (whole.some((h) => own.has(h.id))) [named, query] = [undefined, asked];
  }
  const scope = scopeService(named, openedOn, services);
  const inScope = scope === undefined ? undefined : sources.pagesOfService(scope);
  // A code in any spelling is answered by its page, not by the synonyms of its prefix (`ecs` -> `server`).
  const meaningful = readCodeSpelling(query, shapes) === null ? meaningfulWords(query) : [];
  const groups = meaningful.length > 0 ? await sources.synonyms() : [];
  // A word no page has is likely a typo, and Pagefind answers the other words alone: the corrected query
  // counts as much as the query, and its synonyms are tried instead of the query's.
  const scopeIds = await inScope;
  const found = await Promise.all(meaningful.map(async (w) => ({ word: w, hits: await search(w) })));
  const unknown = found.filter((f) => f.hits.length === 0).map((f) => f.word);
  // A word the scope's pages lack is corrected as a typo too (`flavour` is on other services' pages, ECS says
  // `flavor`), as it would be on a site of that service alone; the query itself is still searched.
  const missing = found.filter((f) => countInScope(f.hits, scopeIds) === 0).map((f) => f.word);
  const [typos, vocabulary] =
    missing.length > 0
      ? await Promise.all([sources.moreQueries(), sources.vocabulary()])
      : [undefined, new Map<string, number>()];
  const words = withoutWords(vocabulary, missing);
  const corrected = typos?.correctQuery(query, words);
  // Pagefind answers a query with a word no page has by its other words: then no page has every word.
  let partial = typos !== undefined && unknown.some((w) => typos.correctWord(w, words) === undefined);
  const runs: { query: string; weight: number }[] = [
    { query, weight: 1 },
    ...(corrected ? [{ query: corrected, weight: 1 }] : []),
    ...expandSynonyms(corrected ?? query, groups)
      .filter((q) => !namesService(q, scope, services))
      .map((q) => ({ query: q, weight: SYNONYM_WEIGHT })),
  ];
  const tiers: H[][] = [
    mergeByScore(await Promise.all(runs.map(async (r) => ({ hits: await search(r.query), weight: r.weight })))),
  ];
  let closest = false;
  // Too few pages of the scope, as on a site of that service alone, and the other queries are tried too.
  if (countInScope(tiers[0], scopeIds) < ENOUGH && meaningful.length > 0) {
    const { alternativeQueries, singleWordQueries, rankByWordsShared } = typos ?? (await sources.moreQueries());
    const tried = new Set(runs.map((r) => queryWords(r.query).join(' ')));
    const alternatives = alternativeQueries(query, groups, words).filter((a) => !tried.has(a.query));
    tiers.push(
      mergeByScore(
        await Promise.all(alternatives.map(async (a) => ({ hits: await search(a.query), weight: a.weight }))),
      ),
    );
    if (tiers.every((t) => countInScope(t, scopeIds) === 0)) {
      const byWord = await Promise.all(
        singleWordQueries(query, groups, words).map(async (forms) => (await Promise.all(forms.map(search))).flat()),
      );
      const hitsById = new Map(byWord.flat().map((h) => [h.id, h]));
      // No page has every word when no query found any; else only the scope's pages are closest matches.
      if (tiers.every((t) => t.length === 0)) partial = true;
      else closest = true;
      tiers.push(rankByWordsShared(byWord.map((hits) => hits.map((h) => h.id))).map(({ id }) => hitsById.get(id)!));
    }
  }
  return {
    hits: orderHits(tiers, scopeIds),
    partial,
    closest,
    scope,
    order: { service: scope, codeFirst: meaningfulWords(query).length > 1 },
  };
}
