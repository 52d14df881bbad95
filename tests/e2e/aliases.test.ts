/**
 * Spellings of a code's URL (`/ecs/Ecs.0010/`, `/ECS-1000`, `/eCs_0010/`) reach the code's page through the 404
 * page, which the host serves for any unknown path: on a static server that serves files and 404.html (as GitHub
 * Pages, GitLab Pages or S3 with its error document do) and on `npm start`'s server (astro preview).
 */
import type { Page, Response } from 'playwright-core';
import { afterEach, describe, expect, test } from 'vitest';
import { collectPageErrors } from '../../scripts/harness/browser.ts';
import { useBuiltSite, withoutDocument404, type BuiltSite, type SiteServer } from '../support/site.ts';

/** How long to wait for the 404 page to send the browser on: a bound for a hang, not a speed check. */
const REDIRECT_WAIT_MS = 10_000;

const SERVERS: [SiteServer, string][] = [
  ['static', 'a static server that serves files and 404.html'],
  ['preview', "npm start's server"],
];

let page: Page | undefined;
let errors: string[] = [];
let opened = '';
let requested: string[] = [];

afterEach(async () => {
  expect(withoutDocument404(errors, opened)).toEqual([]);
  await page?.close();
  [page, errors, requested] = [undefined, [], []];
});

/** Opens a path (as typed, not normalised) and returns the first response the server sent for it. */
async function open(site: BuiltSite, path: string): Promise<Response | null> {
  page = await site.newPage();
  errors = collectPageErrors(page);
  page.on('request', (request) => requested.push(new URL(request.url()).pathname));
  opened = `${site.url('/')}${path.replace(/^\//, '')}`;
  return page.goto(opened, { waitUntil: 'commit' });
}

/** Waits until the browser is on `expected` (path, query and fragment) and the page there has loaded. */
async function expectToEndOn(expected: string): Promise<void> {
  await page!.waitForURL((url) => `${url.pathname}${url.search}${url.hash}` === expected, {
    timeout: REDIRECT_WAIT_MS,
  });
  await page!.waitForLoadState('load');
}

/** The HTML a server sends for a path, as a browser without JavaScript gets it. */
async function fetchHtml(site: BuiltSite, path: string): Promise<{ status: number; html: string }> {
  const response = await fetch(site.url(path));
  return { status: response.status, html: await response.text() };
}

/** The href of every link of a page's main content. */
function mainLinks(html: string): string[] {
  const main = /<main\b[\s\S]*<\/main>/.exec(html)?.[0] ?? '';
  return [...main.matchAll(/<a\b[^>]*\shref="([^"]*)"/g)].map((m) => m[1]);
}

