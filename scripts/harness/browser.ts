/** Starting Debian's Chromium through playwright-core, and watching a page for errors. */
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_MISSING_MESSAGE, findChromium } from '../ensure-chromium';

/** Flags for a headless Chromium in a container: no sandbox, GPU, updates or background traffic. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Options for {@link newPage}; the viewport defaults to a 1280x800 desktop, the colour scheme to light. */
export interface PageOptions {
  colorScheme?: 'light' | 'dark';
  width?: number;
  height?: number;
}

/** Launches headless Chromium from `findChromium()`, or throws how to install it. */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(CHROMIUM_MISSING_MESSAGE);
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS });
}

/**
 * Opens a page in its own fresh context (no shared storage); closing the page closes the context. The context is
 * made explicitly, not by `browser.newPage`, so a helper may open a second page in it (axe opens a blank one).
 */
export async function newPage(browser: Browser, options: PageOptions = {}): Promise<Page> {
  const { colorScheme = 'light', width = 1280, height = 800 } = options;
  const context = await browser.newContext({ colorScheme, viewport: { width, height } });
  const page = await context.newPage();
  page.once('close', () => void context.close().catch(() => {}));
  return page;
}

/**
 * Records what should never happen on a page, as readable lines: console errors, uncaught exceptions,
 * and any dialog (an `alert()` from injected markup is an XSS hole). Dialogs are dismissed so the page
 * keeps running. Call before `page.goto`; the returned array fills as events arrive:
 * `expect(errors).toEqual([])`.
 */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const { url, lineNumber } = message.location();
    errors.push(`console error: ${message.text()}${url ? ` (${url}:${lineNumber + 1})` : ''}`);
  });
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  page.on('dialog', (dialog) => {
    errors.push(`dialog (${dialog.type()}): ${dialog.message()}`);
    dialog.dismiss().catch(() => {});
  });
  return errors;
}
