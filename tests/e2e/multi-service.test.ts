import type { Page } from 'playwright-core';
import { afterEach, describe, expect, test } from 'vitest';
import { collectPageErrors } from '../../scripts/harness/browser.ts';
import { useFixtureSite } from '../support/fixture-site.ts';
import { withoutDocument404 } from '../support/site.ts';
import { askDialog } from '../../scripts/harness/search-runner.ts';

// The site built from tests/fixtures/multi-service/content, once for this file, in Chromium: two services
// (an ECS excerpt and an EVS table with other headers, markup in its cells and a code on three rows) that
// both have Common.0024, each with its own message.
const site = useFixtureSite('tests/fixtures/multi-service/content');
let page: Page | undefined;
let errors: string[] = [];
let opened = '';
let requested: string[] = [];

const EVS_COMMON_0024 = 'Too many disk requests from this project.';

/** Opens a site path (as typed, not normalised) in a fresh page, recording errors and requested paths. */
async function open(path: string, waitUntil: 'load' | 'commit' = 'load'): Promise<Page> {
  page = await site.newPage();
  errors = collectPageErrors(page);
  requested = [];
  page.on('request', (request) => requested.push(new URL(request.url()).pathname));
  opened = `${site.url('/')}${path.replace(/^\//, '')}`;
  await page.goto(opened, { waitUntil });
  return page;
}

/** Opens a path and returns where the browser ends up (path and fragment) once it has left `path`. */
async function land(path: string): Promise<string> {
  const p = await open(path, 'commit');
  const from = new URL(opened).pathname;
  await p.waitForURL((url) => url.pathname !== from, { timeout: 10_000 });
  await p.waitForLoadState('load');
  const url = new URL(p.url());
  return `${url.pathname}${url.hash}`;
}

/** The text of a status line once it has said something. */
async function statusText(selector: string): Promise<string> {
  const status = page!.locator(selector);
  await expect.poll(() => status.innerText(), { timeout: 10_000 }).not.toBe('');
  return status.innerText();
}

/** The hits a chooser or the search dialog shows, as `code service path` lines, sorted. */
async function hitLines(selector: string): Promise<string[]> {
  return page!.$$eval(selector, (links) =>
    links
      .map((a) => {
        const code = a.querySelector('code')?.textContent ?? '';
        const service = a.querySelector('.search-hit-service')?.textContent ?? '';
        return `${code} ${service} ${new URL((a as HTMLAnchorElement).href).pathname}`;
      })
      .sort(),
  );
}

const lookup = (params: Record<string, string>) => `/lookup/?${new URLSearchParams(params)}`;
const text = (selector: string) => page!.locator(selector).innerText();

afterEach(async () => {
  expect(withoutDocument404(errors, opened)).toEqual([]);
  if (page && !page.isClosed()) await page.close();
  [page, errors, requested] = [undefined, [], []];
});

describe('pages of two services', () => {
  test('the home page lists both services with their names and code counts', async () => {
    await open('/');
    const items = page!.locator('ul.service-list li');
    expect(await items.locator('a').allInnerTexts()).toEqual([
      'ECS Elastic Cloud Server',
      'EVS Elastic Volume Service',
    ]);
    expect(await items.locator('a').evaluateAll((links) => links.map((a) => a.getAttribute('href')))).toEqual([
      '/ecs/',
      '/evs/',
    ]);
    expect(await items.locator('span').allInnerTexts()).toEqual(['7 codes', '4 codes']);
  });

  test('the home page gives every element its own id, with both services’ categories on it', async () => {
    await open('/');
    const repeated = await page!.$$eval('[id]', (elements) => {
      const ids = elements.map((e) => e.id);
      return [...new Set(ids.filter((id, i) => ids.indexOf(id) !== i))];
    });
    expect(repeated).toEqual([]);
  });

  test('/evs/ is the EVS service page, counting its codes and rows and linking to all of them', async () => {
    await open('/evs/');
    expect(await text('h1')).toBe('Elastic Volume Service (EVS) error codes');
    expect(await text('main')).toContain('4 error codes from 6 rows of the official table');
    expect(await page!.locator('main a[href="/evs/all/"]').count()).toBeGreaterThan(0);
    expect(await page!.locator('main a[href="/evs/status/429/"]').innerText()).toContain('429 Too Many Requests');
  });

  test('/evs/all/ lists every EVS code with its statuses, and no ECS code', async () => {
    await open('/evs/all/');
    expect(await text('h1')).toBe('All EVS error codes');
    const rows = page!.locator('table.code-table tbody tr');
    expect(await rows.locator('th code').allInnerTexts()).toEqual(['Evs.0001', 'Evs.0002', 'Evs.0003', 'Common.0024']);
    expect(await rows.nth(2).locator('a.status-badge').allInnerTexts()).toEqual(['400', '404', '409']);
    expect(await rows.nth(3).locator('th a').getAttribute('href')).toBe('/evs/common-0024/');
    expect(await rows.nth(3).locator('p.message').innerText()).toBe(EVS_COMMON_0024);
  });

  test('the code on three rows has one page with three variants, one per status', async () => {
    await open('/evs/evs-0003/');
    expect(await text('h1')).toBe('Evs.0003');
    const variants = page!.locator('section.variant');
    expect(await variants.locator('h2').evaluateAll((hs) => hs.map((h) => h.id))).toEqual([
      'http-400',
      'http-404',
      'http-409',
    ]);
    expect(await variants.locator('p.message').allInnerTexts()).toEqual([
      'The disk %s is not available.',
      'The disk %s could not be found.',
      'The disk %s is attached to another server.',
    ]);
    expect(await variants.locator('dd.solution').allInnerTexts()).toEqual([
      'Wait until the disk is available and try again.',
      'Check the disk ID.',
      'Detach the disk from that server first.',
    ]);
  });

  test('each service’s Common.0024 page shows its own message', async () => {
    await open('/evs/common-0024/');
    expect(await text('section.variant p.message')).toBe(EVS_COMMON_0024);
    expect(await text('section.variant h2')).toContain('HTTP 429');
    await page!.close();
    await open('/ecs/common-0024/');
    expect(await text('section.variant p.message')).toBe('exceeds flow over limit');
    expect(await text('section.variant h2')).toContain('HTTP 202');
  });
});

