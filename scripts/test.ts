/**
 * `npm test`: ensure Chromium, build the site, run every vitest test once, and close with the line
 * `N passed, M failed` that CI reads. Extra arguments go to vitest (`npm test -- tests/e2e`).
 * Set SKIP_BUILD=1 to test the dist/ that is already there.
 */
import './require-node.mjs';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_MISSING_MESSAGE, ensureChromium } from './ensure-chromium.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RESULTS_FILE = join(ROOT, 'test-results', 'vitest.json');

/** The parts of vitest's JSON report this script reads. */
interface VitestReport {
  testResults: {
    name: string;
    status: string;
    message?: string;
    assertionResults: { status: 'passed' | 'failed' | 'skipped' | 'pending' | 'todo' | 'disabled' }[];
  }[];
}

/** Test counts for the closing line; `failed` also counts files and errors that failed outside any test. */
export interface TestCounts {
  passed: number;
  failed: number;
  skipped: number;
}

/** Formats the closing line CI parses: `N passed, M failed` plus `, K skipped` when K > 0. */
export function formatCounts({ passed, failed, skipped }: TestCounts): string {
  return `${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`;
}

/**
 * Counts tests in vitest's JSON report. A file that failed with no failed test in it (an import error,
 * a throwing beforeAll) counts as one failure, so a broken file can never read as a clean run.
 */
export function countResults(report: VitestReport): TestCounts & { brokenFiles: string[] } {
  const counts = { passed: 0, failed: 0, skipped: 0, brokenFiles: [] as string[] };
  for (const file of report.testResults) {
    let failedHere = 0;
    for (const test of file.assertionResults) {
      if (test.status === 'passed') counts.passed++;
      else if (test.status === 'failed') failedHere++;
      else counts.skipped++;
    }
    if (file.status === 'failed' && failedHere === 0) {
      failedHere = 1;
      counts.brokenFiles.push(relative(ROOT, file.name));
    }
    counts.failed += failedHere;
  }
  return counts;
}

/** Runs a command with inherited output; resolves to its exit code (or 1 if killed or not started). */
function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  return new Promise((done) => {
    const child = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', (error) => {
      console.error(`Could not start ${command}: ${error.message}`);
      done(1);
    });
    child.on('close', (code) => done(code ?? 1));
  });
}

/** Resolves a package's bin script inside node_modules, so no `npx` process sits in between. */
function binPath(pkg: string, file: string): string {
  const path = join(ROOT, 'node_modules', pkg, file);
  if (!existsSync(path)) throw new UserError(`${pkg} is not installed: run "npm ci" first`);
  return path;
}

/** An error whose message is the whole story: printed without a stack trace. */
class UserError extends Error {}

async function main(): Promise<number> {
  console.log(`Node ${process.version} (${process.execPath})`);
  const chromiumPath = ensureChromium();
  if (!chromiumPath) throw new UserError(CHROMIUM_MISSING_MESSAGE);
  console.log(`Chromium: ${chromiumPath}`);

  if (process.env.SKIP_BUILD === '1') {
    console.log('SKIP_BUILD=1: testing the existing dist/');
  } else {
    console.log('Building the site (astro build)...');
    const started = performance.now();
    // Node runs build.ts itself (it imports no TypeScript module): no tsx process to start first.
    const code = await run(process.execPath, [join(ROOT, 'scripts/build.ts')]);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    if (code !== 0)
      throw new UserError(`Build failed (astro build exited with ${code} after ${seconds} s): see its output above`);
    console.log(`Built dist/ in ${seconds} s`);
  }

  rmSync(RESULTS_FILE, { force: true });
  mkdirSync(join(ROOT, 'test-results'), { recursive: true });
  const vitestArgs = ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${RESULTS_FILE}`];
  const started = performance.now();
  const vitestCode = await run(
    process.execPath,
    [binPath('vitest', 'vitest.mjs'), ...vitestArgs, ...process.argv.slice(2)],
    {
      ...process.env,
      CHROMIUM_PATH: chromiumPath,
    },
  );
  const seconds = ((performance.now() - started) / 1000).toFixed(1);

  if (!existsSync(RESULTS_FILE)) {
    console.error(`vitest exited with ${vitestCode} without writing a report (see its output above)`);
    console.log(formatCounts({ passed: 0, failed: 1, skipped: 0 }));
    return 1;
  }
  const counts = countResults(JSON.parse(readFileSync(RESULTS_FILE, 'utf8')) as VitestReport);
  for (const file of counts.brokenFiles) console.error(`${file}: failed outside any test (see above)`);
  if (vitestCode !== 0 && counts.failed === 0) {
    // Unhandled errors (a rejected promise after a test ended) fail the run without failing a test.
    console.error(`vitest exited with ${vitestCode}: errors outside tests (see above)`);
    counts.failed = 1;
  }
  console.log(`Tests took ${seconds} s`);
  if (counts.passed + counts.failed === 0) console.error('No tests ran');
  console.log(formatCounts(counts));
  return counts.failed > 0 || counts.passed + counts.failed === 0 ? 1 : 0;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      if (!(error instanceof UserError)) throw error;
      console.error(error.message);
      process.exitCode = 1;
    },
  );
}
