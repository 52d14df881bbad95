import type { Page } from 'playwright-core';
import { afterEach, describe, expect, test } from 'vitest';
import { collectPageErrors } from '../../scripts/harness/browser.ts';
import { useBuiltSite } from '../support/site.ts';

const site = useBuiltSite();
let page: Page;
let errors: string[];
let requested: string[];

/** Opens a site path, recording errors and the paths of every request the page makes. */
async function open(path: string): Promise<Page> {
  page = await site.newPage();
  errors = collectPageErrors(page);
  requested = [];
  page.on('request', (request) => requested.push(new URL(request.url()).pathname));
  await page.goto(site.url(path), { waitUntil: 'load' });
  return page;
}

afterEach(async () => {
  expect(errors).toEqual([]);
  await page?.close();
});

const dialog = () => page.locator('dialog.search-dialog');
const input = () => page.locator('#site-search-input');

/** The paths (with fragment, without query) of the result links, in the order shown. */
function resultPaths(): Promise<string[]> {
  return page.$$eval('.search-results a', (links) =>
    links.map((a) => {
      const url = new URL((a as HTMLAnchorElement).href);
      return `${url.pathname}${url.hash}`;
    }),
  );
}

/** Opens the dialog with the button, types a query and waits until both result sources have answered. */
async function search(query: string): Promise<string[]> {
  await page.locator('button[data-open-search]').first().click();
  await input().fill(query);
  await expect.poll(() => page.locator('.search-status').innerText(), { timeout: 10_000 }).toMatch(/result/);
  return resultPaths();
}

const pageOf = (path: string) => path.split('#')[0];

describe('opening the search dialog', () => {
  test('the Search button opens it with the cursor in the search box', async () => {
    await open('/ecs/ecs-0010/');
    const button = page.locator('button[data-open-search]').first();
    expect(await button.innerText()).toContain('Search');
    expect(await dialog().isVisible()).toBe(false);
    await button.click();
    expect(await dialog().isVisible()).toBe(true);
    expect(await input().evaluate((el) => el === document.activeElement)).toBe(true);
  });

  test('Ctrl+K opens it', async () => {
    await open('/ecs/all/');
    await page.keyboard.press('Control+k');
    await expect.poll(() => dialog().isVisible()).toBe(true);
    expect(await input().evaluate((el) => el === document.activeElement)).toBe(true);
  });

  test('Escape closes it', async () => {
    await open('/');
    await page.keyboard.press('Control+k');
    await expect.poll(() => dialog().isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog().isVisible()).toBe(false);
  });

  test('the home page has its own search button that opens the dialog', async () => {
    await open('/');
    const buttons = page.locator('button[data-open-search]');
    expect(await buttons.count()).toBeGreaterThan(1);
    await buttons.last().click();
    expect(await dialog().isVisible()).toBe(true);
  });

  test('loads neither the lookup data nor Pagefind until it is opened', async () => {
    await open('/ecs/ecs-0010/');
    await page.waitForLoadState('networkidle');
    expect(requested.filter((p) => /\/lookup\/|search-dialog|pagefind/.test(p))).toEqual([]);
    await search('Ecs.0010');
    expect(requested.some((p) => p.endsWith('/lookup/manifest.json'))).toBe(true);
    // A code loads only its own code shard, not the whole catalogue (synonyms are not lookup data).
    expect(requested.filter((p) => p.includes('/lookup/') && !p.endsWith('/synonyms.json'))).toEqual([
      '/lookup/manifest.json',
      '/lookup/c/ecs-0.json',
    ]);
  });
});

describe('finding a code', () => {
  for (const spelling of ['Ecs.0010', 'ecs.0010', 'ECS0010', 'ecs 0010']) {
    test(`"${spelling}" puts the page of Ecs.0010 first`, async () => {
      await open('/');
      const paths = await search(spelling);
      expect(pageOf(paths[0])).toBe('/ecs/ecs-0010/');
      const first = page.locator('.search-results a').first();
      expect(await first.locator('code').innerText()).toBe('Ecs.0010');
      expect(await first.locator('.search-hit-message').innerText()).toBe('Private IP address %s is already in use.');
    });
  }

  test('following the first result opens the code page', async () => {
    await open('/');
    await search('Ecs.0010');
    await Promise.all([
      page.waitForURL((url) => url.pathname === '/ecs/ecs-0010/'),
      page.locator('.search-results a').first().click(),
    ]);
    expect(await page.locator('h1').innerText()).toBe('Ecs.0010');
  });
});

describe('finding words of a message', () => {
  const cases: [string, string][] = [
    ['already in use', '/ecs/ecs-0010/'],
    ['op_suspended', '/ecs/ecs-0003/'],
    ['flow over limit', '/ecs/common-0024/'],
  ];
  for (const [query, expected] of cases) {
    test(`"${query}" has ${expected} among the first three results`, async () => {
      await open('/');
      expect((await search(query)).slice(0, 3).map(pageOf)).toContain(expected);
    });
  }
});

describe('a long list of results', () => {
  test('shows five pages, then five more with "More results", the focus on the first new one', async () => {
    await open('/');
    const first = await search('disk');
    expect(first).toHaveLength(5);
    expect(await page.locator('.search-status').innerText()).toBe('5 results');
    const fragments = () => requested.filter((p) => p.includes('/pagefind/fragment/')).length;
    expect(fragments()).toBe(5);
    await page.getByRole('button', { name: 'More results' }).click();
    await expect.poll(() => page.locator('.search-status').innerText()).toBe('10 results');
    const all = await resultPaths();
    expect(all.slice(0, 5)).toEqual(first);
    expect(new Set(all).size).toBe(10);
    expect(fragments()).toBe(10);
    expect(await page.getByRole('button', { name: 'More results' }).count()).toBe(0);
    expect(
      await page
        .locator('.search-results a')
        .nth(5)
        .evaluate((a) => a === document.activeElement),
    ).toBe(true);
  });

  test('a few words of a message fetch no lookup shard and no matcher', async () => {
    await open('/ecs/ecs-0010/');
    await page.waitForLoadState('networkidle');
    requested = [];
    await search('already in use');
    expect(
      requested.filter(
        (p) => p.startsWith('/lookup/w/') || p.startsWith('/lookup/c/') || /direct-hits|lookup-loader/.test(p),
      ),
    ).toEqual([]);
  });
});

describe('pasting an error message', () => {
  test('a filled-in message finds Ecs.0010 first and shows the filled-in address', async () => {
    await open('/');
    const paths = await search('Private IP address 192.168.0.12 is already in use.');
    expect(pageOf(paths[0])).toBe('/ecs/ecs-0010/');
    const first = page.locator('.search-results a').first();
    expect(await first.locator('code').innerText()).toBe('Ecs.0010');
    expect(await first.locator('.search-hit-values').innerText()).toContain('192.168.0.12');
  });

  test('/?q=Ecs.0010 opens the dialog with the results for Ecs.0010', async () => {
    await open('/?q=Ecs.0010');
    await expect.poll(() => dialog().isVisible()).toBe(true);
    expect(await input().inputValue()).toBe('Ecs.0010');
    await expect.poll(async () => (await resultPaths()).map(pageOf)[0], { timeout: 10_000 }).toBe('/ecs/ecs-0010/');
  });
});
