/**
 * Makes sure a Chromium binary exists for the browser tests.
 *
 * Run directly (`tsx scripts/ensure-chromium.ts`) it prints the path it found, installs Debian's
 * `chromium` package with apt-get when running as root, or prints how to install it and exits 1.
 */
import './require-node.mjs';
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readCommandLine } from './cli-args.ts';

/** Paths tried in order after `CHROMIUM_PATH`; Debian ships `/usr/bin/chromium`, Ubuntu `/usr/bin/chromium-browser`. */
const CANDIDATE_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

export const CHROMIUM_MISSING_MESSAGE =
  'Chromium not found: install it with "sudo apt-get install -y chromium" (or set CHROMIUM_PATH)';

/** Returns the first executable Chromium (env `CHROMIUM_PATH`, then the Debian/Ubuntu paths), or undefined. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const candidates = [env.CHROMIUM_PATH, ...CANDIDATE_PATHS].filter((path): path is string => Boolean(path));
  return candidates.find(isExecutable);
}

/** Finds Chromium, installing it with apt-get first if it is missing and this process may do so. */
export function ensureChromium(): string | undefined {
  const found = findChromium();
  if (found) return found;
  if (!canInstallWithApt()) return undefined;
  console.log('Chromium not found: installing it with apt-get (a minute or two)...');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update'], ['install', '-y', 'chromium']]) {
    const result = spawnSync('apt-get', args, { stdio: ['ignore', 'inherit', 'inherit'], env });
    if (result.status !== 0) {
      console.error(`apt-get ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
      return undefined;
    }
  }
  return findChromium();
}

/** True when running as root and `apt-get` is on PATH. */
function canInstallWithApt(): boolean {
  if (process.getuid?.() !== 0) return false;
  const dirs = (process.env.PATH ?? '').split(delimiter);
  return dirs.some((dir) => isExecutable(join(dir, 'apt-get')));
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  readCommandLine('ensure-chromium', 'usage: npx tsx scripts/ensure-chromium.ts', {});
  const path = ensureChromium();
  if (!path) {
    console.error(CHROMIUM_MISSING_MESSAGE);
    process.exit(1);
  }
  console.log(`Chromium: ${path}`);
}
