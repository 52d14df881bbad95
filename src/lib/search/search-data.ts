import type { CodeEntry } from '../catalogue/catalogue.ts';
import { queryWords } from './search-query.ts';

/** The synonym groups of every service, each group once (the shared ones are in every service). */
export function mergeSynonyms(services: readonly { synonyms: readonly (readonly string[])[] }[]): string[][] {
  const groups = new Map<string, string[]>();
  for (const service of services) for (const group of service.synonyms) groups.set(group.join('\u0000'), [...group]);
  return [...groups.values()];
}

/**
 * The words of every code page (messages, descriptions, solutions, other columns) with how often they occur,
 * as `[word, occurrences]` by word: what the search dialog corrects a typo to, the most frequent on a tie.
 */
export function buildVocabulary(services: readonly { entries: readonly CodeEntry[] }[]): [string, number][] {
  const counts = new Map<string, number>();
  const count = (text: string) => {
    for (const word of queryWords(text))
      if (word.length >= 3 && !/^\p{N}+$/u.test(word)) counts.set(word, (counts.get(word) ?? 0) + 1);
  };
  for (const service of services) {
    for (const entry of service.entries) {
      for (const v of entry.variants) {
        count(v.message.text);
        count(v.description.text);
        count(v.solution.text);
        for (const o of v.other ?? []) count(o.value.text);
      }
    }
  }
  return [...counts].sort((a, b) => (a[0] < b[0] ? -1 : 1));
}
