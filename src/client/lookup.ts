import { filledCodeHref, searchPagePath, servicePath } from '../lib/core/urls.ts';
import { readLookupQuery, resolveLookup, type LookupOutcome, type LookupQuery } from '../lib/lookup/resolve.ts';
import { loadIndexFor } from './lookup-loader.ts';
import * as moreQueries from '../lib/search/more-queries.ts';
import { renderAll, searchPages } from './search-dialog.ts';
import { aboutMessageHeading, describeOutcome, unknownCodeBlock } from './answer.ts';

const PREVIEW_DELAY_MS = 150;

/**
 * Makes a paste box answer as the user types (paste-box.ts calls it once the box is first used); `typed` says
 * the user already typed or pasted into it, which is answered at once.
 */
export function attachPasteBox(form: HTMLFormElement, typed: boolean): void {
  const input = form.querySelector('textarea')!;
  const status = form.querySelector<HTMLElement>('.paste-box-status')!;
  const results = form.querySelector<HTMLElement>('.paste-box-results')!;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let generation = 0;
  const preview = () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const mine = ++generation;
      const query: LookupQuery = { q: input.value.trim() || undefined };
      const outcome = resolveLookup(query, await loadIndexFor(query.q ?? ''));
      if (mine === generation) await show(outcome, status, results, () => mine === generation);
    }, PREVIEW_DELAY_MS);
  };
  input.addEventListener('input', preview);
  if (typed) preview();
}

/** Runs the lookup page: resolves its URL parameters and goes, chooses, or explains. */
export async function runLookupPage(): Promise<void> {
  const query = readLookupQuery(new URLSearchParams(location.search));
  const status = document.querySelector<HTMLElement>('.lookup-status')!;
  const results = document.querySelector<HTMLElement>('.lookup-results')!;
  const box = document.querySelector<HTMLTextAreaElement>('[data-paste-box] textarea');
  if (box && (query.message ?? query.q ?? query.code)) box.value = (query.message ?? query.q ?? query.code)!;
  const text = query.message ?? query.q ?? query.code ?? '';
  const outcome = resolveLookup(query, await loadIndexFor(text, query.code));
  markOutcome(status, outcome);
  if (outcome.kind === 'go') {
    status.textContent = `Opening ${outcome.hit.code}…`;
    location.replace(filledCodeHref(outcome.hit));
    return;
  }
  await show(outcome, status, results, () => true);
}

/** Shows an outcome as text: a hit, a chooser, an unknown code with what the text says of it, or search results. */
async function show(outcome: LookupOutcome, status: HTMLElement, results: HTMLElement, current: () => boolean) {
  markOutcome(status, outcome);
  status.textContent = describeOutcome(outcome);
  switch (outcome.kind) {
    case 'empty':
      results.replaceChildren();
      return;
    case 'go':
      status.textContent += ' Press Enter to open it.';
      renderAll(results, [outcome.hit], []);
      return;
    case 'choose':
      renderAll(results, outcome.hits, []);
      return;
    case 'unknown-code': {
      renderAll(results, outcome.hits, []);
      results.prepend(unknownCodeBlock(outcome));
      // Pages about the message it carried, then a search for the code itself.
      // Searched as if on the pages of the service it points to: that service's pages come first.
      if (outcome.message) {
        const pointed = outcome.services[0]?.service;
        const exclude = new Set(outcome.hits.map((h) => h.path));
        const openedOn = pointed === undefined ? '/' : servicePath(pointed);
        const { pages, partial, closest, more, scope } = await searchPages(
          outcome.message,
          exclude,
          async () => moreQueries,
          openedOn,
        );
        if (!current()) return;
        const found = document.createElement('div');
        renderAll(found, [], pages, partial || closest, more && { load: more }, scope);
        if (pages.length > 0) results.append(aboutMessageHeading(), found);
      }
      results.append(searchLink(outcome.code));
      return;
    }
    case 'search': {
      const { pages, partial, more } = await searchPages(outcome.text, new Set(), async () => moreQueries);
      if (!current()) return;
      if (pages.length === 0)
        status.textContent = 'Nothing matches this text. Check the code or try a few words of the message.';
      else if (partial)
        status.textContent = 'No message template matches this text, and no page has every word; closest matches:';
      renderAll(results, [], pages, partial, more && { load: more });
      return;
    }
  }
}

/**
 * Names the outcome on the status line for scripts and tests (`data-outcome="unknown-code"`, with `data-code`),
 * so they read what the lookup decided rather than its wording.
 */
function markOutcome(status: HTMLElement, outcome: LookupOutcome): void {
  status.dataset.outcome = outcome.kind;
  if (outcome.kind === 'unknown-code') status.dataset.code = outcome.code;
  else delete status.dataset.code;
}

function searchLink(text: string): HTMLElement {
  const p = document.createElement('p');
  const a = document.createElement('a');
  a.href = searchPagePath(text);
  a.textContent = `Search the site for “${text.slice(0, 80)}”`;
  p.append(a);
  return p;
}
