/**
 * The theme menu's choices and what each means: the theme a page is shown in, and what is remembered. The same
 * rules as Starlight's own menu, under its storage key, so a choice made before the site had its own menu holds.
 */

/** What a reader may choose in the theme menu: a theme, or `auto` to follow the system's colour scheme. */
export type ThemeChoice = 'dark' | 'light' | 'auto';

/** The theme a page is shown in: the value of `<html data-theme>`, which Starlight's colours follow. */
export type Theme = 'dark' | 'light';

/** The menu's choices in the order it lists them (Starlight's order). */
export const THEME_CHOICES: readonly ThemeChoice[] = ['dark', 'light', 'auto'];

/**
 * The `localStorage` key of the remembered choice: Starlight's, and also read by the inline script of
 * src/components/ThemeProvider.astro, which sets the theme before first paint.
 */
export const THEME_STORAGE_KEY = 'starlight-theme';

/** The choice a value stands for (a select's value, a stored string); anything unknown is `auto`. */
export function parseThemeChoice(value: unknown): ThemeChoice {
  return value === 'dark' || value === 'light' || value === 'auto' ? value : 'auto';
}

/** The theme a choice shows, given whether the system prefers a light colour scheme. */
export function themeForChoice(choice: ThemeChoice, systemPrefersLight: boolean): Theme {
  if (choice !== 'auto') return choice;
  return systemPrefersLight ? 'light' : 'dark';
}

/** What is stored for a choice: the theme itself, or the empty string for `auto` (as Starlight stores it). */
export function storedThemeValue(choice: ThemeChoice): string {
  return choice === 'auto' ? '' : choice;
}
