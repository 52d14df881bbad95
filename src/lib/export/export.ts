import type { CodeEntry, ServiceCatalogue, TableGroup, Variant } from '../catalogue/catalogue.ts';
import { indexCategories, type Category, type ListedCategory } from '../pages/categories.ts';
import type { PageHistory } from '../history/code-history.ts';
import { anchoredPath, codeJsonPath, codePath, normalizeSiteUrl, servicePath } from '../core/urls.ts';
import { planExportShards } from './export-shards.ts';
import type { VersionChange } from '../history/history.ts';
import type { Segment } from '../core/template.ts';
import {
  SCHEMA_PATHS,
  type ExportChange,
  type ExportCode,
  type ExportHistory,
  type ExportMessage,
  type ExportService,
  type ExportSlot,
  type ExportVariant,
  type ExportWording,
  type ServiceExport,
  type ShardExport,
} from './export-schema.ts';

// The document shapes live with their schemas; callers (explain, the pages) keep importing them from here.
export type {
  ExportCategory,
  ExportCode,
  ExportHistory,
  ExportMessage,
  ExportService,
  ExportSlot,
  ExportVariant,
  ExportWording,
  ServiceExport,
  ShardExport,
} from './export-schema.ts';

/** A service's history as the export needs it: version dates, changes, and each code's page history by code. */
export interface HistoryInput {
  dates: readonly string[];
  changes: readonly VersionChange[];
  codes: ReadonlyMap<string, PageHistory>;
}

/** What the export needs of a service: its catalogue fields without the entries. */
export type ServiceInput = Pick<ServiceCatalogue, 'id' | 'name' | 'short' | 'published' | 'file' | 'notes' | 'tables'>;

/** A service's export: the document served at `/<service>/errors.json` and the files it is cut into. */
export interface ServiceExports {
  errors: ServiceExport;
  /** Each file with its site path (`/ecs/errors/ecs-0000--ecs-0214.json`); together they hold every code of `errors`. */
  shards: { path: string; document: ShardExport }[];
}

/**
 * Builds a service's export: `/<service>/errors.json` with every code, in catalogue order, and the files of at most
 * 100 consecutive codes each (`export-shards.ts`) that hold the same code objects under their codes, each code's
 * `json` pointing into its file. With `history` (a service with dated versions) each code gains `history` and
 * errors.json `versions` and `changes`.
 */
export function buildServiceExports(
  service: ServiceInput,
  entries: readonly CodeEntry[],
  categories: readonly Category[],
  siteUrl: string,
  history?: HistoryInput,
): ServiceExports {
  const site = normalizeSiteUrl(siteUrl);
  const byCode = indexCategories(categories);
  const exported = exportService(service, site);
  const plan = planExportShards(service.id, entries);
  const shards = plan.map((shard) => ({
    path: shard.path,
    codes: shard.entries.map((entry) =>
      exportCode(entry, {
        categories: byCode.get(entry.code) ?? [],
        site,
        jsonPath: codeJsonPath(shard.path, entry.code),
        history: history?.codes.get(entry.code),
        tables: service.tables,
      }),
    ),
  }));
  const errors: ServiceExport = {
    $schema: `${site}${SCHEMA_PATHS.service}`,
    service: exported,
    notes: service.notes.map((note) => note.text),
    codes: shards.flatMap((shard) => shard.codes),
  };
  if (history) {
    errors.versions = [...history.dates];
    errors.changes = history.changes.map(exportChange);
  }
  return {
    errors,
    shards: shards.map(({ path, codes }) => ({
      path,
      document: {
        $schema: `${site}${SCHEMA_PATHS.shard}`,
        service: exported,
        codes: Object.fromEntries(codes.map((code) => [code.code, code])),
      },
    })),
  };
}

/** Builds the document served at `/<service>/errors.json` alone (`buildServiceExports` without the files). */
export function buildServiceExport(
  service: ServiceInput,
  entries: readonly CodeEntry[],
  categories: readonly Category[],
  siteUrl: string,
  history?: HistoryInput,
): ServiceExport {
  return buildServiceExports(service, entries, categories, siteUrl, history).errors;
}

/**
 * Serialises an export document the way the site serves it: on one line with a final newline. Indentation made
 * a third of the whole cloud's export bytes (21.5 MB pretty-printed, 14.6 MB on one line); `jq .` or a browser's
 * JSON viewer shows it indented.
 */
export function serializeExport(document: ServiceExport | ShardExport): string {
  return `${JSON.stringify(document)}\n`;
}

/** Serialises a JSON Schema the way the site serves it: 2-space indent, final newline (people read schemas). */
export function serializeSchema(schema: Record<string, unknown>): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}

/** Where each slot of a template stands in its text; the text is the segments joined. */
function locateSlots(segments: readonly Segment[]): { template: string; slots: ExportSlot[] } {
  let template = '';
  const slots: ExportSlot[] = [];
  for (const segment of segments) {
    if (segment.kind === 'text') {
      template += segment.text;
    } else {
      slots.push({
        index: slots.length,
        kind: segment.slot,
        start: template.length,
        end: template.length + segment.slot.length,
      });
      template += segment.slot;
    }
  }
  return { template, slots };
}