describe('markup in the cells of a table', () => {
  test('a message and a description full of markup characters are shown as text, and nothing runs', async () => {
    await open('/evs/evs-0001/');
    expect(await text('section.variant p.message')).toBe('Value <size> must be > 0 & *even*');
    expect(await text('section.variant dd.description')).toBe('The disk size <img src=x onerror=alert(1)> is invalid.');
    expect(await page!.locator('main img, main size, main em').count()).toBe(0);
    await page!.waitForLoadState('networkidle');
    // afterEach checks that no dialog opened.
  });

  test('the bullet list of a cell is a list, and the inline literal is code', async () => {
    await open('/evs/evs-0001/');
    expect(await page!.locator('dd.solution ul li').allInnerTexts()).toEqual([
      'It must be greater than 0.',
      'It must be an even number of GB.',
    ]);
    await page!.close();
    await open('/evs/evs-0002/');
    expect(await text('dd.solution code')).toBe('volume_type');
    expect(await text('dd.solution')).toBe('Set volume_type to SATA, SAS or SSD.');
  });

  test('the all-codes table shows the message with markup characters as text', async () => {
    await open('/evs/all/');
    expect(await page!.locator('table.code-table tbody tr').first().locator('p.message').innerText()).toBe(
      'Value <size> must be > 0 & *even*',
    );
    expect(await page!.locator('main img').count()).toBe(0);
  });

  test('looking up the message with markup characters opens its page, and nothing runs', async () => {
    expect(await land(lookup({ message: 'Value <size> must be > 0 & *even*' }))).toBe('/evs/evs-0001/#http-400');
    expect(await page!.locator('main img').count()).toBe(0);
  });
});

