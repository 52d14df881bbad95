import { z } from 'astro/zod';
import { RichTextSchema } from '../catalogue/catalogue.ts';
import type { CodeHistory } from './history.ts';
import { DateSchema, SegmentSchema } from '../core/schemas.ts';
import { diffWords, DiffPartSchema } from './word-diff.ts';
import { earlierWordingAnchor } from '../core/urls.ts';

/** A wording the page shows below the current rows: an earlier message of the code. */
export const EarlierWordingSchema = z.object({
  id: z
    .string()
    .regex(/^v\d+$/)
    .describe('Fragment id on the code page: `v3`.'),
  statuses: z.array(z.number().int()),
  message: RichTextSchema,
  template: z.array(SegmentSchema),
  first: DateSchema,
  last: DateSchema,
  rank: z
    .number()
    .int()
    .min(1)
    .describe('Versions published after its last one: 1 for the version just before the newest.'),
  diff: z
    .array(DiffPartSchema)
    .describe('Word changes from this wording to the one the page shows for the same status (or its first row).'),
});
export type EarlierWording = z.infer<typeof EarlierWordingSchema>;

/** What a code page shows of the code's history across dated versions of the table. */
export const PageHistorySchema = z.object({
  introduced: DateSchema,
  lastPublished: DateSchema,
  retired: z.boolean(),
  added: z.boolean(),
  shown: z
    .record(z.string(), z.object({ first: DateSchema, last: DateSchema }))
    .describe('First and last publication of each row the page shows, by its anchor.'),
  earlier: z.array(EarlierWordingSchema),
});
export type PageHistory = z.infer<typeof PageHistorySchema>;

/** Turns a code's history into what its page shows; `dates` are all version dates, oldest first. */
export function toPageHistory(history: CodeHistory, dates: readonly string[]): PageHistory {
  const shownWordings = history.wordings.filter((w) => w.anchor !== undefined);
  const shown: PageHistory['shown'] = {};
  for (const w of shownWordings) shown[w.anchor!] = { first: w.first, last: w.last };
  const newest = dates.length - 1;
  const earlier = history.wordings.flatMap((w, index): EarlierWording[] => {
    if (w.anchor !== undefined) return [];
    const replacement = shownWordings.find((s) => s.statuses.join('/') === w.statuses.join('/')) ?? shownWordings[0];
    return [
      {
        id: earlierWordingAnchor(index),
        statuses: w.statuses,
        message: w.message,
        template: w.template,
        first: w.first,
        last: w.last,
        rank: Math.max(1, newest - dates.indexOf(w.last)),
        diff: replacement ? diffWords(w.message.text, replacement.message.text) : [],
      },
    ];
  });
  return {
    introduced: history.introduced,
    lastPublished: history.lastPublished,
    retired: history.retired,
    added: history.added,
    shown,
    earlier,
  };
}
