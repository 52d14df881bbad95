/**
 * Times the message matcher (`npm run bench:match [table.rst ... | folder]`) and prints a Markdown table: the
 * real tables given (files, or every `.rst` of a folder such as a folder of the cloud's tables; else the first
 * service's under content/), each read as a service of its own, and 10,000 synthetic templates, against 200
 * realistic pastes and 1 MB pastes; the whole lookup answer (`resolveLookup`: codes, service evidence, one answer
 * for several services) over the real tables; and the size of the matcher data as JSON (what the lookup page
 * loads). Inputs are pseudo-random with a fixed seed.
 */
import '../require-node.mjs';
import {
  buildLookupShards,
  buildSiteLookup,
  encodeLookupRecord,
  shardsForInput,
  toMatchTargets,
  type LookupData,
  type LookupRecord,
} from '../../src/lib/lookup/lookup-data.ts';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { buildCatalogue } from '../../src/lib/catalogue/catalogue.ts';
import { buildLookupIndex } from '../../src/lib/lookup/direct-hits.ts';
import { resolveLookup } from '../../src/lib/lookup/resolve.ts';
import { readCommandLine } from '../cli-args.ts';
import { performance } from 'node:perf_hooks';
import { createMatcher, type Matcher, type MatchTarget } from '../../src/lib/lookup/matcher.ts';
import { parseTemplate, type Segment } from '../../src/lib/core/template.ts';
import { TABLE_FILE as TABLE_NAME } from '../../src/lib/content/layout.ts';
import { listServiceIds } from '../../src/lib/content/read-content.ts';
import { countOf } from '../../src/lib/core/plural.ts';

const USAGE = 'usage: npm run bench:match [-- table.rst ... | folder-of-tables]';
const { positionals } = readCommandLine('bench:match', USAGE, { options: {}, allowPositionals: true });
const TABLE_FILES = positionals.length > 0 ? positionals.flatMap(tableFiles) : [firstServiceTable('content')];
const INPUT_COUNT = 200;
const SYNTHETIC_COUNT = 10_000;
const MEGABYTE = 1_000_000;

/** Mulberry32: a small seeded generator, so every run times the same inputs. */
function createRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(list: readonly T[]): T => list[int(list.length)] as T;
  return { next, int, pick };
}

/** The error table of the first service folder under a content directory. */
function firstServiceTable(contentDir: string): string {
  const [first] = listServiceIds(contentDir);
  if (first === undefined)
    throw new Error(
      `${contentDir}/: no service folder with an ${TABLE_NAME}; pass a table file: npm run bench:match -- path/to/${TABLE_NAME}`,
    );
  return `${contentDir}/${first}/${TABLE_NAME}`;
}

/** A table file as given, or every `.rst` file of a folder, in name order. */
function tableFiles(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .filter((name) => name.endsWith('.rst'))
    .sort()
    .map((name) => join(path, name));
}

/** Each table as a service of its own (named after its file, or its folder for an `error-codes.rst`), as lookup data. */
function readRealTables(): ReturnType<typeof buildSiteLookup> {
  const sources = TABLE_FILES.map((file) => {
    const id = basename(file) === TABLE_NAME ? basename(dirname(file)) : basename(file, '.rst');
    const { catalogue, diagnostics } = buildCatalogue({ id, file, text: readFileSync(file, 'utf8') });
    if (!catalogue) throw new Error(`${file}: no error table (${diagnostics.length} problems)`);
    return { catalogue, entries: catalogue.entries, earlier: new Map() };
  });
  return buildSiteLookup(sources);
}

const COMMON_WORDS = (
  'the a an of to in for is are was not be could cannot failed failure invalid error request resource ' +
  'instance server volume disk network port subnet quota limit exceeded already exists does found ' +
  'because while during operation parameter value allowed permission denied timeout unavailable ' +
  'create delete update attach detach query start stop reboot resize image flavor key pair ' +
  'security group tag metadata backup snapshot bandwidth address private public project tenant'
).split(' ');
const SYLLABLES = 'ka lo mi ne ru sa ti vo ze pa do fe gu hi ju ba ce di'.split(' ');

