import { z } from 'zod';

/** Cell text as plain text and as HTML. */
export const RichTextSchema = z.object({ text: z.string(), html: z.string() });

/** A piece of a message template. */
export const SegmentSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('text'), text: z.string() }),
  z.object({ kind: z.literal('slot'), slot: z.enum(['%s', '%d', 'xxx']) }),
]);

/** One row of a code. */
export const VariantSchema = z.object({
  status: z.number().int().min(100).max(599),
  anchor: z.string().regex(/^http-\d{3}(-\d+)?$/),
  message: RichTextSchema,
  template: z.array(SegmentSchema),
  description: RichTextSchema,
  solution: RichTextSchema,
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

const CodeLinkSchema = z.object({ code: z.string(), path: z.string(), status: z.number(), message: z.string() });
const CategoryLinkSchema = z.object({
  kind: z.enum(['all', 'status', 'prefix', 'family', 'topic']),
  title: z.string(),
  label: z.string(),
  path: z.string(),
});

/** What a code page shows: the entry, its categories, related codes and neighbours. */
export const CodePageSchema = z.object({
  entry: CodeEntrySchema,
  path: z.string(),
  categories: z.array(CategoryLinkSchema),
  sameMessage: z.array(CodeLinkSchema),
  related: z.array(z.object({ category: CategoryLinkSchema, codes: z.array(CodeLinkSchema) })),
  previous: CodeLinkSchema.optional(),
  next: CodeLinkSchema.optional(),
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
  id: z.string(),
  name: z.string(),
  short: z.string(),
  summary: z.string(),
  published: z.string().optional(),
  file: z.string(),
  notes: z.array(RichTextSchema),
  rows: z.number().int(),
  codes: z.number().int(),
  categories: z.array(CategorySchema),
});
