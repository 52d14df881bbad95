import type { DirectHit } from '../lib/lookup/direct-hits';
import type { LookupOutcome } from '../lib/lookup/resolve';
import { alsoInLine, unknownCodeBlock } from './answer';
import type * as MoreQueries from '../lib/search/more-queries';
import type * as LookupLoader from './lookup-loader';
import { readCodeSpelling } from '../lib/core/code-identity';
import {
  expandSynonyms,
  meaningfulWords,
  queryWords,
  saysServiceName,
  serviceNamed,
  SYNONYM_WEIGHT,
} from '../lib/search/search-query';
import {
  countInScope,
  createPageLoader,
  groupPages,
  mergeByScore,
  orderHits,
  resultClass,
  scopeService,
  serviceFilter,
  serviceOfPath,
  withoutWords,
  type ServiceName,
} from '../lib/search/search-scope';
import { filledCodeHref, SYNONYMS_PATH, VOCABULARY_PATH } from '../lib/core/urls';
import { shardsForInput, manifestShapes } from '../lib/lookup/lookup-data';
import { loadManifest } from './lookup-manifest';

export interface PagefindResult {
  url: string;
  excerpt: string;
  meta: { title?: string };
}
interface PagefindHit {
  id: string;
  score: number;
  data(): Promise<PagefindResult>;
}
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  search(
    query: string | null,
    options?: { filters?: Record<string, string> },
  ): Promise<{ results: PagefindHit[] } | null>;
  debouncedSearch?(query: string): Promise<unknown>;
}

/** A page found, with its path on the site and its service (when it is a service's page). */
export interface FoundPage {
  path: string;
  result: PagefindResult;
  service?: ServiceName;
}

/**
 * Pages found for a query, and whether they share only some of its words (no page has them all). The first
 * few come at once; `more` fetches the rest, when there are more, and gives the whole list. `scope` is the service whose pages come
 * first (the one the query names, or the one the dialog was opened on); `services` names every service.
 */
export interface PageResults {
  pages: FoundPage[];
  partial: boolean;
  /** Whether the pages of the scope share only some of the query's words (other services' may have them all). */
  closest?: boolean;
  scope?: string;
  services: ServiceName[];
  more?: () => Promise<FoundPage[]>;
}

/** Results shown at first, as Pagefind's own interface does: each costs a fragment of about half a KB. */
const FIRST_RESULTS = 5;
/** Most results listed, with "More results". */
const RESULTS_SHOWN = 10;
/** Fewer results than this from the query and its synonyms, and typo fixes and single words are tried too. */
const ENOUGH = 3;
let pagefind: Promise<Pagefind | undefined> | undefined;
let synonyms: Promise<string[][]> | undefined;
let vocabulary: Promise<Map<string, number>> | undefined;
const servicePages = new Map<string, Promise<Set<string>>>();
const attached = new WeakSet<HTMLDialogElement>();

function loadPagefind(): Promise<Pagefind | undefined> {
  // The path is built at run time so the bundler leaves it alone: Pagefind exists only after a build.
  const url = '/pagefind/pagefind.js';
  pagefind ??= (import(/* @vite-ignore */ url) as Promise<Pagefind>)
    // The index is small enough to search on the main thread: no worker script to fetch.
    .then(async (pf) => (await pf.options({ noWorker: true }), pf))
    .catch(() => undefined);
  return pagefind;
}

/** A JSON file of the site, or `fallback` when it cannot be had. */
function fetchJson<T>(url: string, fallback: T): Promise<T> {
  return fetch(url)
    .then((r) => (r.ok ? (r.json() as Promise<T>) : fallback))
    .catch(() => fallback);
}

/** The synonym groups (about a kilobyte), fetched with the first search. */
function loadSynonyms(): Promise<string[][]> {
  synonyms ??= fetchJson<string[][]>(SYNONYMS_PATH, []);
  return synonyms;
}

/** The words of the code pages, fetched only when a query finds too little (to correct its typos). */
function loadVocabulary(): Promise<Map<string, number>> {
  vocabulary ??= fetchJson<[string, number][]>(VOCABULARY_PATH, []).then((words) => new Map(words));
  return vocabulary;
}

