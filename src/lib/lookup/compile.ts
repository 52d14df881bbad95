/** Compiling message templates: literal pieces and slots, their anchor word, and an index by their rarest word. */
import type { Segment, SlotKind } from '../core/template.ts';
import { HAS_WORD, WORD, foldText } from './fold.ts';
import type { MatchTarget } from './match-target.ts';
/** Templates with fewer literal characters are weak: whole-message matches only, ranked below others. */
// "%s failed" would otherwise fit far too much text.
const WEAK_LITERAL = 8;

export type Piece = { lit: string } | { slot: SlotKind };

/** Literals joined only by `%d` slots, which can be checked in place, and the slots before them. */
export interface Group {
  lits: number[];
  slotsBefore: SlotKind[];
}

export interface Compiled {
  target: MatchTarget;
  pieces: Piece[];
  /** Index of the first and last literal piece; -1 when the template cannot be matched by message. */
  first: number;
  last: number;
  groups: Group[];
  /** The longest literal piece: it must occur in the input for the template to match. */
  anchor: string;
  weak: boolean;
  literal: number;
}

export function compile(target: MatchTarget): Compiled {
  const pieces: Piece[] = [];
  for (const segment of target.segments) {
    const previous = pieces.at(-1);
    if (segment.kind === 'slot') pieces.push({ slot: segment.slot });
    else if (previous && 'lit' in previous) previous.lit += foldText(segment.text);
    else pieces.push({ lit: foldText(segment.text) });
  }
  const head = pieces[0];
  if (head && 'lit' in head) head.lit = head.lit.trimStart();
  const tail = pieces.at(-1);
  if (tail && 'lit' in tail) tail.lit = tail.lit.replace(/[\s.!]+$/, '');
  const kept = pieces.filter((p) => !('lit' in p) || p.lit !== '');
  const literals = kept.flatMap((p) => ('lit' in p ? [p.lit] : []));
  // A template with no letter or digit among its literals (`%s`, `[%s, %s]`) is never matched by message.
  const matchable = literals.some((lit) => HAS_WORD.test(lit));
  const literal = literals.join('').length;
  const groups: Group[] = [];
  let slotsBefore: SlotKind[] = [];
  kept.forEach((piece, k) => {
    if ('slot' in piece) return void slotsBefore.push(piece.slot);
    const previous = groups.at(-1);
    if (previous && slotsBefore.every((slot) => slot === '%d')) previous.lits.push(k);
    else groups.push({ lits: [k], slotsBefore });
    slotsBefore = [];
  });
  return {
    target,
    pieces: kept,
    first: matchable ? kept.findIndex((p) => 'lit' in p) : -1,
    last: matchable ? kept.findLastIndex((p) => 'lit' in p) : -1,
    groups,
    anchor: literals.reduce((a, b) => (b.length > a.length ? b : a), ''),
    weak: literal < WEAK_LITERAL,
    // What the input must hold: the folded literals, without the final period or `!` a paste may drop.
    literal,
  };
}

/**
 * Indexes each template under the word of its literals that the fewest templates share, so a lookup
 * only tries templates whose word occurs in the input. Words touching a slot are skipped: the input
 * may glue them to the slot's text. Templates without a usable word are always tried.
 */
export function indexByRarestWord(compiled: readonly Compiled[]) {
  const wordsOf = new Map<Compiled, string[]>();
  const frequency = new Map<string, number>();
  for (const c of compiled) {
    const words = indexableWords(c.pieces);
    wordsOf.set(c, words);
    for (const word of words) frequency.set(word, (frequency.get(word) ?? 0) + 1);
  }
  const index = new Map<string, Compiled[]>();
  const unindexed: Compiled[] = [];
  for (const [c, words] of wordsOf) {
    const rarity = (w: string) => (frequency.get(w) ?? 0) * 1000 - w.length;
    const word = words.sort((a, b) => rarity(a) - rarity(b))[0];
    if (word === undefined) unindexed.push(c);
    else {
      const list = index.get(word) ?? [];
      index.set(word, list);
      list.push(c);
    }
  }
  return { index, unindexed };
}

/** Words of a template's literals that do not touch a slot (the input may glue those to the slot's text). */
function indexableWords(pieces: readonly Piece[]): string[] {
  const words = new Set<string>();
  pieces.forEach((piece, k) => {
    if (!('lit' in piece)) return;
    for (const match of piece.lit.matchAll(WORD)) {
      const at = match.index ?? 0;
      const end = at + match[0].length;
      if ((at > 0 || k === 0) && (end < piece.lit.length || k === pieces.length - 1)) words.add(match[0]);
    }
  });
  return [...words];
}

/**
 * What a template can be found by: the words any input it matches contains (every one of them), and how many
 * characters such an input holds at least (its literals, folded). Data for the browser is split by one of
 * these words, so a lookup loads only the parts its input's words name.
 */
export function templateNeeds(segments: readonly Segment[]): { words: string[]; chars: number } {
  const compiled = compile({ path: '', anchor: '', code: '', statuses: [], segments: [...segments] });
  if (compiled.first < 0) return { words: [], chars: 0 };
  const chars = compiled.pieces.reduce((n, p) => n + ('lit' in p ? p.lit.length : 0), 0);
  return { words: indexableWords(compiled.pieces), chars };
}
