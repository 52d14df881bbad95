import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, test } from 'vitest';
import { collectPageErrors } from '../../scripts/harness/browser.ts';
import { resolveJsonUrl } from '../support/export-json.ts';
import { useFixtureSite } from '../support/fixture-site.ts';
import { validateJson, type JsonSchema } from '../support/json-schema.ts';

// The site built from tests/fixtures/history-site (three dated versions of a small ECS table, see its README),
// once for this file, in Chromium: what a reader sees of a reworded, retired and added code, the changes
// page, and lookups of old and new wordings.
const site = useFixtureSite('tests/fixtures/history-site/content');
let page: Page;
let errors: string[] = [];

/** Opens a site path in a fresh page, recording errors. */
async function open(sitePath: string): Promise<Page> {
  page = await site.newPage();
  errors = collectPageErrors(page);
  const response = await page.goto(site.url(sitePath), { waitUntil: 'load' });
  expect(response?.status(), sitePath).toBe(200);
  return page;
}

/** Opens a /lookup/ link and returns where the browser ends up: path and fragment, and the `v` values. */
async function land(sitePath: string): Promise<{ page: string; values: string[] }> {
  await open(sitePath);
  await page.waitForURL((url) => url.pathname !== '/lookup/', { timeout: 10_000 });
  const url = new URL(page.url());
  return { page: `${url.pathname}${url.hash}`, values: url.searchParams.getAll('v') };
}

const lookup = (params: Record<string, string>) => `/lookup/?${new URLSearchParams(params)}`;
const text = (selector: string) => page.locator(selector).innerText();

afterEach(async () => {
  expect(errors).toEqual([]);
  // The JSON test opens no page: the last one is already closed.
  if (page && !page.isClosed()) await page.close();
  errors = [];
});

describe('code pages of a table with three versions', () => {
  test('a reworded code shows today’s wording and the earlier one, each with its dates, and the word diff', async () => {
    await open('/ecs/ecs-0010/');
    expect(await text('section.variant p.message')).toBe('The private IP address %s is already used by another port.');
    expect(await text('#http-400 .variant-dates')).toBe('published 2022-07-15 to 2023-02-21');
    expect(await text('h2#earlier-wordings')).toBe('Earlier wordings');
    const earlier = page.locator('section.earlier');
    expect(await earlier.count()).toBe(1);
    expect(await earlier.locator('h3').getAttribute('id')).toBe('v1');
    expect(await earlier.locator('.earlier-dates').innerText()).toBe('Bad Request, published 2022-03-28');
    expect(await earlier.locator('p.message').innerText()).toBe('Private IP address %s is already in use.');
    const diff = earlier.locator('p.word-diff');
    expect((await diff.locator('del').allInnerTexts()).map((t) => t.trim())).toEqual(['Private', 'in use']);
    expect((await diff.locator('ins').allInnerTexts()).map((t) => t.trim())).toEqual([
      'The private',
      'used by another port',
    ]);
    // Read without the insertions the diff is the old message; without the deletions, today's.
    const readWithout = (tag: string) =>
      diff.evaluate((p, skip) => {
        const copy = p.cloneNode(true) as HTMLElement;
        copy.querySelectorAll(`${skip}, .word-diff-label`).forEach((n) => n.remove());
        return copy.textContent!.trim();
      }, tag);
    expect(await diff.locator('.word-diff-label').innerText()).toBe('Changed into today’s wording:');
    expect(await readWithout('ins')).toBe('Private IP address %s is already in use.');
    expect(await readWithout('del')).toBe('The private IP address %s is already used by another port.');
    expect(await page.locator('p.lifecycle').count()).toBe(0);
  });

  test('the retired code has its own page, marked retired with the date it was last published', async () => {
    await open('/ecs/ecs-0910/');
    expect(await text('h1')).toBe('Ecs.0910');
    expect(await text('p.lifecycle.lifecycle-retired')).toMatch(/^Retired: last published 2022-07-15\. /);
    expect(await text('section.variant p.message')).toBe('The image %s is no longer supported.');
    expect(await text('#http-400 .variant-dates')).toBe('published 2022-03-28 to 2022-07-15');
  });

  test('the retired code is found by the search dialog from words of its message', async () => {
    await open('/');
    await page.locator('button[data-open-search]').first().click();
    // "cirros" is on no page: the dialog says no page has every word, and lists the closest first.
    await page.locator('#site-search-input').fill('image cirros is no longer supported');
    await expect
      .poll(() => page.locator('.search-status').innerText(), { timeout: 10_000 })
      .toMatch(/result|closest matches/);
    const first = page.locator('.search-results a').first();
    expect(new URL((await first.getAttribute('href'))!, site.url()).pathname).toBe('/ecs/ecs-0910/');
    await Promise.all([page.waitForURL((url) => url.pathname === '/ecs/ecs-0910/'), first.click()]);
    expect(await text('h1')).toBe('Ecs.0910');
  });

  test('the added code says since when the table lists it', async () => {
    await open('/ecs/ecs-0066/');
    expect(await text('p.lifecycle.lifecycle-added')).toMatch(/^New since 2022-07-15[:.]/);
    expect(await text('#http-400 .variant-dates')).toBe('published 2022-07-15 to 2023-02-21');
  });
});

