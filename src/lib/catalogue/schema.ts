import { z } from 'astro/zod';

/** Cell text as plain text and as HTML. */
export const RichTextSchema = z.object({ text: z.string(), html: z.string() });

/** A piece of a message template. */
export const SegmentSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('text'), text: z.string() }),
  z.object({ kind: z.literal('slot'), slot: z.enum(['%s', '%d', 'xxx']) }),
]);

/** One row of a code. */
const AnchorSchema = z.string().regex(/^(http-\d{3}(-\d+)?|row-\d+)$/);

export const VariantSchema = z.object({
  statuses: z.array(z.number().int().min(100).max(599)),
  statusText: z.string().optional(),
  anchor: AnchorSchema,
  anchors: z.array(AnchorSchema).optional(),
  message: RichTextSchema,
  template: z.array(SegmentSchema),
  description: RichTextSchema,
  solution: RichTextSchema,
  other: z.array(z.object({ header: z.string(), value: RichTextSchema })).optional(),
  table: z.number().int().min(0).optional(),
  line: z.number().int().positive(),
});

/** One error code of a service. */
export const CodeEntrySchema = z.object({
  service: z.string(),
  code: z.string().min(1),
  slug: z.string().regex(/^[a-z0-9-]+$/),
  prefix: z.string(),
  number: z.string(),
  variants: z.array(VariantSchema).min(1),
  line: z.number().int().positive(),
});

const CategoryLinkSchema = z.object({
  kind: z.enum(['all', 'table', 'status', 'prefix', 'family', 'topic']),
  title: z.string(),
  label: z.string(),
  path: z.string(),
});

const DiffPartSchema = z.object({ kind: z.enum(['same', 'removed', 'added']), text: z.string() });
const DateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** What a code page shows of the code's history across dated versions of the table. */
export const PageHistorySchema = z.object({
  introduced: DateSchema,
  lastPublished: DateSchema,
  retired: z.boolean(),
  added: z.boolean(),
  shown: z.record(z.string(), z.object({ first: DateSchema, last: DateSchema })),
  earlier: z.array(z.object({
    id: z.string().regex(/^v\d+$/),
    statuses: z.array(z.number().int()),
    message: RichTextSchema,
    template: z.array(SegmentSchema),
    first: DateSchema,
    last: DateSchema,
    rank: z.number().int().positive(),
    diff: z.array(DiffPartSchema),
  })),
});

/** What changed from one version of a table to the next. */
export const VersionChangeSchema = z.object({
  date: DateSchema,
  previous: DateSchema.optional(),
  added: z.array(z.string()),
  removed: z.array(z.string()),
  reworded: z.array(z.object({
    code: z.string(),
    before: z.array(z.string()),
    after: z.array(z.string()),
    beforeStatus: z.array(z.number()),
    afterStatus: z.array(z.number()),
  })),
});

/** A code page as the content store keeps it: links by code and category path (see `StoredCodePage`). */
export const StoredCodePageSchema = z.object({
  /** Place in the table order of all services; the content store itself keeps entries sorted by id. */
  order: z.number().int().min(0),
  entry: CodeEntrySchema,
  path: z.string(),
  categories: z.array(z.string()),
  sameMessage: z.array(z.string()),
  related: z.array(z.object({ category: z.string(), codes: z.array(z.string()) })),
  previous: z.string().optional(),
  next: z.string().optional(),
  history: PageHistorySchema.optional(),
});

/** An index page of a service. */
export const CategorySchema = CategoryLinkSchema.extend({
  service: z.string(),
  slug: z.string(),
  summary: z.string(),
  codes: z.array(z.string()),
});

/** A service: its name, the table's notes and its index pages. */
export const ServiceSchema = z.object({
  /** Place among the services (folder order); the content store itself keeps entries sorted by id. */
  order: z.number().int().min(0),
  id: z.string(),
  name: z.string(),
  short: z.string(),
  summary: z.string(),
  published: z.string().optional(),
  file: z.string(),
  notes: z.array(RichTextSchema),
  tables: z.array(z.object({ caption: z.string().optional(), line: z.number().int().positive() })).optional(),
  rows: z.number().int(),
  codes: z.number().int(),
  categories: z.array(CategorySchema),
  history: z.object({ dates: z.array(DateSchema), current: DateSchema, changes: z.array(VersionChangeSchema) }).optional(),
  synonyms: z.array(z.array(z.string())),
});
