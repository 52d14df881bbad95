/**
 * Where the search dialog puts the pages it found, by service: the pages of the service a query names, or of
 * the service whose pages the dialog was opened on, before every other service's, and on the other pages the
 * results grouped by service. Pagefind knows each page's service from a filter on the page
 * (`data-pagefind-filter="service-ecs:ecs"`), so a hit's service is known from its id, before its fragment (and
 * URL) is fetched. Pure and browser-safe; the dialog runs the searches and fetches the fragments.
 */
import { pageKind } from '../core/urls.ts';

/**
 * The name of the Pagefind filter that marks a service's pages (`service-ecs`). A filter of its own per
 * service, not one `service` filter with a value per service: Pagefind keeps each filter in a file of its
 * own, so the dialog opened on ECS's pages loads the list of ECS's pages alone (well under 1 KB), not every
 * service's (about 16 KB for 44 services and 7,600 pages).
 */
export function serviceFilter(service: string): string {
  return `service-${service}`;
}

/**
 * The head tag that files a service's page under its service in the search index
 * (`<meta data-pagefind-filter="service-ecs[content]" content="ecs">`), or undefined for a page of no service.
 */
export function serviceFilterTag(path: string, services: readonly { service: string }[]) {
  const service = serviceOfPath(path, services)?.service;
  if (service === undefined) return undefined;
  return {
    tag: 'meta' as const,
    attrs: { 'data-pagefind-filter': `${serviceFilter(service)}[content]`, content: service },
    content: '',
  };
}

/** A service as the dialog names it. */
export interface ServiceName {
  service: string;
  short: string;
  name?: string;
}

/** A hit as Pagefind gives it: the page's id and its score for one query. */
export interface ScoredHit {
  id: string;
  score: number;
}

/** The service whose pages a site path is under (its first segment, when that is a service), if any. */
export function serviceOfPath<S extends { service: string }>(path: string, services: readonly S[]): S | undefined {
  const first = path.split('/').filter(Boolean)[0];
  return first === undefined ? undefined : services.find((s) => s.service === first);
}

/**
 * The service whose pages come first: the one the query names, else the one whose pages the dialog was
 * opened on; none on a page outside every service, or when the site has only one service (all its pages are
 * that service's).
 */
export function scopeService(
  named: string | undefined,
  openedOn: string,
  services: readonly { service: string }[],
): string | undefined {
  if (services.length < 2) return undefined;
  return named ?? serviceOfPath(openedOn, services)?.service;
}

/** Hits of several queries as one list, best score first, each page once with its best weighted score. */
export function mergeByScore<H extends ScoredHit>(lists: readonly { hits: readonly H[]; weight: number }[]): H[] {
  const best = new Map<string, { hit: H; score: number }>();
  for (const { hits, weight } of lists) {
    for (const hit of hits) {
      const score = hit.score * weight;
      if ((best.get(hit.id)?.score ?? -1) < score) best.set(hit.id, { hit, score });
    }
  }
  return [...best.values()].sort((a, b) => b.score - a.score).map((b) => b.hit);
}

/**
 * The hits of the tiers (the query and its synonyms, then its alternatives, then its words one by one) in the
 * order to fetch them: with a scope, the scope's hits of every tier, in tier order, before the other hits of
 * every tier; without one, tier after tier. Each page once, at its first place.
 */
export function orderHits<H extends { id: string }>(
  tiers: readonly (readonly H[])[],
  inScope?: ReadonlySet<string>,
): H[] {
  const all = tiers.flat();
  const ordered = inScope ? [...all.filter((h) => inScope.has(h.id)), ...all.filter((h) => !inScope.has(h.id))] : all;
  const seen = new Set<string>();
  return ordered.filter((h) => !seen.has(h.id) && seen.add(h.id));
}

/**
 * The vocabulary without the given words (in any inflection it knows them by): the words a query has that the
 * scope's pages lack are then corrected to their neighbours, as on a site of that service alone.
 */
export function withoutWords(
  vocabulary: ReadonlyMap<string, number>,
  words: readonly string[],
): ReadonlyMap<string, number> {
  if (words.length === 0) return vocabulary;
  const drop = new Set(words.flatMap((w) => [w, `${w}s`, `${w}es`, `${w}ed`, `${w}d`, `${w}ing`]));
  return new Map([...vocabulary].filter(([w]) => !drop.has(w)));
}

