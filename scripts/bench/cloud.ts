/**
 * `npm run bench:cloud -- <folder of tables>`: the whole cloud in a scratch clone. Clones the checkout's HEAD into
 * a temporary folder (node_modules hard-linked from the checkout's), adds every `<id>.rst` of the folder as
 * `content/<id>/` with its `name` and `short` from the folder's `services.json`, builds it with `npm run build`,
 * and prints: services, codes, build wall time, peak memory of the build's process tree, files and bytes of
 * dist/, what a first search and a cold lookup transfer in Chromium. Then serves dist/ like a static host and
 * sends the corpus of pasted texts (scripts/harness/cloud-corpus.ts) through `/lookup/?q=<text>`, and prints how
 * many land on their page directly, via the chooser, wrongly, name their unlisted code or miss, with every text
 * that did not land right. A measurement: exit 0 whenever it ran, 1 when it could not.
 */
import '../require-node.mjs';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { servicePaths } from '../../src/lib/content/layout.ts';
import type { LookupManifest } from '../../src/lib/lookup/lookup-data.ts';
import { exitWithUsage, readCommandLine, runMain } from '../cli-args.ts';
import { runMeasured, walk, type MeasuredRun } from './process.ts';
import { launchBrowser } from '../harness/browser.ts';
import { CLOUD_CORPUS, type CorpusEntry } from '../harness/cloud-corpus.ts';
import {
  describeObservation,
  judgeLookup,
  observeLookup,
  type LookupObservation,
  type Verdict,
} from '../harness/lookup-runner.ts';
import { linkNodeModules } from '../harness/project-copy.ts';
import { startStaticServer } from '../harness/static-server.ts';
import { measureFirstSearch, measureLookup, type Transfer } from '../harness/transfers.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const USAGE =
  'usage: npm run bench:cloud -- <folder of tables> [--keep] [--filter <text>]\n' +
  '       npm run bench:cloud -- --only-corpus [--dist <dir>] [--filter <text>]';
/** What a first search types, and what a cold lookup pastes, as bench:weight and bench do. */
const SEARCH_QUERY = 'already in use';
const LOOKUP_TEXT = '{"error_msg":"Invalid AZ.","error_code":"DBS.280285"}';

/** A service of the folder's services.json. */
interface ServiceInfo {
  name: string;
  short: string;
}

/** One corpus text, what the lookup did with it, and the verdict. */
interface Result {
  entry: CorpusEntry;
  seen: LookupObservation;
  verdict: Verdict;
}

const COLUMNS: [Verdict, string][] = [
  ['direct-right', 'direct, right'],
  ['chooser-right', 'via chooser'],
  ['wrong', 'wrong page'],
  ['unlisted-named', 'unlisted named'],
  ['none-right', 'no code, search'],
  ['miss', 'misses'],
];

