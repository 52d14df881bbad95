import { findDirectHits, hitHref, type DirectHit } from '../lib/direct-hits';
import { loadIndexFor } from './lookup-loader';

export interface PagefindResult {
  url: string;
  excerpt: string;
  meta: { title?: string };
}
interface Pagefind {
  search(query: string): Promise<{ results: { data(): Promise<PagefindResult> }[] } | null>;
  debouncedSearch?(query: string): Promise<unknown>;
}

const RESULTS_SHOWN = 10;
let pagefind: Promise<Pagefind | undefined> | undefined;
const attached = new WeakSet<HTMLDialogElement>();

function loadPagefind(): Promise<Pagefind | undefined> {
  // The path is built at run time so the bundler leaves it alone: Pagefind exists only after a build.
  const url = '/pagefind/pagefind.js';
  pagefind ??= import(/* @vite-ignore */ url)
    .then(async (module: Pagefind & { options?(options: { noWorker: boolean }): Promise<void> }) => {
      // Pagefind 1.6 searches in a web worker unless told not to: one more 12 KB script for a first search,
      // for a search that takes milliseconds on the main thread.
      await module.options?.({ noWorker: true });
      return module;
    })
    .catch(() => undefined);
  return pagefind;
}

/** Wires the search dialog: every input runs the code/message matcher, then Pagefind. */
export function attachSearch(dialog: HTMLDialogElement, input: HTMLInputElement): void {
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
    const hits = findDirectHits(query, await loadIndexFor(query));
    if (mine !== generation) return;
    renderAll(results, hits, []);
    const pages = await searchPages(query, new Set(hits.map((h) => h.path)));
    if (mine !== generation) return;
    renderAll(results, hits, pages);
    const total = hits.length + pages.length;
    status.textContent = total === 0 ? `No results for “${query.slice(0, 80)}”` : `${total} result${total === 1 ? '' : 's'}`;
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

/** Pagefind's results for a query, without the pages in `exclude` (already shown as direct hits). */
export async function searchPages(query: string, exclude: Set<string>): Promise<PagefindResult[]> {
  const pf = await loadPagefind();
  if (!pf || query.length > 500) return [];
  const found = await pf.search(query);
  if (!found) return [];
  const data = await Promise.all(found.results.slice(0, RESULTS_SHOWN + exclude.size).map((r) => r.data()));
  return data.filter((d) => !exclude.has(new URL(d.url, location.origin).pathname)).slice(0, RESULTS_SHOWN);
}

/** Renders direct hits, then pages, as text (never as HTML) into a container. */
export function renderAll(container: HTMLElement, hits: DirectHit[], pages: PagefindResult[]) {
  const parts: HTMLElement[] = [];
  if (hits.length > 0) parts.push(section(hits.length === 1 ? 'Matching code' : 'Matching codes', hits.map(renderHit)));
  if (pages.length > 0) parts.push(section('Pages', pages.map(renderPage)));
  container.replaceChildren(...parts);
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
  const a = link(hitHref(hit), 'search-hit');
  const head = document.createElement('span');
  head.className = 'search-hit-head';
  head.append(text('code', hit.code));
  if (hit.statuses.length > 0) head.append(text('span', `HTTP ${hit.statuses.join('/')}`, 'search-hit-status'));
  head.append(text('span', hit.serviceShort, 'search-hit-service'));
  a.append(head, text('span', hit.message, 'search-hit-message'));
  if (hit.description) a.append(text('span', hit.description, 'search-hit-description'));
  if (hit.values.length > 0) a.append(text('span', `Filled in: ${hit.values.join(' · ')}`, 'search-hit-values'));
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
