/**
 * A private build of the site from any fixture content folder, for browser tests: the project is copied to a
 * temporary folder (scripts/harness/project-copy.ts), its content/ replaced by the fixture, built once and served
 * like dist/. The shared dist/ is never touched.
 */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser, newPage } from '../../scripts/harness/browser.ts';
import { copyProject } from '../../scripts/harness/project-copy.ts';
import { startStaticServer } from '../../scripts/harness/static-server.ts';
import { failOnPolicyViolations, type BuiltSite } from './site.ts';

const REPO = fileURLToPath(new URL('../../', import.meta.url));

/** Milliseconds a build may take in beforeAll: a cold Astro build of a small fixture takes 15-30 s. */
export const FIXTURE_SITE_BUILD_TIMEOUT = 240_000;

/** A fixture site built and served: its folder, its dist/, URLs on its server, and a way to stop and delete it. */
export interface FixtureSite {
  dir: string;
  dist: string;
  /** Absolute URL for a site path: `url('/evs/')` -> `http://127.0.0.1:PORT/evs/`. */
  url(path?: string): string;
  /** Stops the server and deletes the folder (kept when KEEP_FIXTURE_SITE=1, to look at the build). */
  close(): Promise<void>;
}

/**
 * Builds the site with `contentDir` (relative to the repository root, or absolute) as its content/ and serves
 * its dist/. Throws with the end of the build's output if the build fails.
 */
export async function buildFixtureSite(contentDir: string): Promise<FixtureSite> {
  const content = resolve(REPO, contentDir);
  if (!existsSync(content)) throw new Error(`buildFixtureSite(): no content folder at ${content}`);
  const dir = mkdtempSync(join(tmpdir(), `fixture-site-${basename(resolve(content, '..'))}-`));
  try {
    copyProject(dir);
    cpSync(content, join(dir, 'content'), { recursive: true });
    await promisify(execFile)(join(dir, 'node_modules/.bin/astro'), ['build'], {
      cwd: dir,
      maxBuffer: 64 * 1024 * 1024,
      timeout: FIXTURE_SITE_BUILD_TIMEOUT,
    }).catch((error: { stdout?: string; stderr?: string }) => {
      const output = `${error.stdout ?? ''}\n${error.stderr ?? ''}`.trim().split('\n').slice(-40).join('\n');
      throw new Error(`building the site from ${contentDir} failed:\n${output}`);
    });
    if (!existsSync(join(dir, 'dist/index.html')))
      throw new Error(`the site built from ${contentDir} has no dist/index.html`);
  } catch (error) {
    removeFolder(dir);
    throw error;
  }
  const dist = join(dir, 'dist');
  const server = await startStaticServer(dist, { hostHeaders: true });
  return {
    dir,
    dist,
    url: (path = '/') => new URL(path, `${server.url}/`).href,
    async close() {
      await server.close();
      removeFolder(dir);
    },
  };
}

function removeFolder(dir: string): void {
  if (process.env.KEEP_FIXTURE_SITE === '1') return;
  rmSync(dir, { recursive: true, force: true });
}

/**
 * Builds the site from `contentDir` once for the current test file (in beforeAll) and serves it; the server,
 * any browser and the folder go in afterAll. Give the file a hookTimeout of FIXTURE_SITE_BUILD_TIMEOUT.
 */
export function useFixtureSite(contentDir: string): BuiltSite & { dist(): string } {
  let site: FixtureSite | undefined;
  let browser: Promise<Browser> | undefined;

  beforeAll(async () => {
    site = await buildFixtureSite(contentDir);
  }, FIXTURE_SITE_BUILD_TIMEOUT);
  failOnPolicyViolations();
  afterAll(async () => {
    await Promise.all([
      site?.close(),
      browser?.then(
        (b) => b.close(),
        () => {},
      ),
    ]);
    [site, browser] = [undefined, undefined];
  });

  const built = (): FixtureSite => {
    if (!site) throw new Error(`useFixtureSite(${contentDir}): the site is built in beforeAll; use it inside a test`);
    return site;
  };
  return {
    url: (path) => built().url(path),
    async newPage(options) {
      browser ??= launchBrowser();
      return newPage(await browser, options);
    },
    dist: () => built().dist,
  };
}
