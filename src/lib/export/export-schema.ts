import { z } from 'astro/zod';
import { AnchorSchema, CodeEntrySchema, RichTextSchema } from '../catalogue/catalogue.ts';
import { DateSchema, HttpStatusSchema, SlotKindSchema, SlugSchema } from '../core/schemas.ts';
import { CategoryKindSchema } from '../pages/categories.ts';
import { MAX_CODES_PER_SHARD } from './export-shards.ts';

// The shapes of the two export documents (errors.json and the files it is cut into), each property described. The
// published JSON Schemas are generated from them (`buildJsonSchema`); an `id` makes a shape a `$defs` entry that both
// schemas refer to.

const Url = z.url();

/** An object shape of the exports that the JSON Schemas define once, in `$defs`, under its id. */
function definition<Shape extends z.ZodRawShape>(id: string, description: string, shape: Shape) {
  return z.object(shape).meta({ id, description });
}
const Code = CodeEntrySchema.shape.code;
const Statuses = z.array(HttpStatusSchema).min(2);

/** The cloud service a document describes. */
export const ExportServiceSchema = definition('service', 'The cloud service whose API returns these codes.', {
  id: SlugSchema.describe('Service id: the first path segment of every URL of the service (`ecs`).'),
  name: z.string().min(1).describe('Full service name (`Elastic Cloud Server`).'),
  short: z.string().min(1).describe('Short service name (`ECS`).'),
  published: DateSchema.optional().describe(
    'Date the source table was published (YYYY-MM-DD); with a history/ folder, the date of the newest version. Absent when unknown.',
  ),
  source: z
    .string()
    .min(1)
    .describe(
      'The RST table the codes are read from, relative to the repository root ' +
        "(`content/ecs/error-codes.rst`); with a history/ folder, the newest version's file.",
    ),
  url: Url.describe("Absolute URL of the service's page on the site."),
});

/** An index page of the site that lists a code. */
export const ExportCategorySchema = definition('category', 'An index page of the site that lists the code.', {
  kind: CategoryKindSchema.exclude(['all']).describe(
    'What the page groups codes by: the source table (for a file with several), HTTP status, code ' +
      'prefix, number family, or an editorial topic.',
  ),
  slug: z.string().min(1).describe("The page's slug within its kind (`400`, `ecs`, `00xx`, `network`)."),
  title: z.string().min(1).describe('The page title (`HTTP 400 Bad Request`).'),
  url: Url.describe('Absolute URL of the index page.'),
});

/** A placeholder of a message template: which kind it is and where it stands in the template text. */
export const ExportSlotSchema = definition('slot', 'A placeholder in a message template.', {
  index: z.number().int().min(0).describe("Position among the template's placeholders, from 0."),
  kind: SlotKindSchema.describe(
    'How the table writes the placeholder: `%s` (text), `%d` (number) or `xxx` (a word standing for a value).',
  ),
  start: z
    .number()
    .int()
    .min(0)
    .describe(
      "Offset of the placeholder's first character in `template`, in UTF-16 code units (JavaScript string indices), inclusive.",
    ),
  end: z
    .number()
    .int()
    .min(0)
    .describe(
      "Offset just after the placeholder's last character, exclusive: `template.slice(start, end)` is the placeholder.",
    ),
});

/** A message as exported: plain-text template, HTML, and where its placeholders are. */
export const ExportMessageSchema = definition(
  'message',
  'An error message as the table gives it, with its placeholders.',
  {
    template: z
      .string()
      .describe('The message as plain text, placeholders (`%s`, `%d`, a lone `xxx`) included as written.'),
    html: z.string().describe('The message as inline HTML; each placeholder is a `<var class="slot">` element.'),
    slots: z
      .array(ExportSlotSchema)
      .describe('The placeholders of the template, left to right. The API replaces each with a value.'),
  },
);

const ExportRichTextSchema = RichTextSchema.pick({ text: true, html: true }).meta({
  id: 'richText',
  description: 'A table cell as plain text and as HTML.',
});