describe('a code that both services have', () => {
  test('/lookup/?code=Common.0024 offers both services and stays on the lookup page', async () => {
    await open(lookup({ code: 'Common.0024' }));
    expect(await statusText('.lookup-status')).toBe(
      'Common.0024 exists in 2 services (EVS, ECS), each with its own wording, and the text does not say which answered. Choose one:',
    );
    expect(new URL(page!.url()).pathname).toBe('/lookup/');
    expect(await hitLines('.lookup-results a.search-hit')).toEqual([
      'Common.0024 ECS /ecs/common-0024/',
      'Common.0024 EVS /evs/common-0024/',
    ]);
    // The code names its shard: the lookup loads that one and no word shard, and the services' clues (there are two).
    expect(requested.filter((p) => p.startsWith('/lookup/') && p !== '/lookup/').sort()).toEqual([
      '/lookup/c/common-0.json',
      '/lookup/manifest.json',
      '/lookup/services.json',
    ]);
  });

  test('choosing EVS in the chooser opens /evs/common-0024/', async () => {
    await open(lookup({ code: 'Common.0024' }));
    await statusText('.lookup-status');
    const evs = page!.locator('.lookup-results a.search-hit', {
      has: page!.locator('.search-hit-service', { hasText: 'EVS' }),
    });
    await Promise.all([page!.waitForURL((url) => url.pathname === '/evs/common-0024/'), evs.click()]);
    expect(await text('h1')).toBe('Common.0024');
    expect(await text('section.variant p.message')).toBe(EVS_COMMON_0024);
  });

  test('/lookup/?code=Common.0024&service=evs goes straight to the EVS page', async () => {
    expect(await land(lookup({ code: 'Common.0024', service: 'evs' }))).toBe('/evs/common-0024/');
    expect(await text('section.variant p.message')).toBe(EVS_COMMON_0024);
  });

  test('the root spelling /Common.0024/ leads to the chooser', async () => {
    expect(await land('/Common.0024/')).toBe('/lookup/');
    expect(new URL(page!.url()).searchParams.get('code')).toBe('Common.0024');
    expect(await statusText('.lookup-status')).toBe(
      'Common.0024 exists in 2 services (EVS, ECS), each with its own wording, and the text does not say which answered. Choose one:',
    );
    expect(await hitLines('.lookup-results a.search-hit')).toEqual([
      'Common.0024 ECS /ecs/common-0024/',
      'Common.0024 EVS /evs/common-0024/',
    ]);
  });

  test('the spelling /evs/Common.0024/ goes to the EVS page, not the chooser', async () => {
    expect(await land('/evs/Common.0024/')).toBe('/evs/common-0024/');
  });

  test('the 404 page sends /evs/COMMON-0024/ to the EVS page', async () => {
    expect(await land('/evs/COMMON-0024/')).toBe('/evs/common-0024/');
    expect(await text('h1')).toBe('Common.0024');
  });

  test('the 404 page sends /COMMON-0024/, which names no service, to the chooser with the query and #anchor', async () => {
    await open('/COMMON-0024/?v=1#x', 'commit');
    await page!.waitForURL((url) => url.pathname === '/lookup/', { timeout: 10_000 });
    const url = new URL(page!.url());
    expect([...url.searchParams]).toEqual([
      ['code', 'Common.0024'],
      ['v', '1'],
    ]);
    expect(url.hash).toBe('#x');
    expect(await statusText('.lookup-status')).toBe(
      'Common.0024 exists in 2 services (EVS, ECS), each with its own wording, and the text does not say which answered. Choose one:',
    );
    expect(await hitLines('.lookup-results a.search-hit')).toEqual([
      'Common.0024 ECS /ecs/common-0024/',
      'Common.0024 EVS /evs/common-0024/',
    ]);
  });

  test('the 404 page loads no services’ clues to send /evs/COMMON-0024/ on', async () => {
    expect(await land('/evs/COMMON-0024/')).toBe('/evs/common-0024/');
    const before = requested.slice(0, requested.indexOf('/evs/common-0024/'));
    expect(before.filter((p) => p.startsWith('/lookup/')).sort()).toEqual([
      '/lookup/c/common-0.json',
      '/lookup/manifest.json',
    ]);
  });

  test('/lookup/?message= with the EVS message of Common.0024 opens the EVS page at its row', async () => {
    expect(await land(lookup({ message: EVS_COMMON_0024 }))).toBe('/evs/common-0024/#http-429');
  });

  test('/lookup/?message= with the ECS message of Common.0024 opens the ECS page at its row', async () => {
    expect(await land(lookup({ message: 'exceeds flow over limit' }))).toBe('/ecs/common-0024/#http-202');
  });

  test('the search dialog lists both services’ pages for Common.0024', async () => {
    await open('/');
    await page!.locator('button[data-open-search]').first().click();
    await page!.locator('#site-search-input').fill('Common.0024');
    await expect.poll(() => page!.locator('.search-status').innerText(), { timeout: 10_000 }).toMatch(/result/);
    const hits = await hitLines('.search-results a.search-hit');
    expect(hits).toEqual(['Common.0024 ECS /ecs/common-0024/', 'Common.0024 EVS /evs/common-0024/']);
  });
});

describe('a search that names a service', () => {
  for (const [query, service] of [
    ['evs disk type', 'evs'],
    ['ecs disk type', 'ecs'],
  ] as const) {
    test(`"${query}" lists the ${service} pages first`, async () => {
      const p = await open('/');
      const answer = await askDialog(p, query);
      expect(answer.codePages.length).toBeGreaterThan(1);
      const own = answer.codePages.filter((path) => path.startsWith(`/${service}/`));
      expect(own.length).toBeGreaterThan(0);
      expect(answer.codePages.slice(0, own.length)).toEqual(own);
    });
  }
});
