import type { Root } from 'mdast';
import type { Diagnostic } from './diagnostics';
import { codeSlug } from './code-spelling';
import { toHtml, toInlineHtml, toPlainText } from './markup';
import { readErrorTable, type ErrorRow } from './rst/error-table';
import { rstToMdast } from './rst/inline';
import { markSlots } from './slots';
import { parseTemplate, type Segment } from './template';

/** Text from a table cell, kept both as plain text (search, export) and as HTML (pages). */
export interface RichText {
  text: string;
  html: string;
}

/** One row of the table for a code: a code on several rows has several variants. */
export interface Variant {
  status: number;
  /** Fragment id on the code page: `http-404`, or `http-400-2` for a second 400 row. */
  anchor: string;
  message: RichText;
  /** The message's plain text split into literal text and slots. */
  template: Segment[];
  description: RichText;
  solution: RichText;
  /** Line of the row in the source file. */
  line: number;
}

/** One error code of a service, with every row the table has for it. */
export interface CodeEntry {
  service: string;
  code: string;
  slug: string;
  /** The part before the number, as written (`Ecs`, `Common`). */
  prefix: string;
  /** The digits after the prefix, as written (`0010`). */
  number: string;
  variants: Variant[];
  line: number;
}

/** Everything the site knows about one service, straight from its content folder. */
export interface ServiceCatalogue {
  id: string;
  name: string;
  short: string;
  summary: string;
  published?: string;
  /** Path of the source table, relative to the project root. */
  file: string;
  /** The bullet notes above the table, shown on every code page. */
  notes: RichText[];
  /** Codes in catalogue order: prefixes in order of first appearance, then by number. */
  entries: CodeEntry[];
}

/** What a service folder holds besides its table. */
export interface ServiceMeta {
  name?: string;
  short?: string;
  summary?: string;
  published?: string;
}

/** A service's display name and short name: from service.json, else its folder id in capitals. */
export function serviceNames(id: string, meta: ServiceMeta): { name: string; short: string } {
  return { name: meta.name ?? id.toUpperCase(), short: meta.short ?? id.toUpperCase() };
}

/** Builds a service's catalogue from its RST table; every problem in the table is a diagnostic. */
export function buildCatalogue(input: {
  id: string;
  file: string;
  text: string;
  meta?: ServiceMeta;
}): { catalogue?: ServiceCatalogue; diagnostics: Diagnostic[] } {
  const { table, diagnostics } = readErrorTable(input.text, input.file);
  if (!table) return { diagnostics };
  const meta = input.meta ?? {};
  const catalogue: ServiceCatalogue = {
    id: input.id,
    ...serviceNames(input.id, meta),
    summary: meta.summary ?? '',
    published: meta.published,
    file: input.file,
    notes: table.notes.map((note) => toRichText(rstToMdast(note))),
    entries: groupRows(input.id, table.rows),
  };
  return { catalogue, diagnostics };
}

function groupRows(service: string, rows: readonly ErrorRow[]): CodeEntry[] {
  const byCode = new Map<string, CodeEntry>();
  const prefixOrder: string[] = [];
  for (const row of rows) {
    const { prefix, number } = splitCode(row.code);
    let entry = byCode.get(row.code);
    if (!entry) {
      entry = { service, code: row.code, slug: codeSlug(row.code), prefix, number, variants: [], line: row.line };
      byCode.set(row.code, entry);
      if (!prefixOrder.includes(prefix)) prefixOrder.push(prefix);
    }
    entry.variants.push(toVariant(row, entry.variants));
  }
  return [...byCode.values()].sort(
    (a, b) =>
      prefixOrder.indexOf(a.prefix) - prefixOrder.indexOf(b.prefix) ||
      compareNumbers(a.number, b.number) ||
      a.code.localeCompare(b.code),
  );
}

function toVariant(row: ErrorRow, earlier: readonly Variant[]): Variant {
  const message = rstToMdast(row.message.text);
  const sameStatus = earlier.filter((v) => v.status === row.status).length;
  return {
    status: row.status,
    anchor: sameStatus === 0 ? `http-${row.status}` : `http-${row.status}-${sameStatus + 1}`,
    message: { text: toPlainText(message), html: toInlineHtml(markSlots(message)) },
    template: parseTemplate(toPlainText(message)),
    description: toRichText(rstToMdast(row.description.text)),
    solution: toRichText(rstToMdast(row.solution.text)),
    line: row.line,
  };
}

function toRichText(root: Root): RichText {
  return { text: toPlainText(root), html: toHtml(root) };
}

/** Splits `Ecs.0010` into its prefix and number; a code without a number is all prefix. */
export function splitCode(code: string): { prefix: string; number: string } {
  const match = /^(.*?)[._\-\s]?(\d+)$/.exec(code);
  if (!match || match[1] === '') return { prefix: code, number: '' };
  return { prefix: match[1], number: match[2] };
}

function compareNumbers(a: string, b: string): number {
  return (Number(a) || 0) - (Number(b) || 0);
}

/** The number of rows behind a catalogue, and of distinct codes. */
export function countRows(catalogue: ServiceCatalogue): { rows: number; codes: number } {
  const rows = catalogue.entries.reduce((n, e) => n + e.variants.length, 0);
  return { rows, codes: catalogue.entries.length };
}
