import { describe, expect, it } from 'vitest';
import { collapseWhitespace, sharedMessageKey, wordingKey } from '../../src/lib/core/message-identity.ts';

describe('collapsing whitespace', () => {
  it('turns every run of spaces, tabs and line breaks into one space and trims the ends', () => {
    expect(collapseWhitespace('  The  instance\n   is\tnot found. \r\n')).toBe('The instance is not found.');
  });

  it('leaves a text without extra whitespace as it is, and an empty or blank text empty', () => {
    expect(collapseWhitespace('Quota exceeded.')).toBe('Quota exceeded.');
    expect(collapseWhitespace('')).toBe('');
    expect(collapseWhitespace(' \n\t ')).toBe('');
  });
});

describe('the key of a wording', () => {
  it('is the same for a cell wrapped at another column', () => {
    expect(wordingKey('The volume\n  %s is in use.')).toBe(wordingKey('The volume %s\nis in use.'));
    expect(wordingKey('The volume\n  %s is in use.')).toBe('The volume %s is in use.');
  });

  it('differs when only the case differs, since a change of case is an edit', () => {
    expect(wordingKey('Invalid parameter.')).toBe('Invalid parameter.');
    expect(wordingKey('invalid parameter.')).toBe('invalid parameter.');
    expect(wordingKey('Invalid parameter.')).not.toBe(wordingKey('invalid parameter.'));
  });
});

describe('the key codes share when they give the same message', () => {
  it('is the same whatever the case and spacing', () => {
    expect(sharedMessageKey('Invalid  Parameter.\n')).toBe('invalid parameter.');
    expect(sharedMessageKey('invalid parameter.')).toBe('invalid parameter.');
  });

  it('still tells different words apart', () => {
    expect(sharedMessageKey('Invalid parameter.')).not.toBe(sharedMessageKey('Invalid parameters.'));
  });
});
