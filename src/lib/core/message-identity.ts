/**
 * When two texts of a table are "the same", in one place. A table cell is RST source, wrapped at any column:
 * whitespace never tells two texts apart. Case does, except where codes are grouped by what they say.
 * Browser-safe: no Node import.
 */
import { fnv1a } from './hash.ts';

/** A text with its whitespace runs as single spaces and its ends trimmed (`a\n  b ` -> `a b`). */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * The key of a cell's wording: two rows, or two versions of a row, say the same when their keys match.
 * Case counts, because a change of case is an edit the history shows and a repeat check names.
 */
export function wordingKey(text: string): string {
  return collapseWhitespace(text);
}

/**
 * The key codes share when they give the same message, for "codes with the same message" on a code page.
 * Case does not count, because `Invalid parameter` and `invalid parameter` are one message to a reader.
 */
export function sharedMessageKey(message: string): string {
  return collapseWhitespace(message.toLowerCase());
}

/**
 * The key of a whole row's wording, for rows of several services that give one answer: the same message,
 * description and solution (case and whitespace aside), as eight hex digits of a hash.
 */
export function sameAnswerKey(row: {
  message: { text: string };
  description: { text: string };
  solution: { text: string };
}): string {
  const text = [row.message, row.description, row.solution].map((cell) => sharedMessageKey(cell.text)).join('\0');
  return fnv1a(text).toString(16).padStart(8, '0');
}
