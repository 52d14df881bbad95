/**
 * Page weight of the built site (`npm run bench:weight`): serves dist/ like a static host (gzip for text),
 * loads pages in Chromium with a cold cache (a new browser context each), and prints a Markdown table of
 * the bytes transferred (compressed body + response headers) by type. Also measures the first search
 * (what opening the dialog and typing fetches) and lists the scripts a code page loads before any input.
 * A measurement, not a test: it exits 0 whenever it measured, over budget or not, and 1 when it could not.
 */
import '../require-node.mjs';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readCommandLine, runMain } from '../cli-args.ts';
import { launchBrowser } from '../harness/browser.ts';
import { startStaticServer } from '../harness/static-server.ts';
import { KINDS, measureFirstSearch, measureLoad, type Transfer } from '../harness/transfers.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DIST = join(ROOT, 'dist');
/** The budget for one page load, CSS and JS included: a code page must stay under it. */
const PAGE_BUDGET_KB = 40;
const SEARCH_QUERY = 'already in use';
/** A row of the table: a page and what it transferred, with its budget if it has one. */
interface Row {
  name: string;
  path: string;
  transfers: Transfer[];
  budgetKb?: number;
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1);
const sum = (transfers: Transfer[], pick: (t: Transfer) => number = (t) => t.transferred) =>
  transfers.reduce((n, t) => n + pick(t), 0);

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

async function main(): Promise<number> {
  readCommandLine('bench:weight', 'usage: npm run bench:weight', {});
  if (!existsSync(join(DIST, 'index.html'))) {
    console.error('dist/ is missing: run "npx astro build" first, then "npm run bench:weight".');
    return 1;
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
    const search = await measureFirstSearch(browser, server.url, '/ecs/ecs-0010/', SEARCH_QUERY);
    rows.push({ name: `First search, "${SEARCH_QUERY}"`, path: '/ecs/ecs-0010/', transfers: search });

    console.log(`## Page weight (cold cache, gzip; transferred = compressed body + response headers)\n`);
    console.log(formatTable(rows));
    console.log(
      `\nBudget: a page load (HTML, CSS, JS, fonts, images) under ${PAGE_BUDGET_KB} KB transferred. ` +
        'The first-search row counts only what the dialog fetched after the page had loaded.',
    );
    const codePage = rows[0].transfers;
    console.log(`\n### Scripts a code page loads before any interaction\n`);
    console.log(formatFiles(codePage.filter((t) => t.kind === 'JS')) || '- none');
    console.log(`\n### Files of the first search\n`);
    console.log(formatFiles(search) || '- none');
    const failed = rows.filter((r) => r.budgetKb !== undefined && sum(r.transfers) >= r.budgetKb * 1024);
    console.log(
      `\n${failed.length === 0 ? 'PASS: every page load is within budget.' : `FAIL: over budget: ${failed.map((r) => r.name).join(', ')}.`}`,
    );
  } finally {
    await browser.close();
    await server.close();
  }
  return 0;
}

runMain('bench:weight could not measure', main);
