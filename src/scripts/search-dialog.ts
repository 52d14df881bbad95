import type { DirectHit } from '../lib/lookup/direct-hits';
import type { LookupOutcome } from '../lib/lookup/resolve';
import { alsoInLine, unknownCodeBlock } from './answer';
import type * as MoreQueries from '../lib/search/more-queries';
import type * as LookupLoader from './lookup-loader';
import { readCodeSpelling } from '../lib/core/code-identity';
import { expandSynonyms, meaningfulWords, queryWords, resultClass, serviceNamed, SYNONYM_WEIGHT } from '../lib/search/search-query';
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
  search(query: string): Promise<{ results: PagefindHit[] } | null>;
  debouncedSearch?(query: string): Promise<unknown>;
}

/**
 * Pages found for a query, and whether they share only some of its words (no page has them all). The first
 * few come at once; `more` fetches the rest, when there are more.
 */
export interface PageResults {
  pages: PagefindResult[];
  partial: boolean;
  more?: () => Promise<PagefindResult[]>;
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
  return fetch(url).then((r) => (r.ok ? (r.json() as Promise<T>) : fallback)).catch(() => fallback);
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
    const { pages, partial, more } = await searchPages(query, new Set(hits.map((h) => h.path)), loaders.moreQueries);
    if (mine !== generation) return;
    const tell = (shown: number) => {
      const total = hits.length + shown;
      status.textContent =
        total === 0 ? `No results for “${query.slice(0, 80)}”`
        : partial && hits.length === 0 ? 'No page has every word; closest matches:'
        : `${total} result${total === 1 ? '' : 's'}`;
    };
    show(hits, pages, partial, more && { load: more, shown: (n) => mine === generation && tell(n) });
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

/** Hits of several queries as one list, best score first, each page once with its best score. */
function mergeByScore(lists: readonly { hits: readonly PagefindHit[]; weight: number }[]): PagefindHit[] {
  const best = new Map<string, { hit: PagefindHit; score: number }>();
  for (const { hits, weight } of lists) {
    for (const hit of hits) {
      const score = hit.score * weight;
      if ((best.get(hit.id)?.score ?? -1) < score) best.set(hit.id, { hit, score });
    }
  }
  return [...best.values()].sort((a, b) => b.score - a.score).map((b) => b.hit);
}

/**
 * The pages for a query, without those in `exclude` (already shown as direct hits), best first: the query's
 * own results and those of its synonyms, ranked together by score; when they are few, below them those of
 * its typos corrected and of the query without stop words; when still none, the pages that share the most of
 * its words. Code pages come before index pages for a query of several words, and a service the query
 * names comes first.
 */
export async function searchPages(asked: string, exclude: Set<string>, loadMoreQueries: SearchLoaders['moreQueries']): Promise<PageResults> {
  const pf = await loadPagefind();
  if (!pf || asked.length > 500) return { pages: [], partial: false };
  const manifest = await loadManifest();
  const { service, rest: query } = serviceNamed(asked, manifest.services);
  // A code in any spelling is answered by its page, not by the synonyms of its prefix (`ecs` -> `server`).
  const meaningful = readCodeSpelling(query, manifestShapes(manifest)) === null ? meaningfulWords(query) : [];
  const groups = meaningful.length > 0 ? await loadSynonyms() : [];
  // A word no page has is likely a typo, and Pagefind answers the other words alone: the corrected query
  // counts as much as the query, and its synonyms are tried instead of the query's.
  const searched = new Map<string, Promise<PagefindHit[]>>();
  const search = (q: string) => findPages(pf, q, searched);
  const unknown = (await Promise.all(meaningful.map(async (w) => ((await search(w)).length === 0 ? w : '')))).filter(Boolean);
  const [typos, words] = unknown.length > 0 ? await Promise.all([loadMoreQueries(), loadVocabulary()]) : [undefined, new Map<string, number>()];
  const corrected = typos?.correctQuery(query, words);
  // Pagefind answers a query with a word no page has by its other words: then no page has every word.
  let partial = typos !== undefined && unknown.some((w) => typos.correctWord(w, words) === undefined);
  const runs: { query: string; weight: number }[] = [
    { query, weight: 1 },
    ...(corrected ? [{ query: corrected, weight: 1 }] : []),
    ...expandSynonyms(corrected ?? query, groups).map((q) => ({ query: q, weight: SYNONYM_WEIGHT })),
  ];
  const tiers: PagefindHit[][] = [mergeByScore(await Promise.all(runs.map(async (r) => ({ hits: await search(r.query), weight: r.weight }))))];
  if (tiers[0].length < ENOUGH && meaningful.length > 0) {
    const { alternativeQueries, singleWordQueries, rankByWordsShared } = typos ?? (await loadMoreQueries());
    const tried = new Set(runs.map((r) => queryWords(r.query).join(' ')));
    const alternatives = alternativeQueries(query, groups, words).filter((a) => !tried.has(a.query));
    tiers.push(mergeByScore(await Promise.all(alternatives.map(async (a) => ({ hits: await search(a.query), weight: a.weight })))));
    if (tiers.every((t) => t.length === 0)) {
      const byWord = await Promise.all(
        singleWordQueries(query, groups, words).map(async (forms) => (await Promise.all(forms.map(search))).flat()),
      );
      const hitsById = new Map(byWord.flat().map((h) => [h.id, h]));
      tiers.push(rankByWordsShared(byWord.map((hits) => hits.map((h) => h.id))).map(({ id }) => hitsById.get(id)!));
      partial = true;
    }
  }
  const seen = new Set<string>();
  const ordered = tiers.flat().filter((h) => !seen.has(h.id) && seen.add(h.id)).slice(0, RESULTS_SHOWN + exclude.size);
  const pathOf = (d: PagefindResult) => new URL(d.url, location.origin).pathname;
  const order = { service, codeFirst: meaningfulWords(query).length > 1 };
  const classOf = (d: PagefindResult) => resultClass(pathOf(d), order);
  const loaded: PagefindResult[] = [];
  // Sorting is stable: Pagefind's order holds within a class.
  const arranged = () => loaded.filter((d) => !exclude.has(pathOf(d))).sort((a, b) => classOf(a) - classOf(b));
  // Fragments are fetched in Pagefind's order until the first `count` places can no longer change: that many
  // pages of the first class are in, or every page is.
  const loadUntil = async (count: number) => {
    while (loaded.length < ordered.length && arranged().filter((d) => classOf(d) === 0).length < count) {
      const batch = ordered.slice(loaded.length, loaded.length + FIRST_RESULTS);
      loaded.push(...(await Promise.all(batch.map((h) => h.data()))));
    }
    return arranged();
  };
  const first = (await loadUntil(FIRST_RESULTS)).slice(0, FIRST_RESULTS);
  const hasMore = loaded.length < ordered.length || arranged().length > first.length;
  const more = async () => (await loadUntil(Infinity)).slice(first.length, RESULTS_SHOWN);
  return { pages: first, partial, ...(hasMore ? { more } : {}) };
}

/** The rest of a list of pages: how to fetch it, and what to call with the number of pages then shown. */
export interface MorePages {
  load: () => Promise<PagefindResult[]>;
  shown?: (count: number) => void;
}

/** Renders direct hits, then pages, as text (never as HTML) into a container; with `more`, a "More results" button. */
export function renderAll(container: HTMLElement, hits: DirectHit[], pages: PagefindResult[], partial = false, more?: MorePages) {
  const parts: HTMLElement[] = [];
  if (hits.length > 0) parts.push(section(hits.length === 1 ? 'Matching code' : 'Matching codes', hits.map(renderHit)));
  if (pages.length > 0) {
    const pageSection = section(partial ? 'Closest pages' : 'Pages', pages.map(renderPage));
    if (more) pageSection.append(moreButton(pageSection.querySelector('ul')!, more));
    parts.push(pageSection);
  }
  container.replaceChildren(...parts);
}

/** A button that fetches the rest of a list, adds it, moves focus to the first page it added and goes away. */
function moreButton(list: HTMLElement, more: MorePages): HTMLButtonElement {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'search-more';
  button.textContent = 'More results';
  button.addEventListener('click', async () => {
    button.disabled = true;
    const rest = (await more.load()).map(renderPage);
    list.append(...rest);
    button.remove();
    more.shown?.(list.children.length);
    rest[0]?.querySelector('a')?.focus();
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

function renderPage(page: PagefindResult): HTMLElement {
  const li = document.createElement('li');
  const a = link(page.url, 'search-page');
  a.append(text('span', page.meta.title ?? page.url, 'search-page-title'), excerpt(page.excerpt));
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
