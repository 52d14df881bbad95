// Small rules about RST source text that more than one reader of this folder needs: a line's indentation and
// Roman numerals (enumerated lists read them, plain-text rendering writes them).

/** The number of whitespace characters a line starts with. */
export function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

/** The largest number docutils reads or writes as a Roman numeral (`MMMMCMXCIX`). */
export const MAX_ROMAN = 4999;

const ROMAN: [string, number][] = [
  ['M', 1000],
  ['CM', 900],
  ['D', 500],
  ['CD', 400],
  ['C', 100],
  ['XC', 90],
  ['L', 50],
  ['XL', 40],
  ['X', 10],
  ['IX', 9],
  ['V', 5],
  ['IV', 4],
  ['I', 1],
];

/** Writes a number as an upper-case Roman numeral (`1994` -> `MCMXCIV`): empty below 1, one `M` per thousand. */
export function toRoman(n: number): string {
  let roman = '';
  let rest = n;
  for (const [letters, value] of ROMAN) {
    for (; rest >= value; rest -= value) roman += letters;
  }
  return roman;
}

/** Reads a Roman numeral in either case (`iv` -> 4): only a well-formed one of 1 to MAX_ROMAN (not `iiii`, `vx`). */
export function fromRoman(text: string): number | undefined {
  const upper = text.toUpperCase();
  let n = 0;
  let at = 0;
  for (const [letters, value] of ROMAN) {
    for (; upper.startsWith(letters, at); at += letters.length) n += value;
  }
  // The letters add up to n; the numeral is well formed when it is the way n is written.
  return at === upper.length && n >= 1 && n <= MAX_ROMAN && toRoman(n) === upper ? n : undefined;
}
