import { z } from 'astro/zod';

/** A piece of a word diff: text both versions share, or text only the old or only the new one has. */
export const DiffPartSchema = z.object({ kind: z.enum(['same', 'removed', 'added']), text: z.string() });
export type DiffPart = z.infer<typeof DiffPartSchema>;

/** Texts with more tokens than this (after their common start and end) are shown as one replacement. */
// 2,000 x 2,000 tokens is a 4M-cell table: a few milliseconds. Messages are ~30 tokens; this only bounds the worst case.
export const MAX_DIFF_TOKENS = 2_000;

// Words, runs of whitespace, and each other character (punctuation) on its own.
const TOKEN = /[\p{L}\p{N}_]+|\s+|[^\p{L}\p{N}_\s]/gu;

/**
 * Diffs two texts word by word. Joining the `same` and `removed` parts gives `before` exactly, and the `same`
 * and `added` parts give `after`; each change is one `removed` part followed by one `added` part.
 */
// Hand-written: the diff libraries on npm are either character-level or not byte-exact on whitespace.
export function diffWords(before: string, after: string): DiffPart[] {
  if (before === after) return before === '' ? [] : [{ kind: 'same', text: before }];
  const a = before.match(TOKEN) ?? [];
  const b = after.match(TOKEN) ?? [];
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const ops: DiffPart[] = a.slice(0, start).map((text) => ({ kind: 'same', text }));
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  if (midA.length > MAX_DIFF_TOKENS || midB.length > MAX_DIFF_TOKENS) {
    ops.push(
      ...midA.map((text) => ({ kind: 'removed' as const, text })),
      ...midB.map((text) => ({ kind: 'added' as const, text })),
    );
  } else {
    ops.push(...lcsOps(midA, midB));
  }
  ops.push(...a.slice(endA).map((text) => ({ kind: 'same' as const, text })));
  return mergeParts(absorbSeparators(mergeParts(ops)));
}

/** Edit script of two token lists by longest common subsequence. */
function lcsOps(a: readonly string[], b: readonly string[]): DiffPart[] {
  const n = a.length;
  const m = b.length;
  const width = m + 1;
  // lengths[i * width + j] = LCS length of a[i..] and b[j..].
  const lengths = new Uint16Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lengths[i * width + j] =
        a[i] === b[j]
          ? lengths[(i + 1) * width + j + 1] + 1
          : Math.max(lengths[(i + 1) * width + j], lengths[i * width + j + 1]);
    }
  }
  const ops: DiffPart[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      ops.push({ kind: 'same', text: a[i++] });
      j++;
    } else if (lengths[(i + 1) * width + j] >= lengths[i * width + j + 1]) {
      ops.push({ kind: 'removed', text: a[i++] });
    } else {
      ops.push({ kind: 'added', text: b[j++] });
    }
  }
  while (i < n) ops.push({ kind: 'removed', text: a[i++] });
  while (j < m) ops.push({ kind: 'added', text: b[j++] });
  return ops;
}

// Shared spaces and punctuation between two changes ("[in] [use] -> [being] [used]") split one edit into
// noise: count them as removed and added, so the words around them read as one replacement.
function absorbSeparators(ops: DiffPart[]): DiffPart[] {
  const out: DiffPart[] = [];
  for (let k = 0; k < ops.length; k++) {
    const op = ops[k];
    const between = k > 0 && k < ops.length - 1 && ops[k - 1].kind !== 'same' && ops[k + 1].kind !== 'same';
    if (op.kind === 'same' && between && !/[\p{L}\p{N}_]/u.test(op.text)) {
      out.push({ kind: 'removed', text: op.text }, { kind: 'added', text: op.text });
    } else out.push(op);
  }
  return out;
}

/** Joins neighbouring parts: each run of changes becomes one `removed` part then one `added` part. */
function mergeParts(ops: readonly DiffPart[]): DiffPart[] {
  const out: DiffPart[] = [];
  let removed = '';
  let added = '';
  const flush = () => {
    if (removed) out.push({ kind: 'removed', text: removed });
    if (added) out.push({ kind: 'added', text: added });
    removed = added = '';
  };
  for (const op of ops) {
    if (op.kind === 'removed') removed += op.text;
    else if (op.kind === 'added') added += op.text;
    else {
      flush();
      const last = out[out.length - 1];
      if (last?.kind === 'same') last.text += op.text;
      else out.push({ kind: 'same', text: op.text });
    }
  }
  flush();
  return out;
}
