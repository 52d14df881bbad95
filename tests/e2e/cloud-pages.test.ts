import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, test } from 'vitest';
import { collectPageErrors } from '../../scripts/harness/browser.ts';
import { useFixtureSite } from '../support/fixture-site.ts';

// The site built from tests/fixtures/cloud-pages/content, once for this file: nine tiny services (enough for the
// home page's compact list), RDS without a service.json, EIP with VPC.0501 on rows that differ by a Module
// column, and VPC with VPC.0101 on two 400 rows that differ by message.
const site = useFixtureSite('tests/fixtures/cloud-pages/content');
let page: Page | undefined;
let errors: string[] = [];

async function open(path: string, theme?: 'light' | 'dark'): Promise<Page> {
  page = await site.newPage(theme ? { colorScheme: theme } : {});
  if (theme) await page.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
  errors = collectPageErrors(page);
  await page.goto(site.url(path), { waitUntil: 'load' });
  return page;
}

const sidebarLinks = () =>
  page!
    .locator('nav.sidebar a')
    .evaluateAll((links) => links.map((a) => `${a.textContent?.trim()} ${a.getAttribute('href')}`));
const tocEntries = () =>
  page!
    .locator('starlight-toc nav a')
    .first()
    .waitFor({ state: 'attached' })
    .then(() =>
      page!
        .locator('starlight-toc nav a')
        .evaluateAll((links) => links.map((a) => `${a.textContent?.trim()} ${a.getAttribute('href')}`)),
    );

afterEach(async () => {
  expect(errors).toEqual([]);
  if (page && !page.isClosed()) await page.close();
  [page, errors] = [undefined, []];
});

describe('the home page of a site of many services', () => {
  test('lists every service alphabetically in columns, naming a service without a display name once', async () => {
    await open('/');
    const items = page!.locator('ul.service-list.service-columns li');
    expect(
      await items
        .locator('a')
        .evaluateAll((links) => links.map((a) => (a as HTMLElement).innerText.replace(/\s+/g, ' '))),
    ).toEqual([
      'AOM Application Operations Management',
      'CCE Cloud Container Engine',
      'DNS Domain Name Service',
      'EIP Elastic IP',
      'EVS Elastic Volume Service',
      'KMS Key Management Service',
      'OBS Object Storage Service',
      'RDS',
      'VPC Virtual Private Cloud',
    ]);
    expect(await items.locator('.service-codes').allInnerTexts()).toEqual([
      '1 codes',
      '1 codes',
      '1 codes',
      '2 codes',
      '1 codes',
      '1 codes',
      '1 codes',
      '2 codes',
      '2 codes',
    ]);
  });

  test('filters the services as the user types, and Enter opens the one left', async () => {
    await open('/');
    const filter = page!.getByLabel('Filter services');
    await filter.fill('elastic');
    expect(await page!.locator('ul.service-list li:not([hidden]) strong').allInnerTexts()).toEqual(['EIP', 'EVS']);
    expect(await page!.locator('.service-filter-count').innerText()).toBe('2 of 9 services');
    await filter.fill('nothing like it');
    expect(await page!.locator('.service-filter-empty').isVisible()).toBe(true);
    await filter.fill('elastic ip');
    await filter.press('Enter');
    await page!.waitForURL((url) => url.pathname === '/eip/');
  });

  test('has a sidebar that links the list of services instead of repeating it', async () => {
    await open('/');
    expect(await sidebarLinks()).toEqual(['Home /', 'All 9 services /#services', 'About this reference /about/']);
  });

  test('gives the about page a previous link to the list of services, as its sidebar has it', async () => {
    await open('/about/');
    expect(await page!.locator('a[rel="prev"]').getAttribute('href')).toBe('/#services');
    expect(await page!.locator('a[rel="prev"]').innerText()).toContain('All 9 services');
  });

  for (const theme of ['light', 'dark'] as const) {
    test(`has no serious or critical axe-core violation in the ${theme} theme`, async () => {
      await open('/', theme);
      await page!.getByLabel('Filter services').fill('service');
      const { violations } = await new AxeBuilder({ page: page! }).options({ resultTypes: ['violations'] }).analyze();
      expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
    });
  }
});

describe('a service without a display name', () => {
  test('is named once in its title, its sidebar and its code pages', async () => {
    await open('/rds/');
    expect(await page!.locator('h1').innerText()).toBe('RDS error codes');
    expect((await sidebarLinks()).slice(0, 4)).toEqual([
      'Home /',
      'All services /#services',
      'Overview /rds/',
      'All codes /rds/all/',
    ]);
    await page!.close();
    await open('/rds/dbs-200001/');
    expect(await page!.locator('.code-categories a').first().innerText()).toBe('All RDS codes');
    expect(await page!.locator('meta[name="description"]').getAttribute('content')).toMatch(
      /^DBS\.200001 \(RDS, HTTP 400\): /,
    );
  });
});

describe('the 404 page of a site of many services', () => {
  test('links the list of services rather than each service', async () => {
    page = await site.newPage();
    await page.goto(site.url('/nothing-here/'), { waitUntil: 'load' });
    expect(await page.locator('main p', { hasText: 'Browse' }).innerText()).toBe('Home · Browse all 9 services');
    expect(await page.locator('main a', { hasText: 'all 9 services' }).getAttribute('href')).toBe('/#services');
  });
});

describe('a code on several rows of one status', () => {
  test('rows that differ by module say their module in the table of contents and the headings, with the anchors as before', async () => {
    await open('/eip/vpc-0501/');
    expect(await tocEntries()).toEqual([
      'Overview #_top',
      'HTTP 400 · Assigning an EIP #http-400',
      'HTTP 400 · Querying an EIP #http-400-2',
      'HTTP 400 · Querying EIPs #http-400-3',
      'HTTP 400 · Updating an EIP #http-400-4',
      'HTTP 404 Not Found #http-404',
      'Related codes #related-codes',
    ]);
    expect(
      await page!
        .locator('section.variant h2')
        .evaluateAll((hs) => hs.map((h) => `${h.id}: ${(h as HTMLElement).innerText.replace(/\s+/g, ' ')}`)),
    ).toEqual([
      'http-400: HTTP 400 Assigning an EIP',
      'http-400-2: HTTP 400 Querying an EIP',
      'http-400-3: HTTP 400 Querying EIPs',
      'http-400-4: HTTP 400 Updating an EIP',
      'http-404: HTTP 404 Not Found',
    ]);
  });

  test('rows without a module that differ by message say their message', async () => {
    await open('/vpc/vpc-0101/');
    expect(await tocEntries()).toEqual([
      'Overview #_top',
      'HTTP 400 · Invalid limit. #http-400',
      'HTTP 400 · Invalid marker. #http-400-2',
      'Related codes #related-codes',
    ]);
  });
});
