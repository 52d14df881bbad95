import type { DirectHit } from '../lib/lookup/direct-hits.ts';
import type { LookupOutcome } from '../lib/lookup/resolve.ts';
import { alsoInLine, unknownCodeBlock } from './answer.ts';
import type * as MoreQueries from '../lib/search/more-queries.ts';
import type * as LookupLoader from './lookup-loader.ts';
import { rankHits } from '../lib/search/rank-hits.ts';
import {
  createPageLoader,
  groupPages,
  resultClass,
  serviceFilter,
  serviceOfPath,
  type ServiceName,
} from '../lib/search/search-scope.ts';
import { filledCodeHref, SYNONYMS_PATH, VOCABULARY_PATH } from '../lib/core/urls.ts';
import { shardsForInput, manifestShapes } from '../lib/lookup/lookup-data.ts';
import { fetchOnce } from './fetch-once.ts';
import { loadManifest } from './lookup-manifest.ts';
import { countOf } from '../lib/core/plural.ts';

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
let pagefind: Promise<Pagefind | undefined> | undefined;
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

/** The synonym groups (about a kilobyte), fetched with the first search. */
function loadSynonyms(): Promise<string[][]> {
  return fetchOnce(SYNONYMS_PATH, (json) => json as string[][], []);
}

/** The words of the code pages, fetched only when a query finds too little (to correct its typos). */
function loadVocabulary(): Promise<Map<string, number>> {
  return fetchOnce(VOCABULARY_PATH, (json) => new Map(json as [string, number][]), new Map());
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
            : countOf(total, 'result');
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
 * The pages for a query, without those in `exclude` (already shown as direct hits), best first: in the order
 * `rankHits` gives their hits against Pagefind with the search opened on `openedOn`, then, once their paths are
 * known, the scope's pages first and code pages before index pages for a query of several words (`resultClass`).
 * Only the pages of the first few places are fetched at once.
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
  if (!pf) return { pages: [], partial: false, services };
  const { hits, partial, closest, scope, order } = await rankHits<PagefindHit>(
    asked,
    { services, shapes: manifestShapes(manifest), openedOn },
    {
      search: (query) => pf.search(query).then((r) => r?.results ?? []),
      pagesOfService: (service) => pagesOfService(pf, service),
      synonyms: loadSynonyms,
      vocabulary: loadVocabulary,
      moreQueries: loadMoreQueries,
    },
  );
  const loader = createPageLoader<PagefindHit, FoundPage>({
    ordered: hits.slice(0, RESULTS_SHOWN + exclude.size),
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
