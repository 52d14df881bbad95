import type { CodeEntry, RichText, ServiceCatalogue, Variant } from './catalogue';
import { indexCategories, type Category } from './categories';
import { codePath } from './code-pages';
import type { Segment, SlotKind } from './template';

/** Site paths of the JSON Schemas that describe the two export documents (files in public/schemas/). */
export const SCHEMA_PATHS = {
  service: '/schemas/errors.schema.json',
  code: '/schemas/error-code.schema.json',
} as const;

/** A slot of a message template: which kind it is and where it stands in the template text. */
export interface ExportSlot {
  /** Position among the template's slots, from 0. */
  index: number;
  kind: SlotKind;
  /** Character offset of the slot in `template` (inclusive). */
  start: number;
  /** Character offset just after the slot (exclusive). */
  end: number;
}

/** One table row of a code, as exported. */
export interface ExportVariant {
  status: number;
  anchor: string;
  url: string;
  /** Line of the row in the service's source file. */
  line: number;
  message: { template: string; html: string; slots: ExportSlot[] };
  description: RichText;
  solution: RichText;
}

/** An index page that lists a code. */
export interface ExportCategory {
  kind: Category['kind'];
  slug: string;
  title: string;
  url: string;
}

/** One error code, as exported in both documents. */
export interface ExportCode {
  code: string;
  slug: string;
  url: string;
  json: string;
  categories: ExportCategory[];
  variants: ExportVariant[];
}

/** The service a document describes. */
export interface ExportService {
  id: string;
  name: string;
  short: string;
  published?: string;
  /** The RST table the codes come from, relative to the repository root. */
  source: string;
  url: string;
}

/** The document at `/<service>/errors.json`. */
export interface ServiceExport {
  $schema: string;
  service: ExportService;
  notes: string[];
  codes: ExportCode[];
}

/** The document at `/<service>/<slug>.json`. */
export type CodeExport = { $schema: string; service: ExportService } & ExportCode;

/** What the export needs of a service: its catalogue fields without the entries. */
export type ServiceInput = Pick<ServiceCatalogue, 'id' | 'name' | 'short' | 'published' | 'file' | 'notes'>;

/** Removes trailing slashes from a site URL, so paths can be appended: `https://x.org/` -> `https://x.org`. */
export function normalizeSiteUrl(siteUrl: string): string {
  return siteUrl.replace(/\/+$/, '');
}

/** Builds the document served at `/<service>/errors.json`: every code of a service, in catalogue order. */
export function buildServiceExport(
  service: ServiceInput,
  entries: readonly CodeEntry[],
  categories: readonly Category[],
  siteUrl: string,
): ServiceExport {
  const site = normalizeSiteUrl(siteUrl);
  const byCode = indexCategories(categories);
  return {
    $schema: `${site}${SCHEMA_PATHS.service}`,
    service: exportService(service, site),
    notes: service.notes.map((note) => note.text),
    codes: entries.map((entry) => exportCode(entry, byCode.get(entry.code) ?? [], site)),
  };
}

/** Builds the document served at `/<service>/<slug>.json`: one code with its service. */
export function buildCodeExport(
  service: ServiceInput,
  entry: CodeEntry,
  categories: readonly Category[],
  siteUrl: string,
): CodeExport {
  const site = normalizeSiteUrl(siteUrl);
  const own = indexCategories(categories).get(entry.code) ?? [];
  return { $schema: `${site}${SCHEMA_PATHS.code}`, service: exportService(service, site), ...exportCode(entry, own, site) };
}

/** Serialises an export document the way the site serves it: 2-space indent, final newline. */
export function serializeExport(document: ServiceExport | CodeExport): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** Where each slot of a template stands in its text; the text is the segments joined. */
export function locateSlots(segments: readonly Segment[]): { template: string; slots: ExportSlot[] } {
  let template = '';
  const slots: ExportSlot[] = [];
  for (const segment of segments) {
    if (segment.kind === 'text') {
      template += segment.text;
    } else {
      slots.push({ index: slots.length, kind: segment.slot, start: template.length, end: template.length + segment.slot.length });
      template += segment.slot;
    }
  }
  return { template, slots };
}

/** Path of a code's JSON document: `/ecs/ecs-0010.json`. */
export function codeJsonPath(entry: Pick<CodeEntry, 'service' | 'slug'>): string {
  return `/${entry.service}/${entry.slug}.json`;
}

/** Exports one code with the (non-"all") categories that list it. */
export function exportCode(entry: CodeEntry, categories: readonly Category[], site: string): ExportCode {
  const url = `${site}${codePath(entry)}`;
  return {
    code: entry.code,
    slug: entry.slug,
    url,
    json: `${site}${codeJsonPath(entry)}`,
    categories: categories.map((c) => ({ kind: c.kind, slug: c.slug, title: c.title, url: `${site}${c.path}` })),
    variants: entry.variants.map((v) => exportVariant(v, url)),
  };
}

/** Exports one row; `pageUrl` is the code page the anchor belongs to. */
export function exportVariant(variant: Variant, pageUrl: string): ExportVariant {
  const { template, slots } = locateSlots(variant.template);
  return {
    status: variant.status,
    anchor: variant.anchor,
    url: `${pageUrl}#${variant.anchor}`,
    line: variant.line,
    message: { template, html: variant.message.html, slots },
    description: { text: variant.description.text, html: variant.description.html },
    solution: { text: variant.solution.text, html: variant.solution.html },
  };
}

function exportService(service: ServiceInput, site: string): ExportService {
  return {
    id: service.id,
    name: service.name,
    short: service.short,
    ...(service.published === undefined ? {} : { published: service.published }),
    source: service.file,
    url: `${site}/${service.id}/`,
  };
}
