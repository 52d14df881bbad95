/**
 * The tools of `npm run mcp`: what each takes (zod schemas, with the limits that bound the work a call can cause),
 * what each gives (Markdown for reading, a JSON document described by its schema), and the answers themselves, from
 * the site's own lookup (`assembly/explain.ts`) and a word search over the catalogue (`search/catalogue-search.ts`).
 * No SDK and no I/O here: `server.ts` registers these with the SDK.
 */
import { z } from 'astro/zod';
import { createExplainer, type Explainer, type ExplainHit } from '../assembly/explain.ts';
import { explainDocument, ExplainDocumentSchema, ExplainHitSchema } from '../assembly/explain-schema.ts';
import type { ServiceModel } from '../assembly/assemble.ts';
import { HttpStatusSchema } from '../core/schemas.ts';
import { listedServiceName } from '../core/service-name.ts';
import { codePath, normalizeSiteUrl } from '../core/urls.ts';
import { indexCodeJsonPaths } from '../export/export-shards.ts';
import { renderCodeMarkdown, type MarkdownPage } from '../export/markdown.ts';
import { viewCodePages } from '../pages/code-pages.ts';
import { MAX_INPUT } from '../lookup/matcher.ts';
import type { NearCode } from '../lookup/resolve.ts';
import { createCatalogueSearch, type CatalogueSearchResult } from '../search/catalogue-search.ts';
import { MAX_QUERY_LENGTH } from '../search/rank-hits.ts';
import { escapeMarkdown, formatAnswerMarkdown, formatCodeMarkdown } from './answer-markdown.ts';
import { codeResourceUri } from './resources.ts';

/** Longest text explain_error takes: the most of a paste the site's lookup reads (`MAX_INPUT`), 32,768 characters. */
export const MAX_TEXT_LENGTH = MAX_INPUT;
/** Longest query search_codes takes: the search dialog's own bound (a longer one is a paste, not words). */
export const MAX_SEARCH_LENGTH = MAX_QUERY_LENGTH;
/** Longest code get_code takes: no code of any table comes near it, and the lookup reads no longer text as a code. */
export const MAX_CODE_LENGTH = 200;
/** Longest service id or name a tool takes. */
export const MAX_SERVICE_LENGTH = 100;
/** Results search_codes gives unless asked for another number, and the most it gives. */
export const DEFAULT_SEARCH_LIMIT = 10;
export const MAX_SEARCH_LIMIT = 50;

/**
 * A string of at most `max` characters; a longer one is refused with a message that says the limit and what to do
 * (the SDK answers `Input validation error: Invalid arguments for tool <tool>: <message> at <field>`).
 */
function bounded(max: number, advice: string) {
  return z.string().max(max, {
    error: (issue) =>
      `too long: ${lengthOf(issue.input)} characters, where the most is ${max.toLocaleString('en')}; ${advice}`,
  });
}

function lengthOf(input: unknown): string {
  return typeof input === 'string' ? input.length.toLocaleString('en') : 'too many';
}

const serviceField = bounded(MAX_SERVICE_LENGTH, 'give a service id such as ecs').describe(
  'Keep to this service: its id (`ecs`) or short name (`ECS`), in any case. Without it, every service is searched.',
);

/** explain_error's input: a pasted error, and what the caller knows besides. */
export const ExplainErrorInput = z.strictObject({
  text: bounded(MAX_TEXT_LENGTH, 'send the part of the error with its code and message')
    .regex(/\S/, { error: 'text is empty: give the error code, message, JSON body or log line' })
    .describe(
      'The error as the API or a log gave it: a code in any spelling (`Ecs.0010`, `ECS-0010`), the message with ' +
        `its values filled in, a whole JSON error body, or a log line; at most ${MAX_TEXT_LENGTH.toLocaleString('en')} characters.`,
    ),
  service: serviceField.optional(),
  status: HttpStatusSchema.optional().describe(
    'The HTTP status the API answered with (`404`): picks the row of a code that has several.',
  ),
});

/** get_code's input: a code, and the service to keep to. */
export const GetCodeInput = z.strictObject({
  code: bounded(MAX_CODE_LENGTH, 'give one error code such as Ecs.0010')
    .regex(/\S/, { error: 'code is empty: give an error code such as Ecs.0010' })
    .describe('An error code in any spelling: `Ecs.0010`, `ECS-0010`, `ecs0010`.'),
  service: serviceField.optional(),
});

/** search_codes' input: words, the service to keep to, how many results. */
export const SearchCodesInput = z.strictObject({
  query: bounded(MAX_SEARCH_LENGTH, 'give a few words of what the error is about')
    .regex(/\S/, { error: 'query is empty: give a few words such as "elastic ip quota"' })
    .describe(
      'Words saying what the error is about (`elastic ip quota`, `disk cannot be attached`); synonyms of the domain ' +
        `and typos are understood. At most ${MAX_SEARCH_LENGTH} characters.`,
    ),
  service: serviceField.optional(),
  limit: z
    .number()
    .int()
    .min(1)
    .max(MAX_SEARCH_LIMIT, { error: `limit is at most ${MAX_SEARCH_LIMIT}` })
    .default(DEFAULT_SEARCH_LIMIT)
    .describe(`How many codes to give, best first (default ${DEFAULT_SEARCH_LIMIT}, at most ${MAX_SEARCH_LIMIT}).`),
});

