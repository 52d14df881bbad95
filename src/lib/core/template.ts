import type { z } from 'astro/zod';
import type { SegmentSchema, SlotKindSchema } from './schemas.ts';

/** The kinds of placeholder a message template can hold. */
export type SlotKind = z.infer<typeof SlotKindSchema>;

/** A piece of a message template: literal text, or a slot that the API fills in. */
export type Segment = z.infer<typeof SegmentSchema>;

/**
 * Every slot of a message text: `%s`, `%d`, and `xxx` standing as a word of its own ("Instance xxx could").
 * Global: use it with `matchAll`, which copies it, never with `exec` or `test`, which keep its `lastIndex`.
 */
export const SLOT_PATTERN = /%s|%d|(?<![A-Za-z0-9_])xxx(?![A-Za-z0-9_])/g;

/** Splits a plain-text message template into literal text and slots (`%s`, `%d`, a lone `xxx`). */
export function parseTemplate(message: string): Segment[] {
  const segments: Segment[] = [];
  let last = 0;
  for (const match of message.matchAll(SLOT_PATTERN)) {
    const at = match.index ?? 0;
    if (at > last) segments.push({ kind: 'text', text: message.slice(last, at) });
    segments.push({ kind: 'slot', slot: match[0] as SlotKind });
    last = at + match[0].length;
  }
  if (last < message.length) segments.push({ kind: 'text', text: message.slice(last) });
  return segments;
}