describe('/ecs/changes/', () => {
  test('lists each version newest first with what it added, removed and reworded, and every link opens that code', async () => {
    await open('/ecs/changes/');
    expect(await page.locator('section.version-change h2').evaluateAll((hs) => hs.map((h) => h.id))).toEqual([
      'v-2023-02-21',
      'v-2022-07-15',
    ]);
    const section = (date: string) =>
      page.locator('section.version-change').filter({ has: page.locator(`h2#v-${date}`) });
    const links = (date: string, selector: string) =>
      section(date)
        .locator(selector)
        .evaluateAll((as) => as.map((a) => [a.textContent!.trim(), new URL((a as HTMLAnchorElement).href).pathname]));

    expect(await section('2022-07-15').locator('.version-summary').innerText()).toBe(
      'Against 2022-03-28: 1 added, 0 removed, 1 reworded.',
    );
    expect(await links('2022-07-15', 'ul.chip-list a')).toEqual([['Ecs.0066', '/ecs/ecs-0066/']]);
    expect(await links('2022-07-15', 'ul.reworded-list a')).toEqual([['Ecs.0010', '/ecs/ecs-0010/']]);
    expect(await section('2022-07-15').locator('ul.reworded-list del').allInnerTexts()).toContain('in use');

    expect(await section('2023-02-21').locator('.version-summary').innerText()).toBe(
      'Against 2022-07-15: 0 added, 1 removed, 1 reworded.',
    );
    expect(await links('2023-02-21', 'ul.chip-list a')).toEqual([['Ecs.0910', '/ecs/ecs-0910/']]);
    expect(await links('2023-02-21', 'ul.reworded-list a')).toEqual([['Ecs.0005', '/ecs/ecs-0005/']]);
    expect(await section('2023-02-21').locator('ul.reworded-list del').allInnerTexts()).toEqual(['400']);
    expect(await section('2023-02-21').locator('ul.reworded-list ins').allInnerTexts()).toEqual(['404']);

    for (const code of ['Ecs.0066', 'Ecs.0010', 'Ecs.0910', 'Ecs.0005']) {
      await page.goto(site.url('/ecs/changes/'));
      await Promise.all([
        page.waitForURL((url) => url.pathname !== '/ecs/changes/'),
        page.locator('section.version-change a', { hasText: code }).click(),
      ]);
      expect(await text('h1'), code).toBe(code);
    }
  });

  test('names the service’s change feed, whose entries are its versions, newest first, each at its section here', async () => {
    await open('/ecs/changes/');
    const link = page.locator('head link[rel="alternate"][type="application/atom+xml"]');
    expect(await link.count()).toBe(1);
    expect(await link.getAttribute('href')).toBe('/ecs/changes.xml');
    const entries = await page.evaluate(async (href) => {
      const xml = new DOMParser().parseFromString(await (await fetch(href)).text(), 'application/xml');
      return [...xml.getElementsByTagNameNS('http://www.w3.org/2005/Atom', 'entry')].map((entry) => {
        const child = (name: string) => entry.getElementsByTagNameNS('http://www.w3.org/2005/Atom', name)[0];
        return [child('title').textContent, new URL(child('link').getAttribute('href')!).hash];
      });
    }, '/ecs/changes.xml');
    expect(entries).toEqual([
      ['ECS error codes, 2023-02-21: 0 added, 1 retired, 1 reworded', '#v-2023-02-21'],
      ['ECS error codes, 2022-07-15: 1 added, 0 retired, 1 reworded', '#v-2022-07-15'],
      ['ECS error codes, 2022-03-28: 6 codes', ''],
    ]);
    for (const [, hash] of entries.slice(0, 2)) expect(await page.locator(hash!).count(), hash!).toBe(1);
  });

  test('is in the sidebar as "What changed"', async () => {
    await open('/ecs/ecs-0001/');
    const link = page.locator('nav.sidebar a', { hasText: 'What changed' });
    expect(new URL((await link.getAttribute('href'))!, site.url()).pathname).toBe('/ecs/changes/');
  });
});

