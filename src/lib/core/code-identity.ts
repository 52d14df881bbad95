/**
 * What an error code is, in one place: its comparison key (every spelling of a code has the same key), its
 * prefix and number, its URL slug, the spellings people type for it, and the shapes by which a service's
 * codes are recognised inside pasted text. Codes come in any shape (`Ecs.0010`, `111400002`, `CCI.01.400101`,
 * `SVCSTG_AMS_4000115`, `KMS.DisabledException`, `BadDigest`, `Request-URI Too Large`); nothing here assumes
 * `Prefix.NNNN`. Browser-safe: no Node import.
 */
import { fnv1a } from './hash.ts';
import { collapseWhitespace } from './message-identity.ts';
import { SERVICE_URL_WORDS, slugify } from './urls.ts';

/** A code's prefix (as written) and trailing number (as written); either may be empty. */
export interface CodeParts {
  prefix: string;
  number: string;
}

/** A code found inside longer text: its comparison key and where it stands. */
export interface CodeInText {
  key: string;
  index: number;
  length: number;
}

/**
 * The shapes of known codes, learned from the tables: each code's tokens with letters kept and digits
 * replaced by their count (`Ecs.0010` -> `ecs.#4`). Text is searched for these shapes, not for a guessed
 * pattern, so a service of numeric codes or of names is recognised as well as one of `Prefix.NNNN`.
 */
export interface CodeShapes {
  /** Exact shapes (digit counts kept), for codes inside text. */
  exact: Set<string>;
  /** Shapes with digits of any count (`ecs.#`), for a whole string that is meant as a code (`Ecs.99999`). */
  loose: Set<string>;
  /** Most tokens a known code has. */
  maxTokens: number;
}

const TOKEN = /[\p{L}]+|[\p{N}]+/gu;
const DIGITS = /^\p{N}+$/u;

/** Splits a code into lower-case runs of letters and of digits (`ECS-0010` -> `ecs`, `0010`). */
function codeTokens(code: string): string[] {
  return Array.from(code.normalize('NFKC').toLowerCase().matchAll(TOKEN), (m) => m[0]);
}

/** The key every spelling of a code shares: its tokens joined by dots (`Ecs.0010`, `ECS0010`, `ecs 0010` -> `ecs.0010`). */
export function codeKey(code: string): string {
  return codeTokens(code).join('.');
}

/**
 * The codes that several services have (any spelling is the same code): each code key with its items, in the order
 * given, for the keys whose items belong to two services or more.
 */
export function groupSharedCodes<T>(
  items: Iterable<T>,
  codeOf: (item: T) => string,
  serviceOf: (item: T) => string,
): Map<string, T[]> {
  const byKey = Map.groupBy(items, (item) => codeKey(codeOf(item)));
  for (const [key, group] of byKey) if (new Set(group.map(serviceOf)).size < 2) byKey.delete(key);
  return byKey;
}

/**
 * Cleans a code cell as the table wrote it: whitespace runs become one space, and spaces next to a `.`,
 * `_`, `-` or `/` go (`DCS. 4855` -> `DCS.4855`). Returns the code and whether spaces next to a separator
 * were removed (a suspicious cell that deserves a warning).
 */
export function normalizeCode(raw: string): { code: string; respaced: boolean } {
  const collapsed = collapseWhitespace(raw);
  const code = collapsed.replace(/ ?([._/-]) ?/g, '$1');
  return { code, respaced: code !== collapsed };
}

/**
 * Splits a code into prefix and number as written: the digits at its end and everything before them, when
 * that part has a letter (`Ecs.0010` -> `Ecs` + `0010`, `DRS.M00002` -> `DRS.M` + `00002`); a name with a
 * dotted prefix keeps that prefix (`KMS.DisabledException` -> `KMS`); plain numbers and names have none.
 */
export function splitCode(code: string): CodeParts {
  const numbered = /^(.*?)[._\-\s]?(\d+)$/.exec(code);
  if (numbered && /\p{L}/u.test(numbered[1])) return { prefix: numbered[1], number: numbered[2] };
  if (numbered && numbered[1] === '') return { prefix: '', number: numbered[2] };
  const dotted = /^([A-Za-z][A-Za-z0-9_]*)\.\S/.exec(code);
  return { prefix: dotted ? dotted[1] : '', number: '' };
}

