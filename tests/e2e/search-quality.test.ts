import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { collectPageErrors } from '../../scripts/harness/browser.ts';
import { askDialog } from '../../scripts/harness/search-runner.ts';
import { SEARCH_QUERIES } from '../../scripts/harness/search-queries.ts';
import { DIST_DIR, useBuiltSite } from '../support/site.ts';

// Queries in users' own words through the real search dialog of the built site: each must list its code
// among the first three code pages, and none may end with no result at all.
const site = useBuiltSite();
let page: Page;
let errors: string[];
const pathOf = new Map<string, string>();

beforeAll(async () => {
  for (const c of JSON.parse(readFileSync(join(DIST_DIR, 'ecs/errors.json'), 'utf8')).codes as {
    code: string;
    url: string;
  }[]) {
    pathOf.set(c.code, new URL(c.url).pathname);
  }
  page = await site.newPage();
  errors = collectPageErrors(page);
  await page.goto(site.url('/'));
});

afterAll(async () => {
  await page?.close();
  expect(errors).toEqual([]);
});

describe('searching in a user’s own words', () => {
  for (const { query, code } of SEARCH_QUERIES) {
    test(`"${query}" lists ${code} among the first three code pages`, async () => {
      const answer = await askDialog(page, query);
      expect(answer.status).not.toMatch(/No results/);
      expect(answer.codePages.slice(0, 3), answer.status).toContain(pathOf.get(code));
    });
  }

  test('a query whose words no page has together shows the pages sharing most of them, and says so', async () => {
    const answer = await askDialog(page, 'penguin quota zebra');
    expect(answer.status).toBe('No page has every word; closest matches:');
    expect(answer.codePages.length).toBeGreaterThan(0);
    await expect(page.locator('.search-results h3').allTextContents()).resolves.toEqual(['Closest pages']);
  });

  test('a query of words no page has at all still ends in "No results"', async () => {
    const answer = await askDialog(page, 'zzqx wvvk');
    expect(answer.status).toBe('No results for “zzqx wvvk”');
    expect(answer.codePages).toEqual([]);
  });
});
