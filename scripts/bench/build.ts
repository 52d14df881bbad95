/**
 * `npm run bench [-- --codes 10000]`: builds, each in a temporary folder with the same installed stack, the
 * project with the real content and a plain Starlight site of the same codes as Markdown pages
 * (scripts/bench/baselines.ts); with `--codes N` also the project with N synthetic codes plus the real ones,
 * and a floor of one bare StarlightPage per code for the same codes. Prints one table (build time, peak memory
 * of the build's process tree, output files and MB, files per code, code-page HTML, Pagefind bytes for a
 * first query, lookup bytes) and each target with PASS or FAIL.
 */
import '../require-node.mjs';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { shardsForInput, type LookupManifest } from '../../src/lib/lookup/lookup-data.ts';
import { writeSyntheticContent } from '../synthetic-content.ts';
import { writeBaselineSite, type Baseline } from './baselines.ts';
import { astroBin } from '../build.ts';
import { exitWithUsage, readCommandLine } from '../cli-args.ts';
import { runMeasured, walk } from './process.ts';
import { copyProject, linkNodeModules } from '../harness/project-copy.ts';
import { loadServices } from '../../src/lib/assembly/load-site.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** What one build of one site gave. Search and lookup figures exist only for the project's own builds. */
interface Figures {
  label: string;
  codes: number;
  pages: number;
  seconds: number;
  peakMb: number;
  peakProcessMb: number;
  outputMb: number;
  files: number;
  medianPageKb: number;
  largestPageKb: number;
  searchKb?: number;
  lookupKb?: number;
  /** Build seconds of every run; `seconds` and the memory figures are those of the median run. */
  runs: number[];
  /** The fastest run's seconds: the targets compare best runs (issue 19: best of three interleaved runs). */
  best: number;
}

/** Which site a build is of: the project itself, or a baseline written from the same content. */
type Site = 'project' | Baseline;

/** A fresh folder with the project's node_modules as hard links (fast, no extra disk); the project's files when asked. */
function makeFolder(withProject: boolean): string {
  const dir = mkdtempSync(join(tmpdir(), 'ecr-bench-'));
  if (withProject) copyProject(dir);
  else linkNodeModules(dir);
  mkdirSync(join(dir, 'content'));
  return dir;
}

/**
 * Runs `astro build` in a folder; returns seconds and peak memory: of the whole process tree (Astro's
 * Node process, plus Pagefind's indexer and esbuild while they run) and of its largest process.
 */
function build(dir: string, site: Site): Promise<{ seconds: number; peakMb: number; peakProcessMb: number }> {
  const args = site === 'project' ? [join(dir, 'scripts/build.ts')] : [astroBin(dir), 'build'];
  return runMeasured(process.execPath, args, dir).then((run) => {
    if (run.code !== 0) throw new Error(`astro build failed in ${dir}:\n${run.log.slice(-3000)}`);
    return run;
  });
}

/** Bytes Pagefind fetches for a first query, counted by reading its files through a stubbed fetch. */
async function pagefindBytes(dist: string, query: string): Promise<number> {
  let bytes = 0;
  const original = globalThis.fetch;
  globalThis.fetch = (async (url: string | URL) => {
    const body = await readFile(join(dist, new URL(String(url), 'http://x').pathname));
    bytes += body.length;
    return new Response(body);
  }) as typeof fetch;
  try {
    const pagefind = await import(`${join(dist, 'pagefind/pagefind.js')}?${Date.now()}`);
    await pagefind.options({ basePath: '/pagefind/', baseUrl: '/' });
    const search = await pagefind.search(query);
    await Promise.all(search.results.slice(0, 10).map((r: { data(): Promise<unknown> }) => r.data()));
    bytes += statSync(join(dist, 'pagefind/pagefind.js')).size;
    await pagefind.destroy?.();
  } finally {
    globalThis.fetch = original;
  }
  return bytes;
}

