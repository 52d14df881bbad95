import { describe, expect, it } from 'vitest';
import { parseTemplate, SLOT_PATTERN } from '../../src/lib/core/template.ts';

describe('SLOT_PATTERN', () => {
  it('finds %s, %d and xxx standing as a word of its own', () => {
    const text = 'Instance xxx could not take %s (%d GB); xxxx, a_xxx, xxx1 and 1xxx are words.';
    expect(Array.from(text.matchAll(SLOT_PATTERN), (m) => [m[0], m.index])).toEqual([
      ['xxx', 9],
      ['%s', 28],
      ['%d', 32],
    ]);
  });
});

describe('parseTemplate', () => {
  it('splits a message into text and the slots SLOT_PATTERN finds', () => {
    expect(parseTemplate('Instance xxx has %d disks named %s.')).toEqual([
      { kind: 'text', text: 'Instance ' },
      { kind: 'slot', slot: 'xxx' },
      { kind: 'text', text: ' has ' },
      { kind: 'slot', slot: '%d' },
      { kind: 'text', text: ' disks named ' },
      { kind: 'slot', slot: '%s' },
      { kind: 'text', text: '.' },
    ]);
  });

  it('gives one text segment for a message without slots, and reads it the same twice', () => {
    expect(parseTemplate('The xxxx is full.')).toEqual([{ kind: 'text', text: 'The xxxx is full.' }]);
    expect(parseTemplate('%s%s')).toEqual(parseTemplate('%s%s'));
    expect(parseTemplate('%s%s')).toEqual([
      { kind: 'slot', slot: '%s' },
      { kind: 'slot', slot: '%s' },
    ]);
  });
});
