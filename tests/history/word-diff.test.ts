import { describe, expect, it } from 'vitest';
import { diffWords, MAX_DIFF_TOKENS, type DiffPart } from '../../src/lib/history/word-diff.ts';

const oldText = (parts: readonly DiffPart[]) =>
  parts
    .filter((p) => p.kind !== 'added')
    .map((p) => p.text)
    .join('');
const newText = (parts: readonly DiffPart[]) =>
  parts
    .filter((p) => p.kind !== 'removed')
    .map((p) => p.text)
    .join('');
/** The diff as one line: `[-removed-]{+added+}`, the way `git diff --word-diff` prints it. */
const show = (parts: readonly DiffPart[]) =>
  parts.map((p) => (p.kind === 'same' ? p.text : p.kind === 'removed' ? `[-${p.text}-]` : `{+${p.text}+}`)).join('');

/** A small deterministic random generator, so a failure can be replayed. */
function random(seed: number): () => number {
  return () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
}

describe('word diff', () => {
  it('shows a reworded ECS message as a few readable replacements', () => {
    const parts = diffWords(
      'Private IP address %s is already in use.',
      'The private IP address is already being used. Select another IP address.',
    );
    expect(show(parts)).toBe(
      '[-Private -]{+The private +}IP address [-%s -]is already [-in use-]{+being used. Select another IP address+}.',
    );
  });

  it('keeps a changed word whole rather than matching its letters', () => {
    expect(show(diffWords('submit job failed', 'Failed to submit the job.'))).toBe(
      '{+Failed to +}submit [-job failed-]{+the job.+}',
    );
  });

  it('gives one same part for equal texts and nothing for two empty ones', () => {
    expect(diffWords('Quota exceeded.', 'Quota exceeded.')).toEqual([{ kind: 'same', text: 'Quota exceeded.' }]);
    expect(diffWords('', '')).toEqual([]);
    expect(diffWords('', 'New.')).toEqual([{ kind: 'added', text: 'New.' }]);
    expect(diffWords('Old.', '')).toEqual([{ kind: 'removed', text: 'Old.' }]);
  });

  it('keeps whitespace exactly, line breaks and double spaces included', () => {
    const parts = diffWords('Insufficient  IP\naddresses. ', 'Insufficient IP\n addresses.');
    expect(oldText(parts)).toBe('Insufficient  IP\naddresses. ');
    expect(newText(parts)).toBe('Insufficient IP\n addresses.');
  });

  it('never has two neighbouring parts of one kind, and puts removed before added', () => {
    const parts = diffWords('a b c d e f', 'a x c y e z');
    for (let i = 1; i < parts.length; i++) {
      expect(parts[i].kind).not.toBe(parts[i - 1].kind);
      if (parts[i].kind === 'removed') expect(parts[i - 1].kind).toBe('same');
    }
  });

  it('rebuilds both texts exactly from the parts, for random texts', () => {
    const next = random(42);
    const words = ['IP', 'address', 'the', 'ECS', '%s', 'is', 'not', 'found', 'é', '日本', 'x_y', '3.14'];
    const gaps = [' ', ' ', ' ', '  ', '\n', '\t', '', '. ', ', ', ': ', '(', ')', '-'];
    const text = () =>
      Array.from(
        { length: Math.floor(next() * 25) },
        () => words[Math.floor(next() * words.length)] + gaps[Math.floor(next() * gaps.length)],
      ).join('');
    for (let round = 0; round < 500; round++) {
      const before = text();
      const after = next() < 0.5 ? text() : before.replace(/is|the/g, (w) => (next() < 0.5 ? w : 'was'));
      const parts = diffWords(before, after);
      expect(oldText(parts), JSON.stringify({ before, after })).toBe(before);
      expect(newText(parts), JSON.stringify({ before, after })).toBe(after);
      expect(parts.every((p) => p.text !== '')).toBe(true);
    }
  });

  it('falls back to one replacement between the common start and end of texts too long to align', () => {
    const middle = (word: string) => Array.from({ length: MAX_DIFF_TOKENS }, (_, i) => `${word}${i % 10}`).join(' ');
    const before = `Start. ${middle('a')} End.`;
    const after = `Start. ${middle('b')} End.`;
    const parts = diffWords(before, after);
    expect(parts.map((p) => p.kind)).toEqual(['same', 'removed', 'added', 'same']);
    expect(parts[0].text).toBe('Start. ');
    expect(parts[3].text).toBe(' End.');
    expect(oldText(parts)).toBe(before);
    expect(newText(parts)).toBe(after);
  });
});
