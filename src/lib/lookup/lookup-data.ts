import type { CodeEntry } from '../catalogue/catalogue.ts';
import type { Clues } from '../catalogue/service-meta.ts';
import { sameAnswerKey } from '../core/message-identity.ts';
import { shortServiceName } from '../core/service-name.ts';
import type { ServiceClues } from './service-evidence.ts';
import { codePath } from '../core/urls.ts';
import {
  codeKey,
  groupSharedCodes,
  decidesInText,
  findCodesInText,
  keyParts,
  learnShapes,
  readCodeSpelling,
  shapesFromList,
  type CodeShapes,
} from '../core/code-identity.ts';
import { templateNeeds } from './compile.ts';
import { claimedCodes, inputWords, MAX_INPUT } from './input-fields.ts';
import type { MatchTarget } from './matcher.ts';
import { buildWordFilter, hashWord, mayHoldWord, type WordFilter } from './word-filter.ts';
import { parseTemplate } from '../core/template.ts';

/** What the browser loads to match pasted text to codes: a service's codes and their messages. */
export interface LookupData {
  service: string;
  name: string;
  short: string;
  codes: LookupCode[];
}

/** A code in the lookup data. */
export interface LookupCode {
  code: string;
  path: string;
  /**
   * One per wording: current rows first (rank 0); earlier wordings of a table with history follow, with their
   * `v<n>` anchor and rank 1 or more.
   */
  variants: LookupVariant[];
}

/** One wording of a code: a row of its table, or an earlier wording of one. */
export interface LookupVariant {
  /** Every HTTP status of the row; empty when the table gives none. */
  statuses: number[];
  /** The row's fragment on the code page (`http-404`; `v1` for an earlier wording). */
  anchor: string;
  /** The plain-text message template; for a table without a message column, the description (the text its API returns). */
  message: string;
  /** 0 for the current wording, 1 or more for earlier ones. */
  rank: number;
  /** The row's description, when it has one besides its message: tells apart codes that share a message. */
  description?: string;
  /**
   * For a code that several services have: the key of what the row says (`sameAnswerKey`); rows of several
   * services with equal keys read the same.
   */
  same?: string;
}

/** An earlier wording of a code, as the lookup needs it. */
export interface EarlierMessage {
  id: string;
  statuses: number[];
  message: { text: string };
  rank: number;
}

/** Builds a service's lookup data from its codes and, with history, their earlier wordings. */
export function buildLookupData(
  service: { id: string; name: string; short: string },
  entries: readonly CodeEntry[],
  earlier: ReadonlyMap<string, readonly EarlierMessage[]> = new Map(),
  /** Keys of the codes other services have too: their rows carry a same-answer key. */
  shared: ReadonlySet<string> = new Set(),
): LookupData {
  return {
    service: service.id,
    name: service.name,
    short: shortServiceName(service),
    codes: entries.map((e) => {
      const isShared = shared.has(codeKey(e.code));
      return {
        code: e.code,
        path: codePath(e),
        variants: [
          ...e.variants.map((v): LookupVariant => {
            // A table without a message column is matched by its description (the text its API returns).
            const hasMessage = v.message.text !== '';
            return {
              statuses: [...v.statuses],
              anchor: v.anchor,
              message: hasMessage ? v.message.text : v.description.text,
              rank: 0,
              ...(hasMessage && v.description.text ? { description: v.description.text } : {}),
              ...(isShared ? { same: sameAnswerKey(v) } : {}),
            };
          }),
          ...(earlier.get(e.code) ?? []).map((w): LookupVariant => ({
            statuses: [...w.statuses],
            anchor: w.id,
            message: w.message.text,
            rank: w.rank,
          })),
        ],
      };
    }),
  };
}

/** A service's part of the site's lookup data: its catalogue, its codes, their earlier wordings. */
export interface LookupSource {
  catalogue: { id: string; name: string; short: string; clues: Clues };
  entries: readonly CodeEntry[];
  earlier: ReadonlyMap<string, readonly EarlierMessage[]>;
}

/**
 * The lookup data of every service of the site, and their clues: rows of a code that several services have
 * carry a same-answer key, so that rows reading the same in each are one answer.
 */
