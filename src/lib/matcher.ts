import { codeKey, decidesInText, findCodesInText, learnShapes } from './code-identity';
import { literalLength, type Segment, type SlotKind } from './template';

/** One message template the matcher can recognise: a row of the table. */
export interface MatchTarget {
  id: string;
  code: string;
  /** Every HTTP status of the row; empty when the table gives none. */
  statuses: number[];
  segments: Segment[];
  /** Lower is preferred when otherwise equal (0 = current wording, higher = older wordings); default 0. */
  rank?: number;
}

/** A target that fits the input, with the text that filled each slot. */
export interface MatchResult {
  target: MatchTarget;
  values: string[];
  via: 'code' | 'message' | 'code+message';
  literal: number;
}

/** Hints the caller knows besides the pasted text. */
export interface MatchOptions {
  status?: number;
  code?: string;
}

/** Finds the table rows that explain a pasted error message, JSON body or log line. */
export interface Matcher {
  match(input: string, options?: MatchOptions): MatchResult[];
}

/** Characters of a paste that are read; the rest is ignored. */
// The longest message in the table is ~200 characters and an API error body a few KB: 32 KiB holds any
// real error with room for log context, and bounds the work whatever is pasted.
export const MAX_INPUT = 32_768;
/** Templates with fewer literal characters are weak: whole-message matches only, ranked below others. */
// "%s failed" would otherwise fit far too much text.
export const WEAK_LITERAL = 8;
// Places tried per template and text before giving up; each try is O(template length).
const MAX_ATTEMPTS = 5_000;

type Piece = { lit: string } | { slot: SlotKind };

/** Literals joined only by `%d` slots, which can be checked in place, and the slots before them. */
interface Group {
  lits: number[];
  slotsBefore: SlotKind[];
}

interface Compiled {
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

/** Input text folded for matching: `norm` is what templates are found in; `map` leads back to `raw`. */
interface Folded {
  raw: string;
  norm: string;
  /** Same as `norm`, except that spaces which stand for a line break are `\n`. */
  lines: string;
  /** `norm` without its final periods, `!` and spaces. */
  end: number;
  map: number[];
}

type Span = [number, number];

const WORD = /[\p{L}\p{N}_]+/gu;
const WORD_CHAR = /[\p{L}\p{N}_]/u;
const HAS_WORD = /[\p{L}\p{N}]/u;
const MESSAGE_KEYS = new Set(['message', 'errormsg', 'errormessage', 'msg', 'description', 'errordescription', 'detail', 'details', 'reason']);
const CODE_KEYS = new Set(['code', 'errorcode', 'errcode']);
// A `"key": "string"` pair anywhere in text, for JSON that is embedded in a log line or cut off.
const KEY_VALUE = /"([A-Za-z][\w-]*)"\s*:\s*("(?:[^"\\]|\\.)*")/g;

/** Compiles message templates once into a matcher for codes, messages, JSON bodies and log lines. */
export function createMatcher(targets: readonly MatchTarget[]): Matcher {
  const compiled = targets.map(compile);
  const byCode = new Map<string, Compiled[]>();
  // Codes in pasted text are recognised by the shapes of the codes the matcher knows.
  const shapes = learnShapes(targets.map((t) => t.code));
  for (const c of compiled) {
    const key = codeKey(c.target.code);
    const variants = byCode.get(key) ?? [];
    byCode.set(key, variants);
    variants.push(c);
  }
  const { index, unindexed } = indexByRarestWord(compiled.filter((c) => c.first >= 0));

  function candidates(texts: readonly Folded[]): Set<Compiled> {
    const found = new Set(unindexed);
    const seen = new Set<string>();
    for (const text of texts) {
      for (const [word] of text.norm.matchAll(WORD)) {
        if (seen.has(word)) continue;
        seen.add(word);
        for (const c of index.get(word) ?? []) found.add(c);
      }
    }
    return found;
  }

  return {
    match(input, options = {}) {
      const raw = input.slice(0, MAX_INPUT);
      if (raw.trim() === '') return [];
      const fields = readJsonFields(raw);
      const texts = (fields.messages.length > 0 ? fields.messages : [raw]).map(fold).filter((t) => t.end > 0);
      // The caller's code, then JSON code fields, the whole paste as a code, codes with a number in the text.
      // A name found inside the text (`itemNotFound`, which also opens messages of other codes) is a weaker
      // hint: it decides only when no message matches.
      const codes = [options.code ?? '', ...fields.codes, raw.length <= 200 ? raw : ''].map(codeKey);
      const inText = findCodesInText(raw, shapes).map((found) => found.key);
      const named = inText.filter(decidesInText);
      const key = [...codes, ...named].find((k) => k !== '' && byCode.has(k));
      const sort = compareResults(options.status);
      const byKey = (found: string) =>
        (byCode.get(found) ?? [])
          .map((c): MatchResult => {
            const values = c.first >= 0 ? firstMatch(c, texts, false) : null;
            return { target: c.target, values: values ?? [], via: values ? 'code+message' : 'code', literal: c.literal };
          })
          .sort(sort);

      if (key !== undefined) return byKey(key);

      const matched: { c: Compiled; values: string[] }[] = [];
      for (const c of candidates(texts)) {
        const values = firstMatch(c, texts, c.weak);
        if (values) matched.push({ c, values });
      }
      const strong = matched.filter((m) => !m.c.weak);
      const pool = strong.length > 0 ? strong : matched;
      const hinted = inText.find((k) => byCode.has(k));
      if (pool.length === 0 && hinted !== undefined) return byKey(hinted);
      const best = Math.max(...pool.map((m) => m.c.literal));
      return pool
        .filter((m) => m.c.literal === best)
        .map((m): MatchResult => ({ target: m.c.target, values: m.values, via: 'message', literal: m.c.literal }))
        .sort(sort);
    },
  };
}