/** The prefix and number of a key (`ecs.0010` -> `ecs`, `0010`; `baddigest` -> `baddigest`, ``). */
export function keyParts(key: string): { prefix: string; number: string } {
  const tokens = key.split('.');
  const last = tokens.at(-1) ?? '';
  return DIGITS.test(last) ? { prefix: tokens.slice(0, -1).join('.'), number: last } : { prefix: key, number: '' };
}

/** The shape of a code or key: its tokens with digit runs as `#<count>` (`Ecs.0010` -> `ecs.#4`). */
function codeShape(code: string): string {
  return codeTokens(code)
    .map((t) => (DIGITS.test(t) ? `#${t.length}` : t))
    .join('.');
}

function looseShape(shape: string): string {
  return shape.replace(/#\d+/g, '#');
}

/** Learns the shapes of a list of codes. */
export function learnShapes(codes: Iterable<string>): CodeShapes {
  const exact = new Set<string>();
  let maxTokens = 0;
  for (const code of codes) {
    const shape = codeShape(code);
    if (shape === '') continue;
    exact.add(shape);
    maxTokens = Math.max(maxTokens, shape.split('.').length);
  }
  return { exact, loose: new Set([...exact].map(looseShape)), maxTokens };
}

/** Rebuilds shapes from their exact list (as the lookup manifest ships them). */
export function shapesFromList(list: readonly string[]): CodeShapes {
  const exact = new Set(list);
  const maxTokens = Math.max(0, ...list.map((s) => s.split('.').length));
  return { exact, loose: new Set(list.map(looseShape)), maxTokens };
}

/**
 * Reads a whole string as a code of a known shape, in any spelling and case, or null: `ECS-0010`,
 * `ecs0010` and `Ecs.99999` (a number of another length) are codes where `Ecs.0010` is known; `0010` is not.
 */
export function readCodeSpelling(input: string, shapes: CodeShapes): string | null {
  const text = input.trim();
  if (text === '' || text.length > 200 || !/^[\p{L}\p{N}][\p{L}\p{N}._\-\s/]*$/u.test(text)) return null;
  const shape = codeShape(text);
  return shapes.loose.has(looseShape(shape)) ? codeKey(text) : null;
}

// A word of text that may be (part of) a code: letters and digits joined by `.`, `_` or `-`.
const WORD = /[\p{L}\p{N}]+(?:[._-][\p{L}\p{N}]+)*/gu;

/**
 * Every code of a known shape inside longer text (JSON bodies, log lines), left to right. A match is a
 * whole word or a run of whole words (`192.168.0.12` is one word, never the code `168`). A single plain
 * word without digits, capitals inside or separators (`conflict`) is a code only as a whole input or a JSON
 * code field, never inside prose.
 */
export function findCodesInText(text: string, shapes: CodeShapes): CodeInText[] {
  if (shapes.exact.size === 0) return [];
  const starts = shapePrefixes(shapes);
  const words = Array.from(text.matchAll(WORD), (m) => ({ index: m.index ?? 0, text: m[0], shape: '' }));
  for (const word of words) word.shape = codeShape(word.text);
  const found: CodeInText[] = [];
  for (let i = 0; i < words.length; i++) {
    // Longest first (`Request-URI Too Large` before `Request-URI`): a run of words one space apart grows while its
    // shape begins some known shape, and the longest run whose shape is one is the code.
    let shape = '';
    let longest = 0;
    for (let n = 1; i + n <= words.length && n <= shapes.maxTokens; n++) {
      const word = words[i + n - 1];
      if (n > 1 && text.slice(words[i + n - 2].index + words[i + n - 2].text.length, word.index) !== ' ') break;
      shape = n === 1 ? word.shape : `${shape}.${word.shape}`;
      if (!starts.has(shape)) break;
      if (shapes.exact.has(shape) && (n > 1 || standsOutInText(word.text))) longest = n;
    }
    if (longest === 0) continue;
    const last = words[i + longest - 1];
    const between = text.slice(words[i].index, last.index + last.text.length);
    found.push({ key: codeKey(between), index: words[i].index, length: between.length });
    i += longest - 1;
  }
  return found;
}

const prefixesOf = new WeakMap<CodeShapes, Set<string>>();

/** Every known shape and each beginning of one at a token boundary (`ecs`, `ecs.#4`), computed once per shapes. */
function shapePrefixes(shapes: CodeShapes): Set<string> {
  let prefixes = prefixesOf.get(shapes);
  if (!prefixes) {
    prefixes = new Set();
    for (const shape of shapes.exact) {
      const tokens = shape.split('.');
      for (let k = 1; k <= tokens.length; k++) prefixes.add(tokens.slice(0, k).join('.'));
    }
    prefixesOf.set(shapes, prefixes);
  }
  return prefixes;
}

/**
 * Whether a code found inside text decides what the text is about: a code with a number does; a name
 * (`itemNotFound`, which also opens messages of other codes) only when no message matches.
 */
export function decidesInText(key: string): boolean {
  return /\p{N}/u.test(key);
}

/** A word reads as a code inside prose when it has a digit, a separator or a capital after its first letter. */
function standsOutInText(word: string): boolean {
  return /[\p{N}._-]/u.test(word) || /.\p{Lu}/u.test(word);
}

/** The plain URL slug of a code, its accents dropped (`CCE_CM.0003` -> `cce-cm-0003`, `Café` -> `cafe`). */
function baseSlug(code: string): string {
  const slug = slugify(code.normalize('NFKD').replace(/[\u0300-\u036f]/g, ''));
  if (slug === '') return `code-${hashCode(code)}`;
  return isServiceUrlWord(slug) ? `${slug}-code` : slug;
}

/** Whether a slug is a word the service's own URLs use: a code whose slug would be one gets `-code` added. */
function isServiceUrlWord(slug: string): boolean {
  return Object.values(SERVICE_URL_WORDS).some((words: readonly string[]) => words.includes(slug));
}

/**
 * Slugs for every code of a service, unique by construction: each code gets its base slug, except that when
 * several codes share one (`BadDigest`, `Bad_Digest`) only the first of them in code-unit order keeps it and
 * each other gets `-` and six hex digits of a hash of its exact text. Returns the collisions resolved, so the
 * caller can warn.
 */
export function assignSlugs(codes: readonly string[]): {
  slugs: Map<string, string>;
  collisions: { code: string; slug: string; sharedWith: string }[];
} {
  const byBase = new Map<string, string[]>();
  for (const code of new Set(codes)) {
    const base = baseSlug(code);
    byBase.set(base, [...(byBase.get(base) ?? []), code]);
  }
  const slugs = new Map<string, string>();
  const collisions: { code: string; slug: string; sharedWith: string }[] = [];
  const taken = new Set(byBase.keys());
  for (const [base, group] of byBase) {
    const [first, ...rest] = [...group].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    slugs.set(first, base);
    for (const code of rest) {
      let slug = `${base}-${hashCode(code)}`;
      for (let salt = 1; taken.has(slug); salt++) slug = `${base}-${hashCode(`${code}\0${salt}`)}`;
      taken.add(slug);
      slugs.set(code, slug);
      collisions.push({ code, slug, sharedWith: first });
    }
  }
  return { slugs, collisions };
}

/** Six hex digits of the FNV-1a hash of a text. */
function hashCode(text: string): string {
  return (fnv1a(text) & 0xffffff).toString(16).padStart(6, '0');
}

/**
 * The URL spellings people type or paste for a code, besides its slug: as written, lower case, upper case,
 * without the separator before its number, and with `_` there (`Ecs.0010`, `ecs.0010`, `ECS.0010`,
 * `ecs0010`, `Ecs_0010`). Only spellings that are safe as a path segment are kept.
 */
export function urlSpellings(code: string): string[] {
  const { prefix, number } = splitCode(code);
  const spellings = [code, code.toLowerCase(), code.toUpperCase()];
  if (prefix && number) spellings.push(`${prefix}${number}`.toLowerCase(), `${prefix}_${number}`);
  return [...new Set(spellings)].filter((s) => /^[A-Za-z0-9._-]+$/.test(s));
}
