/**
 * `npm run screenshots -- /path/ [/other/]`: full-page screenshots of built pages at desktop and phone
 * width, in light and dark theme, written to screenshots/<slug>-<desktop|phone>-<light|dark>.png.
 * Serves the existing dist/ (run `npx astro build` first; `--dist dir` serves another build); with no path it
 * shoots the home page. `--search "words"` opens the search dialog on each page, types the words and shoots
 * the dialog with its results (`<slug>-search-...png`).
 */
import './require-node.mjs';
import { existsSync, mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser, newPage } from './harness/browser.ts';
import { startStaticServer } from './harness/static-server.ts';
import { askDialog } from './harness/search-runner.ts';
import { readCommandLine } from './cli-args.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST_DIR = join(ROOT, 'dist');
const OUT_DIR = join(ROOT, 'screenshots');

const VIEWPORTS = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 390, height: 844 },
] as const;
const THEMES = ['light', 'dark'] as const;

/** Turns a site path into a file-name slug: `/` -> `home`, `/ecs/Ecs.0010/` -> `ecs-Ecs.0010`. */
export function slugForPath(path: string): string {
  const slug = path
    .split(/[?#]/, 1)[0]!
    .split('/')
    .filter(Boolean)
    .join('-')
    .replace(/[^A-Za-z0-9._-]+/g, '_');
  return slug || 'home';
}

async function main(paths: string[], options: { dist?: string; search?: string } = {}): Promise<void> {
  const dist = options.dist ?? DIST_DIR;
  if (!existsSync(join(dist, 'index.html'))) {
    throw new Error(`${relative(ROOT, dist) || dist} has no built site: run "npx astro build" first`);
  }
  mkdirSync(OUT_DIR, { recursive: true });
  const server = await startStaticServer(dist);
  const browser = await launchBrowser();
  const written: string[] = [];
  try {
    for (const path of paths) {
      for (const viewport of VIEWPORTS) {
        for (const theme of THEMES) {
          const page = await newPage(browser, { colorScheme: theme, width: viewport.width, height: viewport.height });
          // Starlight reads the stored choice first and prefers-color-scheme second; set both.
          await page.addInitScript((value) => localStorage.setItem('starlight-theme', value), theme);
          const url = new URL(path, `${server.url}/`).href;
          const response = await page.goto(url, { waitUntil: 'load' });
          if (response && response.status() >= 400) console.warn(`${path}: HTTP ${response.status()}`);
          await page.evaluate(() => document.fonts.ready);
          if (options.search !== undefined) await askDialog(page, options.search);
          const name = `${slugForPath(path)}${options.search !== undefined ? '-search' : ''}-${viewport.name}-${theme}.png`;
          const file = join(OUT_DIR, name);
          await page.screenshot({ path: file, fullPage: options.search === undefined });
          await page.close();
          written.push(relative(ROOT, file));
        }
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  for (const file of written) console.log(file);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { positionals, values } = readCommandLine(
    'screenshots',
    'usage: npm run screenshots -- [--dist dir] [--search "words"] /path/ [/other/]',
    {
      allowPositionals: true,
      options: { dist: { type: 'string' }, search: { type: 'string' } },
    },
  );
  main(positionals.length > 0 ? positionals : ['/'], values).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  });
}
