/** An error code split into its prefix (lowercased) and its digits as written. */
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

// A whole string: either an explicit separator (`.`, `-`, `_`, a space) after any prefix, or no
// separator after a prefix that ends in a letter, so `ecs0010` is `ecs` + `0010`, never `ecs0` + `010`.
const WHOLE_CODE = /^\s*(?:([A-Za-z][A-Za-z0-9_]*)[.\-_ ]|([A-Za-z](?:[A-Za-z0-9_]*[A-Za-z])?))(\d{1,6})\s*$/;

// Inside text: stricter, so `192.168.0.12`, `v1.0` or `host01` are not codes. The lookbehind means
// a word is only tried from its first character, which keeps the scan linear on long words.
const CODE_IN_TEXT =
  /(?<![A-Za-z0-9_]|[A-Za-z0-9_][.-])([A-Za-z]{2}(?:[A-Za-z0-9_]*[A-Za-z])?)[._-]?(\d{3,6})(?![A-Za-z0-9_]|[.-][A-Za-z0-9])/g;

/** Reads a whole string as an error code in any spelling (`Ecs.0010`, `ECS-0010`, `ecs0010`), or null. */
export function parseCodeSpelling(input: string): CodeParts | null {
  const match = WHOLE_CODE.exec(input);
  if (!match) return null;
  const prefix = (match[1] ?? match[2] ?? '').toLowerCase();
  return { prefix, number: match[3] ?? '' };
}

/** The comparison key shared by every spelling of a code (`ecs.0010`), or null if it is not a code. */
export function codeKey(code: string): string | null {
  const parts = parseCodeSpelling(code);
  return parts && `${parts.prefix}.${parts.number}`;
}

/** Every code-like token in longer text (JSON bodies, log lines), left to right. */
export function findCodesInText(text: string): CodeInText[] {
  return Array.from(text.matchAll(CODE_IN_TEXT), (match) => ({
    key: `${(match[1] ?? '').toLowerCase()}.${match[2] ?? ''}`,
    index: match.index ?? 0,
    length: match[0].length,
  }));
}

/** The URL slug of a code: lowercase, dots and underscores as hyphens (`CCE_CM.0003` -> `cce-cm-0003`). */
export function codeSlug(code: string): string {
  return code.trim().toLowerCase().replace(/[._\s]+/g, '-');
}
