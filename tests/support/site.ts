/** Vitest helpers that give a test file the built site in dist/: over HTTP, in Chromium, or as files. */
import { existsSync, readFileSync } from 'node:fs';
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
} from '../../scripts/harness/browser';
import { startStaticServer, type StaticServer } from '../../scripts/harness/static-server';

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
 * Serves dist/ for the current test file, with the headers of its `_headers` file: starts in beforeAll, stops
 * (with any browser) in afterAll. A test fails when a page it opened reports a policy violation.
 */
export function useBuiltSite(): BuiltSite {
  let server: StaticServer | undefined;
  let browser: Promise<Browser> | undefined;

  beforeAll(async () => {
    assertBuilt();
    server = await startStaticServer(DIST_DIR, { hostHeaders: true });
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
