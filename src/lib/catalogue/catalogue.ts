import type { Root } from 'mdast';
import { z } from 'astro/zod';
import { sortDiagnostics, splitWarnings, type Diagnostic } from '../core/diagnostics.ts';
import { assignSlugs, splitCode } from '../core/code-identity.ts';
import { rowAnchor, statusAnchor } from '../core/urls.ts';
import { toHtml, toInlineHtml, toMarkdown, toPlainText } from '../rst/markup.ts';
import { readErrorTable, type ErrorRow } from '../rst/error-table.ts';
import { rstToMdast } from '../rst/inline.ts';
import { markSlots } from '../rst/slots.ts';
import { parseTemplate } from '../core/template.ts';
import { HttpStatusSchema, SegmentSchema, SlugSchema } from '../core/schemas.ts';
import { CluesSchema, serviceClues, serviceNames, type ServiceMeta } from './service-meta.ts';

/** Text from a table cell, kept as plain text (search, export), as HTML (pages) and as Markdown (the Markdown twins). */
export const RichTextSchema = z.object({
  text: z.string().describe('The cell as plain text: markup removed, list items on their own lines.'),
  html: z.string().describe('The cell as HTML (paragraphs, lists, links, code).'),
  markdown: z
    .string()
    .describe('The cell as Markdown (CommonMark): its markup kept, any character that would be markup escaped.'),
});
export type RichText = z.infer<typeof RichTextSchema>;

/** Fragment id of a row on its code page: `http-404`, `http-400-2` for a second 400 row, `row-1` for a row without a status. */
export const AnchorSchema = z.string().regex(/^(http-\d{3}(-\d+)?|row-\d+)$/);

/** One row of the table for a code: a code on several rows has several variants. */
export const VariantSchema = z.object({
  statuses: z
    .array(HttpStatusSchema)
    .describe('Every HTTP status of the row (`400/404/500` is one row with three); empty when the table gives none.'),
  statusText: z
    .string()
    .optional()
    .describe('The status cell as written, when it says more than its numbers (`403 Forbidden`, `n/a`).'),
  anchor: AnchorSchema,
  anchors: z
    .array(AnchorSchema)
    .optional()
    .describe('More fragment ids that land on this row: `http-404` and `http-500` for a row of `400/404/500`.'),
  message: RichTextSchema,
  template: z.array(SegmentSchema).describe("The message's plain text split into literal text and slots."),
  description: RichTextSchema,
  solution: RichTextSchema,
  other: z
    .array(z.object({ header: z.string(), value: RichTextSchema }))
    .optional()
    .describe('Columns the site has no meaning for (`Module`), under their own header, in table order.'),
  table: z
    .number()
    .int()
    .min(0)
    .optional()
    .describe("Index of the row's table in `ServiceCatalogue.tables`, when the file has several error tables."),
  line: z.number().int().min(1).describe('Line of the row in the source file.'),
});
export type Variant = z.infer<typeof VariantSchema>;

/** One error table of a file that has several: its caption (`V3 error codes`) and line. */
export const TableGroupSchema = z.object({ caption: z.string().optional(), line: z.number().int().min(1) });
export type TableGroup = z.infer<typeof TableGroupSchema>;

/** One error code of a service, with every row the table has for it. */
export const CodeEntrySchema = z.object({
  service: z.string(),
  code: z.string().min(1),
  slug: SlugSchema,
  prefix: z
    .string()
    .describe('The part before the number, as written (`Ecs`, `Common`); empty for plain numbers and names.'),
  number: z.string().describe('The digits at the end, as written (`0010`); empty for names (`BadDigest`).'),
  variants: z.array(VariantSchema).min(1),
  line: z.number().int().min(1),
});
export type CodeEntry = z.infer<typeof CodeEntrySchema>;

/** Everything the site knows about one service, straight from its content folder. */
export const ServiceCatalogueSchema = z.object({
  id: z.string(),
  name: z.string(),
  short: z.string(),
  summary: z.string(),
  published: z.string().optional(),
  clues: CluesSchema,
  file: z.string().describe('Path of the source table, relative to the project root.'),
  notes: z.array(RichTextSchema).describe('The bullet notes above the table, shown on every code page.'),
  entries: z
    .array(CodeEntrySchema)
    .describe('Codes in catalogue order: prefixes in order of first appearance, then by number.'),
  tables: z
    .array(TableGroupSchema)
    .optional()
    .describe("The file's error tables, when it has several (V3, V1, legacy codes)."),
});
export type ServiceCatalogue = z.infer<typeof ServiceCatalogueSchema>;

/**
 * Builds a service's catalogue from its RST file; every problem in its tables is a diagnostic (`errors`
 * stop the build, `warnings` do not). Two codes that would share a URL get distinct slugs, with a warning.
 */
