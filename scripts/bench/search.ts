/**
 * Search quality on the built site (`npm run bench:search`): runs the fixed set of queries in users' own words
 * (scripts/harness/search-queries.ts) through the real search dialog in Chromium and prints how many find their
 * code first and in the top 3 code pages, how many dead-end (no result at all), and the bytes a first search
 * loads. A measurement, not a test: it exits 0 whenever it measured and 1 when it could not. Build first (`npm run build`); `-- --dist path/to/dist`
 * measures another build (an older commit's, or one of the whole cloud), and `--on /ecs/` opens the dialog on
 * that page (default `/`: on a service's pages the dialog ranks that service first).
 */
import '../require-node.mjs';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { exitWithUsage, readCommandLine, runMain } from '../cli-args.ts';
import { launchBrowser } from '../harness/browser.ts';
import { askDialog } from '../harness/search-runner.ts';
import { SEARCH_QUERIES } from '../harness/search-queries.ts';
import { startStaticServer } from '../harness/static-server.ts';
import { measureFirstSearch } from '../harness/transfers.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const USAGE = 'usage: npm run bench:search [-- [--dist path/to/dist] [--on /ecs/]]';
const { positionals, values } = readCommandLine('bench:search', USAGE, {
  allowPositionals: true,
  options: { dist: { type: 'string' }, on: { type: 'string' } },
});
if (positionals.length > 1 || (positionals.length > 0 && values.dist))
  exitWithUsage('bench:search', 'one dist folder expected', USAGE);
const DIST = values.dist ?? positionals[0] ?? join(ROOT, 'dist');
const ON = values.on ?? '/';
if (!ON.startsWith('/')) exitWithUsage('bench:search', `--on takes a path that starts with /, got '${ON}'`, USAGE);

async function main(): Promise<number> {
  if (!existsSync(join(DIST, 'ecs/errors.json'))) {
    console.error('dist/ is missing: run "npm run build" first, then "npm run bench:search".');
    return 1;
  }
  const paths = new Map<string, string>();
  for (const c of JSON.parse(readFileSync(join(DIST, 'ecs/errors.json'), 'utf8')).codes as {
    code: string;
    url: string;
  }[]) {
    paths.set(c.code, new URL(c.url).pathname);
  }
  const server = await startStaticServer(DIST);
  const browser = await launchBrowser();
  try {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    await page.goto(`${server.url}${ON}`);
    let first = 0;
    let top3 = 0;
    let deadEnds = 0;
    const misses: string[] = [];
    for (const { query, code } of SEARCH_QUERIES) {
      const answer = await askDialog(page, query);
      const at = answer.codePages.indexOf(paths.get(code) ?? '');
      if (at === 0) first++;
      if (at >= 0 && at < 3) top3++;
      else
        misses.push(
          `- "${query}": ${code} ${at < 0 ? 'not listed' : `listed ${at + 1}.`} (first: ${answer.codePages.slice(0, 3).join(', ') || 'none'})`,
        );
      if (/No results/.test(answer.status)) deadEnds++;
    }
    const bytes = (await measureFirstSearch(browser, server.url, '/ecs/ecs-0010/', 'already in use')).reduce(
      (n, t) => n + t.transferred,
      0,
    );
    const n = SEARCH_QUERIES.length;
    console.log(`Opened on ${ON}, ${DIST === join(ROOT, 'dist') ? 'dist/' : DIST}\n`);
    console.log('| Queries | Code first | Code in top 3 | Dead ends | First search KB |');
    console.log('| ---: | ---: | ---: | ---: | ---: |');
    console.log(
      `| ${n} | ${first} (${Math.round((first / n) * 100)} %) | ${top3} (${Math.round((top3 / n) * 100)} %) | ${deadEnds} | ${(bytes / 1024).toFixed(1)} |`,
    );
    if (misses.length > 0) console.log(`\nNot in the top 3:\n${misses.join('\n')}`);
  } finally {
    await browser.close();
    await server.close();
  }
  return 0;
}

runMain('bench:search could not measure', main);