for (const [server, label] of SERVERS) {
  describe(`spellings of a code URL on ${label}`, () => {
    const site = useBuiltSite(server);

    for (const path of [
      '/ecs/Ecs.0010/',
      '/ecs/ECS.0010',
      '/ecs/ecs.0010/',
      '/ecs/ecs0010',
      '/ecs/Ecs_0010/',
      '/Ecs.0010',
      '/ecs/ECS-0010/',
      '/ecs/Ecs%200010',
      '/ECS/Ecs.0010/',
      '/eCs_0010/',
      // A code's own JSON file until the export was cut into files of 100 codes (docs/export.md).
      '/ecs/ecs-0010.json',
    ]) {
      test(`${path} gets the 404 page, which opens /ecs/ecs-0010/`, async () => {
        const response = await open(site, path);
        expect(response?.status()).toBe(404);
        await expectToEndOn('/ecs/ecs-0010/');
        expect(await page!.locator('h1').innerText()).toBe('Ecs.0010');
      });
    }

    test('/ecs/ecs.0010/#http-400 keeps #http-400', async () => {
      await open(site, '/ecs/ecs.0010/#http-400');
      await expectToEndOn('/ecs/ecs-0010/#http-400');
    });

    test('/ECS-1000#http-404 ends on the row of /ecs/ecs-1000/', async () => {
      await open(site, '/ECS-1000#http-404');
      await expectToEndOn('/ecs/ecs-1000/#http-404');
      expect(await page!.locator('h1').innerText()).toBe('Ecs.1000');
    });

    test('/ecs/Ecs.0010/?v=10.0.0.1#http-400 keeps the value and shows it filled in', async () => {
      await open(site, '/ecs/Ecs.0010/?v=10.0.0.1#http-400');
      await expectToEndOn('/ecs/ecs-0010/?v=10.0.0.1#http-400');
      await expect.poll(() => page!.locator('p.filled-values mark.filled').first().innerText()).toBe('10.0.0.1');
    });

    test('the 404 page waits for the lookup manifest and the code’s shard, nothing else of the lookup', async () => {
      await open(site, '/ecs/Ecs.0010/');
      await expectToEndOn('/ecs/ecs-0010/');
      const before = requested.slice(0, requested.indexOf('/ecs/ecs-0010/'));
      expect(before.filter((p) => p.startsWith('/lookup/')).sort()).toEqual([
        '/lookup/c/ecs-0.json',
        '/lookup/manifest.json',
      ]);
    });

    test('a spelling is answered with 404 and the noindex 404 page, which names no canonical URL', async () => {
      const { status, html } = await fetchHtml(site, '/ecs/Ecs.0010/');
      expect(status).toBe(404);
      expect(html).toMatch(/<meta name="robots" content="noindex/);
      expect(html).not.toContain('rel="canonical"');
    });

    test('the code page it opens names itself as canonical', async () => {
      await open(site, '/ecs/Ecs.0010/');
      await expectToEndOn('/ecs/ecs-0010/');
      expect(await page!.locator('link[rel="canonical"]').getAttribute('href')).toMatch(
        /^https?:\/\/[^/]+\/ecs\/ecs-0010\/$/,
      );
    });

    test('without JavaScript, the 404 page links the list of all ECS codes, which links the code', async () => {
      const notFound = await fetchHtml(site, '/ecs/Ecs.0010/');
      expect(notFound.html).toContain('Without JavaScript this page cannot read a code from the address');
      expect(mainLinks(notFound.html)).toContain('/ecs/all/');
      const all = await fetchHtml(site, '/ecs/all/');
      expect(all.status).toBe(200);
      expect(mainLinks(all.html)).toContain('/ecs/ecs-0010/');
    });

    test('/ecs/Ecs.9999/ stays on the 404 page and says the code is not in the reference', async () => {
      const response = await open(site, '/ecs/Ecs.9999/');
      expect(response?.status()).toBe(404);
      const status = page!.locator('.not-found-status');
      await expect.poll(() => status.innerText(), { timeout: 10_000 }).toMatch(/not a code in this reference/);
      expect(await status.innerText()).toContain('Ecs.9999');
      expect(await status.innerText()).toMatch(/Nearby codes: Ecs\.\d{4}/);
      await page!.waitForLoadState('networkidle');
      expect(new URL(page!.url()).pathname).toBe('/ecs/Ecs.9999/');
      expect(await page!.locator('h1').innerText()).toBe('Page not found');
    });

    test('/nothing/here/ gets the 404 page with a paste box', async () => {
      const response = await open(site, '/nothing/here/');
      expect(response?.status()).toBe(404);
      await page!.waitForLoadState('networkidle');
      expect(await page!.locator('h1').innerText()).toBe('Page not found');
      expect(new URL(page!.url()).pathname).toBe('/nothing/here/');
      expect(await page!.locator('.not-found-status').innerText()).toBe(
        'There is no page at this address. If it names an error code, this page looks it up for you.',
      );
      const box = page!.locator('form[data-paste-box] textarea');
      expect(await box.isVisible()).toBe(true);
      expect(await page!.locator('form[data-paste-box] label').innerText()).toBe(
        'Paste an error code, message or JSON error body',
      );
    });
  });
}

describe('the paste box on the 404 page', () => {
  const site = useBuiltSite();

  test('looks up what is pasted into it', async () => {
    await open(site, '/nothing/here/');
    await page!.waitForLoadState('load');
    await page!.locator('form[data-paste-box] textarea').fill('Private IP address 10.0.0.1 is already in use.');
    await expect
      .poll(() => page!.locator('.paste-box-status').innerText(), { timeout: 10_000 })
      .toBe('This is Ecs.0010. Press Enter to open it.');
  });
});
