import type { Page } from 'playwright-core';
import { afterEach, describe, expect, test } from 'vitest';
import { openPage, useBuiltSite } from '../support/site.ts';

const site = useBuiltSite();
let page: Page;
let errors: string[];

/** Opens a site path in a fresh page, recording errors (the page may use the clipboard). */
async function open(path: string): Promise<Page> {
  ({ page, errors } = await openPage(site, path, { clipboard: true }));
  return page;
}

afterEach(async () => {
  expect(errors).toEqual([]);
  await page?.close();
});

const visibleText = (selector: string) => page.locator(selector).first().innerText();

describe('the page of Ecs.0010', () => {
  test('shows the code as its title, HTTP 400, the message with its slot, the description and the solution', async () => {
    await open('/ecs/ecs-0010/');
    expect(await page.locator('h1').innerText()).toBe('Ecs.0010');
    expect(await page.title()).toContain('Ecs.0010');
    expect(await page.locator('section.variant').count()).toBe(1);
    expect(await visibleText('section.variant h2')).toContain('HTTP 400');
    expect(await visibleText('section.variant p.message')).toBe('Private IP address %s is already in use.');
    const slot = page.locator('section.variant p.message var.slot');
    expect(await slot.isVisible()).toBe(true);
    expect(await slot.innerText()).toBe('%s');
    expect(await visibleText('section.variant dd.description')).toBe('The private IP address is already in use.');
    expect(await visibleText('section.variant dd.solution')).toBe('Change the port.');
  });

  test('shows the notes of the table', async () => {
    await open('/ecs/ecs-0010/');
    const notes = page.locator('div.table-notes');
    expect(await notes.isVisible()).toBe(true);
    expect(await notes.innerText()).toContain(
      'An error code returned by an API does not correspond to one error message.',
    );
    expect(await notes.locator('li').count()).toBe(4);
  });

  test('links the network topic, and following the link lists Ecs.0010 there', async () => {
    await open('/ecs/ecs-0010/');
    const chip = page.locator('nav.code-categories a[href="/ecs/topic/network/"]');
    expect(await chip.isVisible()).toBe(true);
    await Promise.all([page.waitForURL(site.url('/ecs/topic/network/')), chip.click()]);
    expect(await page.locator('table.code-table tbody th a[href="/ecs/ecs-0010/"]').count()).toBe(1);
  });

  test('links the previous code Ecs.0009 and the next code Ecs.0011', async () => {
    await open('/ecs/ecs-0010/');
    const previous = page.locator('a[rel="prev"]');
    const next = page.locator('a[rel="next"]');
    expect(await previous.getAttribute('href')).toBe('/ecs/ecs-0009/');
    expect(await previous.innerText()).toContain('Ecs.0009');
    expect(await next.getAttribute('href')).toBe('/ecs/ecs-0011/');
    expect(await next.innerText()).toContain('Ecs.0011');
    await Promise.all([page.waitForURL(site.url('/ecs/ecs-0011/')), next.click()]);
    expect(await page.locator('h1').innerText()).toBe('Ecs.0011');
  });
});

describe('reporting a problem (content/ecs/service.json names the repository)', () => {
  const REPOSITORY = 'https://github.com/opentelekomcloud-docs/elastic-cloud-server';

  test('the page of Ecs.0010 links, once, a new issue about it and the table’s source', async () => {
    await open('/ecs/ecs-0010/');
    const line = page.locator('p.report-problem');
    expect(await line.count()).toBe(1);
    expect(await line.innerText()).toBe(
      'Something wrong or missing? Report a problem with Ecs.0010 in opentelekomcloud-docs/elastic-cloud-server, or ' +
        'see the table’s source.',
    );
    const report = line.getByRole('link', { name: 'Report a problem' });
    expect(await page.getByRole('link', { name: 'Report a problem' }).count()).toBe(1);
    const issue = new URL((await report.getAttribute('href'))!);
    expect(`${issue.origin}${issue.pathname}`).toBe(`${REPOSITORY}/issues/new`);
    expect(issue.searchParams.get('title')).toBe('ECS error code Ecs.0010');
    expect(issue.searchParams.get('body')).toContain(
      'Error code: Ecs.0010\nService: Elastic Cloud Server (ECS)\nTable: api-ref/source/appendix/error_codes.rst\n' +
        'Page: https://error-codes.example.org/ecs/ecs-0010/\n',
    );
    expect(await line.getByRole('link', { name: 'the table’s source' }).getAttribute('href')).toBe(
      `${REPOSITORY}/blob/main/api-ref/source/appendix/error_codes.rst`,
    );
  });

  test('the link is left out of the search index', async () => {
    await open('/ecs/ecs-1000/');
    expect(await page.locator('p.report-problem').getAttribute('data-pagefind-ignore')).not.toBeNull();
  });
});

describe('the page of Ecs.1000', () => {
  test('shows two variants, HTTP 400 and HTTP 404, each with its own message', async () => {
    await open('/ecs/ecs-1000/');
    const variants = page.locator('section.variant');
    expect(await variants.count()).toBe(2);
    expect(await variants.nth(0).locator('h2').innerText()).toContain('HTTP 400');
    expect(await variants.nth(0).locator('p.message').innerText()).toBe('Failed to call the Nova API because %s.');
    expect(await variants.nth(1).locator('h2').innerText()).toContain('HTTP 404');
    expect(await variants.nth(1).locator('p.message').innerText()).toBe('itemNotFound: xxx could not be found.');
  });

  test('scrolls the 404 heading into view when opened at #http-404', async () => {
    await open('/ecs/ecs-1000/#http-404');
    const heading = page.locator('h2#http-404');
    await expect
      .poll(() => heading.evaluate((el) => el.getBoundingClientRect().top), { timeout: 10_000 })
      .toBeGreaterThanOrEqual(0);
    const { top, bottom, viewport, scrollY } = await heading.evaluate((el) => {
      const box = el.getBoundingClientRect();
      return { top: box.top, bottom: box.bottom, viewport: window.innerHeight, scrollY: window.scrollY };
    });
    expect(scrollY).toBeGreaterThan(0);
    expect(top).toBeGreaterThanOrEqual(0);
    expect(bottom).toBeLessThanOrEqual(viewport);
  });
});

describe('copy buttons', () => {
  test('"Copy code" puts the code on the clipboard and says Copied', async () => {
    await open('/ecs/ecs-0010/');
    const button = page.locator('.copy-button[data-copy-text]').first();
    expect(await button.innerText()).toContain('Copy code');
    await button.click();
    await expect.poll(() => button.locator('.copy-button-status').innerText()).toBe('Copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('Ecs.0010');
  });

  test('"Copy link" puts the absolute address of the page on the clipboard', async () => {
    await open('/ecs/ecs-0010/');
    await page.locator('.copy-button[data-copy-permalink]').first().click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(site.url('/ecs/ecs-0010/'));
  });

  test('works from the keyboard: Tab to the copy button and press Enter', async () => {
    await open('/ecs/ecs-1000/');
    let focused = '';
    for (let i = 0; i < 60 && focused !== 'copy-code'; i++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        return el?.matches('.copy-button[data-copy-text]') ? 'copy-code' : (el?.tagName ?? '');
      });
    }
    expect(focused).toBe('copy-code');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe('Ecs.1000');
    expect(await page.locator('.copy-button[data-copy-text] .copy-button-status').innerText()).toBe('Copied');
  });
});
