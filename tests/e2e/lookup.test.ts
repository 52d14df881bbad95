import type { Page } from 'playwright-core';
import { afterEach, describe, expect, test } from 'vitest';
import { openPage, useBuiltSite } from '../support/site.ts';

const site = useBuiltSite();
let page: Page;
let errors: string[];

/** Opens a site path in a fresh page, recording errors. */
async function open(path: string): Promise<Page> {
  ({ page, errors } = await openPage(site, path));
  return page;
}

/** Opens a /lookup/ link and returns where the browser ends up: path and fragment, and the `v` values. */
async function land(path: string): Promise<{ page: string; values: string[] }> {
  await open(path);
  await page.waitForURL((url) => url.pathname !== '/lookup/', { timeout: 10_000 });
  const url = new URL(page.url());
  return { page: `${url.pathname}${url.hash}`, values: url.searchParams.getAll('v') };
}

/** The lookup page's status line once it has said something. */
async function statusLine(): Promise<string> {
  const status = page.locator('.lookup-status');
  await expect.poll(() => status.innerText(), { timeout: 10_000 }).not.toBe('');
  return status.innerText();
}

const lookup = (params: Record<string, string>) => `/lookup/?${new URLSearchParams(params)}`;

afterEach(async () => {
  expect(errors).toEqual([]);
  await page?.close();
});

describe('deep links that name one code', () => {
  for (const code of ['Ecs.0010', 'ECS-0010', 'ecs0010']) {
    test(`/lookup/?code=${code} opens the page of Ecs.0010`, async () => {
      expect(await land(lookup({ code }))).toEqual({ page: '/ecs/ecs-0010/', values: [] });
      expect(await page.locator('h1').innerText()).toBe('Ecs.0010');
    });
  }

  test('/lookup/?code=Ecs.1000&status=404 opens the 404 variant of Ecs.1000', async () => {
    expect(await land(lookup({ code: 'Ecs.1000', status: '404' }))).toEqual({
      page: '/ecs/ecs-1000/#http-404',
      values: [],
    });
    expect(await page.locator('h1').innerText()).toBe('Ecs.1000');
    expect(await page.locator('#http-404').innerText()).toContain('HTTP 404');
  });

  test('/lookup/?code=Ecs.1000 without a status opens the page at its top', async () => {
    expect(await land(lookup({ code: 'Ecs.1000' }))).toEqual({ page: '/ecs/ecs-1000/', values: [] });
  });

  test('the lookup page replaces itself, so Back does not bounce through it again', async () => {
    await open('/');
    await page.goto(site.url(lookup({ code: 'Ecs.0010' })));
    await page.waitForURL((url) => url.pathname === '/ecs/ecs-0010/');
    await page.goBack();
    expect(new URL(page.url()).pathname).toBe('/');
  });
});

describe('deep links that carry a message', () => {
  test('?message= with the filled message of Ecs.0010 opens its page and shows the filled value under the template', async () => {
    const landed = await land(lookup({ message: 'Private IP address 10.0.0.1 is already in use.' }));
    expect(landed).toEqual({ page: '/ecs/ecs-0010/#http-400', values: ['10.0.0.1'] });
    const variant = page.locator('section.variant').filter({ has: page.locator('#http-400') });
    const filled = variant.locator('p.filled-values');
    await expect.poll(() => filled.isVisible()).toBe(true);
    expect(await filled.innerText()).toBe('Your error: Private IP address 10.0.0.1 is already in use.');
    expect(await filled.locator('mark.filled').innerText()).toBe('10.0.0.1');
    expect(await variant.locator('p.message').innerText()).toBe('Private IP address %s is already in use.');
  });

  test('?q= with a JSON error body opens the page of Ecs.0010 with the filled value', async () => {
    const body = JSON.stringify({
      error: { code: 'Ecs.0010', message: 'Private IP address 10.0.0.1 is already in use.' },
    });
    expect(await land(lookup({ q: body }))).toEqual({ page: '/ecs/ecs-0010/#http-400', values: ['10.0.0.1'] });
    await expect.poll(() => page.locator('p.filled-values mark.filled').first().innerText()).toBe('10.0.0.1');
  });

  test('?q= with a log line opens the page of Ecs.0614 with the instance filled in', async () => {
    const line = '2026-11-27T10:00:00Z ERROR Ecs.0614 itemNotFound: Instance abc-123 could not be found.';
    expect(await land(lookup({ q: line }))).toEqual({ page: '/ecs/ecs-0614/#http-404', values: ['abc-123'] });
    expect(await page.locator('h1').innerText()).toBe('Ecs.0614');
    await expect
      .poll(() => page.locator('p.filled-values').first().innerText())
      .toBe('Your error: itemNotFound: Instance abc-123 could not be found.');
  });
});