export function buildSiteLookup(sources: readonly LookupSource[]): { data: LookupData[]; clues: ServiceClues[] } {
  const entries = sources.flatMap((s) => s.entries);
  const shared = new Set(
    groupSharedCodes(
      entries,
      (e) => e.code,
      (e) => e.service,
    ).keys(),
  );
  return {
    data: sources.map(({ catalogue, entries, earlier }) => buildLookupData(catalogue, entries, earlier, shared)),
    clues: sources.map(({ catalogue }) => ({
      service: catalogue.id,
      name: catalogue.name,
      short: shortServiceName(catalogue),
      ...catalogue.clues,
    })),
  };
}

/** Turns lookup data into matcher targets: one per wording, with its code page and the row's anchor on it. */
export function toMatchTargets(data: LookupData): MatchTarget[] {
  return data.codes.flatMap((c) =>
    c.variants.map((v) => ({
      path: c.path,
      anchor: v.anchor,
      code: c.code,
      statuses: v.statuses,
      segments: parseTemplate(v.message),
      rank: v.rank,
    })),
  );
}

/** One wording as a shard holds it: a variant with its service, code and code page. */
export interface LookupRecord extends LookupVariant {
  service: string;
  code: string;
  path: string;
}

/**
 * A record as a shard file stores it, by position to keep shards small (`encodeLookupRecord`): [service, code,
 * page path, status, anchor, message template, rank?, description?, same-answer key?]. Trailing fields left at
 * their default (rank 0, no description, no key) are left out; the status is a number, or a list for a row with
 * none or several.
 */
export type EncodedLookupRecord =
  | [string, string, string, EncodedStatus, string, string]
  | [string, string, string, EncodedStatus, string, string, number]
  | [string, string, string, EncodedStatus, string, string, number, string]
  | [string, string, string, EncodedStatus, string, string, number, string, string];

/** A row's statuses as a shard stores them: one number for the usual single status, else the list (empty for none). */
type EncodedStatus = number | number[];

/** Encodes a record for a shard file: the tuple `decodeLookupRecord` reads back. */
export function encodeLookupRecord(record: LookupRecord): EncodedLookupRecord {
  const { service, code, path, statuses, anchor, message, rank, description, same } = record;
  const status = statuses.length === 1 ? statuses[0] : [...statuses];
  if (same) return [service, code, path, status, anchor, message, rank, description ?? '', same];
  if (description) return [service, code, path, status, anchor, message, rank, description];
  if (rank) return [service, code, path, status, anchor, message, rank];
  return [service, code, path, status, anchor, message];
}

/** Decodes a record of a shard file, as `encodeLookupRecord` wrote it. */
export function decodeLookupRecord(encoded: EncodedLookupRecord): LookupRecord {
  const [service, code, path, status, anchor, message, rank = 0, description, same] = encoded;
  return {
    service,
    code,
    path,
    statuses: Array.isArray(status) ? status : [status],
    anchor,
    message,
    rank,
    ...(description ? { description } : {}),
    ...(same ? { same } : {}),
  };
}

/** A service as the lookup knows it. */
export interface LookupService {
  service: string;
  name: string;
  short: string;
  codes: number;
}

/**
 * The index of the lookup data: the browser reads it first, then only the shards its input names —
 * the code shards of codes in the text, else the word shards of its words.
 */
export interface LookupManifest {
  services: LookupService[];
  /** Number of word shards: a record is in shard `shardOfWord(word, wordShards)` of its anchor word. */
  wordShards: number;
  /**
   * The anchor word of every record with the length class of its literals (`anchorKey`), as a filter: an
   * input word that is no record's anchor at a length the input can hold needs no word shard.
   */
  anchorWords: WordFilter;
  /** The code shards that exist, as hundreds by prefix: `{ "ecs": [0, 1, 13] }` (`ecs-0` holds Ecs.0000-0099). */
  codeShards: Record<string, number[]>;
  /** The shapes of every known code (`ecs.#4`), by which codes are recognised in pasted text. */
  codeShapes: string[];
}

/** Bytes of records a word shard aims at: small enough that a lookup loads a few KB per word. */
const WORD_SHARD_BYTES = 4_000;

/** Flattens a service's lookup data into records. */
export function recordsOf(data: LookupData): LookupRecord[] {
  return data.codes.flatMap((c) =>
    c.variants.map((variant): LookupRecord => ({ service: data.service, code: c.code, path: c.path, ...variant })),
  );
}