/** How many of the hits are pages of the scope (all of them without a scope). */
export function countInScope(hits: readonly { id: string }[], inScope?: ReadonlySet<string>): number {
  return inScope ? hits.filter((h) => inScope.has(h.id)).length : hits.length;
}

/**
 * Where a result page stands, 0 first: pages of the scope's service before the others, and, for a query of
 * several words (it reads like a message), code pages before index pages. Pagefind's order holds within a class.
 */
export function resultClass(path: string, order: { service?: string; codeFirst: boolean }): number {
  const otherService = order.service !== undefined && path.split('/').filter(Boolean)[0] !== order.service;
  return (otherService ? 2 : 0) + (order.codeFirst && pageKind(path) !== 'code' ? 1 : 0);
}

/** Something that fetches the pages of ordered hits lazily: the first places, then the rest. */
export interface PageLoader<P> {
  /** The pages to show, arranged, once their first `count` places can no longer change. */
  upTo(count: number): Promise<P[]>;
  /** Whether pages beyond the first `shown` exist (fetched or not). */
  hasMore(shown: number): boolean;
}

/**
 * Fetches the pages of `ordered` hits in that order, a batch at a time, only until the first `count` places
 * are settled: that many pages of the first class are in, or every page is. Pages whose path is in `exclude`
 * (already shown as direct hits) are left out; the rest are arranged by `classOf`, stably.
 */
export function createPageLoader<H, P extends { path: string }>(options: {
  ordered: readonly H[];
  fetch: (hit: H) => Promise<P>;
  classOf: (page: P) => number;
  exclude: ReadonlySet<string>;
  batch: number;
}): PageLoader<P> {
  const { ordered, fetch, classOf, exclude, batch } = options;
  const loaded: P[] = [];
  const arranged = () => loaded.filter((p) => !exclude.has(p.path)).sort((a, b) => classOf(a) - classOf(b));
  return {
    async upTo(count) {
      while (loaded.length < ordered.length && arranged().filter((p) => classOf(p) === 0).length < count) {
        loaded.push(...(await Promise.all(ordered.slice(loaded.length, loaded.length + batch).map(fetch))));
      }
      return arranged();
    },
    hasMore: (shown) => loaded.length < ordered.length || arranged().length > shown,
  };
}

/** A heading of the page results and the pages under it. */
export interface PageGroup<P> {
  title: string;
  /** The service of every page of the group, when the group is one service's. */
  service?: string;
  pages: P[];
}

/**
 * The page results under their headings. With a scope: its pages under its name (`ECS · Elastic Cloud
 * Server`; `Closest pages · ECS` when they share only some of the words), the others under "Other services". Without one: when the pages are of several services,
 * a group per service named by it, in the order of each service's best page (pages of no service last, under
 * "Other pages"); else one group.
 */
export function groupPages<P extends { service?: ServiceName }>(
  pages: readonly P[],
  options: { scope?: string; partial: boolean },
): PageGroup<P>[] {
  const { scope, partial } = options;
  const plain = partial ? 'Closest pages' : 'Pages';
  if (scope !== undefined) {
    const own = pages.filter((p) => p.service?.service === scope);
    const named = own[0]?.service;
    const title = named === undefined ? plain : partial ? `Closest pages · ${named.short}` : serviceTitle(named);
    const groups: PageGroup<P>[] = [
      { title, service: scope, pages: own },
      { title: 'Other services', pages: pages.filter((p) => p.service?.service !== scope) },
    ];
    return groups.filter((g) => g.pages.length > 0);
  }
  const byService = new Map<string | undefined, { service?: ServiceName; pages: P[] }>();
  for (const page of pages) {
    const key = page.service?.service;
    if (!byService.has(key)) byService.set(key, { service: page.service, pages: [] });
    byService.get(key)!.pages.push(page);
  }
  if (byService.size < 2)
    return pages.length > 0 ? [{ title: plain, service: pages[0].service?.service, pages: [...pages] }] : [];
  const groups: PageGroup<P>[] = [];
  for (const { service, pages: list } of byService.values()) {
    if (service) groups.push({ title: serviceTitle(service), service: service.service, pages: list });
  }
  const outside = byService.get(undefined);
  if (outside) groups.push({ title: 'Other pages', pages: outside.pages });
  return groups;
}

/** A service's heading: `ECS · Elastic Cloud Server`, or the short name alone when it has no other name. */
export function serviceTitle(service: ServiceName): string {
  return service.name && service.name !== service.short ? `${service.short} · ${service.name}` : service.short;
}
