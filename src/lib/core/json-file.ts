import { findNodeAtLocation, parse, parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';
import type { z } from 'astro/zod';
import type { Diagnostic } from './diagnostics.ts';

/**
 * Parses a JSON content file and checks it against its schema. A syntax error is one diagnostic at the place
 * the text stops being JSON; every schema problem is a diagnostic at the value it is about, as
 * `"topics.0.slug" must use lowercase letters, digits and "-"`. `data` is absent when there is any problem.
 */
export function readJsonFile<S extends z.ZodType>(
  text: string,
  file: string,
  schema: S,
): { data?: z.output<S>; diagnostics: Diagnostic[] } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { diagnostics: [{ file, ...syntaxError(text) }] };
  }
  const parsed = schema.safeParse(json, { reportInput: true });
  if (parsed.success) return { data: parsed.data, diagnostics: [] };
  const diagnostics = parsed.error.issues.flatMap((issue): Diagnostic[] => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        file,
        ...locateInJson(text, [...issue.path, key]),
        message: `${label([...issue.path, key])} is not a known field`,
      }));
    }
    return [{ file, ...locateInJson(text, issue.path), message: `${label(issue.path)} ${describeIssue(issue)}` }];
  });
  return { diagnostics };
}

/** `"topics.0.slug"`, or `the file` for a problem with the whole file. */
function label(path: readonly PropertyKey[]): string {
  return path.length === 0 ? 'the file' : `"${path.map(String).join('.')}"`;
}

/** A schema problem as the end of a sentence about a field: `is missing`, `must be a string`. */
function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code !== 'invalid_type') return issue.message;
  if (issue.input === undefined) return 'is missing';
  // zod's names for two JSON types a content writer knows by others.
  const expected = ({ int: 'integer', tuple: 'array' } as Record<string, string>)[issue.expected] ?? issue.expected;
  return `must be ${/^[aeiou]/.test(expected) ? 'an' : 'a'} ${expected}`;
}

/** Where and why a text is not JSON: `not valid JSON: value expected` at the first character that breaks it. */
function syntaxError(text: string): { line: number; column: number; message: string } {
  const errors: ParseError[] = [];
  parse(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const first = errors[0];
  // JSON.parse and jsonc-parser agree on every error but the rarest (a lone surrogate): then the start of the file.
  if (!first) return { line: 1, column: 1, message: 'not valid JSON' };
  const reason = printParseErrorCode(first.error)
    .replace(/(?<=[a-z])(?=[A-Z])/g, ' ')
    .toLowerCase();
  return { ...position(text, first.offset), message: `not valid JSON: ${reason}` };
}

/**
 * Line and column of the value at a path in a JSON text (`["groups", 2, 0]`), for a located schema problem;
 * the closest enclosing value when the path goes further than the text, 1:1 when the text is not JSON.
 */
export function locateInJson(text: string, path: readonly PropertyKey[]): { line: number; column: number } {
  const root = parseTree(text);
  if (!root) return { line: 1, column: 1 };
  let node = root;
  for (let depth = path.length; depth > 0; depth--) {
    const found = findNodeAtLocation(
      root,
      path.slice(0, depth).map((key) => (typeof key === 'number' ? key : String(key))),
    );
    if (found) {
      node = found;
      break;
    }
  }
  return position(text, node.offset);
}

/** Line and column (1-based) of an offset in a text. */
export function position(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}
