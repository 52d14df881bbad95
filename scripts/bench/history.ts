/**
 * Times the history stage (`npm run bench:history`) and prints a Markdown table: building the history of 11
 * dated versions of 150 and of 10,000 synthetic codes, and the word diff of two texts too
 * long to align (it falls back to one replacement). Each case runs once to warm up, then three times; the best
 * run is held against its target, since the machine is shared. A measurement, not a test: it always exits 0.
 */
import '../require-node.mjs';
import { performance } from 'node:perf_hooks';
import { buildHistory } from '../../src/lib/history/history.ts';
import { diffWords, MAX_DIFF_TOKENS } from '../../src/lib/history/word-diff.ts';
import { syntheticVersions } from '../harness/synthetic-history.ts';
import { readCommandLine } from '../cli-args.ts';

const RUNS = 3;

/** A case: what it does, and the most milliseconds its best run may take. */
interface Case {
  name: string;
  targetMs: number;
  run: () => unknown;
}

/** The milliseconds of each of {@link RUNS} runs, after one run to warm up. */
function time(run: () => unknown): number[] {
  run();
  return Array.from({ length: RUNS }, () => {
    const start = performance.now();
    run();
    return performance.now() - start;
  });
}

function historyCase(count: number, targetMs: number): Case {
  const versions = syntheticVersions(count);
  return {
    name: `11 versions of ${count.toLocaleString('en')} codes: the history`,
    targetMs,
    run: () => buildHistory(versions),
  };
}

function longDiffCase(targetMs: number): Case {
  const middle = (word: string) => Array.from({ length: MAX_DIFF_TOKENS }, (_, i) => `${word}${i % 10}`).join(' ');
  const before = `Start. ${middle('a')} End.`;
  const after = `Start. ${middle('b')} End.`;
  return {
    name: `word diff of two texts of ${MAX_DIFF_TOKENS.toLocaleString('en')} words (too long to align)`,
    targetMs,
    run: () => diffWords(before, after),
  };
}

function main(): void {
  readCommandLine('bench:history', 'usage: npm run bench:history', {});
  const cases = [historyCase(150, 100), historyCase(10_000, 1_000), longDiffCase(1_000)];
  console.log('| case | best ms | runs ms | target ms |');
  console.log('| --- | ---: | ---: | ---: |');
  const verdicts: string[] = [];
  for (const c of cases) {
    const runs = time(c.run);
    const best = Math.min(...runs);
    console.log(`| ${c.name} | ${best.toFixed(1)} | ${runs.map((ms) => ms.toFixed(1)).join(', ')} | ${c.targetMs} |`);
    verdicts.push(
      `${best < c.targetMs ? 'PASS' : 'FAIL'}  ${c.name}: ${best.toFixed(1)} ms; target < ${c.targetMs} ms`,
    );
  }
  console.log();
  for (const line of verdicts) console.log(line);
}

main();
