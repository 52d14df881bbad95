/**
 * `npm run build`: `astro build` with a V8 heap sized to the content. Left alone, V8 grows its heap lazily
 * and a 10,000-code build peaks anywhere from 1.8 to 3.1 GB resident; its live data fits in about 1 GB, so
 * a cap of 512 MB plus 0.1 MB per table row keeps the peak near 1.5 GB and still leaves room. A
 * `--max-old-space-size` already in NODE_OPTIONS wins.
 */
import './require-node.mjs';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Row borders (`+---+`, `+===+`) in every table and history version under a folder: about one per row. */
export function countTableRows(contentDir: string): number {
  if (!existsSync(contentDir)) return 0;
  let rows = 0;
  for (const entry of readdirSync(contentDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.rst')) continue;
    const text = readFileSync(join(entry.parentPath, entry.name), 'utf8');
    rows += text.match(/^[ \t]*\+[-=+]+\+\s*$/gm)?.length ?? 0;
  }
  return rows;
}

/** The heap for a build of that many rows, in MB. */
export function heapForRows(rows: number): number {
  return Math.max(1024, Math.ceil(512 + rows * 0.1));
}

/** Astro's command-line script, as its package.json names it (it moved from astro.js to bin/astro.mjs in Astro 6). */
export function astroBin(root = ROOT): string {
  const pkg = JSON.parse(readFileSync(join(root, 'node_modules/astro/package.json'), 'utf8')) as {
    bin: string | Record<string, string>;
  };
  return join(root, 'node_modules/astro', typeof pkg.bin === 'string' ? pkg.bin : pkg.bin.astro);
}

function main(): number {
  console.log(`Node ${process.version} (${process.execPath})`);
  const options = process.env.NODE_OPTIONS ?? '';
  const heap = /--max-old-space-size/.test(options) ? undefined : heapForRows(countTableRows(join(ROOT, 'content')));
  const env = { ...process.env, NODE_OPTIONS: heap ? `${options} --max-old-space-size=${heap}`.trim() : options };
  const astro = astroBin();
  const result = spawnSync(process.execPath, [astro, 'build', ...process.argv.slice(2)], {
    cwd: process.cwd(),
    env,
    stdio: 'inherit',
  });
  return result.status ?? 1;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) process.exit(main());
