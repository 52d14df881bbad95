/**
 * Writes a synthetic multi-service content folder for benchmarks: `writeSyntheticContent(dir, codes)`
 * spreads that many codes over services of 1,000 codes, each with its own RST table in the ECS format.
 * Deterministic: the same count always gives the same files.
 */
import './require-node.mjs';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { servicePaths } from '../src/lib/content/layout.ts';

const WORDS = (
  'instance volume network port subnet image flavor quota tag server disk snapshot backup key pair ' +
  'group policy token account region zone bandwidth address gateway route table listener pool member certificate ' +
  'cluster node job task request parameter status metadata interface vpc eip nic storage'
).split(' ');
const VERBS = 'create delete update query attach detach resize bind unbind check assign release'.split(' ');
const STATUSES = [400, 400, 400, 400, 403, 404, 409, 500, 503];
const CODES_PER_SERVICE = 1_000;

/** A deterministic pseudo-random generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(rand: () => number, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)] as T;
}

function row(cells: string[], widths: number[]): string {
  return `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
}

function border(widths: number[], ch: string): string {
  return `+${widths.map((w) => ch.repeat(w + 2)).join('+')}+`;
}

/** The RST table of one synthetic service. */
export function syntheticTable(prefix: string, count: number, seed: number): string {
  const rand = random(seed);
  const rows: string[][] = [];
  for (let i = 0; i < count; i++) {
    const noun = pick(rand, WORDS);
    const verb = pick(rand, VERBS);
    const other = pick(rand, WORDS);
    const slots = Math.floor(rand() * 3);
    const message =
      slots === 0
        ? `Failed to ${verb} the ${noun} of the ${other} number ${i}.`
        : slots === 1
          ? `Failed to ${verb} ${noun} %s of ${other} ${i}.`
          : `Failed to ${verb} ${noun} %s because ${other} ${i} is %s.`;
    rows.push([
      String(pick(rand, STATUSES)),
      `${prefix}.${String(i).padStart(4, '0')}`,
      message,
      `The ${noun} could not be ${verb}d (${other} ${i}).`,
      `Check the ${noun} and the ${other}, then try again. If it fails again, contact customer service.`,
    ]);
  }
  const header = ['HTTP Status Code', 'Error Code', 'Error Message', 'Description', 'Solution'];
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const lines = [
    'Error Codes',
    '===========',
    '',
    '-  Synthetic table for benchmarks.',
    '',
    border(widths, '-'),
    row(header, widths),
    border(widths, '='),
  ];
  for (const r of rows) lines.push(row(r, widths), border(widths, '-'));
  return `${lines.join('\n')}\n`;
}

/** Writes `codes` codes as services svc01, svc02, ... of up to 1,000 codes into `dir`. */
export function writeSyntheticContent(dir: string, codes: number): string[] {
  const services: string[] = [];
  for (let s = 0, left = codes; left > 0; s++, left -= CODES_PER_SERVICE) {
    const id = `svc${String(s + 1).padStart(2, '0')}`;
    mkdirSync(join(dir, servicePaths(id).folder), { recursive: true });
    writeFileSync(
      join(dir, servicePaths(id).table),
      syntheticTable(`Svc${s + 1}`, Math.min(left, CODES_PER_SERVICE), s + 1),
    );
    writeFileSync(
      join(dir, servicePaths(id).service),
      JSON.stringify({ name: `Synthetic service ${s + 1}`, short: `SVC${s + 1}` }),
    );
    services.push(id);
  }
  return services;
}