export function buildCatalogue(input: { id: string; file: string; text: string; meta?: ServiceMeta }): {
  catalogue?: ServiceCatalogue;
  diagnostics: Diagnostic[];
  warnings: Diagnostic[];
} {
  const { table, diagnostics: found } = readErrorTable(input.text, input.file);
  const { errors: diagnostics, warnings } = splitWarnings(found);
  if (!table) return { diagnostics, warnings };
  const meta = input.meta ?? {};
  const several = table.tables.length > 1;
  const { slugs, collisions } = assignSlugs(table.rows.map((row) => row.code));
  const firstRow = new Map<string, ErrorRow>();
  for (const row of table.rows) if (!firstRow.has(row.code)) firstRow.set(row.code, row);
  for (const { code, slug, sharedWith } of collisions) {
    const row = firstRow.get(code)!;
    warnings.push({
      file: input.file,
      ...row.codeCell,
      message: `${code} and ${sharedWith} would share a URL: ${code} gets /${input.id}/${slug}/`,
      severity: 'warning',
    });
  }
  const catalogue: ServiceCatalogue = {
    id: input.id,
    ...serviceNames(input.id, meta),
    summary: meta.summary ?? '',
    published: meta.published,
    clues: serviceClues(input.id, meta),
    file: input.file,
    notes: table.notes.map((note) => toRichText(rstToMdast(note))),
    entries: groupRows(input.id, table.rows, slugs, several),
    ...(several
      ? { tables: table.tables.map((t) => ({ ...(t.caption ? { caption: t.caption } : {}), line: t.line })) }
      : {}),
  };
  return { catalogue, diagnostics, warnings: sortDiagnostics(warnings) };
}

function groupRows(
  service: string,
  rows: readonly ErrorRow[],
  slugs: ReadonlyMap<string, string>,
  several: boolean,
): CodeEntry[] {
  const byCode = new Map<string, CodeEntry>();
  const prefixOrder: string[] = [];
  for (const row of rows) {
    const { prefix, number } = splitCode(row.code);
    let entry = byCode.get(row.code);
    if (!entry) {
      entry = { service, code: row.code, slug: slugs.get(row.code)!, prefix, number, variants: [], line: row.line };
      byCode.set(row.code, entry);
      if (!prefixOrder.includes(prefix)) prefixOrder.push(prefix);
    }
    entry.variants.push(toVariant(row, entry.variants, several));
  }
  for (const entry of byCode.values()) addStatusAnchors(entry.variants);
  return [...byCode.values()].sort(
    (a, b) =>
      prefixOrder.indexOf(a.prefix) - prefixOrder.indexOf(b.prefix) ||
      // Numbered codes by number, then names in table order.
      Number(a.number === '') - Number(b.number === '') ||
      compareNumbers(a.number, b.number) ||
      (a.number === '' ? a.line - b.line : 0) ||
      a.code.localeCompare(b.code),
  );
}

function toVariant(row: ErrorRow, earlier: readonly Variant[], several: boolean): Variant {
  const message = rstToMdast(row.message.text);
  const description = toRichText(rstToMdast(row.description.text));
  const messageText = toPlainText(message);
  const other = row.other.map((o) => ({ header: o.header, value: toRichText(rstToMdast(o.cell.text)) }));
  return {
    statuses: row.statuses,
    ...(row.statusText !== undefined ? { statusText: row.statusText } : {}),
    anchor: primaryAnchor(row.statuses[0], earlier),
    message: { text: messageText, html: toInlineHtml(markSlots(message)), markdown: toMarkdown(message) },
    // A table without a message column is matched by its description: that is the text its API returns.
    template: parseTemplate(messageText || description.text),
    description,
    solution: toRichText(rstToMdast(row.solution.text)),
    ...(other.length > 0 ? { other } : {}),
    ...(several ? { table: row.table } : {}),
    line: row.line,
  };
}

/** `http-400` for a code's first 400 row, `http-400-2` for its second; `row-1`, `row-2` for rows without a status. */
function primaryAnchor(status: number | undefined, earlier: readonly Variant[]): string {
  const same = earlier.filter((v) =>
    status === undefined ? v.statuses.length === 0 : v.statuses[0] === status,
  ).length;
  return rowAnchor(status, same + 1);
}

/** Lets `#http-404` land on a `400/404` row, unless another row of the code already has that anchor. */
function addStatusAnchors(variants: Variant[]): void {
  const taken = new Set(variants.map((v) => v.anchor));
  for (const variant of variants) {
    const extra = variant.statuses
      .slice(1)
      .map(statusAnchor)
      .filter((a) => !taken.has(a));
    for (const anchor of extra) taken.add(anchor);
    if (extra.length > 0) variant.anchors = extra;
  }
}

function toRichText(root: Root): RichText {
  return { text: toPlainText(root), html: toHtml(root), markdown: toMarkdown(root) };
}

function compareNumbers(a: string, b: string): number {
  return (Number(a) || 0) - (Number(b) || 0);
}

/** The number of rows behind a catalogue, and of distinct codes. */
export function countRows(catalogue: ServiceCatalogue): { rows: number; codes: number } {
  const rows = catalogue.entries.reduce((n, e) => n + e.variants.length, 0);
  return { rows, codes: catalogue.entries.length };
}
