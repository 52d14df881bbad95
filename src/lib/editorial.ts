import { z } from 'zod';
import type { Diagnostic } from './diagnostics';
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
export type Topic = z.infer<typeof TopicSchema>;
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
  for (const topic of editorial.topics) {
    for (const code of topic.codes) {
      if (!known.has(code)) {
        diagnostics.push({ file, ...locate(text, `"${code}"`), message: `topic "${topic.slug}" lists ${code}, which is not in ${catalogue.file}` });
      }
    }
  }
  for (const [kind, list] of [['family', editorial.families], ['topic', editorial.topics]] as const) {
    const seen = new Set<string>();
    for (const { slug } of list) {
      if (seen.has(slug)) diagnostics.push({ file, ...locate(text, `"${slug}"`), message: `${kind} slug "${slug}" is used twice` });
      seen.add(slug);
    }
  }
  return { editorial, diagnostics };
}

/** Line and column of the first occurrence of a needle in a text (1:1 when absent). */
function locate(text: string, needle: string): { line: number; column: number } {
  const at = needle ? text.indexOf(needle) : -1;
  if (at < 0) return { line: 1, column: 1 };
  const before = text.slice(0, at).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}
