/**
 * Page weight of the built site (`npm run bench:weight`): serves dist/ like a static host (gzip for text),
 * loads pages in Chromium with a cold cache (a new browser context each), and prints a Markdown table of
 * the bytes transferred (compressed body + response headers) by type. Also measures the first search
 * (what opening the dialog and typing fetches) and lists the scripts a code page loads before any input.
 * A measurement, not a test: it always exits 0.
 */
import './require-node.mjs';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page, Request } from 'playwright-core';
import { launchBrowser } from '../tests/support/browser';
import { startStaticServer } from '../tests/support/static-server';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = join(ROOT, 'dist');
/** The budget for one page load, CSS and JS included: a code page must stay under it. */
const PAGE_BUDGET_KB = 40;
const SEARCH_QUERY = 'already in use';
const KINDS = ['HTML', 'CSS', 'JS', 'Fonts/images', 'Other'] as const;
type Kind = (typeof KINDS)[number];

/** One response as it crossed the wire. */
interface Transfer {
  path: string;
  kind: Kind;
  transferred: number;
  uncompressed: number;
}

interface Row {
  name: string;
  path: string;
  transfers: Transfer[];
  budgetKb?: number;
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
async function measureLoad(browser: Browser, origin: string, path: string): Promise<Transfer[]> {
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
async function measureFirstSearch(browser: Browser, origin: string, path: string): Promise<Transfer[]> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(`${origin}${path}`, { waitUntil: 'networkidle' });
  await page.waitForTimeout(1000);
  const { transfers, settled } = recordTransfers(page);
  await page.keyboard.press('Control+k');
  await page.locator('#site-search-input').fill(SEARCH_QUERY);
  await page.waitForFunction(() => /result/.test(document.querySelector('.search-status')?.textContent ?? ''), null, { timeout: 15_000 });
  await page.waitForLoadState('networkidle');
  await settled();
  await context.close();
  return transfers;
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1);
const sum = (transfers: Transfer[], pick: (t: Transfer) => number = (t) => t.transferred) => transfers.reduce((n, t) => n + pick(t), 0);

/** The Markdown table: KB per type, total, uncompressed total, and the verdict against the budget. */
function formatTable(rows: Row[]): string {
  const head = ['Page', ...KINDS.map((k) => `${k} KB`), 'Total KB', 'Uncompressed KB', 'Requests', 'Budget', 'Result'];
  const lines = [`| ${head.join(' | ')} |`, `|${head.map((_, i) => (i === 0 ? ' --- ' : ' ---: ')).join('|')}|`];
  for (const row of rows) {
    const total = sum(row.transfers);
    const verdict = row.budgetKb === undefined ? 'no target' : total < row.budgetKb * 1024 ? 'PASS' : 'FAIL';
    lines.push(
      `| ${row.name} (\`${row.path}\`) | ${KINDS.map((k) => kb(sum(row.transfers.filter((t) => t.kind === k)))).join(' | ')} | ` +
        `${kb(total)} | ${kb(sum(row.transfers, (t) => t.uncompressed))} | ${row.transfers.length} | ` +
        `${row.budgetKb === undefined ? '—' : `< ${row.budgetKb} KB`} | ${verdict} |`,
    );
  }
  return lines.join('\n');
}

/** A list of files with their transferred size, largest first. */
function formatFiles(transfers: Transfer[]): string {
  return [...transfers]
    .sort((a, b) => b.transferred - a.transferred)
    .map((t) => `- \`${t.path}\` ${kb(t.transferred)} KB (${kb(t.uncompressed)} KB uncompressed)`)
    .join('\n');
}

async function main(): Promise<void> {
  if (!existsSync(join(DIST, 'index.html'))) {
    console.error('dist/ is missing: run "npx astro build" first, then "npm run bench:weight".');
    return;
  }
  const server = await startStaticServer(DIST);
  const browser = await launchBrowser();
  try {
    const rows: Row[] = [];
    for (const [name, path] of [
      ['Code page', '/ecs/ecs-0010/'],
      ['Category page', '/ecs/topic/network/'],
      ['Home page', '/'],
    ] as const) {
      rows.push({ name, path, transfers: await measureLoad(browser, server.url, path), budgetKb: PAGE_BUDGET_KB });
    }
    const search = await measureFirstSearch(browser, server.url, '/ecs/ecs-0010/');
    rows.push({ name: `First search, "${SEARCH_QUERY}"`, path: '/ecs/ecs-0010/', transfers: search });

    console.log(`## Page weight (cold cache, gzip; transferred = compressed body + response headers)\n`);
    console.log(formatTable(rows));
    console.log(`\nBudget: a page load (HTML, CSS, JS, fonts, images) under ${PAGE_BUDGET_KB} KB transferred. ` +
      'The first-search row counts only what the dialog fetched after the page had loaded.');
    const codePage = rows[0].transfers;
    console.log(`\n### Scripts a code page loads before any interaction\n`);
    console.log(formatFiles(codePage.filter((t) => t.kind === 'JS')) || '- none');
    console.log(`\n### Files of the first search\n`);
    console.log(formatFiles(search) || '- none');
    const failed = rows.filter((r) => r.budgetKb !== undefined && sum(r.transfers) >= r.budgetKb * 1024);
    console.log(`\n${failed.length === 0 ? 'PASS: every page load is within budget.' : `FAIL: over budget: ${failed.map((r) => r.name).join(', ')}.`}`);
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(`bench:weight could not measure: ${error instanceof Error ? error.message : String(error)}`);
});