/** What `exportCode` needs beside the code: where its JSON is, what lists it, its history and its service's tables. */
export interface ExportCodeContext {
  /** The (non-"all") categories that list the code. */
  categories: readonly ListedCategory[];
  /** The site URL, without a trailing slash. */
  site: string;
  /** The site path of the code's JSON document (`codeJsonPath`). */
  jsonPath: string;
  history?: PageHistory;
  /** The service's tables, for the caption of a row of a file with several. */
  tables?: readonly TableGroup[];
}

/** Exports one code with the categories that list it, and its history when it has one. */
export function exportCode(
  entry: CodeEntry,
  { categories, site, jsonPath, history, tables }: ExportCodeContext,
): ExportCode {
  const url = `${site}${codePath(entry)}`;
  const code: ExportCode = {
    code: entry.code,
    slug: entry.slug,
    url,
    json: `${site}${jsonPath}`,
    categories: categories.map((c) => ({ kind: c.kind, slug: c.slug, title: c.title, url: `${site}${c.path}` })),
    variants: entry.variants.map((v) => exportVariant(v, url, tables)),
  };
  if (history) code.history = exportHistory(entry, history, url);
  return code;
}

/**
 * Exports a code's history: the rows its page shows (current unless the code is retired), then its earlier
 * wordings. A row repeated in one table has one wording, under the first row's anchor.
 */
function exportHistory(entry: CodeEntry, history: PageHistory, pageUrl: string): ExportHistory {
  const shown = entry.variants.flatMap((v): ExportWording[] => {
    const dates = history.shown[v.anchor];
    if (!dates) return [];
    return [
      {
        ...exportStatuses(v.statuses),
        message: exportMessage(v),
        first: dates.first,
        last: dates.last,
        current: !history.retired,
        url: anchoredPath(pageUrl, v.anchor),
      },
    ];
  });
  const earlier = history.earlier.map((w): ExportWording => ({
    ...exportStatuses(w.statuses),
    message: exportMessage(w),
    first: w.first,
    last: w.last,
    current: false,
    url: anchoredPath(pageUrl, w.id),
  }));
  return {
    introduced: history.introduced,
    lastPublished: history.lastPublished,
    retired: history.retired,
    added: history.added,
    wordings: [...shown, ...earlier],
  };
}

/** Exports one row; `pageUrl` is the code page the anchor belongs to; `tables` are the service's tables, when several. */
function exportVariant(variant: Variant, pageUrl: string, tables?: readonly TableGroup[]): ExportVariant {
  const caption = variant.table === undefined ? undefined : tables?.[variant.table]?.caption;
  return {
    ...exportStatuses(variant.statuses),
    ...(variant.statusText === undefined ? {} : { statusText: variant.statusText }),
    anchor: variant.anchor,
    ...(variant.anchors ? { anchors: [...variant.anchors] } : {}),
    url: anchoredPath(pageUrl, variant.anchor),
    line: variant.line,
    message: exportMessage(variant),
    description: { text: variant.description.text, html: variant.description.html },
    solution: { text: variant.solution.text, html: variant.solution.html },
    ...(variant.other
      ? { other: variant.other.map((o) => ({ header: o.header, text: o.value.text, html: o.value.html })) }
      : {}),
    ...(caption === undefined ? {} : { table: caption }),
  };
}

/** `status` (the first), and `statuses` only for a row with several, so one-status rows export as they always have. */
function exportStatuses(statuses: readonly number[]): { status?: number; statuses?: number[] } {
  if (statuses.length === 0) return {};
  return statuses.length === 1 ? { status: statuses[0] } : { status: statuses[0], statuses: [...statuses] };
}

/** A message with its template text, HTML and slot offsets (empty for a table without a message column). */
export function exportMessage(wording: Pick<Variant, 'template' | 'message'>): ExportMessage {
  if (wording.message.text === '') return { template: '', html: '', slots: [] };
  const { template, slots } = locateSlots(wording.template);
  return { template, html: wording.message.html, slots };
}

// Fields copied one by one: the same key order whatever the input carries, so the bytes do not drift.
function exportChange(change: VersionChange): ExportChange {
  return {
    date: change.date,
    ...(change.previous === undefined ? {} : { previous: change.previous }),
    added: [...change.added],
    removed: [...change.removed],
    reworded: change.reworded.map((r) => ({
      code: r.code,
      before: [...r.before],
      after: [...r.after],
      beforeStatus: [...r.beforeStatus],
      afterStatus: [...r.afterStatus],
    })),
  };
}

function exportService(service: ServiceInput, site: string): ExportService {
  return {
    id: service.id,
    name: service.name,
    short: service.short,
    ...(service.published === undefined ? {} : { published: service.published }),
    source: service.file,
    url: `${site}${servicePath(service.id)}`,
  };
}
