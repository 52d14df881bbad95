import { describe, expect, it } from 'vitest';
import { parseThemeChoice, storedThemeValue, THEME_CHOICES, themeForChoice } from '../../src/lib/pages/theme-choice.ts';

describe('the theme menu', () => {
  it("lists Dark, Light and Auto, in Starlight's order", () => {
    expect(THEME_CHOICES).toEqual(['dark', 'light', 'auto']);
  });

  it('reads a choice from a select or from storage, anything unknown as Auto', () => {
    expect(parseThemeChoice('dark')).toBe('dark');
    expect(parseThemeChoice('light')).toBe('light');
    expect(parseThemeChoice('auto')).toBe('auto');
    // Starlight stores Auto as the empty string; nothing stored reads as false or null.
    for (const value of ['', null, false, 'Dark', 'blue', undefined]) expect(parseThemeChoice(value)).toBe('auto');
  });

  it("shows Light and Dark as chosen, and Auto as the system's colour scheme", () => {
    expect(themeForChoice('light', false)).toBe('light');
    expect(themeForChoice('dark', true)).toBe('dark');
    expect(themeForChoice('auto', true)).toBe('light');
    expect(themeForChoice('auto', false)).toBe('dark');
  });

  it('remembers Light and Dark by name and Auto as the empty string, as Starlight does', () => {
    expect(THEME_CHOICES.map(storedThemeValue)).toEqual(['dark', 'light', '']);
    for (const choice of THEME_CHOICES) expect(parseThemeChoice(storedThemeValue(choice) || 'auto')).toBe(choice);
  });
});
