/**
 * Bytes a browser transfers, as Chromium reports them against a static server: a page load with a cold
 * cache, and the first search (what opening the dialog and typing a query fetches). For the benchmarks.
 */
import type { Browser, Page, Request } from 'playwright-core';

/** The columns bytes are counted in. */
export const KINDS = ['HTML', 'CSS', 'JS', 'Fonts/images', 'Other'] as const;
export type Kind = (typeof KINDS)[number];

/** One response as it crossed the wire. */
export interface Transfer {
  path: string;
  kind: Kind;
  transferred: number;
  uncompressed: number;
}

/** Sorts a response into a column by its Content-Type (Pagefind's index files are `Other`). */
function kindOf(contentType: string): Kind {
  if (contentType.includes('text/html')) return 'HTML';
  if (contentType.includes('text/css')) return 'CSS';
  if (contentType.includes('javascript')) return 'JS';
  if (/^(font|image)\//.test(contentType)) return 'Fonts/images';
  return 'Other';
}

/** Records every finished response of a page: its encoded (gzipped) body and its response headers. */
function recordTransfers(page: Page): { transfers: Transfer[]; settled: () => Promise<void> } {
  const transfers: Transfer[] = [];
  const pending: Promise<void>[] = [];
  const record = async (request: Request) => {
    const response = await request.response();
    if (!response) return;
    const sizes = await request.sizes();
    const headers = await response.allHeaders();
    // The server always sends Content-Length (of the gzipped body when gzipped); Chromium reports 0 bytes for
    // worker scripts, so its own count is only the fallback.
    const body = headers['content-length'] !== undefined ? Number(headers['content-length']) : sizes.responseBodySize;
    transfers.push({
      path: new URL(request.url()).pathname,
      kind: kindOf(headers['content-type'] ?? ''),
      transferred: body + sizes.responseHeadersSize,
      uncompressed: Number(headers['x-uncompressed-length'] ?? body),
    });
  };
  page.on('requestfinished', (request) => pending.push(record(request)));
  return { transfers, settled: async () => void (await Promise.all(pending)) };
}

/** Loads a path in a fresh context and returns what it transferred until the network went quiet. */
export async function measureLoad(browser: Browser, origin: string, path: string): Promise<Transfer[]> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const { transfers, settled } = recordTransfers(page);
  await page.goto(`${origin}${path}`, { waitUntil: 'networkidle' });
  // Scripts that wait for an idle moment load shortly after; give them a second.
  await page.waitForTimeout(1000);
  await page.waitForLoadState('networkidle');
  await settled();
  await context.close();
  return transfers;
}

/** Loads a page, then counts only what opening the search dialog and typing a query fetches. */
export async function measureFirstSearch(
  browser: Browser,
  origin: string,
  path: string,
  query: string,
): Promise<Transfer[]> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(`${origin}${path}`, { waitUntil: 'networkidle' });
  await page.waitForTimeout(1000);
  const { transfers, settled } = recordTransfers(page);
  await page.keyboard.press('Control+k');
  await page.locator('#site-search-input').fill(query);
  await page.waitForFunction(() => /result/.test(document.querySelector('.search-status')?.textContent ?? ''), null, {
    timeout: 15_000,
  });
  await page.waitForLoadState('networkidle');
  await settled();
  await context.close();
  return transfers;
}

/**
 * Opens `/lookup/?q=<text>` in a fresh context and counts what the lookup page transfers until it has decided:
 * its own load and the lookup data it reads. The navigation to the code page it decides on is stopped, so the
 * figure is the lookup's alone.
 */
export async function measureLookup(browser: Browser, origin: string, text: string): Promise<Transfer[]> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  let left = false;
  await page.route('**/*', (route) => {
    const request = route.request();
    if (
      request.isNavigationRequest() &&
      request.frame() === page.mainFrame() &&
      !new URL(request.url()).pathname.startsWith('/lookup/')
    ) {
      left = true;
      return route.abort();
    }
    return route.continue();
  });
  const { transfers, settled } = recordTransfers(page);
  await page.goto(`${origin}/lookup/?q=${encodeURIComponent(text)}`, { waitUntil: 'domcontentloaded' });
  const deadline = Date.now() + 20_000;
  while (!left && Date.now() < deadline) {
    const status = await page
      .locator('.lookup-status')
      .textContent()
      .catch(() => '');
    if (status && !/^Opening /.test(status)) break;
    await page.waitForTimeout(100);
  }
  await page.waitForLoadState('networkidle').catch(() => {});
  await settled();
  await context.close();
  return transfers;
}