/** Bytes of lookup data a lookup loads: the manifest and the shards its input needs. */
function lookupBytes(dist: string, input: string): number {
  const manifestPath = join(dist, 'lookup/manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as LookupManifest;
  const needed = shardsForInput(input, manifest);
  const files = [...needed.codes.map((k) => `lookup/c/${k}.json`), ...needed.words.map((n) => `lookup/w/${n}.json`)];
  return files.reduce((sum, f) => sum + statSync(join(dist, f)).size, statSync(manifestPath).size);
}

/** Builds one site from the real content, plus that many synthetic codes, and measures it. */
async function measure(label: string, site: Site, syntheticCodes: number): Promise<Figures> {
  const dir = makeFolder(site === 'project');
  try {
    cpSync(join(ROOT, 'content/ecs'), join(dir, 'content/ecs'), { recursive: true });
    if (syntheticCodes > 0) writeSyntheticContent(join(dir, 'content'), syntheticCodes);
    if (site !== 'project') {
      const entries = loadServices(join(dir, 'content'), dir).services.flatMap((s) => s.catalogue.entries);
      writeBaselineSite(dir, site, entries);
      rmSync(join(dir, 'content'), { recursive: true });
    }
    process.stdout.write(`building ${label} in ${dir} ...\n`);
    const { seconds, peakMb, peakProcessMb } = await build(dir, site);
    const dist = join(dir, 'dist');
    let outputBytes = 0;
    let files = 0;
    let pages = 0;
    const pageSizes: number[] = [];
    // A code page: /<service>/<slug with a number>/index.html, not an index page or a redirect.
    const codePage = /^[a-z0-9]+\/[a-z0-9-]*\d[a-z0-9-]*\/index\.html$/;
    walk(dist, (path, size) => {
      outputBytes += size;
      files++;
      if (path.endsWith('.html')) pages++;
      // Redirect pages have the same paths in other spellings, and are a few hundred bytes.
      if (codePage.test(relative(dist, path)) && size > 2048) pageSizes.push(size);
    });
    pageSizes.sort((a, b) => a - b);
    const figures: Figures = {
      runs: [seconds],
      best: seconds,
      label,
      codes: pageSizes.length,
      pages,
      seconds,
      peakMb,
      peakProcessMb,
      outputMb: outputBytes / 1024 / 1024,
      files,
      medianPageKb: (pageSizes[Math.floor(pageSizes.length / 2)] ?? 0) / 1024,
      largestPageKb: (pageSizes.at(-1) ?? 0) / 1024,
    };
    if (site === 'project') {
      figures.searchKb = (await pagefindBytes(dist, 'already in use')) / 1024;
      figures.lookupKb = lookupBytes(dist, 'Private IP address 192.168.0.12 is already in use.') / 1024;
    }
    return figures;
  } finally {
    if (!process.env.KEEP_BENCH) rmSync(dir, { recursive: true, force: true });
  }
}

function table(rows: Figures[]): string {
  const f = (n: number | undefined, d = 1) => (n === undefined ? '—' : n.toFixed(d));
  const lines = [
    '| site | codes | HTML pages | files | files/code | output MB | build s (best) | build s (median) | runs s | peak RSS MB (tree) | peak RSS MB (largest process) | code page median KB | largest KB | first search KB | lookup data KB |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map(
      (r) =>
        `| ${r.label} | ${r.codes} | ${r.pages} | ${r.files} | ${f(r.files / r.codes, 2)} | ${f(r.outputMb)} | ${f(r.best)} | ${f(r.seconds)} | ${r.runs.map((t) => f(t)).join(', ')} | ${f(r.peakMb, 0)} | ${f(r.peakProcessMb, 0)} | ${f(r.medianPageKb)} | ${f(r.largestPageKb)} | ${f(r.searchKb)} | ${f(r.lookupKb)} |`,
    ),
  ];
  return lines.join('\n');
}

/** `PASS`/`FAIL` and the figure, for one target line. */
function verdict(ok: boolean, text: string): string {
  return `${ok ? 'PASS' : 'FAIL'}  ${text}`;
}

const USAGE = 'usage: npm run bench [-- --codes <number of synthetic codes, e.g. 10000>] [--runs <builds per site>]';

