/**
 * Runs queries through the site's real search dialog in Chromium and reads what it shows: the code pages it
 * lists (direct hits first, then Pagefind's pages, in order), and whether it said it found nothing. Shared by
 * the search-quality test and `npm run bench:search`.
 */
import type { Page } from 'playwright-core';
import { pageKind } from '../../src/lib/core/urls.ts';

/** What the dialog showed for one query. */
export interface DialogAnswer {
  query: string;
  /** Paths of the code pages among the results, in the order shown. */
  codePages: string[];
  /** The status line (`3 results`, `No page has every word; closest matches:`, `No results for …`). */
  status: string;
}

/** Types a query into the open search dialog of `page` and waits for its answer to settle. */
export async function askDialog(page: Page, query: string): Promise<DialogAnswer> {
  const input = page.locator('#site-search-input');
  if (!(await page.locator('dialog.search-dialog[open]').count())) {
    await page.keyboard.press('Control+k');
    await input.waitFor();
  }
  await input.fill('');
  await page.waitForFunction(() => (document.querySelector('.search-status')?.textContent ?? '') === '');
  await input.fill(query);
  await page.waitForFunction(
    () => /result|No page has every word|No results/.test(document.querySelector('.search-status')?.textContent ?? ''),
    null,
    { timeout: 20_000 },
  );
  const status = (await page.locator('.search-status').textContent()) ?? '';
  const hrefs = await page
    .locator('.search-results a')
    .evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).pathname));
  return { query, codePages: [...new Set(hrefs.filter((path) => pageKind(path) === 'code'))], status };
}
