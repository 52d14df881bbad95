import { z } from 'astro/zod';
import { isCalendarDate } from './dates.ts';

// The zod schemas of core shapes, apart from the modules that use them: template.ts, urls.ts and
// code-identity.ts run in the browser, which should not bundle zod.

const DATE_SHAPE = /^\d{4}-\d{2}-\d{2}$/;

/** A date as the content writes it, a day of the calendar: `2024-05-28` (not `2023-02-29`). */
export const DateSchema = z
  .string()
  .regex(DATE_SHAPE, 'must be a date (YYYY-MM-DD)')
  // A text of the right shape that names no day (2023-02-29) is told so once, by this check alone.
  .refine((text) => !DATE_SHAPE.test(text) || isCalendarDate(text), 'must be a date (YYYY-MM-DD)')
  .meta({ format: 'date' });

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