/** 10,000 templates from a fixed vocabulary: common error words plus made-up service words, 0-3 slots. */
function syntheticTargets(): MatchTarget[] {
  const random = createRandom(42);
  const invented = Array.from({ length: 3_000 }, () =>
    Array.from({ length: 2 + random.int(3) }, () => random.pick(SYLLABLES)).join(''),
  );
  return Array.from({ length: SYNTHETIC_COUNT }, (_, i) => {
    const words = Array.from({ length: 5 + random.int(8) }, () =>
      random.next() < 0.6 ? random.pick(COMMON_WORDS) : random.pick(invented),
    );
    const slots = random.int(4);
    for (let s = 0; s < slots; s++)
      words.splice(1 + random.int(words.length - 1), 0, random.next() < 0.3 ? '%d' : '%s');
    const message = `${words.join(' ')}.`;
    const code = `Svc${i % 37}.${String(i).padStart(4, '0')}`;
    return { path: `/bench/${code}/`, anchor: 'http-400', code, statuses: [400], segments: parseTemplate(message) };
  });
}

/** Fills a template's slots with plausible values. */
function fill(segments: readonly Segment[], random: ReturnType<typeof createRandom>): string {
  const texts = ['10.0.0.12', 'vol-3f9b77', 'quota exceeded', 'ecs:servers:list', 'i-0a1b2c', 'the disk is busy'];
  return segments
    .map((s) => (s.kind === 'text' ? s.text : s.slot === '%d' ? String(random.int(5000)) : random.pick(texts)))
    .join('');
}

/** 200 pastes: plain messages, JSON bodies with and without a code, log lines, and misses. */
function realisticInputs(targets: readonly MatchTarget[], seed: number): string[] {
  const random = createRandom(seed);
  return Array.from({ length: INPUT_COUNT }, (_, i) => {
    const target = random.pick(targets);
    const message = fill(target.segments, random);
    switch (i % 5) {
      case 0:
        return message;
      case 1:
        return JSON.stringify({ error_code: target.code, error_msg: message });
      case 2:
        return JSON.stringify({ error: { message, details: 'see request id 7c1f' } });
      case 3:
        return `2024-05-01T10:00:${String(i % 60).padStart(2, '0')}Z ERROR [worker-${i}] ${message} (took ${i} ms)`;
      default:
        return Array.from({ length: 6 + random.int(20) }, () => random.pick(COMMON_WORDS)).join(' ');
    }
  });
}

/** 1 MB pastes that have hurt backtracking matchers. */
function megabytePastes(): [string, string][] {
  const random = createRandom(7);
  const printable = Array.from({ length: MEGABYTE }, () => String.fromCharCode(32 + random.int(95))).join('');
  const words = Array.from({ length: MEGABYTE / 6 }, () => random.pick(COMMON_WORDS)).join(' ');
  return [
    ['random printable characters', printable],
    ['random error words', words],
    ["'a' repeated", 'a'.repeat(MEGABYTE)],
    ["'%s%s%s' repeated", '%s'.repeat(MEGABYTE / 2)],
    ["'aaaa...b'", `${'a'.repeat(MEGABYTE - 1)}b`],
    ["'a-' repeated", 'a-'.repeat(MEGABYTE / 2)],
    ["'x.' repeated", 'x.'.repeat(MEGABYTE / 2)],
    ['a JSON body with a million-character code', `{"error_code":"E.${'1'.repeat(MEGABYTE)}","error_msg":"x"}`],
  ];
}

/** Median and 99th percentile of the time one call of `run` takes per input, in milliseconds. */
function time(inputs: readonly string[], run: (input: string) => unknown, rounds = 5) {
  for (const input of inputs) run(input); // warm up the JIT
  const samples: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const input of inputs) {
      const start = performance.now();
      run(input);
      samples.push(performance.now() - start);
    }
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] ?? 0;
  return { median: at(0.5), p99: at(0.99) };
}

function kilobytes(targets: readonly MatchTarget[]): string {
  return `${(Buffer.byteLength(JSON.stringify(targets)) / 1024).toFixed(1)} KiB`;
}

