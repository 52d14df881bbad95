import { z } from 'astro/zod';
import type { Diagnostic } from '../core/diagnostics';
import { locateInJson, readJsonFile } from '../core/json-file';
import { DateSchema, SlugSchema } from '../core/schemas';
import type { ServiceCatalogue } from './catalogue';

// The two editorial files are closed: a field the schema does not know is an error, so a misspelt
// `"sumary"` stops the build instead of being dropped without a word.

/** The service file `content/<service>/service.json`: what a service folder holds besides its table. */
export const ServiceMetaSchema = z.strictObject({
  name: z.string().min(1).optional(),
  short: z.string().min(1).optional(),
  summary: z.string().optional(),
  published: DateSchema.optional(),
  endpoints: z
    .array(
      z.string().regex(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/, 'an endpoint is the first label of a host, such as "ecs"'),
    )
    .min(1)
    .optional()
    .describe(
      'First labels of the hosts the API answers on (`ecs` for ecs.eu-de.otc.t-systems.com); default: the folder id.',
    ),
  apiPaths: z
    .array(
      z
        .string()
        .regex(/^\/\S*$/, 'an API path starts with "/" and has no spaces, such as "/v1/{project_id}/publicips"'),
    )
    .optional()
    .describe("API path prefixes that are this service's own; `{…}` stands for any one segment."),
  terms: z
    .array(z.string().min(2))
    .optional()
    .describe('Words or phrases that name the service in an error text (`bucket`), besides its short and full name.'),
});
export type ServiceMeta = z.infer<typeof ServiceMetaSchema>;

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

/** Parses a service's `service.json`; a file that is not JSON or does not fit the schema is a located diagnostic and reads as empty. */
export function readServiceMeta(text: string, file: string): { meta: ServiceMeta; diagnostics: Diagnostic[] } {
  const { data, diagnostics } = readJsonFile(text, file, ServiceMetaSchema);
  return { meta: data ?? {}, diagnostics };
}

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