describe('lookup of old and new wordings', () => {
  test('the old wording of Ecs.0010 lands on its earlier wording, with the filled value shown there', async () => {
    expect(await land(lookup({ message: 'Private IP address 10.0.0.1 is already in use.' }))).toEqual({
      page: '/ecs/ecs-0010/#v1',
      values: ['10.0.0.1'],
    });
    const filled = page.locator('section.earlier p.filled-values');
    await expect.poll(() => filled.isVisible()).toBe(true);
    expect(await filled.innerText()).toBe('Your error: Private IP address 10.0.0.1 is already in use.');
    expect(await filled.locator('mark.filled').innerText()).toBe('10.0.0.1');
    expect(await page.locator('section.variant p.filled-values').isHidden()).toBe(true);
  });

  test('the new wording of Ecs.0010 lands on today’s row, with the filled value shown there', async () => {
    const message = 'The private IP address 10.0.0.1 is already used by another port.';
    expect(await land(lookup({ message }))).toEqual({ page: '/ecs/ecs-0010/#http-400', values: ['10.0.0.1'] });
    const filled = page.locator('section.variant p.filled-values');
    await expect.poll(() => filled.isVisible()).toBe(true);
    expect(await filled.innerText()).toBe(`Your error: ${message}`);
  });

  test('a message two codes share, without a code, shows the chooser', async () => {
    await open(lookup({ message: 'Failed to create volume vol-1 because quota exceeded.' }));
    const status = page.locator('.lookup-status');
    await expect.poll(() => status.innerText(), { timeout: 10_000 }).not.toBe('');
    expect(await status.innerText()).toBe('2 codes match equally. Choose one:');
    expect(new URL(page.url()).pathname).toBe('/lookup/');
    expect((await page.locator('.lookup-results a.search-hit code').allInnerTexts()).sort()).toEqual([
      'Ecs.0202',
      'Ecs.0203',
    ]);
  });

  test('the same message with the code in the text goes straight to that code', async () => {
    const landed = await land(lookup({ q: 'Ecs.0203 Failed to create volume vol-1 because quota exceeded.' }));
    expect(landed).toEqual({ page: '/ecs/ecs-0203/#http-400', values: ['vol-1', 'quota exceeded'] });
    expect(await text('h1')).toBe('Ecs.0203');
  });
});

describe('the built JSON export', () => {
  const readJson = (file: string) => JSON.parse(readFileSync(path.join(site.dist(), file), 'utf8'));

  test('errors.json has the versions, the changes and each code’s history, valid against its schema', () => {
    const document = readJson('ecs/errors.json');
    expect(validateJson(document, readJson('schemas/errors.schema.json') as JsonSchema)).toEqual([]);
    expect(document.versions).toEqual(['2022-03-28', '2022-07-15', '2023-02-21']);
    expect(document.changes.map((c: { date: string }) => c.date)).toEqual(['2022-07-15', '2023-02-21']);
    const json = (code: string) => document.codes.find((c: { code: string }) => c.code === code).json;
    const shard = readJson(new URL(json('Ecs.0010')).pathname);
    expect(validateJson(shard, readJson('schemas/errors-shard.schema.json') as JsonSchema)).toEqual([]);
    const single = resolveJsonUrl(json('Ecs.0010'), readJson) as { history: { wordings: [] } };
    expect(
      single.history.wordings.map((w: { url: string; current: boolean }) => [new URL(w.url).hash, w.current]),
    ).toEqual([
      ['#http-400', true],
      ['#v1', false],
    ]);
    expect((resolveJsonUrl(json('Ecs.0910'), readJson) as { history: unknown }).history).toMatchObject({
      retired: true,
      lastPublished: '2022-07-15',
    });
  });
});
