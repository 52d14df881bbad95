/**
 * `npm start` (build, then preview), `npm run preview` and `npm run dev`: runs `astro dev` or `astro preview`
 * in the foreground of this terminal. Astro 7 moves them to the background and prints JSON when it thinks a
 * coding agent started it; setting ASTRO_DEV_BACKGROUND / ASTRO_PREVIEW_BACKGROUND (what Astro sets for its own
 * foreground server process) keeps the server attached, logging to the terminal, stopped with Ctrl+C.
 * The preview serves dist/ as a host does: the site's 404.html for every unknown path (`preview.config.mjs`).
 * Serves on 127.0.0.1:4321 unless `--host` or `--port` says otherwise.
 * Usage: tsx scripts/serve.ts <dev | preview> [--build] [astro options]
 */
import './require-node.mjs';
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { astroBin } from './build.ts';
import { exitWithUsage } from './cli-args.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const ADDRESS = { '--host': '127.0.0.1', '--port': '4321' };
const PREVIEW_CONFIG = 'scripts/preview.config.mjs';
const USAGE = 'usage: tsx scripts/serve.ts <dev | preview> [--build] [astro options]';

function main(): void {
  // Only the command and --build are read here: every other argument is Astro's.
  const [command, ...rest] = process.argv.slice(2);
  if (command !== 'dev' && command !== 'preview')
    exitWithUsage('serve', command === undefined ? 'no command given' : `unknown command '${command}'`, USAGE);
  const build = rest.includes('--build');
  const options = rest.filter((a) => a !== '--build');
  // Astro reads a flag given twice as a list and then ignores it: a default goes in only when not given.
  const given = (flag: string) => options.some((a) => a === flag || a.startsWith(`${flag}=`));
  const defaults = Object.entries(ADDRESS).filter(([flag]) => !given(flag));
  if (command === 'preview' && !given('--config')) defaults.push(['--config', PREVIEW_CONFIG]);
  if (build) {
    const built = spawnSync(process.execPath, [join(ROOT, 'scripts/build.ts')], { stdio: 'inherit' });
    if (built.status !== 0) process.exit(built.status ?? 1);
  }
  const env = { ...process.env, [command === 'dev' ? 'ASTRO_DEV_BACKGROUND' : 'ASTRO_PREVIEW_BACKGROUND']: '1' };
  const server = spawn(process.execPath, [astroBin(), command, ...defaults.flat(), ...options], {
    cwd: ROOT,
    env,
    stdio: 'inherit',
  });
  // Ctrl+C reaches the server too (same process group); a `kill` of this process is passed on.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal));
  server.on('close', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
}

main();
