// Checks a built site's lookup the way a user meets it, service by service: every code of every
// `/<service>/errors.json` is found by `/lookup/?code=<code>`, and every message that only one code has is
// found by `/lookup/?message=<message>` and lands on that code. It loads the lookup data from dist/ exactly
// as the browser does (the manifest, then the shards the input names) and runs the site's own resolver.
// Usage: npm run check:lookups [-- DIST]   (DIST defaults to dist; build the site first)
import '../require-node.mjs';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { buildLookupIndex, type DirectHit } from '../../src/lib/lookup/direct-hits.ts';
import { resolveLookup, type LookupQuery } from '../../src/lib/lookup/resolve.ts';
import {
  decodeLookupRecord,
  groupRecords,
  manifestShapes,
  needsWordShards,
  shardsForInput,
  type EncodedLookupRecord,
  type LookupManifest,
  type LookupRecord,
} from '../../src/lib/lookup/lookup-data.ts';
import type { ServiceExport } from '../../src/lib/export/export.ts';
import type { ServiceClues } from '../../src/lib/lookup/service-evidence.ts';
import {
  codeShardPath,
  LOOKUP_MANIFEST_PATH,
  LOOKUP_SERVICES_PATH,
  serviceJsonPath,
  wordShardPath,
} from '../../src/lib/core/urls.ts';
import { exitWithUsage, readCommandLine } from '../cli-args.ts';

const USAGE = 'usage: npm run check:lookups [-- DIST]';
const { positionals } = readCommandLine('check:lookups', USAGE, { allowPositionals: true });
if (positionals.length > 1)
  exitWithUsage('check:lookups', `one dist folder expected, got ${positionals.length}`, USAGE);
const dist = path.resolve(positionals[0] ?? 'dist');
if (!existsSync(path.join(dist, LOOKUP_MANIFEST_PATH))) {
  console.error(
    `check:lookups: ${positionals[0] ?? 'dist'}/ has no lookup/manifest.json: build the site first (npm run build)`,
  );
  process.exit(1);
}
/** A file of the built site by its site path (`/lookup/manifest.json`). */
const readJson = <T>(file: string): T => JSON.parse(readFileSync(path.join(dist, file), 'utf8')) as T;
const manifest = readJson<LookupManifest>(LOOKUP_MANIFEST_PATH);
const shapes = manifestShapes(manifest);
// Every service's clues, as the browser fetches them on a site of several services.
const clues = manifest.services.length > 1 ? readJson<ServiceClues[]>(LOOKUP_SERVICES_PATH) : [];
const shardCache = new Map<string, LookupRecord[]>();

/** A shard file as the browser fetches it (a missing shard reads as empty, as a 404 does). */
function shard(file: string): LookupRecord[] {
  let records = shardCache.get(file);
  if (!records) {
    const full = path.join(dist, file);
    records = existsSync(full)
      ? (JSON.parse(readFileSync(full, 'utf8')) as EncodedLookupRecord[]).map(decodeLookupRecord)
      : [];
    shardCache.set(file, records);
  }
  return records;
}

/** The lookup page's answer to a query, with the same shards the browser's loader would fetch. */
function lookUp(query: LookupQuery) {
  const input = query.message ?? query.q ?? query.code ?? '';
  const needed = shardsForInput(input, manifest, query.code);
  const files = needed.codes.map(codeShardPath);
  if (needsWordShards(input, manifest, files.flatMap(shard), query.code))
    files.push(...needed.words.map(wordShardPath));
  const index = buildLookupIndex(groupRecords([...new Set(files)].flatMap(shard), manifest.services), shapes, clues);
  return resolveLookup(query, index);
}

/**
 * Whether an outcome reaches the code's page: straight there, or through a chooser that offers it, or as one of
 * the services of one answer (the same code, rows reading the same), which the answer names.
 */
function reaches(outcome: ReturnType<typeof lookUp>, url: string, direct: boolean): boolean {
  const pathOf = new URL(url).pathname;
  const answers = (hit: DirectHit) =>
    hit.path === pathOf || (!direct && (hit.alsoIn ?? []).some((a) => a.path === pathOf));
  if (outcome.kind === 'go') return answers(outcome.hit);
  return !direct && outcome.kind === 'choose' && outcome.hits.some(answers);
}

/** An outcome in a few words, for a report. */
function describe(outcome: ReturnType<typeof lookUp>): string {
  if (outcome.kind === 'go') return `goes to ${outcome.hit.code}`;
  if (outcome.kind === 'choose') return `offers ${outcome.hits.map((h) => h.code).join(', ')}`;
  return outcome.kind;
}

const rows: string[][] = [['service', 'codes', 'found by ?code=', 'unique messages', 'found by ?message=']];
const problems: string[] = [];
for (const { service } of manifest.services) {
  const document = readJson<ServiceExport>(serviceJsonPath(service));
  // Messages (or, in a table without a message column, descriptions) that one code alone has in the site.
  const owners = new Map<string, Set<string>>();
  // Compared as the matcher compares them: case, runs of whitespace and a final period aside.
  const texts = (c: ServiceExport['codes'][number]) =>
    c.variants.map((v) => (v.message.template || v.description.text).replace(/\s+/g, ' ').trim());
  const same = (text: string) => text.toLowerCase().replace(/[\s.!]+$/, '');
  for (const other of manifest.services) {
    for (const c of readJson<ServiceExport>(serviceJsonPath(other.service)).codes) {
      for (const text of texts(c))
        if (text) owners.set(same(text), new Set([...(owners.get(same(text)) ?? []), c.url]));
    }
  }
  let byCode = 0;
  let unique = 0;
  let byMessage = 0;
  for (const c of document.codes) {
    // A code that several services have gives a chooser; `?service=` picks this one.
    if (
      reaches(lookUp({ code: c.code, service }), c.url, true) &&
      reaches(lookUp({ code: c.code.toUpperCase() }), c.url, false)
    )
      byCode++;
    else problems.push(`${service}: ?code=${c.code} does not reach ${c.url}`);
    for (const text of new Set(texts(c))) {
      if (!text || owners.get(same(text))?.size !== 1) continue;
      unique++;
      // As an API would send it: the placeholders filled in.
      const filled = text
        .replace(/%d/g, '42')
        .replace(/%s/g, 'sample-7')
        .replace(/\bxxx\b/g, 'sample');
      if (reaches(lookUp({ message: filled }), c.url, true)) byMessage++;
      else
        problems.push(
          `${service}: ?message=${filled.slice(0, 60)} does not land on ${c.code} (${describe(lookUp({ message: filled }))})`,
        );
    }
  }
  rows.push([service, String(document.codes.length), String(byCode), String(unique), String(byMessage)]);
}

const widths = rows[0].map((_, k) => Math.max(...rows.map((r) => r[k].length)));
for (const row of rows) console.log(row.map((cell, k) => cell.padEnd(widths[k])).join('  '));
for (const problem of problems.slice(0, 20)) console.log(problem);
if (problems.length > 20) console.log(`... and ${problems.length - 20} more`);
process.exitCode = problems.length > 0 ? 1 : 0;