/** One table row of a code, as exported. */
export const ExportVariantSchema = definition('variant', 'One row of the table for a code.', {
  status: HttpStatusSchema.optional().describe(
    'HTTP status the API returns with the code in this row (the first, when the row names several); absent when the table gives none.',
  ),
  statuses: Statuses.optional().describe(
    'Every HTTP status of a row that names several (`400/404/500`), in table order; absent for a row with one.',
  ),
  statusText: z
    .string()
    .min(1)
    .optional()
    .describe(
      'The status cell as written, when it says more than its numbers (`403 Forbidden`) or is not a status at all (kept as text).',
    ),
  anchor: AnchorSchema.describe(
    'Fragment id of the row on the code page: `http-400`, `http-400-2` for a second row with the same ' +
      'status, `row-1` for a row without a status.',
  ),
  anchors: z
    .array(z.string().regex(/^http-\d{3}$/))
    .min(1)
    .optional()
    .describe('More fragment ids that land on the row: `http-404` and `http-500` for a `400/404/500` row.'),
  url: Url.describe('Absolute URL of the row: the code page with the anchor as fragment.'),
  line: z.number().int().min(1).describe('Line of the row in the source table (service.source).'),
  message: ExportMessageSchema.describe(
    'The error message as the table gives it, with its placeholders (empty for a table without a message column).',
  ),
  description: ExportRichTextSchema.describe('What the error means.'),
  solution: ExportRichTextSchema.describe('What to do about it.'),
  other: z
    .array(
      z.object({
        header: z.string().describe('The column header as the table writes it.'),
        text: z.string().describe('The cell as plain text.'),
        html: z.string().describe('The cell as HTML (markup of the table rendered, never raw HTML from it).'),
      }),
    )
    .min(1)
    .optional()
    .describe(
      'Columns the site has no meaning for (`Module`), under their own header, in table order. An empty ' +
        "cell of a group column shows the value of the group's first row.",
    ),
  table: z
    .string()
    .min(1)
    .optional()
    .describe("The caption of the row's table, when the source file has several error tables (`V3 error codes`)."),
});

/** One wording a code has had in the dated versions of its table. */
export const ExportWordingSchema = definition(
  'wording',
  'One message the code has had, with the versions of the table that gave it.',
  {
    status: HttpStatusSchema.optional().describe('HTTP status of the row with this wording.'),
    statuses: Statuses.optional().describe('Every status of a wording whose row names several.'),
    message: ExportMessageSchema.describe('The message of this wording, with its placeholders.'),
    first: DateSchema.describe('Date of the first version of the table with this wording (YYYY-MM-DD).'),
    last: DateSchema.describe(
      'Date of the last version with this wording; a wording dropped and later restored counts from its first to its last version.',
    ),
    current: z
      .boolean()
      .describe('True when the newest version of the table has this wording (never for a retired code).'),
    url: Url.describe(
      "Absolute URL of the wording on the code page: a row's anchor (`#http-400`) for the rows the page " +
        'shows, `#v<n>` for an earlier wording.',
    ),
  },
);

/** What became of a code across the dated versions of its table (only for a service with a history/ folder). */
export const ExportHistorySchema = definition(
  'history',
  'What became of the code across the dated versions of the table. Present only when the service has a ' +
    'history/ folder of earlier versions.',
  {
    introduced: DateSchema.describe('Date of the first version of the table with the code (YYYY-MM-DD).'),
    lastPublished: DateSchema.describe(
      "Date of the last version with the code: the newest version's date, unless the code is retired.",
    ),
    retired: z
      .boolean()
      .describe(
        'True when the newest version of the table no longer has the code. Its `variants` are then the rows ' +
          "of the version dated `lastPublished` (and their `line`s are lines of that version's file).",
      ),
    added: z
      .boolean()
      .describe('True when the oldest version of the table did not have the code: it was added on `introduced`.'),
    wordings: z
      .array(ExportWordingSchema)
      .min(1)
      .describe(
        'Every message the code has had: first the rows its page shows (those of `variants`, in table ' +
          'order), then earlier wordings, most recently published first. A wording is a status with a message; ' +
          'a changed status is a new wording.',
      ),
  },
);

/** What one version of the table changed against the one before it, as exported. */
export const ExportChangeSchema = definition(
  'change',
  'What one version of the table changed against the version before it. Codes are listed in table order.',
  {
    date: DateSchema.describe('Date of this version (YYYY-MM-DD).'),
    previous: DateSchema.optional().describe('Date of the version it is compared with: the one just before.'),
    added: z.array(Code).describe('Codes this version has and the previous one did not (new, or back after a gap).'),
    removed: z.array(Code).describe("Codes of the previous version this one lacks, in the previous version's order."),
    reworded: z
      .array(
        z
          .object({
            code: Code.describe('The error code (`Ecs.0010`).'),
            before: z
              .array(z.string())
              .describe("Message texts of the code's rows in the previous version, placeholders as written."),
            after: z.array(z.string()).describe("Message texts of the code's rows in this version."),
            beforeStatus: z.array(HttpStatusSchema).describe('HTTP status of each row in `before`.'),
            afterStatus: z.array(HttpStatusSchema).describe('HTTP status of each row in `after`.'),
          })
          .describe('The rows of one code before and after, as message texts and statuses in table order.'),
      )
      .describe(
        'Codes in both versions whose rows changed: a message reworded, a status changed, a row added or dropped.',
      ),
  },
);

