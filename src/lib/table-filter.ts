import { codeKey } from './code-spelling';

/**
 * Decides which rows a filter keeps: every word of the query must occur in the row's text; a query
 * that spells a code (`ecs0010`) matches that code however it is written.
 */
export function filterRows(rowTexts: readonly string[], query: string): boolean[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const key = codeKey(query);
  return rowTexts.map((text) => {
    if (words.length === 0) return true;
    if (key && codeKey(text.split(' ')[0]) === key) return true;
    return words.every((w) => text.includes(w));
  });
}
