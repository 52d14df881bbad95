/**
 * Sends pasted texts through the lookup page (`/lookup/?q=<text>`) in Chromium and reads what it did: left for a
 * code page, offered a chooser, named an unknown code, or fell back to search. Then judges that against what a
 * corpus entry expects (cloud-corpus.ts). Used by `npm run bench:cloud`; the judging is pure.
 */
import type { Page } from 'playwright-core';
import { codeKey } from '../../src/lib/core/code-identity.ts';
import type { CorpusEntry } from './cloud-corpus.ts';

/** What the lookup page did with one text. */
export type LookupObservation =
  | { kind: 'direct'; path: string; href: string }
  | { kind: 'choose'; paths: string[] }
  | { kind: 'unknown-code'; code: string }
  | { kind: 'search' }
  | { kind: 'miss'; detail: string };

/** How an observation fares against its entry; `right` kinds are what the entry asked for. */
export type Verdict = 'direct-right' | 'chooser-right' | 'unlisted-named' | 'none-right' | 'wrong' | 'miss';

/** What the status line of the lookup page says, as the page marks it or (older builds) as its text reads. */
export interface LookupStatus {
  outcome?: string;
  code?: string;
  text: string;
}

/**
 * The outcome a status line names: its `data-outcome` (and `data-code`), or, on a build from before the page
 * marked them, the outcome its wording implies. Undefined while the page has not decided.
 */
export function outcomeOfStatus(
  status: LookupStatus,
): { kind: 'go' | 'choose' | 'unknown-code' | 'search' | 'empty'; code?: string } | undefined {
  if (status.outcome) {
    const kind = status.outcome as 'go' | 'choose' | 'unknown-code' | 'search' | 'empty';
    return kind === 'unknown-code' ? { kind, code: status.code ?? '' } : { kind };
  }
  const text = status.text.trim();
  if (/exists in \d+ services\. Choose one:|codes match equally/.test(text)) return { kind: 'choose' };
  const unknown = /^(.*) is not in this reference\./s.exec(text);
  if (unknown) return { kind: 'unknown-code', code: unknown[1] };
  if (/No message template matches|Nothing matches this text/.test(text)) return { kind: 'search' };
  if (/^Opening /.test(text)) return { kind: 'go' };
  return undefined;
}

/** Judges what the lookup did against what the entry expects. */
export function judgeLookup(entry: CorpusEntry, seen: LookupObservation): Verdict {
  switch (seen.kind) {
    case 'direct':
      return entry.expect?.includes(seen.path) ? 'direct-right' : 'wrong';
    case 'choose':
      return entry.expect?.some((path) => seen.paths.includes(path)) ? 'chooser-right' : 'miss';
    case 'unknown-code':
      return entry.unlisted !== undefined && codeKey(entry.unlisted) === codeKey(seen.code) ? 'unlisted-named' : 'miss';
    case 'search':
      return entry.none ? 'none-right' : 'miss';
    default:
      return 'miss';
  }
}

/** One line saying what happened, for the list of texts a developer works through. */
export function describeObservation(seen: LookupObservation): string {
  switch (seen.kind) {
    case 'direct':
      return `went to ${seen.href}`;
    case 'choose':
      return `chooser: ${seen.paths.join(', ') || 'no links'}`;
    case 'unknown-code':
      return `said ${seen.code} is not in this reference`;
    case 'search':
      return 'no code decided (search)';
    case 'miss':
      return seen.detail;
  }
}

/** Opens `/lookup/?q=<text>` on `page` and waits (at most `timeoutMs`) for the lookup to leave or decide. */
export async function observeLookup(
  page: Page,
  origin: string,
  text: string,
  timeoutMs = 15_000,
): Promise<LookupObservation> {
  await page.goto(`${origin}/lookup/?q=${encodeURIComponent(text)}`, { waitUntil: 'domcontentloaded' });
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const url = new URL(page.url());
    if (!url.pathname.startsWith('/lookup/'))
      return { kind: 'direct', path: url.pathname, href: `${url.pathname}${url.search}${url.hash}` };
    // A navigation under way destroys the page's context: read nothing then, and look again.
    const status = await page
      .evaluate(() => {
        const line = document.querySelector<HTMLElement>('.lookup-status');
        return line
          ? { outcome: line.dataset.outcome, code: line.dataset.code, text: line.textContent ?? '' }
          : undefined;
      })
      .catch(() => undefined);
    const outcome = status && outcomeOfStatus(status);
    if (outcome?.kind === 'choose') {
      const paths = await page
        .locator('.lookup-results .search-hit')
        .evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).pathname));
      return { kind: 'choose', paths };
    }
    if (outcome?.kind === 'unknown-code') return { kind: 'unknown-code', code: outcome.code ?? '' };
    if (outcome?.kind === 'search') return { kind: 'search' };
    if (outcome?.kind === 'empty') return { kind: 'miss', detail: 'empty outcome' };
    await page.waitForTimeout(50);
  }
  return { kind: 'miss', detail: `timeout after ${timeoutMs / 1000} s on /lookup/` };
}
