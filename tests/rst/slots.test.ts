import { describe, expect, it } from 'vitest';
import { parseTemplate } from '../../src/lib/core/template.ts';
import { rstToMdast } from '../../src/lib/rst/inline.ts';
import { toInlineHtml } from '../../src/lib/rst/markup.ts';
import { markSlots } from '../../src/lib/rst/slots.ts';

describe('markSlots', () => {
  it('shows each slot of a message as a <var> with its kind in the title', () => {
    expect(toInlineHtml(markSlots(rstToMdast('Disk **xxx** holds %d files of %s.')))).toBe(
      'Disk <strong><var class="slot" title="Placeholder: text filled in by the API">xxx</var></strong> holds ' +
        '<var class="slot" title="Placeholder: a number filled in by the API">%d</var> files of ' +
        '<var class="slot" title="Placeholder: text filled in by the API">%s</var>.',
    );
  });

  it('marks exactly the slots that parseTemplate reads from the same text', () => {
    const text = 'Instance xxx could not take %s (%d GB); xxxx, a_xxx and %x are text.';
    const marked = toInlineHtml(markSlots(rstToMdast(text)));
    const slots = parseTemplate(text).flatMap((segment) => (segment.kind === 'slot' ? [segment.slot] : []));
    expect(Array.from(marked.matchAll(/<var[^>]*>([^<]*)<\/var>/g), (m) => m[1])).toEqual(slots);
    expect(slots).toEqual(['xxx', '%s', '%d']);
  });

  it('leaves a message without slots as it was', () => {
    const root = rstToMdast('Nothing to fill in.');
    expect(markSlots(root)).toEqual(root);
  });
});
