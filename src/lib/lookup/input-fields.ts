/** Reading a paste: the message and code fields of a JSON error body (whole, embedded in a log line, or cut off), and its words. */
import { fold, WORD } from './fold.ts';

/** Characters of a paste that are read; the rest is ignored. */
// The longest message in the table is ~200 characters and an API error body a few KB: 32 KiB holds any
// real error with room for log context, and bounds the work whatever is pasted.
export const MAX_INPUT = 32_768;

const MESSAGE_KEYS = new Set([
  'message',
  'errormsg',
  'errormessage',
  'msg',
  'description',
  'errordescription',
  'detail',
  'details',
  'reason',
]);

const CODE_KEYS = new Set(['code', 'errorcode', 'errcode', 'class']);

// A `"key": "string"` pair anywhere in text, for JSON that is embedded in a log line or cut off.
const KEY_VALUE = /"([A-Za-z][\w-]*)"\s*:\s*("(?:[^"\\]|\\.)*")/g;

/** Message and code strings of a JSON error body, whole or embedded in other text, at any depth. */
export function readJsonFields(raw: string, depth = 0): { messages: string[]; codes: string[] } {
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

// Where a text says "this is the error's code" outside JSON: `[APIGW.0301]`, `error code : X`, `error_code=X`, `code=X`.
// A bracketed code is a prefix and a number of two or more digits after a `.` or `_` (`[APIGW.0301]`), not any
// bracketed word with a digit (`[vol-1]`, `[sample-7]`, a value a message filled in).
const BRACKETED = /\[([A-Za-z][A-Za-z0-9]*(?:[._][A-Za-z0-9]+)*[._]\d{2,})\]/g;
const LABELLED = /\b(?:error[ _-]?code|err[ _-]?code|code)\s*[:=]\s*["']?([A-Za-z0-9][A-Za-z0-9._-]*[A-Za-z0-9])/gi;

/** Most characters a code claimed by a text has: longer is not a code. */
const MAX_CODE_LENGTH = 64;

/**
 * Whether a value a text gives as its code reads like one: letters or digits joined by `.`, `_` or `-`, with a
 * digit, a separator or a capital inside (`Ecs.0019`, `CCE_CM.0201`, `AccessDenied`); a three-digit number is
 * an HTTP status, not a code.
 */
function readsAsCode(value: string): boolean {
  if (value.length < 2 || value.length > MAX_CODE_LENGTH || !/^[\p{L}\p{N}]+(?:[._-][\p{L}\p{N}]+)*$/u.test(value))
    return false;
  if (/^\d{1,3}$/.test(value)) return false;
  return /[\p{N}._-]/u.test(value) || /.\p{Lu}/u.test(value);
}

/**
 * The codes a text says it carries, known or not, in the order they stand: JSON code fields (`code`,
 * `error_code`, `errorCode`, `class`), a code in brackets, and a code after `error code:` or `code=`.
 */
export function claimedCodes(input: string): string[] {
  const raw = input.slice(0, MAX_INPUT);
  const found: { at: number; code: string }[] = readJsonFields(raw).codes.map((code) => ({
    at: raw.indexOf(code),
    code: code.trim(),
  }));
  for (const pattern of [BRACKETED, LABELLED]) {
    for (const m of raw.matchAll(pattern)) found.push({ at: m.index + m[0].indexOf(m[1]), code: m[1] });
  }
  const codes = found
    .sort((a, b) => a.at - b.at)
    .map((f) => f.code)
    .filter(readsAsCode);
  return [...new Set(codes)];
}

/**
 * The message a text carries besides its code: its first JSON message field, else what follows the code on its
 * line (`[APIGW.0301]Incorrect IAM authentication information`); at most 300 characters.
 */
export function carriedMessage(input: string, code: string): string | undefined {
  const raw = input.slice(0, MAX_INPUT);
  const field = readJsonFields(raw).messages.find((m) => m.trim() !== '' && !/^\s*[{[]/.test(m));
  const at = raw.indexOf(code);
  const after =
    at < 0
      ? ''
      : raw
          .slice(at + code.length)
          .split(/\r?\n/)[0]
          .replace(/^[\]"'\s:,;=)-]+/, '');
  const message = (field ?? after).replace(/\s+/g, ' ').trim();
  return message === '' ? undefined : message.slice(0, 300);
}
