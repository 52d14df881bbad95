/**
 * `npm run bench -- --codes 10000`: builds the site twice in temporary copies of the project, once with
 * the real content and once with a synthetic multi-service catalogue of that many codes (plus the real
 * content), and prints one table: build time, peak memory, output size, code-page HTML, Pagefind bytes
 * for a first query, lookup data bytes for a lookup, and the cost per code at both sizes.
 */
import './require-node.mjs';
import { spawn } from 'node:child_process';
import { cpSync, existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { shardsForInput, type LookupManifest } from '../src/lib/lookup-data';
import { writeSyntheticContent } from './synthetic-content';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PROJECT_FILES = ['src', 'public', 'scripts', 'astro.config.mjs', 'package.json', 'tsconfig.json'];

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
  searchKb: number;
  lookupKb: number;
}

/** Copies the project into a fresh folder, node_modules as hard links (fast, no extra disk). */
function copyProject(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ecr-bench-'));
  for (const name of PROJECT_FILES) cpSync(join(ROOT, name), join(dir, name), { recursive: true });
  linkTree(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  mkdirSync(join(dir, 'content'));
  return dir;
}

function linkTree(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const a = join(from, entry.name);
    const b = join(to, entry.name);
    if (entry.isDirectory()) linkTree(a, b);
    else if (entry.isSymbolicLink()) cpSync(a, b, { verbatimSymlinks: true });
    else linkSync(a, b);
  }
}

/** Resident memory of a process tree from /proc (Linux): the sum over the tree, and its largest process. */
function treeRssMb(pid: number): { total: number; largest: number } {
  const children = new Map<number, number[]>();
  let total = 0;
  const rss = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ppid = Number(fields[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
      rss.set(Number(name), Number(fields[21]) * 4096);
    } catch {
      // The process ended while we looked.
    }
  }
  let largest = 0;
  const stack = [pid];
  while (stack.length > 0) {
    const p = stack.pop()!;
    total += rss.get(p) ?? 0;
    largest = Math.max(largest, rss.get(p) ?? 0);
    stack.push(...(children.get(p) ?? []));
  }
  return { total: total / 1024 / 1024, largest: largest / 1024 / 1024 };
}

/**
 * Runs `astro build` in a folder; returns seconds and peak memory: of the whole process tree (Astro's
 * Node process, plus Pagefind's indexer and esbuild while they run) and of its largest process.
 */
function build(dir: string): Promise<{ seconds: number; peakMb: number; peakProcessMb: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(join(dir, 'node_modules/.bin/tsx'), [join(dir, 'scripts/build.ts')], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    let peakMb = 0;
    let peakProcessMb = 0;
    let log = '';
    const timer = setInterval(() => {
      const { total, largest } = treeRssMb(child.pid!);
      peakMb = Math.max(peakMb, total);
      peakProcessMb = Math.max(peakProcessMb, largest);
    }, 250);
    child.stdout.on('data', (d) => (log += d));
    child.stderr.on('data', (d) => (log += d));
    child.on('close', (code) => {
      clearInterval(timer);
      if (code !== 0) reject(new Error(`astro build failed in ${dir}:\n${log.slice(-3000)}`));
      else resolve({ seconds: (performance.now() - started) / 1000, peakMb, peakProcessMb });
    });
  });
}

function walk(dir: string, visit: (path: string, size: number) => void): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, visit);
    else visit(path, statSync(path).size);
  }
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

async function measure(label: string, syntheticCodes: number): Promise<Figures> {
  const dir = copyProject();
  try {
    cpSync(join(ROOT, 'content/ecs'), join(dir, 'content/ecs'), { recursive: true });
    if (syntheticCodes > 0) writeSyntheticContent(join(dir, 'content'), syntheticCodes);
    process.stdout.write(`building ${label} in ${dir} ...\n`);
    const { seconds, peakMb, peakProcessMb } = await build(dir);
    const dist = join(dir, 'dist');
    let outputBytes = 0;
    let files = 0;
    walk(dist, (_path, size) => {
      outputBytes += size;
      files++;
    });
    const pageSizes: number[] = [];
    let pages = 0;
    const pageDir = /\/[a-z0-9]+\/[a-z0-9]+-\d+\/index\.html$/;
    walk(dist, (path, size) => {
      if (path.endsWith('.html')) pages++;
      if (pageDir.test(path) && !/\/(status|prefix|family|topic)\//.test(path)) pageSizes.push(size);
    });
    pageSizes.sort((a, b) => a - b);
    const codes = pageSizes.length;
    const message = 'Private IP address 192.168.0.12 is already in use.';
    return {
      label,
      codes,
      pages,
      seconds,
      peakMb,
      peakProcessMb,
      outputMb: outputBytes / 1024 / 1024,
      files,
      medianPageKb: (pageSizes[Math.floor(pageSizes.length / 2)] ?? 0) / 1024,
      largestPageKb: (pageSizes.at(-1) ?? 0) / 1024,
      searchKb: (await pagefindBytes(dist, 'already in use')) / 1024,
      lookupKb: lookupBytes(dist, message) / 1024,
    };
  } finally {
    if (!process.env.KEEP_BENCH) rmSync(dir, { recursive: true, force: true });
  }
}

function table(rows: Figures[]): string {
  const f = (n: number, d = 1) => n.toFixed(d);
  const lines = [
    '| catalogue | codes | HTML pages | files | build s | peak RSS MB (tree) | peak RSS MB (Astro) | output MB | code page median KB | largest KB | first search KB | lookup data KB | build ms/code | output KB/code |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map((r) =>
      `| ${r.label} | ${r.codes} | ${r.pages} | ${r.files} | ${f(r.seconds)} | ${f(r.peakMb, 0)} | ${f(r.peakProcessMb, 0)} | ${f(r.outputMb)} | ${f(r.medianPageKb)} | ${f(r.largestPageKb)} | ${f(r.searchKb)} | ${f(r.lookupKb)} | ${f((r.seconds * 1000) / r.codes)} | ${f((r.outputMb * 1024) / r.codes)} |`),
  ];
  return lines.join('\n');
}

async function main(): Promise<void> {
  const at = process.argv.indexOf('--codes');
  const codes = at >= 0 ? Number(process.argv[at + 1]) : 10_000;
  if (!Number.isInteger(codes) || codes < 1) {
    console.error('usage: npm run bench -- --codes <number of synthetic codes, e.g. 10000>');
    process.exit(2);
  }
  if (!existsSync(join(ROOT, 'node_modules/.bin/astro'))) {
    console.error('node_modules is missing: run "npm install" first');
    process.exit(1);
  }
  const real = await measure('real (ECS)', 0);
  const large = await measure(`synthetic ${codes} + ECS`, codes);
  console.log(`\n${table([real, large])}\n`);
  const growth = large.medianPageKb / real.medianPageKb - 1;
  console.log(`Targets at 10,000 codes: build <= 120 s (${f1(large.seconds)}), peak <= 2048 MB (tree ${f1(large.peakMb)}, Astro's process ${f1(large.peakProcessMb)}), ` +
    `code page within 10 % of the real one (${(growth * 100).toFixed(1)} %), first search <= 300 KB (${f1(large.searchKb)}), ` +
    `lookup data <= 100 KB (${f1(large.lookupKb)}).`);
}

function f1(n: number): string {
  return n.toFixed(1);
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
