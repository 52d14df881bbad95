/** Folding text for matching: case, spacing and look-alike characters, with a map back to the raw text. */

/** Input text folded for matching: `norm` is what templates are found in; `map` leads back to `raw`. */
export interface Folded {
  raw: string;
  norm: string;
  /** Same as `norm`, except that spaces which stand for a line break are `\n`. */
  lines: string;
  /** `norm` without its final periods, `!` and spaces. */
  end: number;
  map: number[];
}

export const WORD = /[\p{L}\p{N}_]+/gu;

export const WORD_CHAR = /[\p{L}\p{N}_]/u;

export const HAS_WORD = /[\p{L}\p{N}]/u;

export function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

export function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && WORD_CHAR.test(ch);
}

/** Lowercases one character, and reads typographic quotes as plain ones; keeps its length at 1. */
function foldChar(ch: string): string {
  if (ch === '\u2018' || ch === '\u2019') return "'";
  if (ch === '\u201C' || ch === '\u201D') return '"';
  const lower = ch.toLowerCase();
  return lower.length === 1 ? lower : ch;
}

function isSpace(ch: string): boolean {
  return ch <= ' ' || ch === '\u00A0' || (ch > '\u007F' && /\s/.test(ch));
}

/** Folds a template literal the same way as input, keeping its edge spaces. */
export function foldText(text: string): string {
  let out = '';
  for (const ch of text) if (ch !== '*' && ch !== '`') out += isSpace(ch) ? ' ' : foldChar(ch);
  return out.replace(/ {2,}/g, ' ');
}

/** Lowercases input, drops markup characters, collapses whitespace and trims; remembers positions. */
export function fold(raw: string): Folded {
  const norm: string[] = [];
  const lines: string[] = [];
  const map: number[] = [];
  let space = -1;
  let lineBreak = false;
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i] as string;
    if (ch === '*' || ch === '`') continue;
    if (isSpace(ch)) {
      if (space < 0) space = i;
      lineBreak ||= ch === '\n' || ch === '\r';
      continue;
    }
    if (space >= 0 && norm.length > 0) {
      norm.push(' ');
      lines.push(lineBreak ? '\n' : ' ');
      map.push(space);
    }
    space = -1;
    lineBreak = false;
    const folded = foldChar(ch);
    norm.push(folded);
    lines.push(folded);
    map.push(i);
  }
  const text = norm.join('');
  return { raw, norm: text, lines: lines.join(''), end: text.replace(/[.! ]+$/, '').length, map };
}
