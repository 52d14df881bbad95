/** Reading a paste: the message and code fields of a JSON error body (whole, embedded in a log line, or cut off), and its words. */
import { fold, WORD } from './fold';

/** Characters of a paste that are read; the rest is ignored. */
// The longest message in the table is ~200 characters and an API error body a few KB: 32 KiB holds any
// real error with room for log context, and bounds the work whatever is pasted.
export const MAX_INPUT = 32_768;

const MESSAGE_KEYS = new Set(['message', 'errormsg', 'errormessage', 'msg', 'description', 'errordescription', 'detail', 'details', 'reason']);

const CODE_KEYS = new Set(['code', 'errorcode', 'errcode']);

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