function compile(target: MatchTarget): Compiled {
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
    literal: literalLength(target.segments),
  };
}

/**
 * Indexes each template under the word of its literals that the fewest templates share, so a lookup
 * only tries templates whose word occurs in the input. Words touching a slot are skipped: the input
 * may glue them to the slot's text. Templates without a usable word are always tried.
 */
function indexByRarestWord(compiled: readonly Compiled[]) {
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
 * The words a template can be found by: any input it matches contains every one of them. Data for the
 * browser is split by one of these words, so a lookup loads only the parts its input's words name.
 */
export function templateWords(segments: readonly Segment[]): string[] {
  const compiled = compile({ id: '', code: '', statuses: [], segments: [...segments] });
  return compiled.first < 0 ? [] : indexableWords(compiled.pieces);
}

/** The folded words of an input as the matcher reads it (JSON message fields included), at most `limit`. */
export function inputWords(input: string, limit = 2_000): string[] {
  const raw = input.slice(0, MAX_INPUT);
  const fields = readJsonFields(raw);
  const words = new Set<string>();
  for (const text of [raw, ...fields.messages]) {
    for (const [word] of fold(text).norm.matchAll(WORD)) {
      words.add(word);
      if (words.size >= limit) return [...words];
    }
  }
  return [...words];
}

function firstMatch(c: Compiled, texts: readonly Folded[], whole: boolean): string[] | null {
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
  for (let from = 0; budget > 0; ) {
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

function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

function isWordChar(ch: string | undefined): boolean {
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
function foldText(text: string): string {
  let out = '';
  for (const ch of text) if (ch !== '*' && ch !== '`') out += isSpace(ch) ? ' ' : foldChar(ch);
  return out.replace(/ {2,}/g, ' ');
}

/** Lowercases input, drops markup characters, collapses whitespace and trims; remembers positions. */
function fold(raw: string): Folded {
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

/** Message and code strings of a JSON error body, whole or embedded in other text, at any depth. */
function readJsonFields(raw: string, depth = 0): { messages: string[]; codes: string[] } {
  const fields = { messages: [] as string[], codes: [] as string[] };
  const add = (key: string, value: string) => {
    const name = key.toLowerCase().replace(/[_-]/g, '');
    if (MESSAGE_KEYS.has(name)) {
      // A message that is itself JSON (a body logged as a string) is read one level further.
      const inner = depth < 2 && /^\s*[{[]/.test(value) ? readJsonFields(value, depth + 1) : null;
      if (inner && inner.messages.length + inner.codes.length > 0) {
        fields.messages.push(...inner.messages);
        fields.codes.push(...inner.codes);
      } else fields.messages.push(value);
    }
    if (CODE_KEYS.has(name)) fields.codes.push(value);
  };
  const walk = (value: unknown, level: number): void => {
    if (level > 32 || value === null || typeof value !== 'object') return;
    for (const [key, child] of Object.entries(value)) {
      if (typeof child === 'string') add(key, child);
      else walk(child, level + 1);
    }
  };
  const trimmed = raw.trim();
  if (/^[{["]/.test(trimmed)) {
    try {
      const parsed: unknown = JSON.parse(trimmed);
      if (typeof parsed === 'string') fields.messages.push(parsed);
      else walk(parsed, 0);
      return fields;
    } catch {
      // Not JSON as a whole: fall through to pairs embedded in the text.
    }
  }
  if (!raw.includes('"')) return fields;
  for (const [, key = '', quoted = '""'] of raw.matchAll(KEY_VALUE)) {
    try {
      add(key, JSON.parse(quoted) as string);
    } catch {
      // An invalid escape in a cut-off body: skip that pair.
    }
  }
  return fields;
}

/** Results with a matching message first, then the requested status, then specific, rank, code. */
function compareResults(status: number | undefined) {
  const viaOrder = (r: MatchResult) => (r.via === 'code' ? 1 : 0);
  const statusOrder = (r: MatchResult) => (status !== undefined && !r.target.statuses.includes(status) ? 1 : 0);
  const text = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return (a: MatchResult, b: MatchResult) =>
    viaOrder(a) - viaOrder(b) ||
    statusOrder(a) - statusOrder(b) ||
    b.literal - a.literal ||
    (a.target.rank ?? 0) - (b.target.rank ?? 0) ||
    text(a.target.code, b.target.code) ||
    text(a.target.id, b.target.id);
}
