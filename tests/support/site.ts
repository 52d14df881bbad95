/** Vitest helpers that give a test file the built site in dist/: over HTTP, in Chromium, or as files. */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import {
  collectPageErrors,
  launchBrowser,
  newPage,
  takePolicyViolations,
  type PageOptions,
} from '../../scripts/harness/browser.ts';
import { startStaticServer, type StaticServer } from '../../scripts/harness/static-server.ts';

/** The build output, resolved from the repository root rather than the working directory. */
export const DIST_DIR = fileURLToPath(new URL('../../dist/', import.meta.url));

export const DIST_MISSING_MESSAGE = 'dist/ is missing: run "npx astro build" first (npm test does it for you)';

/** The built site as served to a test file; use it inside tests and hooks, not at collection time. */
export interface BuiltSite {
  /** Absolute URL for a site path: `url('/ecs/')` -> `http://127.0.0.1:PORT/ecs/`. */
  url(path?: string): string;
  /** A fresh page in a Chromium shared by the file, launched on first use and closed in afterAll. */
  newPage(options?: PageOptions): Promise<Page>;
}

/**
 * Opens a path of a served site in a fresh page that records console errors, page errors and dialogs
 * (see `collectPageErrors`); with `clipboard`, the page may read and write the clipboard.
 */
export async function openPage(
  site: Pick<BuiltSite, 'url' | 'newPage'>,
  path: string,
  { clipboard = false }: { clipboard?: boolean } = {},
): Promise<{ page: Page; errors: string[] }> {
  const page = await site.newPage();
  const errors = collectPageErrors(page);
  if (clipboard)
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.url('/') });
  await page.goto(site.url(path), { waitUntil: 'load' });
  return { page, errors };
}

/**
 * Fails each test after which a page it opened (through `newPage`) had reported a Content-Security-Policy
 * violation, naming the page, the directive and what was blocked. The pages run with the site's policy: its
 * `<meta>` and, served as Netlify and Cloudflare Pages serve them, the headers of dist/_headers.
 */
export function failOnPolicyViolations(): void {
  afterEach(() => {
    const violations = takePolicyViolations();
    if (violations.length > 0)
      throw new Error(`the site's Content-Security-Policy blocked something:\n${violations.join('\n')}`);
  });
}

/**
 * What serves dist/ to a test: `static`, the harness's file server, which answers an unknown path with 404.html
 * as GitHub Pages or an S3 bucket with an error document does; `preview`, `npm start`'s server (`scripts/serve.ts
 * preview`, which runs astro preview).
 */
export type SiteServer = 'static' | 'preview';

/**
 * Serves dist/ for the current test file (or the describe block it is called in): starts in beforeAll, stops (with
 * any browser) in afterAll. A test fails when a page it opened reports a
 * Content-Security-Policy violation; the static server sends the headers of dist/_headers, as hosts do.
 */
export function useBuiltSite(serverKind: SiteServer = 'static'): BuiltSite {
  let server: StaticServer | undefined;
  let browser: Promise<Browser> | undefined;

  beforeAll(async () => {
    assertBuilt();
    server =
      serverKind === 'static' ? await startStaticServer(DIST_DIR, { hostHeaders: true }) : await startPreviewServer();
  });
  failOnPolicyViolations();
  afterAll(async () => {
    await Promise.all([
      server?.close(),
      browser?.then(
        (b) => b.close(),
        () => {},
      ),
    ]);
    server = undefined;
    browser = undefined;
  });

  return {
    url(path = '/') {
      if (!server) throw new Error('useBuiltSite(): the site is served from beforeAll; call url() inside a test');
      return new URL(path, `${server.url}/`).href;
    },
    async newPage(options) {
      browser ??= launchBrowser();
      return newPage(await browser, options);
    },
  };
}

/** Milliseconds `scripts/serve.ts preview` may take to answer: astro preview starts in about a second. */
const PREVIEW_START_TIMEOUT = 60_000;

/**
 * Starts `npm start`'s server on dist/ as `npm start` does after its build (`scripts/serve.ts preview`), on a free
 * port and beside any preview already running (`--ignore-lock`); `close` stops it and the astro process it runs.
 */
async function startPreviewServer(): Promise<StaticServer> {
  const port = await freePort();
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const args = ['--import', 'tsx', 'scripts/serve.ts', 'preview', '--port', String(port), '--ignore-lock'];
  // Its own process group, so that stopping it stops astro too.
  const child = spawn(process.execPath, args, { cwd: root, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = once(child, 'exit');
  const close = async () => {
    if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, 'SIGTERM');
    await exited;
  };
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + PREVIEW_START_TIMEOUT;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`scripts/serve.ts preview exited with ${child.exitCode}:\n${output}`);
    if (
      await fetch(`${url}/`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return { url, close };
    if (Date.now() > deadline) {
      await close();
      throw new Error(
        `scripts/serve.ts preview did not answer on ${url} within ${PREVIEW_START_TIMEOUT} ms:\n${output}`,
      );
    }
    await new Promise((done) => setTimeout(done, 200));
  }
}

/** A port nothing listens on now. */
async function freePort(): Promise<number> {
  const probe = createServer().listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address() as { port: number };
  probe.close();
  await once(probe, 'close');
  return port;
}

/**
 * A page's errors without the one Chromium logs for the document at `url` when the server answers it with 404:
 * on a path the 404 page answers (a spelling of a code URL), that status is the point, not a fault.
 */
export function withoutDocument404(errors: readonly string[], url: string): string[] {
  const document404 = `console error: Failed to load resource: the server responded with a status of 404 (Not Found) (${url}:1)`;
  return errors.filter((e) => e !== document404);
}

/** Reads a built file as text: `readBuiltFile('/ecs/')` reads `dist/ecs/index.html`. */
export function readBuiltFile(path: string): string {
  assertBuilt();
  const relative = path.replace(/^\/+/, '');
  const file = join(DIST_DIR, relative === '' || relative.endsWith('/') ? `${relative}index.html` : relative);
  if (!existsSync(file)) throw new Error(`dist/${relative} not found: is the path right, and is the build current?`);
  return readFileSync(file, 'utf8');
}

function assertBuilt(): void {
  if (!existsSync(join(DIST_DIR, 'index.html'))) throw new Error(DIST_MISSING_MESSAGE);
}
