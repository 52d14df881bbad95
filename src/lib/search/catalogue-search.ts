/**
 * Search in a user's own words over the catalogue itself, for a caller that has no built site and so no Pagefind
 * index (`npm run mcp`). The query is read as the search dialog reads it (`search-query.ts`, `more-queries.ts`): its
 * words without stop words, the query with its typos corrected and in the domain's synonyms, a service it names, or
 * a code it spells; each code is scored by the share of a reading's words its rows have. Pure and browser-safe.
 */
import type { CodeEntry } from '../catalogue/catalogue.ts';
import { codeKey, learnShapes, readCodeSpelling, type CodeShapes } from '../core/code-identity.ts';
import { alternativeQueries, type AlternativeQuery, type Vocabulary } from './more-queries.ts';
import { buildVocabulary, mergeSynonyms } from './search-data.ts';
import { meaningfulWords, numberForms, queryWords, serviceNamed, type SynonymGroups } from './search-query.ts';

/** What the search needs of a service: its id and short name, its codes, its synonym groups. */
export interface SearchableService {
  catalogue: { id: string; short: string; entries: readonly CodeEntry[] };
  synonyms: SynonymGroups;
}

/** A code a query finds. */
export interface CatalogueHit {
  service: string;
  entry: CodeEntry;
  /**
   * How well it matches, from 0 to 1: the share of the query's words its rows have, times the weight of the reading
   * that found them (1 the query as typed or with typos corrected, 0.95 without its stop words, 0.9 a synonym).
   * A code the query spells scores 1.
   */
  score: number;
  /** The words of that reading its rows have, in query order. */
  matched: string[];
  /** Which reading found it: the code itself, the query's words, its typos corrected, or a synonym. */
  via: 'code' | 'words' | 'typo' | 'synonym';
}

/** The codes a query finds, best first, at most `limit`, and how the query was read. */
export interface CatalogueSearchResult {
  hits: CatalogueHit[];
  /** How many codes matched before the limit. */
  total: number;
  /** The words searched for: the query's, without stop words (none when the query spells a code). */
  words: string[];
  /** The code the query spells, as its key (`ecs.0010`): only codes of that key are found. */
  code?: string;
  /** The query with its typos corrected, when a word is unknown and one edit from a known one. */
  corrected?: string;
  /** The service the query names (`evs quota`), whose codes come first. */
  named?: string;
}

/** What a search may be asked besides the query. */
export interface CatalogueSearchOptions {
  /** Only this service's codes. */
  service?: string;
  /** At most this many hits. */
  limit: number;
}

/** The words of one code's rows: all of them, and those of its messages (a word there counts for more). */
interface CodeWords {
  service: string;
  entry: CodeEntry;
  words: ReadonlySet<string>;
  messageWords: ReadonlySet<string>;
  order: number;
}

/**
 * Prepares the search over these services' codes (their words, the synonyms, the vocabulary typos are corrected to,
 * the shapes of their codes) once; the function it returns answers a query.
 */
export function createCatalogueSearch(
  services: readonly SearchableService[],
): (query: string, options: CatalogueSearchOptions) => CatalogueSearchResult {
  const codes: CodeWords[] = [];
  for (const service of services) {
    for (const entry of service.catalogue.entries) {
      const words = new Set<string>();
      const messageWords = new Set<string>();
      for (const v of entry.variants) {
        for (const w of queryWords(v.message.text)) (words.add(w), messageWords.add(w));
        const rest = [v.description.text, v.solution.text, ...(v.other ?? []).map((o) => o.value.text)];
        for (const text of rest) for (const w of queryWords(text)) words.add(w);
      }
      codes.push({ service: service.catalogue.id, entry, words, messageWords, order: codes.length });
    }
  }
  const vocabulary: Vocabulary = new Map(buildVocabulary(services.map((s) => s.catalogue)));
  const allGroups = mergeSynonyms(services);
  const shapes: CodeShapes = learnShapes(codes.map((c) => c.entry.code));
  const names = services.map((s) => ({ service: s.catalogue.id, short: s.catalogue.short }));

  return (asked, { service, limit }) => {
    const inScope = codes.filter((c) => service === undefined || c.service === service);
    const spelled = readCodeSpelling(asked, shapes);
    const byCode = spelled === null ? [] : inScope.filter((c) => codeKey(c.entry.code) === spelled);
    // A code names its service's prefix (`ECS-0010`), not a service to put first.
    const { service: named, rest } =
      service === undefined && spelled === null ? serviceNamed(asked, names) : { rest: asked };
    const query = named === undefined ? asked : rest;
    const groups =
      service === undefined ? allGroups : (services.find((s) => s.catalogue.id === service)?.synonyms ?? []);
    // A code in any spelling is answered by its code, not by the words of its prefix (`ecs`), as in the dialog.
    const readings: AlternativeQuery[] =
      spelled !== null
        ? []
        : [
            { query: meaningfulWords(query).join(' '), reason: 'synonym', weight: 1 },
            ...alternativeQueries(query, groups, vocabulary),
          ];
    const corrected = readings.find((r) => r.reason === 'typo' && r.weight === 1)?.query;
    // Every word as typed, stop words too: between codes that match alike, the message that says more of the
    // query ("The subnet does not exist." over "This subnet must exist in the VPC.") comes first.
    const typed = [...new Set(queryWords(query))];
    const wording = (c: CodeWords) => typed.filter((w) => hasWord(c.messageWords, w)).length;
    const found = new Map<CodeWords, { hit: CatalogueHit; inMessage: number; wording: number }>();
    for (const c of byCode)
      found.set(c, {
        hit: { service: c.service, entry: c.entry, score: 1, matched: [], via: 'code' },
        inMessage: 0,
        wording: 0,
      });
    readings.forEach((reading, i) => {
      const words = meaningfulWords(reading.query);
      if (words.length === 0) return;
      // The query without its stop words (0.95) is the first reading's words again, which always wins over it.
      const via = i === 0 ? 'words' : reading.reason;
      for (const c of inScope) {
        const matched = words.filter((w) => hasWord(c.words, w));
        if (matched.length === 0) continue;
        const score = (reading.weight * matched.length) / words.length;
        const inMessage = matched.filter((w) => hasWord(c.messageWords, w)).length;
        const best = found.get(c);
        if (best && (best.hit.score > score || (best.hit.score === score && best.inMessage >= inMessage))) continue;
        found.set(c, {
          hit: { service: c.service, entry: c.entry, score, matched, via },
          inMessage,
          wording: wording(c),
        });
      }
    });
    const ranked = [...found]
      .sort(
        ([a, x], [b, y]) =>
          Number(b.service === named) - Number(a.service === named) ||
          y.hit.score - x.hit.score ||
          y.inMessage - x.inMessage ||
          y.wording - x.wording ||
          a.order - b.order,
      )
      .map(([, { hit }]) => hit);
    return {
      hits: ranked.slice(0, Math.max(0, limit)),
      total: ranked.length,
      words: spelled === null ? meaningfulWords(query) : [],
      ...(spelled === null ? {} : { code: spelled }),
      ...(corrected ? { corrected } : {}),
      ...(named ? { named } : {}),
    };
  };
}

/** Whether a set of words has a word in either number (`quota` finds `quotas`). */
function hasWord(words: ReadonlySet<string>, word: string): boolean {
  return numberForms(word).some((form) => words.has(form));
}