/** explain_error's structured answer: the JSON `npm run explain -- --json` prints, without the input. */
export const ExplainErrorOutput = ExplainDocumentSchema.omit({ input: true });

const NearCodeSchema = ExplainDocumentSchema.shape.unknown.unwrap().shape.nearest.element;

/** get_code's structured answer: the code asked for, its rows in each service that has it, or its nearest codes. */
export const GetCodeOutput = z.object({
  code: z.string().describe('The code as asked for.'),
  hits: z
    .array(ExplainHitSchema)
    .describe('One per service whose table has the code, with every row; empty when no table lists it.'),
  nearest: z
    .array(NearCodeSchema)
    .optional()
    .describe('When no table lists the code: the codes nearest to it (same prefix, nearest number).'),
});

/** One code search_codes found. */
const SearchResultSchema = z.object({
  service: z.object({ id: z.string(), name: z.string(), short: z.string() }),
  code: z.string(),
  url: z.url().describe("Absolute URL of the code's page."),
  uri: z.string().describe('The code as a resource of this server: `error-code://<service>/<slug>`.'),
  score: z
    .number()
    .min(0)
    .max(1)
    .describe(
      "The share of the query's words its rows have, times 0.9 when a synonym found them (1: every word; a code the query spells).",
    ),
  matched: z.array(z.string()).describe('The words of the query (as read) that its rows have.'),
  via: z.enum(['code', 'words', 'typo', 'synonym']).describe('How the query found it.'),
  rows: z
    .array(
      z.object({
        statuses: z.array(HttpStatusSchema),
        message: z.string().describe('The message template, placeholders (`%s`) as written.'),
        description: z.string(),
      }),
    )
    .describe("The code's rows, in table order."),
});

/** search_codes' structured answer. */
export const SearchCodesOutput = z.object({
  query: z.string(),
  words: z.array(z.string()).describe('The words searched for: the query without stop words (none for a code).'),
  code: z.string().optional().describe('The code the query spells, as its key (`ecs.0010`): only that code is found.'),
  corrected: z.string().optional().describe('The query with its typos corrected, when it had any.'),
  named: z.string().optional().describe('The service the query names, whose codes come first.'),
  total: z.number().int().min(0).describe('How many codes matched; `results` holds the first of them.'),
  results: z.array(SearchResultSchema),
});

/** What a tool answers: Markdown to read, and the same as a JSON document; or a refusal that says why. */
export type ToolAnswer =
  { text: string; structured: Record<string, unknown>; isError?: false } | { text: string; isError: true };

/** What the tools answer from: the services, their lookup and search built once, the site's address. */
export interface ToolContext {
  services: readonly ServiceModel[];
  explainer: Explainer;
  search: ReturnType<typeof createCatalogueSearch>;
  site: string;
  /**
   * The Markdown of a service's code (as its table writes it), as the site publishes it beside the code's JSON
   * (`renderCodeMarkdown`); undefined when the service has no such code.
   */
  codeMarkdown(service: string, code: string): string | undefined;
}

/** Builds what every tool call answers from, once for the server's life (a service's code pages when first asked). */
export function createToolContext(services: readonly ServiceModel[], siteUrl: string): ToolContext {
  const site = normalizeSiteUrl(siteUrl);
  const jsonPaths = indexCodeJsonPaths(services.flatMap((s) => s.catalogue.entries));
  const views = new Map<string, Map<string, MarkdownPage>>();
  const viewsOf = (service: ServiceModel) => {
    let byCode = views.get(service.catalogue.id);
    if (!byCode) {
      byCode = new Map(viewCodePages(service.pages, service.categories).map((v) => [v.entry.code, v]));
      views.set(service.catalogue.id, byCode);
    }
    return byCode;
  };
  return {
    services,
    explainer: createExplainer(services, siteUrl),
    search: createCatalogueSearch(services),
    site,
    codeMarkdown: (id, code) => {
      const service = services.find((s) => s.catalogue.id === id);
      const page = service && viewsOf(service).get(code);
      if (!service || !page) return undefined;
      return renderCodeMarkdown({ page, service: service.catalogue, site, jsonPath: jsonPaths.get(page.path)! });
    },
  };
}

/** A service asked for by id or short name, in any case; a refusal that lists the services when none has it. */
export function resolveService(
  asked: string | undefined,
  services: readonly ServiceModel[],
): { id?: string } | { error: string } {
  if (asked === undefined) return {};
  const wanted = asked.trim().toLowerCase();
  const found = services.find(
    (s) => s.catalogue.id.toLowerCase() === wanted || s.catalogue.short.toLowerCase() === wanted,
  );
  if (found) return { id: found.catalogue.id };
  const list = services.map((s) => `${s.catalogue.id} (${listedServiceName(s.catalogue)})`).join(', ');
  return { error: `Unknown service “${asked}”. The services are: ${list}.` };
}