/** One error code, as exported in both documents. */
export const ExportCodeSchema = definition('code', 'One error code with every row the table has for it.', {
  code: Code.describe('The error code as the API returns it (`Ecs.0010`).'),
  slug: CodeEntrySchema.shape.slug.describe(
    'URL slug of the code: lowercase, dots and underscores as hyphens (`ecs-0010`).',
  ),
  url: Url.describe("Absolute URL of the code's page."),
  json: Url.describe(
    "Absolute URL of the code's JSON document: the export file of its service that holds it " +
      '(errors-shard.schema.json), with a JSON Pointer to the code as fragment ' +
      '(`https://…/ecs/errors/ecs-0000--ecs-0214.json#/codes/Ecs.0010`).',
  ),
  categories: z
    .array(ExportCategorySchema)
    .describe(
      'Index pages that list the code (by status, prefix, family, topic), in site order. The "all codes" ' +
        'page is left out: it lists every code.',
    ),
  variants: z
    .array(ExportVariantSchema)
    .min(1)
    .describe(
      'The table rows for the code, in table order. Most codes have one; a code the API returns with ' +
        'several HTTP statuses has one per row.',
    ),
  history: ExportHistorySchema.optional().describe(
    "The code's history across dated versions of the table; only when the service has them.",
  ),
});

/** The document at `/<service>/errors.json`. */
export const ServiceExportSchema = z
  .object({
    $schema: Url.describe("URL of this document's JSON Schema (errors.schema.json)."),
    service: ExportServiceSchema.describe('The service whose API returns these codes.'),
    notes: z
      .array(z.string())
      .describe(
        'The notes above the table, as plain text; they apply to every code (for example, that Common.* ' +
          'codes are shared with other services).',
      ),
    codes: z.array(ExportCodeSchema).describe('Every error code of the service.'),
    versions: z
      .array(DateSchema)
      .min(1)
      .optional()
      .describe(
        'Dates of the published versions of the table, oldest first; the last is the current one. Present ' +
          'only when the service has a history/ folder.',
      ),
    changes: z
      .array(ExportChangeSchema)
      .optional()
      .describe(
        'What each version changed against the one before, oldest first (one entry per version after the ' +
          'first). Present only with `versions`.',
      ),
  })
  .meta({
    title: 'Error codes of a service',
    description:
      'Every error code of one cloud service, as served at /<service>/errors.json. Codes are in table ' +
      'order: prefixes in order of first appearance, then by number.',
  });

/** The document at `/<service>/errors/<first>--<last>.json`: a run of the codes of errors.json, each under its code. */
export const ShardExportSchema = z
  .object({
    $schema: Url.describe("URL of this document's JSON Schema (errors-shard.schema.json)."),
    service: ExportServiceSchema.describe('The service whose API returns these codes.'),
    codes: z
      .record(Code, ExportCodeSchema)
      .describe(
        `At most ${MAX_CODES_PER_SHARD} consecutive codes of errors.json, each the same object as there, under its ` +
          "code: the JSON Pointer `/codes/<code>` is the fragment of the code's `json` URL. Look codes up by key: " +
          'errors.json gives their table order (a JSON parser may put numeric keys such as `111400150` first).',
      ),
  })
  .meta({
    title: 'Error codes of a service, one file of its export',
    description:
      'Consecutive error codes of one cloud service, as served at /<service>/errors/<first>--<last>.json ' +
      '(the slugs of its first and last code). Every code of errors.json is in one such file.',
  });

export type ExportService = z.infer<typeof ExportServiceSchema>;
export type ExportCategory = z.infer<typeof ExportCategorySchema>;
export type ExportSlot = z.infer<typeof ExportSlotSchema>;
export type ExportMessage = z.infer<typeof ExportMessageSchema>;
export type ExportVariant = z.infer<typeof ExportVariantSchema>;
export type ExportWording = z.infer<typeof ExportWordingSchema>;
export type ExportHistory = z.infer<typeof ExportHistorySchema>;
export type ExportChange = z.infer<typeof ExportChangeSchema>;
export type ExportCode = z.infer<typeof ExportCodeSchema>;
export type ServiceExport = z.infer<typeof ServiceExportSchema>;
export type ShardExport = z.infer<typeof ShardExportSchema>;

/** Site paths of the JSON Schemas that describe the two export documents. */
export const SCHEMA_PATHS = {
  service: '/schemas/errors.schema.json',
  shard: '/schemas/errors-shard.schema.json',
} as const;

const DOCUMENT_SCHEMAS = { service: ServiceExportSchema, shard: ShardExportSchema } as const;

/**
 * The published JSON Schema (draft 2020-12) of an export document, generated from its zod schema: `service` for
 * errors.json, `shard` for the files it is cut into (served at `SCHEMA_PATHS[document]`).
 */
export function buildJsonSchema(document: keyof typeof DOCUMENT_SCHEMAS): Record<string, unknown> {
  return z.toJSONSchema(DOCUMENT_SCHEMAS[document], {
    target: 'draft-2020-12',
    // zod bounds every integer by the safe range; a bound the shape does not set is noise in the schema.
    override: ({ jsonSchema }) => {
      if (jsonSchema.maximum === Number.MAX_SAFE_INTEGER) delete jsonSchema.maximum;
      if (jsonSchema.minimum === Number.MIN_SAFE_INTEGER) delete jsonSchema.minimum;
    },
  }) as Record<string, unknown>;
}
