/**
 * What the search dialog runs for a user's own words besides the query: the same query in the domain's
 * synonyms (`elastic ip` -> `eip`), without the service it names (`evs quota`). When these find too little,
 * `more-queries.ts` has the rest. Pure and browser-safe; the dialog runs the searches.
 */

/** Synonyms: groups of words or phrases that mean the same to a user (`["eip", "elastic ip", "floating ip"]`). */
export type SynonymGroups = readonly (readonly string[])[];

/** A page that a synonym of the query finds scores this share of what the query itself would give it. */
export const SYNONYM_WEIGHT = 0.9;

/** Most alternative queries tried for one query: each is a Pagefind search. */
export const MAX_ALTERNATIVES = 12;

// Words too common to find anything by themselves (a page that shares only "the" shares nothing).
const STOP_WORDS = new Set(
  'a an the of to in on for and or is are was be been has have had not no can cannot could this that it its my i me we you your with by at as from when what why how do does did such than there any all some etc please will which other get got'.split(
    ' ',
  ),
);

/** The words of a query, lower-cased: runs of letters and digits (`ECS-0010` is `ecs`, `0010`; `doesn't` is `doesnt`). */
export function queryWords(query: string): string[] {
  return Array.from(
    query
      .toLowerCase()
      .replace(/(?<=\p{L})['’](?=\p{L})/gu, '')
      .matchAll(/[\p{L}\p{N}]+/gu),
    (m) => m[0],
  );
}

/** A word in either number: itself, with `s` or `es` added, and without a final `s` or `es` (`interfaces` -> `interface`). */
export function numberForms(word: string): string[] {
  const forms = [word, `${word}s`, `${word}es`];
  if (word.endsWith('s')) forms.push(word.slice(0, -1));
  if (word.endsWith('es')) forms.push(word.slice(0, -2));
  return forms;
}

/** Whether two words are one word in either number (`interfaces` ~ `interface`, `addresses` ~ `address`). */
function sameWord(a: string, b: string): boolean {
  return numberForms(a).includes(b);
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
        candidates.push({
          start: i,
          length: phrase.length,
          others: phrases.filter((p) => p !== phrase).map((p) => p.join(' ')),
        });
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

/**
 * The service a query names by its id or short name, if exactly one, and the query without that name:
 * `evs quota` -> evs and `quota`, so every service's quota pages are found and evs's are put first. A query
 * that is only the name keeps it.
 */
export function serviceNamed(
  query: string,
  services: readonly { service: string; short: string }[],
): { service?: string; rest: string } {
  const words = queryWords(query);
  const named = services.filter((s) => nameWords(s).some((n) => words.includes(n)));
  if (named.length !== 1) return { rest: query };
  const rest = words.filter((w) => !nameWords(named[0]).includes(w)).join(' ');
  return { service: named[0].service, rest: rest || query };
}

/** Whether a query says a service's id or short name as a word (`ecs quota` says ECS). */
export function saysServiceName(query: string, service: { service: string; short: string }): boolean {
  const names = nameWords(service);
  return queryWords(query).some((w) => names.includes(w));
}

/** The words a query names a service by: its id and its short name, lower-cased. */
function nameWords(service: { service: string; short: string }): string[] {
  return [service.service.toLowerCase(), service.short.toLowerCase()];
}