function git(cwd: string, ...args: string[]): string {
  const run = spawnSync('git', args, { cwd, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${run.stderr.trim()}`);
  return run.stdout.trim();
}

/** Clones the checkout's HEAD into `dir` and gives it the checkout's node_modules, as hard links (a symlink across disks). */
function cloneCheckout(dir: string): string {
  const head = git(ROOT, 'rev-parse', 'HEAD');
  git(tmpdir(), 'clone', '--quiet', '--no-checkout', ROOT, dir);
  git(dir, 'checkout', '--quiet', '--detach', head);
  if (git(ROOT, 'status', '--porcelain', '--untracked-files=no') !== '') {
    console.log('note: the checkout has uncommitted changes; the clone builds its HEAD without them');
  }
  try {
    linkNodeModules(dir);
  } catch (error) {
    // Hard links cannot cross file systems; a symlinked node_modules builds too, but Astro's cache lands in the checkout's.
    rmSync(join(dir, 'node_modules'), { recursive: true, force: true });
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
    console.log(
      `note: node_modules is a symlink to the checkout's (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  return head;
}

/** Clues of the cloud's services that share codes or hosts (`endpoints`, `apiPaths`, `terms` of service.json). */
const CLUES_FILE = fileURLToPath(new URL('cloud-clues.json', import.meta.url));

/** Adds each table of the folder as `content/<id>/`; returns the ids added and notes for those skipped. */
function addTables(tables: string, contentDir: string): { added: string[]; notes: string[] } {
  const services = JSON.parse(readFileSync(join(tables, 'services.json'), 'utf8')) as Record<string, ServiceInfo>;
  // What each service's documentation would declare in its service.json: the hosts and API paths it answers on.
  const clues = JSON.parse(readFileSync(CLUES_FILE, 'utf8')) as Record<string, object>;
  const added: string[] = [];
  const notes: string[] = [];
  for (const [id, info] of Object.entries(services).sort(([a], [b]) => a.localeCompare(b))) {
    const table = join(tables, `${id}.rst`);
    if (!existsSync(table)) notes.push(`${id}: no ${id}.rst in the folder, skipped`);
    else if (existsSync(join(contentDir, id))) notes.push(`${id}: content/${id}/ exists in the project, kept as it is`);
    else {
      mkdirSync(join(contentDir, id));
      cpSync(table, join(contentDir, servicePaths(id).table));
      const meta = { name: info.name, short: info.short, ...(Object.hasOwn(clues, id) ? clues[id] : {}) };
      writeFileSync(join(contentDir, servicePaths(id).service), `${JSON.stringify(meta, null, 2)}\n`);
      added.push(id);
    }
  }
  return { added, notes };
}

/** The code pages of a built site, from each service's `errors.json`, by path; and the services of each code slug. */
function readCodePages(
  dist: string,
  manifest: LookupManifest,
): { pages: Set<string>; servicesOfSlug: Map<string, string[]> } {
  const pages = new Set<string>();
  const servicesOfSlug = new Map<string, string[]>();
  for (const { service } of manifest.services) {
    const file = join(dist, service, 'errors.json');
    if (!existsSync(file)) continue;
    for (const c of (JSON.parse(readFileSync(file, 'utf8')) as { codes: { url: string }[] }).codes) {
      const path = new URL(c.url, 'http://x').pathname;
      pages.add(path);
      const slug = path.split('/')[2];
      servicesOfSlug.set(slug, [...(servicesOfSlug.get(slug) ?? []), service]);
    }
  }
  return { pages, servicesOfSlug };
}

/** Every expectation of the corpus that names no page of the built site. */
function checkCorpus(corpus: readonly CorpusEntry[], pages: Set<string>): string[] {
  return corpus.flatMap((entry) =>
    (entry.expect ?? [])
      .filter((path) => !pages.has(path))
      .map((path) => `${path} is no code page of this build (text: ${oneLine(entry.text, 80)})`),
  );
}

/** Which group of expectation an entry is in: a code of one service, a code several services have, unlisted, no code. */
function expectationGroup(entry: CorpusEntry, servicesOfSlug: Map<string, string[]>): string {
  if (entry.unlisted !== undefined) return 'unlisted code';
  if (entry.none) return 'no code';
  const shared = (entry.expect ?? []).some((path) => (servicesOfSlug.get(path.split('/')[2]) ?? []).length > 1);
  return shared ? 'code in several services' : 'code in one service';
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1);
const total = (transfers: Transfer[]) => transfers.reduce((n, t) => n + t.transferred, 0);
function oneLine(text: string, max: number): string {
  const flat = text.replace(/\s*\n\s*/g, ' ⏎ ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** The table of verdicts: a row per group, a total row. */
function verdictTable(title: string, groups: Map<string, Result[]>, all: Result[]): string {
  const head = [title, 'texts', ...COLUMNS.map(([, name]) => name)];
  const row = (name: string, results: Result[]) =>
    `| ${name} | ${results.length} | ${COLUMNS.map(([verdict]) => results.filter((r) => r.verdict === verdict).length).join(' | ')} |`;
  return [
    `| ${head.join(' | ')} |`,
    `| --- |${head
      .slice(1)
      .map(() => ' ---: ')
      .join('|')}|`,
    ...[...groups].map(([name, results]) => row(name, results)),
    row('**total**', all),
  ].join('\n');
}

function groupBy(results: Result[], key: (r: Result) => string): Map<string, Result[]> {
  const groups = new Map<string, Result[]>();
  for (const r of results) groups.set(key(r), [...(groups.get(key(r)) ?? []), r]);
  return groups;
}

/** What the entry asked for, in a few words. */
function expectation(entry: CorpusEntry): string {
  if (entry.unlisted !== undefined) return `unlisted ${entry.unlisted}`;
  if (entry.none) return 'no code';
  return (entry.expect ?? []).join(' or ');
}

async function main(): Promise<number> {
  const { values, positionals } = readCommandLine('bench:cloud', USAGE, {
    allowPositionals: true,
    options: {
      keep: { type: 'boolean' },
      'only-corpus': { type: 'boolean' },
      dist: { type: 'string' },
      filter: { type: 'string' },
    },
  });
  const onlyCorpus = values['only-corpus'] ?? false;
  if (onlyCorpus && positionals.length > 0)
    exitWithUsage('bench:cloud', '--only-corpus takes no folder of tables', USAGE);
  if (!onlyCorpus && positionals.length !== 1) exitWithUsage('bench:cloud', 'one folder of tables expected', USAGE);
  if (!onlyCorpus && values.dist !== undefined) exitWithUsage('bench:cloud', '--dist goes with --only-corpus', USAGE);

  let dist = resolve(values.dist ?? join(ROOT, 'dist'));
  let build: MeasuredRun | undefined;
  let scratch: string | undefined;
  if (!onlyCorpus) {
    const tables = resolve(positionals[0]);
    if (!existsSync(join(tables, 'services.json'))) {
      console.error(`bench:cloud: ${positionals[0]} has no services.json (expected <id>.rst files and services.json)`);
      return 1;
    }
    scratch = mkdtempSync(join(tmpdir(), 'ecr-bench-cloud-'));
    const site = join(scratch, 'site');
    const head = cloneCheckout(site);
    const { added, notes } = addTables(tables, join(site, 'content'));
    for (const note of notes) console.log(`note: ${note}`);
    console.log(`building ${head.slice(0, 12)} with ${added.length} added services in ${site} ...`);
    build = await runMeasured('npm', ['run', 'build', '--silent'], site);
    if (build.code !== 0) {
      console.error(`bench:cloud: the build failed (exit ${build.code}):\n${build.log.slice(-4000)}`);
      if (!values.keep) rmSync(scratch, { recursive: true, force: true });
      return 1;
    }
    dist = join(site, 'dist');
  }
  try {
    return await measureSite(dist, build, values.filter);
  } finally {
    if (scratch && !values.keep) rmSync(scratch, { recursive: true, force: true });
    else if (scratch) console.log(`\nkept the clone: ${scratch}/site (its build in dist/)`);
  }
}

/** Measures a built site and runs the corpus through its lookup; prints everything. */
async function measureSite(dist: string, build: MeasuredRun | undefined, filter: string | undefined): Promise<number> {
  const manifestFile = join(dist, 'lookup/manifest.json');
  if (!existsSync(manifestFile)) {
    console.error(`bench:cloud: ${dist} has no lookup/manifest.json: build the site first`);
    return 1;
  }
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as LookupManifest;
  let files = 0;
  let bytes = 0;
  walk(dist, (_, size) => {
    files++;
    bytes += size;
  });
  const { pages, servicesOfSlug } = readCodePages(dist, manifest);
  const corpus = CLOUD_CORPUS.filter(
    (e) => filter === undefined || e.text.toLowerCase().includes(filter.toLowerCase()),
  );
  const corpusErrors = checkCorpus(corpus, pages);

  const server = await startStaticServer(dist);
  const browser = await launchBrowser();
  const results: Result[] = [];
  let searchBytes = 0;
  let lookupTransfers: Transfer[] = [];
  try {
    searchBytes = total(
      await measureFirstSearch(browser, server.url, pages.has('/ecs/ecs-0010/') ? '/ecs/ecs-0010/' : '/', SEARCH_QUERY),
    );
    lookupTransfers = await measureLookup(browser, server.url, LOOKUP_TEXT);
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    for (const entry of corpus) {
      const seen = await observeLookup(page, server.url, entry.text).catch((error: unknown): LookupObservation => ({
        kind: 'miss',
        detail: `error: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
      }));
      results.push({ entry, seen, verdict: judgeLookup(entry, seen) });
    }
    await context.close();
  } finally {
    await browser.close();
    await server.close();
  }

  const f = (n: number) => n.toLocaleString('en-US');
  console.log('\n## The site\n');
  console.log(
    '| services | codes | build wall s | peak RSS MB (tree) | peak RSS MB (largest process) | dist files | dist bytes | first search KB | cold lookup KB (files) |',
  );
  console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  console.log(
    `| ${manifest.services.length} | ${f(manifest.services.reduce((n, s) => n + s.codes, 0))} | ${build ? build.seconds.toFixed(1) : '—'} | ` +
      `${build ? build.peakMb.toFixed(0) : '—'} | ${build ? build.peakProcessMb.toFixed(0) : '—'} | ${f(files)} | ${f(bytes)} (${(bytes / 1024 / 1024).toFixed(0)} MiB) | ` +
      `${kb(searchBytes)} | ${kb(total(lookupTransfers))} (${lookupTransfers.length}) |`,
  );
  console.log(
    "\nCodes: the lookup manifest's count per service, summed. Build: `npm run build` in the clone, wall time; peak RSS is resident memory " +
      "summed over the build's process tree (npm, Node, Astro, Pagefind), polled from /proc every 250 ms. Transfers: Chromium against a " +
      `static server with gzip, compressed bodies plus headers: a first search for "${SEARCH_QUERY}" from a code page (what the dialog ` +
      `fetches after the page loaded), and a cold /lookup/?q= of \`${LOOKUP_TEXT}\` until it decided (page, scripts and lookup data).`,
  );

  console.log(`\n## Lookup of pasted texts (${results.length} texts)\n`);
  console.log(
    verdictTable(
      'kind of text',
      groupBy(results, (r) => r.entry.kind),
      results,
    ),
  );
  console.log('');
  console.log(
    verdictTable(
      'expected',
      groupBy(results, (r) => expectationGroup(r.entry, servicesOfSlug)),
      results,
    ),
  );
  const open = results.filter(
    (r) => r.verdict !== 'direct-right' && r.verdict !== 'unlisted-named' && r.verdict !== 'none-right',
  );
  if (open.length > 0) {
    console.log(`\n### Texts that did not land right directly (${open.length})\n`);
    for (const r of open) {
      console.log(
        `- **${r.verdict}** [${r.entry.kind}] \`${oneLine(r.entry.text, 160)}\`\n  expected ${expectation(r.entry)}${r.entry.ambiguous ? ' (ambiguous)' : ''}; ${describeObservation(r.seen)}`,
      );
    }
  }
  if (corpusErrors.length > 0) {
    console.log(`\n### Corpus errors (${corpusErrors.length})\n`);
    for (const error of corpusErrors) console.log(`- ${error}`);
  }
  return 0;
}

runMain('bench:cloud could not run', main, { exit: true });
