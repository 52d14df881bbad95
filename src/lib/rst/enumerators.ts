import { fromRoman, MAX_ROMAN, toRoman } from './text.ts';

// The enumerators of RST enumerated lists (`1.`, `(a)`, `iv)`, `#.`), read and checked as docutils 0.19 does.

const ENUM = '([0-9]+|[a-z]|[A-Z]|[ivxlcdm]+|[IVXLCDM]+|#)';

/** A line that starts with an enumerator and its spaces (it may still be text: see `isEnumeratedItem`). */
export const ENUMERATOR = new RegExp(`^(?:\\(${ENUM}\\)|${ENUM}\\)|${ENUM}\\.)( +|$)`);

/** How an enumerated list counts: digits, letters, Roman numerals, or `#` (numbered automatically). */
export type Sequence = 'arabic' | 'loweralpha' | 'upperalpha' | 'lowerroman' | 'upperroman' | '#';

const SEQUENCES: [Exclude<Sequence, '#'>, RegExp][] = [
  ['arabic', /^[0-9]+$/],
  ['loweralpha', /^[a-z]$/],
  ['upperalpha', /^[A-Z]$/],
  ['lowerroman', /^[ivxlcdm]+$/],
  ['upperroman', /^[IVXLCDM]+$/],
];

const HTML_TYPE: Record<string, string> = { loweralpha: 'a', upperalpha: 'A', lowerroman: 'i', upperroman: 'I' };

/** One enumerator as read: its punctuation, sequence and number, and where the item's text starts. */
export interface Enumerator {
  format: 'parens' | 'rparen' | 'period';
  sequence: Sequence;
  ordinal: number;
  text: string;
  end: number;
}

/** The HTML `type` of an ordered list counting in a sequence (`a`, `A`, `i`, `I`), or undefined for numbers. */
export function listType(sequence: Sequence): string | undefined {
  return HTML_TYPE[sequence];
}

/** Reads an enumerator (`1.`, `(a)`, `iv)`, `#.`): its format, sequence and ordinal (undefined if invalid). */
export function parseEnumerator(line: string, expected?: Sequence): Enumerator | undefined {
  const match = ENUMERATOR.exec(line);
  if (!match) return undefined;
  const format = match[1] !== undefined ? 'parens' : match[2] !== undefined ? 'rparen' : 'period';
  const text = match[1] ?? match[2] ?? match[3];
  let sequence: Sequence | undefined;
  if (text === '#') sequence = '#';
  else if (expected && expected !== '#')
    sequence = SEQUENCES.find(([name]) => name === expected)![1].test(text) ? expected : undefined;
  else if (text === 'i') sequence = 'lowerroman';
  else if (text === 'I') sequence = 'upperroman';
  sequence ??= SEQUENCES.find(([, pattern]) => pattern.test(text))![0];
  const ordinal = sequence === '#' ? 1 : toOrdinal(text, sequence);
  if (ordinal === undefined) return undefined;
  return { format, sequence, ordinal, text, end: match[0].length };
}

function toOrdinal(text: string, sequence: Sequence): number | undefined {
  if (sequence === 'arabic') return Number(text);
  if (sequence === 'loweralpha' || sequence === 'upperalpha') return text.toLowerCase().charCodeAt(0) - 96;
  // Only well-formed Roman numerals count (docutils rejects `iiii` or `vx`).
  return fromRoman(text);
}

/** The marker docutils expects for an ordinal, or undefined when the sequence has none (past `z`). */
function formatEnumerator(ordinal: number, sequence: Sequence): string | undefined {
  if (sequence === '#') return '#';
  if (sequence === 'arabic') return String(ordinal);
  if (sequence.endsWith('alpha')) {
    if (ordinal > 26) return undefined;
    const letter = String.fromCharCode(96 + ordinal);
    return sequence === 'upperalpha' ? letter.toUpperCase() : letter;
  }
  if (ordinal < 1 || ordinal > MAX_ROMAN) return undefined;
  const roman = toRoman(ordinal);
  return sequence === 'lowerroman' ? roman.toLowerCase() : roman;
}

/** docutils' test that an enumerator starts a list: the next line is blank, indented, or the next item. */
export function isEnumeratedItem(lines: string[], i: number, enumerator: Enumerator): boolean {
  const next = lines[i + 1];
  if (next === undefined || next === '' || /^\s/.test(next)) return true;
  const marker = formatEnumerator(enumerator.ordinal + 1, enumerator.sequence);
  if (marker === undefined) return false;
  const [prefix, suffix] =
    enumerator.format === 'parens' ? ['(', ')'] : enumerator.format === 'rparen' ? ['', ')'] : ['', '.'];
  return next.startsWith(`${prefix}${marker}${suffix} `) || next.startsWith(`${prefix}#${suffix} `);
}