/** Bytes a lookup loads in the browser: the manifest plus the shards the input needs (median and largest). */
function lookupLoad(targets: readonly MatchTarget[], inputs: readonly string[]): string {
  const data: LookupData = {
    service: 'bench',
    name: 'Bench',
    short: 'B',
    codes: targets.map((t) => ({
      code: t.code,
      path: t.path,
      variants: [
        {
          statuses: t.statuses,
          anchor: t.anchor,
          message: t.segments.map((g) => (g.kind === 'text' ? g.text : g.slot)).join(''),
          rank: 0,
        },
      ],
    })),
  };
  const { manifest, words, codes } = buildLookupShards([data]);
  const size = (value: unknown) => JSON.stringify(value).length;
  // A shard's bytes as its file stores the records.
  const shardSize = (records: readonly LookupRecord[] = []) => size(records.map(encodeLookupRecord));
  const loads = inputs
    .map((input) => {
      const needed = shardsForInput(input, manifest);
      return (
        size(manifest) +
        needed.codes.reduce((n, k) => n + shardSize(codes.get(k)), 0) +
        needed.words.reduce((n, w) => n + shardSize(words[w]), 0)
      );
    })
    .sort((a, b) => a - b);
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
  return `median ${kb(loads[Math.floor(loads.length / 2)] ?? 0)}, largest ${kb(loads.at(-1) ?? 0)} (${manifest.wordShards} word shards, ${codes.size} code shards)`;
}

function main(): void {
  const lookup = readRealTables();
  const real = lookup.data.flatMap(toMatchTargets);
  const index = buildLookupIndex(lookup.data, undefined, lookup.clues);
  const synthetic = syntheticTargets();
  const rows: string[][] = [];
  const add = (name: string, result: { median: number; p99: number }, data = '') =>
    rows.push([name, result.median.toFixed(3), result.p99.toFixed(3), data]);

  const build = (targets: readonly MatchTarget[]): [Matcher, number] => {
    const start = performance.now();
    const matcher = createMatcher(targets);
    return [matcher, performance.now() - start];
  };
  const [realMatcher, realBuild] = build(real);
  const [syntheticMatcher, syntheticBuild] = build(synthetic);

  const realInputs = realisticInputs(real, 1);
  const hits = realInputs.filter((input) => realMatcher.match(input).length > 0).length;
  add(
    `real tables (${real.length} templates), ${INPUT_COUNT} pastes`,
    time(realInputs, (s) => realMatcher.match(s)),
    kilobytes(real),
  );
  add(
    `synthetic ${SYNTHETIC_COUNT.toLocaleString('en')} templates, ${INPUT_COUNT} pastes`,
    time(realisticInputs(synthetic, 2), (s) => syntheticMatcher.match(s)),
    kilobytes(synthetic),
  );
  for (const [name, paste] of megabytePastes()) {
    add(
      `1 MB paste, ${name}, vs 10,000 templates`,
      time([paste], (s) => syntheticMatcher.match(s), 3),
    );
  }
  const services = countOf(lookup.data.length, 'service');
  add(
    `whole answer (resolveLookup), real tables (${services}), ${INPUT_COUNT} pastes`,
    time(realInputs, (s) => resolveLookup({ q: s }, index)),
  );
  for (const [name, paste] of megabytePastes()) {
    add(
      `1 MB paste, ${name}, whole answer over the real tables`,
      time([paste], (s) => resolveLookup({ q: s }, index), 3),
    );
  }

  console.log('| case | median ms | p99 ms | matcher data as JSON |');
  console.log('| --- | ---: | ---: | ---: |');
  for (const row of rows) console.log(`| ${row.join(' | ')} |`);
  console.log();
  console.log(`Building the matcher: ${realBuild.toFixed(1)} ms (real), ${syntheticBuild.toFixed(1)} ms (synthetic).`);
  console.log(`Real catalogue: ${hits} of ${INPUT_COUNT} pastes matched (every fifth paste is a deliberate miss).`);
  console.log(
    `Lookup data a lookup loads (sharded, what /lookup/ fetches): real ${lookupLoad(real, realInputs)}; ` +
      `synthetic ${lookupLoad(synthetic, realisticInputs(synthetic, 2))}.`,
  );
}

main();