/**
 * Groups records back into per-service lookup data (codes in the order they came), each wording once: a record
 * loaded in several shards (its code's and its word's) is one variant.
 */
export function groupRecords(records: readonly LookupRecord[], services: readonly LookupService[]): LookupData[] {
  const byService = new Map<string, Map<string, LookupCode>>();
  for (const { service, code, path, ...variant } of records) {
    const codes = byService.get(service) ?? new Map<string, LookupCode>();
    byService.set(service, codes);
    const entry = codes.get(code) ?? { code, path, variants: [] };
    codes.set(code, entry);
    if (!entry.variants.some((v) => v.anchor === variant.anchor)) entry.variants.push(variant);
  }
  return services
    .filter((s) => byService.has(s.service))
    .map((s) => ({ service: s.service, name: s.name, short: s.short, codes: [...byService.get(s.service)!.values()] }));
}

/**
 * The code shard a code belongs to: its key's prefix and hundreds (`Ecs.0010` -> `ecs-0`, `Ecs.1300` ->
 * `ecs-13`, `111400002` -> `_-1114000`); a name without a number goes by its first character (`BadDigest` -> `_b-0`).
 */
export function codeShardKey(code: string): string | null {
  const key = codeKey(code);
  if (!key) return null;
  const { prefix, number } = keyParts(key);
  if (number === '') return `_${key[0]}-0`;
  return `${prefix || '_'}-${Math.floor(Number(number.slice(-15)) / 100)}`;
}

/** Lengths by powers of two: 0 for 0-1 characters, 1 for 2-3, 2 for 4-7, ... */
function lengthClass(chars: number): number {
  return 31 - Math.clz32(Math.max(1, chars));
}

/** What the anchor filter holds for a record: its anchor word and the length class of its literals. */
function anchorKey(word: string, lengthClass: number): string {
  return `${word} ${lengthClass}`;
}

/** The word shard of a word: its hash modulo the number of shards. */
export function shardOfWord(word: string, shards: number): number {
  return hashWord(word) % shards;
}

/**
 * Splits every service's lookup data into shards: by code (prefix and hundreds) and by the rarest word of
 * each message template. Every record is in one code shard and, if its template has a word, one word shard.
 */
export function buildLookupShards(services: readonly LookupData[]): {
  manifest: LookupManifest;
  words: LookupRecord[][];
  codes: Map<string, LookupRecord[]>;
} {
  const records = services.flatMap(recordsOf);
  const needs = records.map((r) => templateNeeds(parseTemplate(r.message)));
  const frequency = new Map<string, number>();
  for (const { words } of needs) for (const w of words) frequency.set(w, (frequency.get(w) ?? 0) + 1);
  // Sized as the shard files store the records.
  const bytes = JSON.stringify(records.map(encodeLookupRecord)).length;
  const wordShards = Math.max(1, Math.ceil(bytes / WORD_SHARD_BYTES));
  const words: LookupRecord[][] = Array.from({ length: wordShards }, () => []);
  const codes = new Map<string, LookupRecord[]>();
  const anchors = new Set<string>();
  records.forEach((record, i) => {
    const rarest = [...needs[i].words].sort(
      (a, b) => (frequency.get(a) ?? 0) - (frequency.get(b) ?? 0) || b.length - a.length || (a < b ? -1 : 1),
    )[0];
    if (rarest !== undefined) {
      words[shardOfWord(rarest, wordShards)].push(record);
      anchors.add(anchorKey(rarest, lengthClass(needs[i].chars)));
    }
    const key = codeShardKey(record.code) ?? 'other';
    const shard = codes.get(key) ?? [];
    codes.set(key, shard);
    shard.push(record);
  });
  const codeShards: Record<string, number[]> = {};
  for (const key of codes.keys()) {
    const { prefix, hundreds } = splitShardKey(key);
    (codeShards[prefix] ??= []).push(hundreds);
  }
  for (const list of Object.values(codeShards)) list.sort((a, b) => a - b);
  const manifest: LookupManifest = {
    services: services.map((s) => ({ service: s.service, name: s.name, short: s.short, codes: s.codes.length })),
    wordShards,
    anchorWords: buildWordFilter(anchors),
    codeShards,
    codeShapes: [...learnShapes(services.flatMap((s) => s.codes.map((c) => c.code))).exact].sort(),
  };
  return { manifest, words, codes };
}

