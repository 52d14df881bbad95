import { z } from 'astro/zod';
import type { Diagnostic } from '../core/diagnostics';
import type { ServiceCatalogue } from './catalogue';

/** A hundreds range of codes with a name that says what its codes are about. */
export const FamilySchema = z.object({
  slug: z.string().regex(/^[a-z0-9-]+$/, 'use lowercase letters, digits and "-"'),
  range: z.tuple([z.number().int().min(0), z.number().int().min(0)]),
  title: z.string().min(1),
  summary: z.string().default(''),
});

/** A subject a user thinks in (quotas, network, ...), with the codes it covers. */
export const TopicSchema = z.object({
  slug: z.string().regex(/^[a-z0-9-]+$/, 'use lowercase letters, digits and "-"'),
  title: z.string().min(1),
  summary: z.string().default(''),
  codes: z.array(z.string().min(1)),
});

/** The editorial file `content/<service>/categories.json`. */
export const EditorialSchema = z.object({
  families: z.array(FamilySchema).default([]),
  topics: z.array(TopicSchema).default([]),
});

export type Family = z.infer<typeof FamilySchema>;
export type Editorial = z.infer<typeof EditorialSchema>;

/**
 * Parses a service's editorial file and checks it against its catalogue: unknown codes, duplicate
 * slugs and overlapping family ranges are located diagnostics.
 */
export function readEditorial(
  text: string,
  file: string,
  catalogue: ServiceCatalogue,
): { editorial: Editorial; diagnostics: Diagnostic[] } {
  const empty: Editorial = { families: [], topics: [] };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { editorial: empty, diagnostics: [{ file, line: 1, column: 1, message: `not valid JSON: ${(error as Error).message}` }] };
  }
  const parsed = EditorialSchema.safeParse(json);
  if (!parsed.success) {
    const diagnostics = parsed.error.issues.map((issue) => ({
      file,
      ...locate(text, String(issue.path.at(-1) ?? '')),
      message: `${issue.path.join('.')}: ${issue.message}`,
    }));
    return { editorial: empty, diagnostics };
  }
  const editorial = parsed.data;
  const known = new Set(catalogue.entries.map((e) => e.code));
  const diagnostics: Diagnostic[] = [];
  // Each topic's place in the file, so a problem is located inside the topic that has it.
  let cursor = -1;
  for (const topic of editorial.topics) {
    cursor = find(text, `"slug": "${topic.slug}"`, cursor + 1);
    const seenSlug = editorial.topics.slice(0, editorial.topics.indexOf(topic)).some((t) => t.slug === topic.slug);
    if (seenSlug) diagnostics.push({ file, ...position(text, cursor + '"slug": '.length), message: `topic slug "${topic.slug}" is used twice` });
    let inTopic = cursor;
    for (const code of topic.codes) {
      inTopic = find(text, `"${code}"`, inTopic + 1);
      if (!known.has(code)) {
        diagnostics.push({ file, ...position(text, inTopic), message: `topic "${topic.slug}" lists ${code}, which is not in ${catalogue.file}` });
      }
    }
  }
  const families = new Set<string>();
  let familyCursor = -1;
  for (const { slug } of editorial.families) {
    familyCursor = find(text, `"slug": "${slug}"`, familyCursor + 1);
    if (families.has(slug)) diagnostics.push({ file, ...position(text, familyCursor + '"slug": '.length), message: `family slug "${slug}" is used twice` });
    families.add(slug);
  }
  return { editorial, diagnostics };
}

/** Index of a needle at or after `from` (JSON written with other spacing falls back to any place). */
function find(text: string, needle: string, from: number): number {
  const at = text.indexOf(needle, from);
  if (at >= 0) return at;
  const loose = text.indexOf(needle.replace('": "', '":"'), from);
  return loose >= 0 ? loose : from;
}

/** Line and column (1-based) of an offset in a text. */
function position(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

/** Line and column of the first occurrence of a needle in a text (1:1 when absent). */
function locate(text: string, needle: string): { line: number; column: number } {
  const at = needle ? text.indexOf(needle) : -1;
  return at < 0 ? { line: 1, column: 1 } : position(text, at);
}

/**
 * Line and column of the value at a path in a JSON text (`["groups", 2, 0]`), for a located schema problem;
 * the closest enclosing value when the path goes further than the text, 1:1 when the text is not JSON.
 */
export function locateInJson(text: string, path: readonly PropertyKey[]): { line: number; column: number } {
  let at = 0;
  const skipSpace = () => {
    while (at < text.length && /\s/.test(text[at])) at++;
  };
  const skipString = () => {
    for (at++; at < text.length && text[at] !== '"'; at++) if (text[at] === '\\') at++;
    at++;
  };
  const skipValue = () => {
    skipSpace();
    const open = text[at];
    if (open === '"') return skipString();
    if (open !== '{' && open !== '[') {
      while (at < text.length && !/[,\]}\s]/.test(text[at])) at++;
      return;
    }
    let depth = 0;
    for (; at < text.length; at++) {
      if (text[at] === '"') {
        skipString();
        at--;
      } else if (text[at] === '{' || text[at] === '[') depth++;
      else if ((text[at] === '}' || text[at] === ']') && --depth === 0) {
        at++;
        return;
      }
    }
  };
  skipSpace();
  for (const key of path) {
    skipSpace();
    const start = at;
    if (text[at] === '[' && typeof key === 'number') {
      at++;
      for (let k = 0; k < key; k++) {
        skipValue();
        skipSpace();
        if (text[at] !== ',') return position(text, start);
        at++;
      }
      skipSpace();
    } else if (text[at] === '{' && typeof key === 'string') {
      at++;
      let found = false;
      while (at < text.length && !found) {
        skipSpace();
        if (text[at] !== '"') return position(text, start);
        const nameStart = at;
        skipString();
        const name = text.slice(nameStart + 1, at - 1);
        skipSpace();
        at++; // the colon
        skipSpace();
        if (name === key) found = true;
        else {
          skipValue();
          skipSpace();
          if (text[at] !== ',') return position(text, start);
          at++;
        }
      }
      if (!found) return position(text, start);
    } else return position(text, start);
  }
  return position(text, at);
}
