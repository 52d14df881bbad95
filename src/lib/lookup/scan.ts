/** Scanning folded text for a compiled template: where its literals stand and what fills its slots. */
import type { SlotKind } from '../core/template.ts';
import type { Compiled, Group, Piece } from './compile.ts';
import { isDigit, isWordChar, type Folded } from './fold.ts';
// Places tried per template and text before giving up; each try is O(template length).
const MAX_ATTEMPTS = 5_000;

type Span = [number, number];

export function firstMatch(c: Compiled, texts: readonly Folded[], whole: boolean): string[] | null {
  for (const text of texts) {
    if (!text.norm.includes(c.anchor)) continue;
    const spans = scan(text, c, whole);
    if (spans) return spans.map(([a, b]) => text.raw.slice(text.map[a], (text.map[b - 1] ?? 0) + 1).trim());
  }
  return null;
}

/** Where a group was found: its span and the spans of the `%d` slots inside it. */
interface Placed {
  at: number;
  end: number;
  spans: Span[];
}

/**
 * Finds a template in folded text without backtracking. Between `%s` slots the template is a chain of
 * rigid groups (literals joined by `%d` slots); each group is placed at its leftmost fit after the
 * previous one, found by indexOf of its first literal, which is the best placement for everything after
 * it. Group searches are remembered, so trying later starts for the first group stays linear. With
 * `whole`, the template must account for the whole text.
 */
function scan(text: Folded, c: Compiled, whole: boolean): Span[] | null {
  const { pieces, groups, last } = c;
  const { norm } = text;
  const literal = (k: number) => (pieces[k] as { lit: string }).lit;
  const isEdge = (k: number, at: number, end: number) =>
    (k === 0 && isWordChar(norm[at - 1]) && isWordChar(literal(k)[0])) ||
    (k === pieces.length - 1 && isWordChar(norm[end]) && isWordChar(literal(k).at(-1)));
  const memo: { from: number; found: Placed | null }[] = [];
  let budget = MAX_ATTEMPTS;

  const place = (lits: readonly number[], at: number): Placed | null => {
    const head = lits[0] as number;
    if (whole && head === 0 && at !== 0) return null;
    if (isEdge(head, at, at + literal(head).length)) return null;
    const spans: Span[] = [];
    let pos = at + literal(head).length;
    for (let i = 1; i < lits.length; i++) {
      const k = lits[i] as number;
      for (let n = slotStart(pieces, k); n < k; n++) {
        const digitsEnd = digitsAfter(norm, pos);
        if (digitsEnd < 0) return null;
        spans.push([pos, digitsEnd]);
        pos = digitsEnd;
      }
      if (!norm.startsWith(literal(k), pos) || isEdge(k, pos, pos + literal(k).length)) return null;
      pos += literal(k).length;
    }
    if (whole && lits.at(-1) === pieces.length - 1 && pos !== text.end) return null;
    return { at, end: pos, spans };
  };

  const findGroup = (g: number, from: number): Placed | null => {
    const seen = memo[g];
    if (seen && seen.from <= from && (seen.found === null || seen.found.at >= from)) return seen.found;
    const lits = (groups[g] as Group).lits;
    const head = literal(lits[0] as number);
    let found: Placed | null = null;
    for (let at = norm.indexOf(head, from); at >= 0 && !found && budget-- > 0; at = norm.indexOf(head, at + 1)) {
      found = place(lits, at);
    }
    memo[g] = { from, found };
    return found;
  };

  const complete = (first: Placed): Span[] | null => {
    const spans: Span[] = [];
    const leading = (groups[0] as Group).slotsBefore;
    if (leading.length > 0) {
      const lineStart = whole ? 0 : text.lines.lastIndexOf('\n', first.at - 1) + 1;
      const from = !whole && leading.length === 1 && leading[0] === '%d' ? digitsBefore(norm, first.at) : lineStart;
      const filled = fillGap(norm, from, first.at, leading, false);
      if (!filled) return null;
      spans.push(...filled);
    }
    spans.push(...first.spans);
    let pos = first.end;
    for (let g = 1; g < groups.length; g++) {
      const gap = (groups[g] as Group).slotsBefore;
      const next = findGroup(g, pos + gap.length);
      const filled = next && fillGap(norm, pos, next.at, gap, false);
      if (!next || !filled) return null;
      spans.push(...filled, ...next.spans);
      pos = next.end;
    }
    const trailing = slotsBetween(pieces, last + 1, pieces.length);
    if (trailing.length > 0) {
      const lineEnd = whole ? -1 : text.lines.indexOf('\n', pos);
      let end = lineEnd < 0 ? text.end : lineEnd;
      while (end > pos && /[.! ]/.test(norm[end - 1] ?? '')) end--;
      const filled = fillGap(norm, pos, end, trailing, !whole && trailing.at(-1) === '%d');
      if (!filled) return null;
      spans.push(...filled);
    }
    return spans;
  };

  // Later starts only matter when the slots before the first literal or after the last one do not fit.
  for (let from = 0; budget > 0;) {
    const first = findGroup(0, from);
    if (!first) return null;
    const spans = complete(first);
    if (spans) return spans;
    from = first.at + 1;
  }
  return null;
}

/** Splits `norm[a..b)` among adjacent slots: each but the last takes the shortest fit, the last the rest. */
function fillGap(norm: string, a: number, b: number, slots: readonly SlotKind[], openEnd: boolean): Span[] | null {
  const spans: Span[] = [];
  let p = a;
  for (const [i, slot] of slots.entries()) {
    while (p < b && norm[p] === ' ') p++;
    const isLast = i === slots.length - 1;
    let end = slot === '%d' ? digitsAfter(norm, p, b) : isLast ? b : p + 1;
    while (isLast && slot !== '%d' && end > p && norm[end - 1] === ' ') end--;
    if (end <= p) return null;
    spans.push([p, end]);
    p = end;
  }
  return openEnd || norm.slice(p, b).trim() === '' ? spans : null;
}

/** End of a signed digit run starting at `p`, or -1. */
function digitsAfter(norm: string, p: number, limit = norm.length): number {
  let i = p;
  if (norm[i] === '+' || norm[i] === '-') i++;
  const digitsFrom = i;
  while (i < limit && isDigit(norm[i])) i++;
  return i > digitsFrom ? i : -1;
}

/** Start of the signed digit run that ends just before `end` (spaces allowed in between), or `end`. */
function digitsBefore(norm: string, end: number): number {
  let i = end;
  while (i > 0 && norm[i - 1] === ' ') i--;
  while (i > 0 && isDigit(norm[i - 1])) i--;
  if (i > 0 && (norm[i - 1] === '+' || norm[i - 1] === '-')) i--;
  return i;
}

function slotsBetween(pieces: readonly Piece[], from: number, to: number): SlotKind[] {
  return pieces.slice(from, to).flatMap((p) => ('slot' in p ? [p.slot] : []));
}

function slotStart(pieces: readonly Piece[], k: number): number {
  let i = k;
  while (i > 0 && 'slot' in (pieces[i - 1] as Piece)) i--;
  return i;
}
