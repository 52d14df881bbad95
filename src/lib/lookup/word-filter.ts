/**
 * A set of words as a Bloom filter: it answers "maybe" for every word it holds and "no" for most others, in a
 * few hundred bytes. The lookup manifest carries one of the words message templates are filed under, so that
 * a query none of whose words is among them (`already in use`) loads no word shard and no matcher: no
 * template could fit it. A wrong "maybe" costs only a shard fetched in vain.
 */
import { fnv1a } from '../core/hash.ts';

/** A Bloom filter as the manifest carries it: its size in bits, the number of hashes, the bits in base64. */
export interface WordFilter {
  bits: number;
  hashes: number;
  data: string;
}

/** Bits per word: about one wrong "maybe" in a hundred. */
const BITS_PER_WORD = 10;
/** Upper bound of a filter, so that a manifest stays small at any scale (more wrong "maybe"s instead). */
export const MAX_FILTER_BYTES = 2_048;

/** FNV-1a over a word's UTF-16 units, from a given start value (the standard offset basis by default). */
export function hashWord(word: string, seed?: number): number {
  return fnv1a(word, seed);
}

/** The bit positions of a word: double hashing, `h1 + i * h2` modulo the size. */
function positions(word: string, bits: number, hashes: number): number[] {
  const h1 = hashWord(word);
  const h2 = hashWord(word, 0x5bd1e995) | 1;
  return Array.from({ length: hashes }, (_, i) => ((h1 + Math.imul(i, h2)) >>> 0) % bits);
}

/** A filter holding `words`, of about ten bits a word and at most `maxBytes`. */
export function buildWordFilter(words: Iterable<string>, maxBytes = MAX_FILTER_BYTES): WordFilter {
  const unique = [...new Set(words)];
  const bytes = Math.min(maxBytes, Math.max(8, Math.ceil((unique.length * BITS_PER_WORD) / 8)));
  const bits = bytes * 8;
  const hashes = Math.min(8, Math.max(1, Math.round((bits / Math.max(1, unique.length)) * Math.LN2)));
  const array = new Uint8Array(bytes);
  for (const word of unique) for (const p of positions(word, bits, hashes)) array[p >> 3] |= 1 << (p & 7);
  return { bits, hashes, data: btoa(String.fromCharCode(...array)) };
}

const decoded = new WeakMap<WordFilter, Uint8Array>();

/** Whether a filter may hold a word: `false` is certain, `true` is "probably". */
export function mayHoldWord(filter: WordFilter, word: string): boolean {
  let array = decoded.get(filter);
  if (!array) decoded.set(filter, (array = Uint8Array.from(atob(filter.data), (c) => c.charCodeAt(0))));
  const bytes = array;
  return positions(word, filter.bits, filter.hashes).every((p) => (bytes[p >> 3] & (1 << (p & 7))) !== 0);
}
