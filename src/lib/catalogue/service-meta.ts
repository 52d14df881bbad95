import { z } from 'astro/zod';
import type { Diagnostic } from '../core/diagnostics.ts';
import { readJsonFile } from '../core/json-file.ts';
import { DateSchema } from '../core/schemas.ts';

// service.json is closed: a field the schema does not know is an error, so a misspelt `"sumary"` stops the
// build instead of being dropped without a word.

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

/** Parses a service's `service.json`; a file that is not JSON or does not fit the schema is a located diagnostic and reads as empty. */
export function readServiceMeta(text: string, file: string): { meta: ServiceMeta; diagnostics: Diagnostic[] } {
  const { data, diagnostics } = readJsonFile(text, file, ServiceMetaSchema);
  return { meta: data ?? {}, diagnostics };
}

/** What a service is recognised by in a pasted error text: `service.json`'s clues with their defaults. */
export const CluesSchema = z.object({
  endpoints: z
    .array(z.string())
    .describe('First labels of the hosts its API answers on (`ecs`; EIP answers on `vpc`).'),
  apiPaths: z
    .array(z.string())
    .describe('API path prefixes that are its own; `{…}` stands for any one segment (`/v1/{project_id}/publicips`).'),
  terms: z
    .array(z.string())
    .describe('Words or phrases that name it in prose: its short and full name, and any declared (`bucket`).'),
});
export type Clues = z.infer<typeof CluesSchema>;

/** A service's display name and short name: from service.json, else its folder id in capitals. */
export function serviceNames(id: string, meta: ServiceMeta): { name: string; short: string } {
  return { name: meta.name ?? id.toUpperCase(), short: meta.short ?? id.toUpperCase() };
}

/**
 * A service's clues: those `service.json` declares, else its folder id as its endpoint, no API paths, and its
 * short and full names as words (a one-letter name is no clue).
 */
export function serviceClues(id: string, meta: ServiceMeta): Clues {
  const { name, short } = serviceNames(id, meta);
  const names = [short, name].filter((n, i, all) => n.length > 1 && all.indexOf(n) === i);
  return {
    endpoints: [...(meta.endpoints ?? [id])],
    apiPaths: [...(meta.apiPaths ?? [])],
    terms: [...new Set([...names, ...(meta.terms ?? [])])],
  };
}
