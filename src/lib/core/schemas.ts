import { z } from 'astro/zod';

// The zod schemas of core shapes, apart from the modules that use them: template.ts, urls.ts and
// code-identity.ts run in the browser, which should not bundle zod.

/** A date as the content writes it: `2024-05-28`. */
export const DateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date (YYYY-MM-DD)').meta({ format: 'date' });

/** A URL path segment: lowercase letters, digits and hyphens (`ecs-0010`, `network`). */
export const SlugSchema = z.string().regex(/^[a-z0-9-]+$/, 'must use lowercase letters, digits and "-"');

/** An HTTP status code. */
export const HttpStatusSchema = z.number().int().min(100).max(599);

/** The kinds of placeholder a message template can hold. */
export const SlotKindSchema = z.enum(['%s', '%d', 'xxx']);

/** A piece of a message template: literal text, or a slot that the API fills in. */
export const SegmentSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('text'), text: z.string() }),
  z.object({ kind: z.literal('slot'), slot: SlotKindSchema }),
]);
