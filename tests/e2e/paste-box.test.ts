import type { Page } from 'playwright-core';
import { afterEach, describe, expect, test } from 'vitest';
import { openPage, useBuiltSite } from '../support/site.ts';

const site = useBuiltSite();
let page: Page;
let errors: string[];

const MESSAGE = 'Private IP address 10.0.0.1 is already in use.';

/** Opens a site path in a fresh page, recording errors (the page may use the clipboard). */
async function open(path: string): Promise<Page> {
  ({ page, errors } = await openPage(site, path, { clipboard: true }));
  return page;
}

afterEach(async () => {
  expect(errors).toEqual([]);
  await page?.close();
});

const box = () => page.locator('form[data-paste-box] textarea');
const status = () => page.locator('.paste-box-status');
const hits = () => page.locator('.paste-box-results a.search-hit');

/** Waits for the paste box's status line to read `expected`. */
async function expectStatus(expected: string): Promise<void> {
  await expect.poll(() => status().innerText(), { timeout: 10_000 }).toBe(expected);
}

/** After Enter: waits for the code page and returns its path, fragment and filled-in values. */
async function landedOnCodePage(): Promise<{ page: string; values: string[] }> {
  await page.waitForURL((url) => url.pathname.startsWith('/ecs/ecs-'), { timeout: 10_000 });
  const url = new URL(page.url());
  return { page: `${url.pathname}${url.hash}`, values: url.searchParams.getAll('v') };
}

describe('the paste box on the home page', () => {
  test('fetches the lookup only once it is used, and answers what was pasted before it arrived', async () => {
    await open('/');
    await page.waitForLoadState('load');
    const fetched = () =>
      page.evaluate(() => performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname));
    const lookupFiles = (paths: string[]) => paths.filter((path) => /^\/(_astro\/lookup\.|lookup\/)/.test(path));
    expect(lookupFiles(await fetched())).toEqual([]);
    await box().fill(MESSAGE);
    await expectStatus('This is Ecs.0010. Press Enter to open it.');
    expect(lookupFiles(await fetched())).toEqual(
      expect.arrayContaining([expect.stringMatching(/^\/_astro\/lookup\./)]),
    );
  });

  test('shows Ecs.0010 while a filled message is typed, without submitting', async () => {
    await open('/');
    await box().click();
    await page.keyboard.type(MESSAGE);
    await expectStatus('This is Ecs.0010. Press Enter to open it.');
    expect(await hits().count()).toBe(1);
    expect(await hits().locator('code').innerText()).toBe('Ecs.0010');
    expect(await hits().locator('.search-hit-message').innerText()).toBe('Private IP address %s is already in use.');
    expect(await hits().locator('.search-hit-values').innerText()).toBe('Filled in: 10.0.0.1');
    expect(new URL(page.url()).pathname).toBe('/');
  });

  test('Enter opens the code page with the typed value filled in', async () => {
    await open('/');
    await box().click();
    await page.keyboard.type(MESSAGE);
    await page.keyboard.press('Enter');
    expect(await landedOnCodePage()).toEqual({ page: '/ecs/ecs-0010/#http-400', values: ['10.0.0.1'] });
    expect(await page.locator('h1').innerText()).toBe('Ecs.0010');
    const filled = page.locator('p.filled-values');
    await expect.poll(() => filled.isVisible()).toBe(true);
    expect(await filled.innerText()).toBe(`Your error: ${MESSAGE}`);
  });

  test('the Look up button does what Enter does', async () => {
    await open('/');
    await box().fill(MESSAGE);
    await page.locator('form[data-paste-box] button[type=submit]').click();
    expect(await landedOnCodePage()).toEqual({ page: '/ecs/ecs-0010/#http-400', values: ['10.0.0.1'] });
  });

  test('following the match it shows opens the code page', async () => {
    await open('/');
    await box().fill('Ecs.1000');
    await expectStatus('This is Ecs.1000. Press Enter to open it.');
    await Promise.all([page.waitForURL((url) => url.pathname === '/ecs/ecs-1000/'), hits().first().click()]);
    expect(await page.locator('h1').innerText()).toBe('Ecs.1000');
  });

  test('a JSON error body pasted from the clipboard finds Ecs.0010 and its value', async () => {
    await open('/');
    const body = JSON.stringify({ error: { code: 'Ecs.0010', message: MESSAGE } }, null, 2);
    await page.evaluate((text) => navigator.clipboard.writeText(text), body);
    await box().click();
    await page.keyboard.press('Control+V');
    expect(await box().inputValue()).toBe(body);
    await expectStatus('This is Ecs.0010. Press Enter to open it.');
    expect(await hits().locator('.search-hit-values').innerText()).toBe('Filled in: 10.0.0.1');
    await box().press('Enter');
    expect(await landedOnCodePage()).toEqual({ page: '/ecs/ecs-0010/#http-400', values: ['10.0.0.1'] });
  });

  test('offers a choice when the message fits two codes', async () => {
    await open('/');
    await box().fill('Failed to create volume v1 because no quota.');
    await expectStatus('2 codes match equally. Choose one:');
    expect((await hits().locator('code').allInnerTexts()).sort()).toEqual(['Ecs.0202', 'Ecs.0203']);
  });

  test('shows nothing while the box is empty, and nothing again once it is cleared', async () => {
    await open('/');
    await page.waitForLoadState('networkidle');
    expect(await box().inputValue()).toBe('');
    expect(await status().innerText()).toBe('');
    expect(await page.locator('.paste-box-results').innerText()).toBe('');

    await box().fill('Ecs.0010');
    await expectStatus('This is Ecs.0010. Press Enter to open it.');
    await box().fill('');
    await expectStatus('');
    expect(await hits().count()).toBe(0);
    expect(await page.locator('.paste-box-results').innerText()).toBe('');
  });

  test('a box of spaces and line breaks shows nothing', async () => {
    await open('/');
    await box().fill('Ecs.0010');
    await expectStatus('This is Ecs.0010. Press Enter to open it.');
    await box().fill('   \n  ');
    await expectStatus('');
    expect(await hits().count()).toBe(0);
  });

  test('Shift+Enter starts a new line instead of submitting', async () => {
    await open('/');
    await box().click();
    await page.keyboard.type('Ecs.0010');
    await page.keyboard.press('Shift+Enter');
    await page.keyboard.type('second line');
    expect(await box().inputValue()).toBe('Ecs.0010\nsecond line');
    expect(new URL(page.url()).pathname).toBe('/');
  });
});

describe('the paste box by keyboard only', () => {
  test('Tab reaches the box, typing a code and Enter open its page', async () => {
    await open('/');
    let tabs = 0;
    while (!(await box().evaluate((el) => el === document.activeElement))) {
      expect(tabs++, 'the paste box is reached within 40 presses of Tab').toBeLessThan(40);
      await page.keyboard.press('Tab');
    }
    await page.keyboard.type('ECS-1000');
    await expectStatus('This is Ecs.1000. Press Enter to open it.');
    await page.keyboard.press('Enter');
    expect(await landedOnCodePage()).toEqual({ page: '/ecs/ecs-1000/', values: [] });
    expect(await page.locator('h1').innerText()).toBe('Ecs.1000');
  });

  test('the box has a visible label that names it', async () => {
    await open('/');
    const label = page.locator('form[data-paste-box] label');
    expect(await label.isVisible()).toBe(true);
    expect(await label.innerText()).toBe('Paste an error code, message or JSON error body');
    expect(await label.getAttribute('for')).toBe(await box().getAttribute('id'));
  });
});