/** Wires the search dialog: every input runs the code/message matcher, then Pagefind. */
export function attachSearch(dialog: HTMLDialogElement, input: HTMLInputElement, loaders: SearchLoaders): void {
  const status = dialog.querySelector<HTMLElement>('.search-status')!;
  const results = dialog.querySelector<HTMLElement>('.search-results')!;
  let generation = 0;
  const run = async () => {
    const query = input.value.trim();
    const mine = ++generation;
    if (!query) {
      results.replaceChildren();
      status.textContent = '';
      return;
    }
    const answer = await findAnswer(query, loaders);
    if (mine !== generation) return;
    const hits = answerHits(answer);
    const show = (...args: Parameters<typeof renderAll> extends [HTMLElement, ...infer R] ? R : never) => {
      renderAll(results, ...args);
      if (answer?.kind === 'unknown-code') results.prepend(unknownCodeBlock(answer));
    };
    show(hits, []);
    const { pages, partial, closest, more, scope } = await searchPages(
      query,
      new Set(hits.map((h) => h.path)),
      loaders.moreQueries,
    );
    if (mine !== generation) return;
    const tell = (shown: number) => {
      const total = hits.length + shown;
      status.textContent =
        total === 0
          ? `No results for “${query.slice(0, 80)}”`
          : partial && hits.length === 0
            ? 'No page has every word; closest matches:'
            : `${total} result${total === 1 ? '' : 's'}`;
    };
    show(hits, pages, partial || closest, more && { load: more, shown: (n) => mine === generation && tell(n) }, scope);
    tell(pages.length);
  };
  if (!attached.has(dialog)) {
    attached.add(dialog);
    input.addEventListener('input', run);
    dialog.addEventListener('keydown', (event) => moveThroughResults(event, dialog, input));
  }
  run();
}

/** ArrowDown and ArrowUp move between the search box and the result links. */
function moveThroughResults(event: KeyboardEvent, dialog: HTMLDialogElement, input: HTMLInputElement) {
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
  const links = [...dialog.querySelectorAll<HTMLAnchorElement>('.search-results a')];
  if (links.length === 0) return;
  const at = links.indexOf(document.activeElement as HTMLAnchorElement);
  const next = event.key === 'ArrowDown' ? at + 1 : at - 1;
  event.preventDefault();
  if (next < 0) input.focus();
  else links[Math.min(next, links.length - 1)].focus();
}

/** Pagefind's hits for one query (none for an empty one), each query searched once per `seen` map. */
function findPages(pf: Pagefind, query: string, seen: Map<string, Promise<PagefindHit[]>>): Promise<PagefindHit[]> {
  const key = query.trim();
  let hits = seen.get(key);
  if (!hits) seen.set(key, (hits = key ? pf.search(key).then((r) => r?.results ?? []) : Promise.resolve([])));
  return hits;
}

/**
 * Code that the dialog loads only when a query needs it: the matcher with the lookup data, and the typo and
 * fallback queries. The caller passes the imports, so that this module has no dynamic import of its own (and
 * pages keep Vite's preload helper inside the small script that opens the dialog).
 */
export interface SearchLoaders {
  lookup: () => Promise<typeof LookupLoader>;
  moreQueries: () => Promise<typeof MoreQueries>;
}

/**
 * What the lookup answers for a search: the code it names or whose message it is, a chooser, or a code no table
 * lists. An input that names no code and none of whose words a template is filed under has no answer: it costs
 * no shard and no matcher.
 */
async function findAnswer(input: string, loaders: SearchLoaders): Promise<LookupOutcome | undefined> {
  const needed = shardsForInput(input, await loadManifest());
  if (needed.codes.length === 0 && needed.words.length === 0) return undefined;
  return (await loaders.lookup()).resolveSearch(input, needed);
}

/** The code hits an answer shows: its one hit, the chooser's, or the rows whose message reads like an unknown code's text. */
function answerHits(answer: LookupOutcome | undefined): DirectHit[] {
  if (answer?.kind === 'go') return [answer.hit];
  if (answer?.kind === 'choose' || answer?.kind === 'unknown-code') return answer.hits;
  return [];
}

/**
 * The Pagefind ids of every page of a service, by its filter (a search for no words: no fragment is fetched),
 * asked once per service: what tells a hit of that service from the others before its URL is known.
 */
function pagesOfService(pf: Pagefind, service: string): Promise<Set<string>> {
  let ids = servicePages.get(service);
  if (!ids) {
    ids = pf
      .search(null, { filters: { [serviceFilter(service)]: service } })
      .then((r) => new Set((r?.results ?? []).map((h) => h.id)));
    servicePages.set(service, ids);
  }
  return ids;
}

