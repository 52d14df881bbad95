/**
 * A private build of the site from tests/fixtures/history-site/content, for browser tests of history: the
 * project is copied to a temporary folder (node_modules hard-linked), its content/ replaced by the fixture,
 * built once per test file and served like dist/. The shared dist/ is never touched.
 */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser, newPage } from './browser';
import type { BuiltSite } from './site';
import { startStaticServer, type StaticServer } from './static-server';

const REPO = fileURLToPath(new URL('../../', import.meta.url));

/** The fixture content folder the site is built from. */
export const HISTORY_SITE_CONTENT = join(REPO, 'tests/fixtures/history-site/content');

/** What a build needs of the project besides content/ and node_modules/. */
const PROJECT_FILES = ['package.json', 'astro.config.mjs', 'tsconfig.json', 'src', 'public', 'scripts'];

/** Milliseconds a build may take in beforeAll: a cold Astro build of the small fixture takes 15-30 s. */
export const HISTORY_SITE_BUILD_TIMEOUT = 240_000;

/**
 * Copies the project to a fresh temporary folder with the fixture as content/ and builds it there; returns
 * the folder (its dist/ is the site). Throws with the build's output if the build fails.
 */
export async function buildHistorySite(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'history-site-'));
  for (const name of PROJECT_FILES) cpSync(join(REPO, name), join(dir, name), { recursive: true });
  cpSync(HISTORY_SITE_CONTENT, join(dir, 'content'), { recursive: true });
  // Hard links: a full copy of node_modules would take longer than the build.
  await promisify(execFile)('cp', ['-al', join(REPO, 'node_modules'), join(dir, 'node_modules')]);
  // The default site URL of astro.config.mjs, whatever the caller's environment says.
  const { SITE_URL: _siteUrl, ...env } = process.env;
  try {
    await promisify(execFile)(join(dir, 'node_modules/.bin/astro'), ['build'], {
      cwd: dir,
      env,
      maxBuffer: 64 * 1024 * 1024,
      timeout: HISTORY_SITE_BUILD_TIMEOUT,
    });
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    removeHistorySite(dir);
    throw new Error(
      `building the history fixture site failed:\n${`${stdout}\n${stderr}`.trim().split('\n').slice(-40).join('\n')}`,
    );
  }
  if (!existsSync(join(dir, 'dist/index.html')))
    throw new Error(`the history fixture site has no dist/index.html in ${dir}`);
  return dir;
}

/** Deletes a folder made by buildHistorySite (kept when KEEP_HISTORY_SITE=1, to look at the build). */
export function removeHistorySite(dir: string): void {
  if (process.env.KEEP_HISTORY_SITE === '1') return;
  rmSync(dir, { recursive: true, force: true });
}

/**
 * Builds the history fixture site once for the current test file (in beforeAll) and serves its dist/; the
 * server, any browser and the folder go in afterAll. Give the file a hookTimeout of HISTORY_SITE_BUILD_TIMEOUT.
 */
export function useHistorySite(): BuiltSite & { dist(): string } {
  let dir: string | undefined;
  let server: StaticServer | undefined;
  let browser: Promise<Browser> | undefined;

  beforeAll(async () => {
    dir = await buildHistorySite();
    server = await startStaticServer(join(dir, 'dist'));
  }, HISTORY_SITE_BUILD_TIMEOUT);
  afterAll(async () => {
    await Promise.all([
      server?.close(),
      browser?.then(
        (b) => b.close(),
        () => {},
      ),
    ]);
    if (dir) removeHistorySite(dir);
    [server, browser, dir] = [undefined, undefined, undefined];
  });

  return {
    url(path = '/') {
      if (!server) throw new Error('useHistorySite(): the site is served from beforeAll; call url() inside a test');
      return new URL(path, `${server.url}/`).href;
    },
    async newPage(options) {
      browser ??= launchBrowser();
      return newPage(await browser, options);
    },
    dist() {
      if (!dir) throw new Error('useHistorySite(): the site is built in beforeAll');
      return join(dir, 'dist');
    },
  };
}