describe('a message that two codes share', () => {
  const path = lookup({ message: 'Failed to create volume v1 because no quota.' });

  test('shows a choice of Ecs.0202 and Ecs.0203 and stays on the lookup page', async () => {
    await open(path);
    expect(await statusLine()).toBe('2 codes match equally. Choose one:');
    expect(new URL(page.url()).pathname).toBe('/lookup/');
    const hits = page.locator('.lookup-results a.search-hit');
    expect((await hits.locator('code').allInnerTexts()).sort()).toEqual(['Ecs.0202', 'Ecs.0203']);
    for (const values of await hits.locator('.search-hit-values').allInnerTexts())
      expect(values).toBe('Filled in: v1 · no quota');
  });

  test('choosing Ecs.0203 opens its page with the values filled in', async () => {
    await open(path);
    await statusLine();
    const choice = page.locator('.lookup-results a.search-hit', { has: page.locator('code', { hasText: 'Ecs.0203' }) });
    await Promise.all([page.waitForURL((url) => url.pathname === '/ecs/ecs-0203/'), choice.click()]);
    expect(await page.locator('h1').innerText()).toBe('Ecs.0203');
    await expect
      .poll(() => page.locator('p.filled-values').first().innerText())
      .toBe('Your error: Failed to create volume v1 because no quota.');
  });
});

describe('a code that is not in the reference', () => {
  test('?code=Ecs.9999 says so, lists nearby codes that open real pages, and offers search', async () => {
    await open(lookup({ code: 'Ecs.9999' }));
    expect(await statusLine()).toContain('Ecs.9999 is not in this reference.');
    expect(new URL(page.url()).pathname).toBe('/lookup/');

    const near = page.locator('.lookup-results ul.lookup-near a');
    expect(await near.count()).toBeGreaterThan(0);
    for (const text of await near.allInnerTexts()) expect(text).toMatch(/^Ecs\.\d{4} \(ECS\)\n\S/);
    const hrefs = await near.evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    for (const href of hrefs) {
      const response = await page.request.get(site.url(href), { maxRedirects: 0 });
      expect([href, response.status()]).toEqual([href, 200]);
    }

    const search = page.locator('.lookup-results a[href^="/search/"]');
    expect(await search.count()).toBe(1);
    expect(new URL((await search.getAttribute('href'))!, site.url('/')).searchParams.get('q')).toBe('Ecs.9999');
  });

  test('following a nearby code opens its page', async () => {
    await open(lookup({ code: 'Ecs.9999' }));
    await statusLine();
    const first = page.locator('.lookup-results ul.lookup-near a').first();
    const code = (await first.innerText()).split(' ')[0];
    await Promise.all([page.waitForURL((url) => url.pathname !== '/lookup/'), first.click()]);
    expect(await page.locator('h1').innerText()).toBe(code);
  });

  test('the search offer opens the search dialog with the code', async () => {
    await open(lookup({ code: 'Ecs.9999' }));
    await statusLine();
    await Promise.all([
      page.waitForURL((url) => url.pathname === '/search/'),
      page.locator('.lookup-results a[href^="/search/"]').click(),
    ]);
    await expect.poll(() => page.locator('dialog.search-dialog').isVisible()).toBe(true);
    expect(await page.locator('#site-search-input').inputValue()).toBe('Ecs.9999');
  });
});

describe('text that matches nothing', () => {
  // Words that no page has, not even as a typo one letter away (a real word such as "words" finds the About page).
  test('?q=zzzz-qxqx-vvww says nothing matches and lists no results', async () => {
    await open(lookup({ q: 'zzzz-qxqx-vvww' }));
    await expect
      .poll(() => page.locator('.lookup-status').innerText(), { timeout: 10_000 })
      .toMatch(/^Nothing matches this text/);
    expect(await page.locator('.lookup-results a').count()).toBe(0);
    expect(new URL(page.url()).pathname).toBe('/lookup/');
  });

  test('?q=zzzz-no-such-words shows the pages that share a word with it, and says that none has every word', async () => {
    await open(lookup({ q: 'zzzz-no-such-words' }));
    await expect
      .poll(() => page.locator('.lookup-status').innerText(), { timeout: 10_000 })
      .toMatch(/no page has every word; closest matches/);
    expect(
      await page
        .locator('.lookup-results a')
        .evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).pathname)),
    ).toEqual(['/about/']);
  });

  test('the paste box on the lookup page holds the text that was looked up', async () => {
    await open(lookup({ q: 'zzzz-no-such-words' }));
    await statusLine();
    expect(await page.locator('[data-paste-box] textarea').inputValue()).toBe('zzzz-no-such-words');
  });

  test('/lookup/ without parameters waits calmly for input', async () => {
    await open('/lookup/');
    await page.waitForLoadState('networkidle');
    expect(await page.locator('.lookup-status').innerText()).toBe('');
    expect(await page.locator('.lookup-results a').count()).toBe(0);
    expect(await page.locator('[data-paste-box] textarea').evaluate((el) => el === document.activeElement)).toBe(true);
  });
});
