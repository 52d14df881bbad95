import { codeKey } from '../core/code-identity.ts';

/** The text an index-table row is filtered by: the code, a tab, then its statuses and messages, lower-cased. */
export function rowFilterText(code: string, rest: string): string {
  return `${code}\t${rest}`.toLowerCase();
}

/**
 * Decides which rows a filter keeps: every word of the query must occur in the row's text; a query
 * that spells a code (`ecs0010`) matches that code however it is written.
 */
export function filterRows(rowTexts: readonly string[], query: string): boolean[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const key = codeKey(query);
  return rowTexts.map((text) => {
    if (words.length === 0) return true;
    const tab = text.indexOf('\t');
    if (key && tab >= 0 && codeKey(text.slice(0, tab)) === key) return true;
    return words.every((w) => text.includes(w));
  });
}
