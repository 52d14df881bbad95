import { z } from 'astro/zod';
import type { Diagnostic } from '../core/diagnostics.ts';
import { locateInJson, readJsonFile } from '../core/json-file.ts';
import { SlugSchema } from '../core/schemas.ts';
import type { ServiceCatalogue } from './catalogue.ts';

// categories.json is closed, as service.json is: a field the schema does not know is an error, so a misspelt
// `"sumary"` stops the build instead of being dropped without a word.

/** A hundreds range of codes with a name that says what its codes are about. */
export const FamilySchema = z.strictObject({
  slug: SlugSchema,
  range: z.tuple([z.number().int().min(0), z.number().int().min(0)]),
  title: z.string().min(1),
  summary: z.string().default(''),
});

/** A subject a user thinks in (quotas, network, ...), with the codes it covers. */
export const TopicSchema = z.strictObject({
  slug: SlugSchema,
  title: z.string().min(1),
  summary: z.string().default(''),
  codes: z.array(z.string().min(1)),
});

/** The editorial file `content/<service>/categories.json`. */
export const EditorialSchema = z.strictObject({
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
  const { data: editorial, diagnostics: problems } = readJsonFile(text, file, EditorialSchema);
  if (!editorial) return { editorial: { families: [], topics: [] }, diagnostics: problems };
  const known = new Set(catalogue.entries.map((e) => e.code));
  const diagnostics: Diagnostic[] = [];
  const at = (path: readonly PropertyKey[]) => ({ file, ...locateInJson(text, path) });
  editorial.topics.forEach((topic, t) => {
    if (editorial.topics.slice(0, t).some((other) => other.slug === topic.slug)) {
      diagnostics.push({ ...at(['topics', t, 'slug']), message: `topic slug "${topic.slug}" is used twice` });
    }
    topic.codes.forEach((code, c) => {
      if (!known.has(code))
        diagnostics.push({
          ...at(['topics', t, 'codes', c]),
          message: `topic "${topic.slug}" lists ${code}, which is not in ${catalogue.file}`,
        });
    });
  });
  editorial.families.forEach(({ slug }, f) => {
    if (editorial.families.slice(0, f).some((other) => other.slug === slug)) {
      diagnostics.push({ ...at(['families', f, 'slug']), message: `family slug "${slug}" is used twice` });
    }
  });
  return { editorial, diagnostics };
}