async function main(): Promise<void> {
  const { values } = readCommandLine('bench', USAGE, {
    options: { codes: { type: 'string' }, runs: { type: 'string' } },
  });
  const codes = values.codes !== undefined ? Number(values.codes) : 0;
  if (values.codes !== undefined && (!Number.isInteger(codes) || codes < 1))
    exitWithUsage(
      'bench',
      `--codes takes a number of synthetic codes, e.g. --codes 10000, not '${values.codes}'`,
      USAGE,
    );
  // Build times on a shared 2-core machine vary by a factor of two from run to run: compare the best of builds
  // made in turn (project, baseline, project, ...), so both sides see the same conditions; medians are printed too.
  const runs = values.runs !== undefined ? Number(values.runs) : 3;
  const largeRuns = values.runs !== undefined ? runs : 1;
  if (!Number.isInteger(runs) || runs < 1)
    exitWithUsage('bench', `--runs takes a number of builds per site, e.g. --runs 3, not '${values.runs}'`, USAGE);
  if (!existsSync(join(ROOT, 'node_modules/.bin/astro'))) {
    console.error('node_modules is missing: run "npm install" first');
    process.exit(1);
  }
  console.log(
    `Node ${process.version}, Astro ${packageVersion('astro')}, Starlight ${packageVersion('@astrojs/starlight')}, Pagefind ${packageVersion('pagefind')}`,
  );
  const [real, plain] = await measureAlternately(runs, [
    () => measure('project, real (ECS)', 'project', 0),
    () => measure('plain Starlight, Markdown (ECS)', 'markdown', 0),
  ]);
  const rows = [real, plain];
  const lines = [
    verdict(
      real.best <= plain.best,
      `ECS build ${f1(real.best)} s = ${(real.best / plain.best).toFixed(2)}x plain Starlight (${f1(plain.best)} s), best runs; target <= 1.0x`,
    ),
  ];
  if (codes > 0) {
    const [large, floor] = await measureAlternately(largeRuns, [
      () => measure(`project, synthetic ${codes} + ECS`, 'project', codes),
      () => measure(`StarlightPage floor, ${codes} + ECS`, 'floor', codes),
    ]);
    rows.push(large, floor);
    const growth = large.medianPageKb / real.medianPageKb - 1;
    lines.push(
      verdict(
        large.best <= 1.3 * floor.best,
        `${large.codes} codes: ${f1(large.best)} s = ${(large.best / floor.best).toFixed(2)}x the floor (${f1(floor.best)} s), best runs; target <= 1.3x`,
      ),
      verdict(
        large.peakMb <= 2048,
        `peak memory of the process tree ${f1(large.peakMb)} MB (largest process ${f1(large.peakProcessMb)} MB); target <= 2048 MB`,
      ),
      // The synthetic codes are one row each, with no topics: smaller than ECS's pages is expected; growth is the risk.
      verdict(
        growth <= 0.1,
        `code page median ${f1(large.medianPageKb)} KB vs ${f1(real.medianPageKb)} KB at ${real.codes} codes (${(growth * 100).toFixed(1)} %); target at most 10 % larger`,
      ),
      verdict(
        large.files / large.codes < 9.1,
        `${(large.files / large.codes).toFixed(2)} output files per code (floor ${(floor.files / floor.codes).toFixed(2)}); target < 9.1`,
      ),
      `first search ${f1(large.searchKb ?? 0)} KB uncompressed (npm run bench:weight measures what a browser transfers); lookup data ${f1(large.lookupKb ?? 0)} KB`,
    );
  }
  console.log(`\n${table(rows)}\n`);
  for (const line of lines) console.log(line);
}

/** Runs each measurement `runs` times, in turn; returns each one's median run, with every run's seconds and the best. */
async function measureAlternately(runs: number, measurements: (() => Promise<Figures>)[]): Promise<Figures[]> {
  const results: Figures[][] = measurements.map(() => []);
  for (let run = 0; run < runs; run++) {
    for (const [i, measurement] of measurements.entries()) results[i].push(await measurement());
  }
  return results.map((list) => {
    const sorted = [...list].sort((a, b) => a.seconds - b.seconds);
    return {
      ...sorted[Math.floor((sorted.length - 1) / 2)],
      runs: list.map((f) => f.seconds),
      best: sorted[0].seconds,
    };
  });
}

/** The installed version of a package. */
function packageVersion(name: string): string {
  return (JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string })
    .version;
}

function f1(n: number): string {
  return n.toFixed(1);
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
