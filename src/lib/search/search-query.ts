/**
 * What the search dialog does with a user's own words when Pagefind, which needs every word of a query on a
 * page, finds too little: other queries with the domain's synonyms (`elastic ip` -> `eip`) and with typos
 * corrected (`quoat` -> `quota`), the words to try one by one so that no query of real words dead-ends, and
 * the service a query names (`evs quota`). Pure and browser-safe; the dialog runs the searches.
 */

/** Synonyms: groups of words or phrases that mean the same to a user (`["eip", "elastic ip", "floating ip"]`). */
export type SynonymGroups = readonly (readonly string[])[];

/** A word of the site's code pages and how many times it occurs: what typos are corrected to. */
export type Vocabulary = ReadonlyMap<string, number>;

/** Another query to run, why, and how much its results count against the query's own (1: as much). */
export interface AlternativeQuery {
  query: string;
  reason: 'synonym' | 'typo';
  weight: number;
}

/** A page that a synonym of the query finds scores this share of what the query itself would give it. */
export const SYNONYM_WEIGHT = 0.9;

/** Most alternative queries tried for one query: each is a Pagefind search. */
export const MAX_ALTERNATIVES = 12;

// Words too common to find anything by themselves (a page that shares only "the" shares nothing).
const STOP_WORDS = new Set(
  'a an the of to in on for and or is are was be been has have had not no can cannot could this that it its my i me we you your with by at as from when what why how do does did such than there any all some etc please will which other get got'.split(' '),
);

/** The words of a query, lower-cased: runs of letters and digits (`ECS-0010` is `ecs`, `0010`; `doesn't` is `doesnt`). */
export function queryWords(query: string): string[] {
  return Array.from(query.toLowerCase().replace(/(?<=\p{L})['’](?=\p{L})/gu, '').matchAll(/[\p{L}\p{N}]+/gu), (m) => m[0]);
}

/** Whether two words are one word in either number (`interfaces` ~ `interface`, `addresses` ~ `address`). */
function sameWord(a: string, b: string): boolean {
  return a === b || `${a}s` === b || `${b}s` === a || `${a}es` === b || `${b}es` === a;
}

/** The words of a query that can find something on their own: no stop words, at least two characters. */
export function meaningfulWords(query: string): string[] {
  return [...new Set(queryWords(query).filter((w) => w.length > 1 && !STOP_WORDS.has(w)))];
}

/**
 * Other queries with the same meaning: each synonym phrase in the query replaced by each other phrase of its
 * group, one place at a time, then all places at once; at most MAX_ALTERNATIVES, the original not among them.
 */
export function expandSynonyms(query: string, groups: SynonymGroups): string[] {
  const words = queryWords(query);
  const original = words.join(' ');
  // Every place a phrase of a group stands in the query; the longest phrases win where places overlap.
  const candidates: { start: number; length: number; others: string[] }[] = [];
  for (const group of groups) {
    const phrases = group.map((p) => queryWords(p)).filter((p) => p.length > 0);
    for (const phrase of phrases) {
      for (let i = 0; i + phrase.length <= words.length; i++) {
        if (!phrase.every((w, k) => sameWord(words[i + k], w))) continue;
        candidates.push({ start: i, length: phrase.length, others: phrases.filter((p) => p !== phrase).map((p) => p.join(' ')) });
      }
    }
  }
  const found: typeof candidates = [];
  for (const c of [...candidates].sort((a, b) => b.length - a.length || a.start - b.start)) {
    if (!found.some((f) => c.start < f.start + f.length && f.start < c.start + c.length)) found.push(c);
  }
  found.sort((a, b) => a.start - b.start);
  const replace = (choices: Map<number, string>) => {
    const out: string[] = [];
    for (let i = 0; i < words.length; i++) {
      const at = found.find((f) => f.start === i && choices.has(f.start));
      if (at) {
        out.push(choices.get(at.start)!);
        i += at.length - 1;
      } else out.push(words[i]);
    }
    return out.join(' ');
  };
  const alternatives = new Set<string>();
  for (const f of found) for (const other of f.others) alternatives.add(replace(new Map([[f.start, other]])));
  // Every place replaced at once, with each phrase's first alternative: `elastic ip too many` -> `eip exceeds`.
  if (found.length > 1) alternatives.add(replace(new Map(found.map((f) => [f.start, f.others[0]]))));
  alternatives.delete(original);
  return [...alternatives].slice(0, MAX_ALTERNATIVES);
}

/** Whether a word is in the vocabulary, as written or as a plain inflection (`volumes`, `failed`, `creating`). */
export function isKnownWord(word: string, vocabulary: Vocabulary): boolean {
  if (vocabulary.has(word) || /^\p{N}+$/u.test(word)) return true;
  return [/s$/, /es$/, /ed$/, /d$/, /ing$/].some((suffix) => suffix.test(word) && vocabulary.has(word.replace(suffix, '')));
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
  return [...score].sort((a, b) => b[1].shared - a[1].shared || a[1].first - b[1].first).map(([id, { shared }]) => ({ id, shared }));
}

/**
 * The service a query names by its id or short name, if exactly one, and the query without that name:
 * `evs quota` -> evs and `quota`, so every service's quota pages are found and evs's are put first. A query
 * that is only the name keeps it.
 */
export function serviceNamed(query: string, services: readonly { service: string; short: string }[]): { service?: string; rest: string } {
  const words = queryWords(query);
  const names = (s: { service: string; short: string }) => [s.service.toLowerCase(), s.short.toLowerCase()];
  const named = services.filter((s) => names(s).some((n) => words.includes(n)));
  if (named.length !== 1) return { rest: query };
  const rest = words.filter((w) => !names(named[0]).includes(w)).join(' ');
  return { service: named[0].service, rest: rest || query };
}

/** Puts the pages of a service first, keeping the order within each part. */
export function serviceFirst<T extends { url: string }>(pages: readonly T[], service: string | undefined): T[] {
  if (!service) return [...pages];
  const own = (p: T) => new URL(p.url, 'https://x.invalid').pathname.startsWith(`/${service}/`);
  return [...pages.filter(own), ...pages.filter((p) => !own(p))];
}