/**
 * Whether a query says the name of the scope's service (`ecs quota` for `vm quota` on ECS's pages): every page of
 * the scope has it, so it only lifts the scope's pages that say the rest most often, whatever they are about.
 */
function namesService(
  query: string,
  scope: string | undefined,
  services: readonly { service: string; short: string }[],
): boolean {
  const service = services.find((s) => s.service === scope);
  return service !== undefined && saysServiceName(query, service);
}

/**
 * The pages for a query, without those in `exclude` (already shown as direct hits), best first: the query's
 * own results and those of its synonyms, ranked together by score; when they are few, below them those of
 * its typos corrected and of the query without stop words; when still none, the pages that share the most of
 * its words. The pages of the service the query names, else of the service whose pages the dialog was opened
 * on (`openedOn`), come before all others; code pages come before index pages for a query of several words.
 */
export async function searchPages(
  asked: string,
  exclude: Set<string>,
  loadMoreQueries: SearchLoaders['moreQueries'],
  openedOn: string = location.pathname,
): Promise<PageResults> {
  const pf = await loadPagefind();
  const manifest = await loadManifest();
  const services = manifest.services;
  if (!pf || asked.length > 500) return { pages: [], partial: false, services };
  const searched = new Map<string, Promise<PagefindHit[]>>();
  const search = (q: string) => findPages(pf, q, searched);
  let { service: named, rest: query } = serviceNamed(asked, services);
  // On a service's pages, a service the query names is a word of its messages when some of its pages have the
  // whole query (`iam access failed` on ECS's pages, whose messages speak of IAM): the scope stays.
  const openedScope = scopeService(undefined, openedOn, services);
  if (named !== undefined && openedScope !== undefined && named !== openedScope) {
    const [own, whole] = await Promise.all([pagesOfService(pf, openedScope), search(asked)]);
    if (whole.some((h) => own.has(h.id))) [named, query] = [undefined, asked];
  }
  const scope = scopeService(named, openedOn, services);
  const inScope = scope === undefined ? undefined : pagesOfService(pf, scope);
  // A code in any spelling is answered by its page, not by the synonyms of its prefix (`ecs` -> `server`).
  const meaningful = readCodeSpelling(query, manifestShapes(manifest)) === null ? meaningfulWords(query) : [];
  const groups = meaningful.length > 0 ? await loadSynonyms() : [];
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
      ? await Promise.all([loadMoreQueries(), loadVocabulary()])
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
  const tiers: PagefindHit[][] = [
    mergeByScore(await Promise.all(runs.map(async (r) => ({ hits: await search(r.query), weight: r.weight })))),
  ];
  let closest = false;
  // Too few pages of the scope, as on a site of that service alone, and the other queries are tried too.
  if (countInScope(tiers[0], scopeIds) < ENOUGH && meaningful.length > 0) {
    const { alternativeQueries, singleWordQueries, rankByWordsShared } = typos ?? (await loadMoreQueries());
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
  const ordered = orderHits(tiers, scopeIds).slice(0, RESULTS_SHOWN + exclude.size);
  const order = { service: scope, codeFirst: meaningfulWords(query).length > 1 };
  const loader = createPageLoader<PagefindHit, FoundPage>({
    ordered,
    fetch: async (hit) => {
      const result = await hit.data();
      const path = new URL(result.url, location.origin).pathname;
      return { path, result, service: serviceOfPath(path, services) };
    },
    classOf: (page) => resultClass(page.path, order),
    exclude,
    batch: FIRST_RESULTS,
  });
  const first = (await loader.upTo(FIRST_RESULTS)).slice(0, FIRST_RESULTS);
  const more = async () => (await loader.upTo(Infinity)).slice(0, RESULTS_SHOWN);
  return { pages: first, partial, closest, scope, services, ...(loader.hasMore(first.length) ? { more } : {}) };
}

/** The rest of a list of pages: how to fetch the whole list, and what to call with the number of pages then shown. */
export interface MorePages {
  load: () => Promise<FoundPage[]>;
  shown?: (count: number) => void;
}

/**
 * Renders direct hits, then pages, as text (never as HTML) into a container; with `more`, a "More results"
 * button. Pages are grouped by service (`groupPages`): the `scope` service's first, then the other services.
 */
export function renderAll(
  container: HTMLElement,
  hits: DirectHit[],
  pages: FoundPage[],
  partial = false,
  more?: MorePages,
  scope?: string,
) {
  const parts: HTMLElement[] = [];
  if (hits.length > 0) parts.push(section(hits.length === 1 ? 'Matching code' : 'Matching codes', hits.map(renderHit)));
  const pageSections = renderPageSections(pages, partial, scope);
  if (more && pageSections.length > 0)
    pageSections.at(-1)!.append(moreButton(container, pageSections, pages, partial, scope, more));
  container.replaceChildren(...parts, ...pageSections);
}

/** A section per group of pages, each page named with its service. */
function renderPageSections(pages: FoundPage[], partial: boolean, scope: string | undefined): HTMLElement[] {
  return groupPages(pages, { scope, partial }).map((group) => {
    const el = section(group.title, group.pages.map(renderPage));
    el.classList.add('search-pages');
    if (group.service !== undefined) el.dataset.service = group.service;
    else if (scope !== undefined) el.dataset.others = '';
    return el;
  });
}

/** A button that fetches the rest of the pages, shows them all grouped again, focuses the first new page and goes away. */
function moreButton(
  container: HTMLElement,
  sections: HTMLElement[],
  shown: FoundPage[],
  partial: boolean,
  scope: string | undefined,
  more: MorePages,
): HTMLButtonElement {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'search-more';
  button.textContent = 'More results';
  button.addEventListener('click', async () => {
    button.disabled = true;
    const all = await more.load();
    const replaced = renderPageSections(all, partial, scope);
    sections[0].before(...replaced);
    for (const old of sections) old.remove();
    more.shown?.(all.length);
    const before = new Set(shown.map((p) => p.path));
    const added = all.find((p) => !before.has(p.path));
    if (added)
      [...container.querySelectorAll<HTMLAnchorElement>('a.search-page')]
        .find((a) => a.pathname === added.path)
        ?.focus();
  });
  return button;
}

function section(title: string, items: HTMLElement[]): HTMLElement {
  const el = document.createElement('section');
  const h = document.createElement('h3');
  h.textContent = title;
  const list = document.createElement('ul');
  list.className = 'search-list';
  list.append(...items);
  el.append(h, list);
  return el;
}

function renderHit(hit: DirectHit): HTMLElement {
  const li = document.createElement('li');
  const a = link(filledCodeHref(hit), 'search-hit');
  const head = document.createElement('span');
  head.className = 'search-hit-head';
  head.append(text('code', hit.code));
  if (hit.statuses.length > 0) head.append(text('span', `HTTP ${hit.statuses.join('/')}`, 'search-hit-status'));
  head.append(text('span', hit.serviceShort, 'search-hit-service'));
  a.append(head, text('span', hit.message, 'search-hit-message'));
  if (hit.description) a.append(text('span', hit.description, 'search-hit-description'));
  if (hit.values.length > 0) a.append(text('span', `Filled in: ${hit.values.join(' · ')}`, 'search-hit-values'));
  const alsoIn = alsoInLine(hit);
  if (alsoIn) a.append(text('span', alsoIn, 'search-hit-also'));
  li.append(a);
  return li;
}

function renderPage({ result, service }: FoundPage): HTMLElement {
  const li = document.createElement('li');
  const a = link(result.url, 'search-page');
  const head = document.createElement('span');
  head.className = 'search-page-head';
  head.append(text('span', result.meta.title ?? result.url, 'search-page-title'));
  if (service) head.append(text('span', service.short, 'search-page-service'));
  a.append(head, excerpt(result.excerpt));
  li.append(a);
  return li;
}

/** Pagefind's excerpt is HTML with <mark>; keep only its text and the marks. */
function excerpt(html: string): HTMLElement {
  const out = document.createElement('span');
  out.className = 'search-page-excerpt';
  const doc = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  for (const node of doc.body.childNodes) {
    if (node.nodeName === 'MARK') out.append(text('mark', node.textContent ?? ''));
    else out.append(document.createTextNode(node.textContent ?? ''));
  }
  return out;
}

function link(href: string, className: string): HTMLAnchorElement {
  const a = document.createElement('a');
  a.href = href;
  a.className = className;
  return a;
}

function text(tag: string, value: string, className?: string): HTMLElement {
  const el = document.createElement(tag);
  el.textContent = value;
  if (className) el.className = className;
  return el;
}
