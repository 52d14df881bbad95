import { buildServiceExports, serializeExport, serializeSchema } from '../export/export.ts';
import { buildJsonSchema, SCHEMA_PATHS } from '../export/export-schema.ts';
import { buildLlmsFullText, buildLlmsTxt, buildServiceMarkdown, type LlmsService } from '../export/markdown.ts';
import { viewCodePages } from '../pages/code-pages.ts';
import { SITE_TITLE } from '../pages/site-data.ts';
import { buildLookupShards, buildSiteLookup, encodeLookupRecord, type LookupSource } from '../lookup/lookup-data.ts';
import type { ServiceModel } from './assemble.ts';
import { buildVocabulary, mergeSynonyms } from '../search/search-data.ts';
import {
  codeShardPath,
  LLMS_FULL_TXT_PATH,
  LLMS_TXT_PATH,
  LOOKUP_MANIFEST_PATH,
  LOOKUP_SERVICES_PATH,
  serviceJsonPath,
  SYNONYMS_PATH,
  VOCABULARY_PATH,
  wordShardPath,
} from '../core/urls.ts';

/** A file of the built site that is data, not a page: its path under dist/ (no leading `/`) and its text. */
export interface DataFile {
  path: string;
  body: string;
}

/**
 * Every data file of the site: each service's `errors.json` and the files of at most 100 of its codes it is cut into
 * (`<service>/errors/<first>--<last>.json`, the exports), the same codes as Markdown beside them
 * (`<service>/errors/<first>--<last>.md`), `llms.txt` that links them and, while the site's Markdown is small
 * enough, `llms-full.txt` with all of it; the exports' JSON Schemas (`schemas/errors.schema.json`,
 * `schemas/errors-shard.schema.json`, generated from the zod schemas), and the
 * lookup's manifest and shards (`lookup/manifest.json`, `lookup/c/<key>.json`, `lookup/w/<n>.json`), and what the
 * search dialog tries a query's words with (`lookup/synonyms.json`, `lookup/words.json`). They are
 * written as files after the build rather than rendered as Astro routes: a route costs a page render each.
 */
export function listDataFiles(services: readonly ServiceModel[], siteUrl: string): DataFile[] {
  const files: DataFile[] = [];
  const file = (path: string, body: string) => files.push({ path: path.replace(/^\/+/, ''), body });
  const markdown: string[] = [];
  const llms: LlmsService[] = [];
  for (const { catalogue, categories, pages, history } of services) {
    const codes = new Map(pages.flatMap((p) => (p.history ? [[p.entry.code, p.history] as const] : [])));
    const historyInput = history && { dates: history.dates, changes: history.changes, codes };
    const exports = buildServiceExports(
      catalogue,
      pages.map((p) => p.entry),
      categories,
      siteUrl,
      historyInput,
    );
    file(serviceJsonPath(catalogue.id), serializeExport(exports.errors));
    for (const shard of exports.shards) file(shard.path, serializeExport(shard.document));
    const texts = buildServiceMarkdown({ service: catalogue, pages: viewCodePages(pages, categories), site: siteUrl });
    for (const text of texts) {
      file(text.path, text.body);
      markdown.push(text.body);
    }
    llms.push({ service: catalogue, codes: pages.length, files: texts });
  }
  const fullText = buildLlmsFullText(markdown);
  file(LLMS_TXT_PATH, buildLlmsTxt({ title: SITE_TITLE, site: siteUrl, services: llms, fullText: !!fullText }));
  if (fullText) file(LLMS_FULL_TXT_PATH, fullText);
  for (const document of ['service', 'shard'] as const)
    file(SCHEMA_PATHS[document], serializeSchema(buildJsonSchema(document)));
  const lookup = buildSiteLookup(services.map(lookupSource));
  const shards = buildLookupShards(lookup.data);
  file(LOOKUP_MANIFEST_PATH, JSON.stringify(shards.manifest));
  file(LOOKUP_SERVICES_PATH, JSON.stringify(lookup.clues));
  for (const [key, records] of shards.codes) file(codeShardPath(key), JSON.stringify(records.map(encodeLookupRecord)));
  shards.words.forEach((records, i) => file(wordShardPath(i), JSON.stringify(records.map(encodeLookupRecord))));
  file(SYNONYMS_PATH, JSON.stringify(mergeSynonyms(services)));
  file(
    VOCABULARY_PATH,
    JSON.stringify(buildVocabulary(services.map((s) => ({ entries: s.pages.map((p) => p.entry) })))),
  );
  return files;
}

/** What the lookup data needs of a service: its catalogue, its codes and their earlier wordings. */
export function lookupSource({ catalogue, pages }: ServiceModel): LookupSource {
  return {
    catalogue,
    entries: pages.map((p) => p.entry),
    earlier: new Map(pages.map((p) => [p.entry.code, p.history?.earlier ?? []])),
  };
}
