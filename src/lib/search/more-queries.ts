/**
 * What the search dialog tries when a query and its synonyms find too little (loaded only then): its typos
 * corrected (`quoat` -> `quota`), the query without stop words, and its words one by one, so that no query of
 * real words dead-ends. Pure and browser-safe.
 */
import {
  expandSynonyms,
  meaningfulWords,
  queryWords,
  SYNONYM_WEIGHT,
  MAX_ALTERNATIVES,
  type SynonymGroups,
} from './search-query.ts';

/** A word of the site's code pages and how many times it occurs: what typos are corrected to. */
export type Vocabulary = ReadonlyMap<string, number>;

/** Another query to run, why, and how much its results count against the query's own (1: as much). */
export interface AlternativeQuery {
  query: string;
  reason: 'synonym' | 'typo';
  weight: number;
}

/** Whether a word is in the vocabulary, as written or as a plain inflection (`volumes`, `failed`, `creating`). */
export function isKnownWord(word: string, vocabulary: Vocabulary): boolean {
  if (vocabulary.has(word) || /^\p{N}+$/u.test(word)) return true;
  return [/s$/, /es$/, /ed$/, /d$/, /ing$/].some(
    (suffix) => suffix.test(word) && vocabulary.has(word.replace(suffix, '')),
  );
}

/**
 * The vocabulary word one edit away from a word the vocabulary lacks (a letter added, dropped, changed, or two
 * neighbours swapped: `adress` -> `address`, `volumme` -> `volume`, `quoat` -> `quota`), the most frequent when
 * several are; undefined for a known word, a word shorter than four letters, or one with no such neighbour.
 */
export function correctWord(word: string, vocabulary: Vocabulary): string | undefined {
  if (word.length < 4 || isKnownWord(word, vocabulary)) return undefined;
  let best: string | undefined;
  let bestCount = 0;
  for (const candidate of oneEditAway(word)) {
    const count = vocabulary.get(candidate) ?? 0;
    if (count > bestCount || (count === bestCount && count > 0 && best !== undefined && candidate < best)) {
      best = candidate;
      bestCount = count;
    }
  }
  return best;
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** Every string one edit away from a word (deletions, swaps of neighbours, replacements, insertions). */
function oneEditAway(word: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i <= word.length; i++) {
    const [head, tail] = [word.slice(0, i), word.slice(i)];
    if (tail) out.add(head + tail.slice(1));
    if (tail.length > 1) out.add(head + tail[1] + tail[0] + tail.slice(2));
    for (const c of LETTERS) {
      if (tail) out.add(head + c + tail.slice(1));
      out.add(head + c + tail);
    }
  }
  out.delete(word);
  return out;
}

/** The query with each unknown word replaced by its correction, or undefined when no word needs one. */
export function correctQuery(query: string, vocabulary: Vocabulary): string | undefined {
  const words = queryWords(query);
  let changed = false;
  const corrected = words.map((w) => {
    const fix = correctWord(w, vocabulary);
    if (fix) changed = true;
    return fix ?? w;
  });
  return changed ? corrected.join(' ') : undefined;
}

/**
 * The queries to try after the query itself: its typos corrected, then the query without its stop words
 * (a page need not say "cannot" to answer `cannot assign floating ip`), then the synonyms of both. The dialog
 * ranks their results together, below the query's own.
 */
export function alternativeQueries(query: string, groups: SynonymGroups, vocabulary: Vocabulary): AlternativeQuery[] {
  const corrected = correctQuery(query, vocabulary);
  const base = corrected ?? queryWords(query).join(' ');
  const stripped = meaningfulWords(base).join(' ');
  const out: AlternativeQuery[] = [];
  const reason = corrected ? 'typo' : 'synonym';
  if (corrected) out.push({ query: corrected, reason: 'typo', weight: 1 });
  if (stripped) out.push({ query: stripped, reason, weight: 0.95 });
  for (const q of expandSynonyms(stripped || base, groups)) out.push({ query: q, reason, weight: SYNONYM_WEIGHT });
  for (const q of expandSynonyms(base, groups)) out.push({ query: q, reason, weight: SYNONYM_WEIGHT });
  const seen = new Set<string>([queryWords(query).join(' ')]);
  return out.filter((a) => a.query !== '' && !seen.has(a.query) && seen.add(a.query)).slice(0, MAX_ALTERNATIVES);
}

/**
 * The words to try one at a time when no query finds a page: the meaningful words of the query, each with
 * its correction and the one-word synonyms of its group, so that a page sharing any of them is found.
 */
export function singleWordQueries(query: string, groups: SynonymGroups, vocabulary: Vocabulary): string[][] {
  return meaningfulWords(query).map((word) => {
    const forms = new Set([word]);
    const fix = correctWord(word, vocabulary);
    if (fix) forms.add(fix);
    for (const group of groups) {
      if (!group.some((p) => p.toLowerCase() === word || p.toLowerCase() === fix)) continue;
      for (const phrase of group) forms.add(phrase.toLowerCase());
    }
    return [...forms];
  });
}

/**
 * Ranks pages found word by word: pages that share more of the query's words first, then in the order the
 * searches found them. `found[k]` holds the ids of the pages the k-th word (in any of its forms) found, best first.
 */
export function rankByWordsShared(found: readonly (readonly string[])[]): { id: string; shared: number }[] {
  const score = new Map<string, { shared: number; first: number }>();
  let order = 0;
  for (const ids of found) {
    for (const id of new Set(ids)) {
      const entry = score.get(id) ?? { shared: 0, first: order++ };
      entry.shared++;
      score.set(id, entry);
    }
  }
  return [...score]
    .sort((a, b) => b[1].shared - a[1].shared || a[1].first - b[1].first)
    .map(([id, { shared }]) => ({ id, shared }));
}