/** explain_error: what the site's lookup answers for a pasted text. */
export function explainError(context: ToolContext, input: z.output<typeof ExplainErrorInput>): ToolAnswer {
  const service = resolveService(input.service, context.services);
  if ('error' in service) return { text: escapeMarkdown(service.error), isError: true };
  const answer = context.explainer.answer(input.text, { status: input.status, service: service.id });
  return {
    text: formatAnswerMarkdown(answer, input.text, context.site),
    structured: explainDocument(answer) satisfies z.output<typeof ExplainErrorOutput>,
  };
}

/** get_code: every row of a code in each service that has it, or that no table lists it. */
export function getCode(context: ToolContext, input: z.output<typeof GetCodeInput>): ToolAnswer {
  const service = resolveService(input.service, context.services);
  if ('error' in service) return { text: escapeMarkdown(service.error), isError: true };
  const hits: ExplainHit[] = context.explainer.rowsOfCode(input.code, { service: service.id });
  // For a code of a known shape that no table lists, the lookup knows the codes nearest to it.
  const nearest: NearCode[] =
    hits.length > 0
      ? []
      : (context.explainer.answer(input.code.trim(), { service: service.id }).unknown?.nearest ?? []);
  const structured: z.output<typeof GetCodeOutput> = {
    code: input.code,
    hits,
    ...(hits.length === 0 ? { nearest } : {}),
  };
  // Each service's code as the site publishes it in Markdown, after a line naming the services when several have it.
  const documents = hits.map((hit) => context.codeMarkdown(hit.service.id, hit.code) ?? '');
  return { text: formatCodeMarkdown(input.code, hits, documents, nearest, context.site), structured };
}

/** search_codes: the codes whose rows have the most of the query's words, best first. */
export function searchCodes(context: ToolContext, input: z.output<typeof SearchCodesInput>): ToolAnswer {
  const service = resolveService(input.service, context.services);
  if ('error' in service) return { text: escapeMarkdown(service.error), isError: true };
  const found = context.search(input.query, { service: service.id, limit: input.limit });
  const names = new Map(context.services.map((s) => [s.catalogue.id, s.catalogue]));
  const results = found.hits.map((hit) => {
    const { id, name, short } = names.get(hit.service)!;
    return {
      service: { id, name, short },
      code: hit.entry.code,
      url: `${context.site}${codePath(hit.entry)}`,
      uri: codeResourceUri(hit.entry),
      score: Math.round(hit.score * 1000) / 1000,
      matched: hit.matched,
      via: hit.via,
      rows: hit.entry.variants.map((v) => ({
        statuses: [...v.statuses],
        message: v.message.text,
        description: v.description.text,
      })),
    };
  });
  const structured: z.output<typeof SearchCodesOutput> = {
    query: input.query,
    words: found.words,
    ...(found.code ? { code: found.code } : {}),
    ...(found.corrected ? { corrected: found.corrected } : {}),
    ...(found.named ? { named: found.named } : {}),
    total: found.total,
    results,
  };
  return { text: formatSearchMarkdown(input.query, found, structured.results), structured };
}

/** search_codes' answer as Markdown: how the query was read, then a numbered list of codes with their messages. */
function formatSearchMarkdown(
  query: string,
  found: CatalogueSearchResult,
  results: z.output<typeof SearchCodesOutput>['results'],
): string {
  if (found.code !== undefined && results.length === 0)
    return `“${escapeMarkdown(query)}” is a code no table lists: explain_error and get_code say what is known of it.\n`;
  if (found.words.length === 0 && results.length === 0)
    return `“${escapeMarkdown(query)}” has no word to search for (only words such as “the” or “not”): say what the error is about.\n`;
  if (results.length === 0)
    return `No code has any of the words ${found.words.map((w) => `“${escapeMarkdown(w)}”`).join(', ')}.\n`;
  const head =
    `${found.total > results.length ? `${results.length} of ${found.total}` : `${results.length}`} ` +
    `code${found.total === 1 ? '' : 's'} for “${escapeMarkdown(query)}”` +
    (found.corrected ? `, read as “${escapeMarkdown(found.corrected)}”` : '') +
    ', best first:';
  const items = results.map((r, i) => {
    const messages = [...new Set(r.rows.map((row) => row.message || row.description))];
    const words = r.matched.length > 0 ? `; matches ${r.matched.map(escapeMarkdown).join(', ')}` : '';
    return (
      `${i + 1}. **${escapeMarkdown(r.code)}** (${escapeMarkdown(r.service.short)}): ` +
      `${messages.map((m) => escapeMarkdown(m)).join(' / ')} (${r.url}${words})`
    );
  });
  return `${head}\n\n${items.join('\n')}\n`;
}