/** Most codes read from one input: a paste with more is a log dump, and its first codes are the ones that count. */
const MAX_CODES_IN_INPUT = 8;

/** `ecs-13` -> prefix `ecs`, hundreds 13. */
function splitShardKey(key: string): { prefix: string; hundreds: number } {
  const cut = key.lastIndexOf('-');
  return { prefix: key.slice(0, cut), hundreds: Number(key.slice(cut + 1)) };
}

/** The shard of a key, or the shard of the same prefix with the nearest hundreds. */
function nearestShard(key: string, shards: LookupManifest['codeShards']): string | undefined {
  const { prefix, hundreds } = splitShardKey(key);
  const list = Object.hasOwn(shards, prefix) ? shards[prefix] : [];
  let best: number | undefined;
  for (const h of list) if (best === undefined || Math.abs(h - hundreds) < Math.abs(best - hundreds)) best = h;
  return best === undefined ? undefined : `${prefix}-${best}`;
}

/**
 * Which shards an input needs: the code shards of the codes it names, and the word shards of those of its
 * words that some record is filed under (none at all when no template could fit the input).
 */
export function shardsForInput(
  input: string,
  manifest: LookupManifest,
  code?: string,
): { codes: string[]; words: number[] } {
  const keys = new Set<string>();
  const { spelled, inText } = codesNamed(input, manifest, code);
  for (const found of [...spelled, ...inText]) {
    const key = codeShardKey(found);
    if (key) keys.add(key);
  }
  // A code with no shard of its own (Ecs.9999) loads the nearest shard of its prefix, for its neighbours.
  const codes = [
    ...new Set([...keys].map((k) => nearestShard(k, manifest.codeShards)).filter((k): k is string => k !== undefined)),
  ];
  // A template's literals all stand in the text it matches, so the text is at least as long as they are.
  const longest = lengthClass(Math.min(input.length, MAX_INPUT));
  const anchors = inputWords(input).filter((w) => {
    for (let c = 0; c <= longest; c++) if (mayHoldWord(manifest.anchorWords, anchorKey(w, c))) return true;
    return false;
  });
  const words = [...new Set(anchors.map((w) => shardOfWord(w, manifest.wordShards)))].sort((a, b) => a - b);
  return { codes, words };
}

const shapesOf = new WeakMap<LookupManifest, CodeShapes>();

/** The code shapes of a manifest, rebuilt once per manifest. */
export function manifestShapes(manifest: LookupManifest): CodeShapes {
  let shapes = shapesOf.get(manifest);
  if (!shapes) shapesOf.set(manifest, (shapes = shapesFromList(manifest.codeShapes ?? [])));
  return shapes;
}

/**
 * The keys of the codes an input names: those spelled whole (the caller's code, the whole input) and the first
 * few codes of a known shape inside its text.
 */
function codesNamed(input: string, manifest: LookupManifest, code?: string): { spelled: string[]; inText: string[] } {
  const shapes = manifestShapes(manifest);
  // The caller's code, the whole input, and codes the text carries in a code field or brackets (known or not).
  const spelled = [code ?? '', input, ...claimedCodes(input)]
    .map((c) => readCodeSpelling(c, shapes))
    .filter((k): k is string => k !== null);
  const inText = findCodesInText(input.slice(0, MAX_INPUT), shapes)
    .slice(0, MAX_CODES_IN_INPUT)
    .map((found) => found.key);
  return { spelled, inText };
}

/**
 * Whether an input needs the word shards too, once the code shards it names are loaded: unless the caller's code,
 * or a code with a number that the input spells or carries, is among those records. A name does not rule out a
 * message match, in the text (`itemNotFound`) or as the whole input (`TooManyRequests` is also a message).
 */
export function needsWordShards(
  input: string,
  manifest: LookupManifest,
  codeRecords: readonly LookupRecord[],
  code?: string,
): boolean {
  const { spelled, inText } = codesNamed(input, manifest, code);
  const asked = code === undefined ? null : readCodeSpelling(code, manifestShapes(manifest));
  const named = new Set([
    ...(asked === null ? [] : [asked]),
    ...spelled.filter(decidesInText),
    ...inText.filter(decidesInText),
  ]);
  return !codeRecords.some((r) => named.has(codeKey(r.code)));
}
