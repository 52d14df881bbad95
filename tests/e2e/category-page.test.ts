import type { Page } from 'playwright-core';
import { afterEach, describe, expect, test } from 'vitest';
import { collectPageErrors } from '../../scripts/harness/browser.ts';
import { useBuiltSite } from '../support/site.ts';

const site = useBuiltSite();
let page: Page;
let errors: string[];

async function open(path: string): Promise<Page> {
  page = await site.newPage();
  errors = collectPageErrors(page);
  await page.goto(site.url(path), { waitUntil: 'load' });
  return page;
}

afterEach(async () => {
  expect(errors).toEqual([]);
  await page?.close();
});

/** The codes and texts of the table rows a user can see. */
function visibleRows(): Promise<{ code: string; text: string }[]> {
  return page.$$eval('table.code-table tbody tr', (rows) =>
    rows
      .filter((row) => !(row as HTMLElement).hidden && (row as HTMLElement).offsetParent !== null)
      .map((row) => ({
        code: row.querySelector('th code')?.textContent ?? '',
        text: (row as HTMLElement).innerText.toLowerCase(),
      })),
  );
}

const countText = () => page.locator('.code-filter-count').innerText();
const filterBox = () => page.locator('.code-filter input');

describe('the filter on the page of all ECS codes', () => {
  test('shows all 147 codes before anything is typed', async () => {
    await open('/ecs/all/');
    expect(await visibleRows()).toHaveLength(147);
    expect(await countText()).toContain('147');
  });

  test('typing "already in use" keeps Ecs.0010 and hides the rows without those words', async () => {
    await open('/ecs/all/');
    await filterBox().fill('already in use');
    await expect.poll(async () => (await visibleRows()).length).toBeLessThan(147);
    const rows = await visibleRows();
    expect(rows.map((r) => r.code)).toContain('Ecs.0010');
    for (const row of rows) for (const word of ['already', 'in', 'use']) expect(row.text, row.code).toContain(word);
    expect(await countText()).toBe(`${rows.length} of 147 codes`);
  });

  test('typing "ecs0010" shows exactly Ecs.0010', async () => {
    await open('/ecs/all/');
    await filterBox().pressSequentially('ecs0010');
    await expect.poll(async () => (await visibleRows()).map((r) => r.code)).toEqual(['Ecs.0010']);
    expect(await countText()).toBe('1 of 147 codes');
  });

  test('the count follows the filter as it is changed and cleared', async () => {
    await open('/ecs/all/');
    await filterBox().fill('quota');
    await expect.poll(countText).not.toContain('147 of');
    const narrowed = (await visibleRows()).length;
    expect(await countText()).toBe(`${narrowed} of 147 codes`);
    await filterBox().fill('');
    await expect.poll(async () => (await visibleRows()).length).toBe(147);
    expect(await countText()).toBe('147 of 147 codes');
  });

  test('says so when no code matches', async () => {
    await open('/ecs/all/');
    await filterBox().fill('zzzz no such words');
    await expect.poll(async () => (await visibleRows()).length).toBe(0);
    expect(await page.locator('.code-filter-empty').isVisible()).toBe(true);
    expect(await countText()).toBe('0 of 147 codes');
  });

  test('?filter=quota opens the page with the filter already applied', async () => {
    await open('/ecs/all/?filter=quota');
    expect(await filterBox().inputValue()).toBe('quota');
    const rows = await visibleRows();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThan(147);
    expect(rows.map((r) => r.code)).toContain('Ecs.0013');
    for (const row of rows) expect(row.text, row.code).toContain('quota');
    expect(await countText()).toBe(`${rows.length} of 147 codes`);
  });
});

describe('a status page', () => {
  test('/ecs/status/404/ lists only codes with a 404 row, and its rows lead to their code pages', async () => {
    await open('/ecs/status/404/');
    const rows = await visibleRows();
    expect(rows.map((r) => r.code)).toEqual(['Ecs.0114', 'Ecs.0614', 'Ecs.1000']);
    for (const row of rows) expect(row.text).toContain('404');
    await Promise.all([
      page.waitForURL(site.url('/ecs/ecs-1000/#http-404')),
      page.locator('a.status-badge[href="/ecs/ecs-1000/#http-404"]').click(),
    ]);
    expect(await page.locator('h1').innerText()).toBe('Ecs.1000');
  });
});
