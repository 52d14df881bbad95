import type { Page, Response } from 'playwright-core';
import { afterEach, describe, expect, test } from 'vitest';
import { collectPageErrors } from '../../scripts/harness/browser';
import { readBuiltFile, useBuiltSite } from '../support/site';

const site = useBuiltSite();
let page: Page;
let errors: string[];
let opened = '';

/** How long to wait for a redirect before calling it stalled: a bound for a hang, not a speed check. */
const REDIRECT_WAIT_MS = 10_000;

/** Chromium reports the 404 document itself as a console error; on the 404 page that is the point, not a fault. */
const withoutDocument404 = (list: string[]) =>
  list.filter(
    (e) =>
      e !==
      `console error: Failed to load resource: the server responded with a status of 404 (Not Found) (${opened}:1)`,
  );

afterEach(async () => {
  expect(withoutDocument404(errors)).toEqual([]);
  await page?.close();
});

/** Opens a path (as typed, not normalised) and returns the first response the server sent for it. */
async function open(path: string): Promise<Response | null> {
  page = await site.newPage();
  errors = collectPageErrors(page);
  const url = `${site.url('/')}${path.replace(/^\//, '')}`;
  opened = url;
  return page.goto(url, { waitUntil: 'commit' });
}

/** Opens a path and waits until the browser is on `expected`: path plus fragment. */
async function expectToEndOn(path: string, expected: string): Promise<void> {
  await open(path);
  await page.waitForURL((url) => `${url.pathname}${url.hash}` === expected, { timeout: REDIRECT_WAIT_MS });
  await page.waitForLoadState('load');
  const url = new URL(page.url());
  expect(`${url.pathname}${url.hash}`).toBe(expected);
}

describe('redirect pages for other spellings of a code URL', () => {
  for (const path of [
    '/ecs/Ecs.0010/',
    '/ecs/ECS.0010',
    '/ecs/ecs.0010/',
    '/ecs/ecs0010/',
    '/ecs/Ecs_0010',
    '/Ecs.0010',
  ]) {
    test(`${path} ends on /ecs/ecs-0010/`, async () => {
      await expectToEndOn(path, '/ecs/ecs-0010/');
      expect(await page.locator('h1').innerText()).toBe('Ecs.0010');
    });
  }

  test('/ecs/ecs.0010/#http-400 keeps #http-400', async () => {
    await expectToEndOn('/ecs/ecs.0010/#http-400', '/ecs/ecs-0010/#http-400');
  });

  test('/ecs/Ecs.0010/?v=10.0.0.1#http-400 keeps the value and shows it filled in', async () => {
    await expectToEndOn('/ecs/Ecs.0010/?v=10.0.0.1#http-400', '/ecs/ecs-0010/#http-400');
    expect(new URL(page.url()).searchParams.getAll('v')).toEqual(['10.0.0.1']);
    await expect.poll(() => page.locator('p.filled-values mark.filled').first().innerText()).toBe('10.0.0.1');
  });

  for (const path of [
    '/ecs/Ecs.0010/',
    '/ecs/ECS.0010/',
    '/ecs/ecs.0010/',
    '/ecs/ecs0010/',
    '/ecs/Ecs_0010/',
    '/Ecs.0010/',
  ]) {
    test(`${path} names /ecs/ecs-0010/ as its canonical page and is not indexed`, () => {
      const html = readBuiltFile(path);
      const canonical = /<link rel="canonical" href="([^"]+)">/.exec(html)?.[1];
      expect(canonical && new URL(canonical).pathname).toBe('/ecs/ecs-0010/');
      expect(html).toContain('<meta name="robots" content="noindex">');
      expect(html).toContain('<meta http-equiv="refresh" content="0; url=/ecs/ecs-0010/">');
    });
  }
});

describe('the 404 page resolving a code in the path', () => {
  const cases: [string, string][] = [
    ['/ecs/ECS-0010/', '/ecs/ecs-0010/'],
    ['/ecs/Ecs%200010', '/ecs/ecs-0010/'],
    ['/eCs_0010/', '/ecs/ecs-0010/'],
    ['/ECS-1000#http-404', '/ecs/ecs-1000/#http-404'],
    // A code's own JSON file until the export was cut into files of 100 codes (docs/export.md).
    ['/ecs/ecs-0010.json', '/ecs/ecs-0010/'],
  ];
  for (const [path, expected] of cases) {
    test(`${path} ends on ${expected}`, async () => {
      const response = await open(path);
      expect(response?.status()).toBe(404);
      await page.waitForURL((url) => `${url.pathname}${url.hash}` === expected, { timeout: REDIRECT_WAIT_MS });
      await page.waitForLoadState('load');
      expect(await page.locator('h1').innerText()).toBe(
        expected.startsWith('/ecs/ecs-1000/') ? 'Ecs.1000' : 'Ecs.0010',
      );
    });
  }

  test('/ecs/Ecs.9999/ stays on the 404 page and says the code is not in the reference', async () => {
    const response = await open('/ecs/Ecs.9999/');
    expect(response?.status()).toBe(404);
    const status = page.locator('.not-found-status');
    await expect.poll(() => status.innerText(), { timeout: 10_000 }).toMatch(/not a code in this reference/);
    expect(await status.innerText()).toContain('Ecs.9999');
    expect(await status.innerText()).toMatch(/Nearby codes: Ecs\.\d{4}/);
    await page.waitForLoadState('networkidle');
    expect(new URL(page.url()).pathname).toBe('/ecs/Ecs.9999/');
    expect(await page.locator('h1').innerText()).toBe('Page not found');
  });

  test('/nothing/here/ gets the 404 page with a paste box', async () => {
    const response = await open('/nothing/here/');
    expect(response?.status()).toBe(404);
    await page.waitForLoadState('networkidle');
    expect(await page.locator('h1').innerText()).toBe('Page not found');
    expect(new URL(page.url()).pathname).toBe('/nothing/here/');
    expect(await page.locator('.not-found-status').innerText()).toBe(
      'There is no page at this address. If it names an error code, this page looks it up for you.',
    );
    const box = page.locator('form[data-paste-box] textarea');
    expect(await box.isVisible()).toBe(true);
    expect(await page.locator('form[data-paste-box] label').innerText()).toBe(
      'Paste an error code, message or JSON error body',
    );
  });

  test('the paste box on the 404 page looks up what is pasted into it', async () => {
    await open('/nothing/here/');
    await page.waitForLoadState('load');
    await page.locator('form[data-paste-box] textarea').fill('Private IP address 10.0.0.1 is already in use.');
    await expect
      .poll(() => page.locator('.paste-box-status').innerText(), { timeout: 10_000 })
      .toBe('This is Ecs.0010. Press Enter to open it.');
  });
});
