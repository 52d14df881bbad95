import { z } from 'astro/zod';
import type { Diagnostic } from '../core/diagnostics.ts';
import { readJsonFile } from '../core/json-file.ts';
import { DateSchema } from '../core/schemas.ts';

// service.json is closed: a field the schema does not know is an error, so a misspelt `"sumary"` stops the
// build instead of being dropped without a word.

/**
 * Where a service's table is kept: a GitHub repository, the table's file in it and the branch it is published from.
 * A code page then links the table's source and the repository's form for a new issue (`pages/report-links.ts`).
 */
export const RepositorySchema = z
  .strictObject({
    url: z
      .string()
      .regex(
        /^https:\/\/github\.com\/[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\/[A-Za-z0-9._-]+(?<!\.git)$/,
        'a repository is on GitHub, https://github.com/<owner>/<name>, such as "https://github.com/opentelekomcloud-docs/elastic-cloud-server"',
      )
      .describe(
        'The documentation repository on GitHub, without `.git` or a trailing slash: ' +
          '`https://github.com/opentelekomcloud-docs/elastic-cloud-server`.',
      ),
    path: z
      .string()
      .regex(
        /^(?!\/)(?!.*(?:^|\/)\.{1,2}(?:\/|$))(?!.*\/\/)[^\\\u0000-\u001F\u007F]+(?<!\/)$/,
        'a path is relative to the repository\'s top folder, without "..", such as "api-ref/source/appendix/error_codes.rst"',
      )
      .describe(
        "The table's file, relative to the repository's top folder: `api-ref/source/appendix/error_codes.rst`.",
      ),
    branch: z
      .string()
      .regex(
        /^(?![-/])(?!.*\.\.)(?!.*@\{)(?!.*\/\/)[^\s~^:?*[\\\u0000-\u001F\u007F]+(?<![./])$/,
        'a branch is a git branch name, such as "main"',
      )
      .optional()
      .describe(
        "The branch the table is published from (`main`); without it, links name `HEAD`, the repository's default branch.",
      ),
  })
  .describe(
    "Where the table is kept, so that each code page links the table's source and a form to report a problem with " +
      'the code; `npm run import` fills it from the checkout it reads.',
  );
export type Repository = z.infer<typeof RepositorySchema>;

/** The service file `content/<service>/service.json`: what a service folder holds besides its table. */
export const ServiceMetaSchema = z.strictObject({
  name: z
    .string()
    .min(1)
    .optional()
    .describe('The display name (`Elastic Cloud Server`); default: the folder id in capitals.'),
  short: z.string().min(1).optional().describe('The short name (`ECS`); default: the folder id in capitals.'),
  summary: z.string().optional().describe("What the service is, in a sentence or two, for the service's page."),
  published: DateSchema.optional().describe(
    "The date `error-codes.rst` was published (YYYY-MM-DD); `npm run import` sets it to the newest version's date.",
  ),
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
  repository: RepositorySchema.optional(),
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
