import type { Page } from 'playwright-core';
import { afterEach, describe, expect, test } from 'vitest';
import { collectPageErrors } from '../../scripts/harness/browser.ts';
import { useFixtureSite } from '../support/fixture-site.ts';
import { askDialog } from '../../scripts/harness/search-runner.ts';

// The site built from tests/fixtures/search-scope/content, in Chromium: three small services that share words.
// CMP and NET have several codes that say "quota" many times; DSK has one that says it once, so on Pagefind's
// score alone DSK's quota page would come after five pages of the others.
const site = useFixtureSite('tests/fixtures/search-scope/content');
let page: Page | undefined;
let errors: string[] = [];

afterEach(async () => {
  expect(errors).toEqual([]);
  if (page && !page.isClosed()) await page.close();
  [page, errors] = [undefined, []];
});

/** A section of page results as the dialog shows it: its heading, its service, and its pages with the service each names. */
interface ShownSection {
  title: string;
  service: string | null;
  pages: { path: string; service: string }[];
}

/** Opens a site path, searches for a query in the dialog, and reads the page results by section. */
async function searchOn(path: string, query: string): Promise<ShownSection[]> {
  page = await site.newPage();
  errors = collectPageErrors(page);
  await page.goto(site.url(path));
  await askDialog(page, query);
  return page.$$eval('.search-results section.search-pages', (sections) =>
    sections.map((s) => ({
      title: s.querySelector('h3')?.textContent ?? '',
      service: (s as HTMLElement).dataset.service ?? null,
      pages: [...s.querySelectorAll<HTMLAnchorElement>('a.search-page')].map((a) => ({
        path: a.pathname,
        service: a.querySelector('.search-page-service')?.textContent ?? '',
      })),
    })),
  );
}

const serviceOf = (path: string) => path.split('/')[1];

describe('search opened on a service’s pages', () => {
  test('on /dsk/, "quota" lists the DSK pages first, then the other services’ under their own heading', async () => {
    const sections = await searchOn('/dsk/', 'quota');
    expect(sections.map((s) => s.title)).toEqual(['DSK · Disk Service', 'Other services']);
    expect(sections[0].service).toBe('dsk');
    expect(sections[0].pages[0].path).toMatch(/^\/dsk\//);
    expect(sections[0].pages.map((p) => p.path)).toContain('/dsk/dsk-0002/');
    expect(sections[0].pages.every((p) => serviceOf(p.path) === 'dsk')).toBe(true);
    expect(sections[1].pages.length).toBeGreaterThan(0);
    expect(sections[1].pages.every((p) => serviceOf(p.path) !== 'dsk')).toBe(true);
  });

  test('on a code page of DSK, "quota exceeded" puts DSK’s code first', async () => {
    const sections = await searchOn('/dsk/dsk-0003/', 'quota exceeded');
    expect(sections[0].pages[0].path).toBe('/dsk/dsk-0002/');
    expect(sections.at(-1)!.title).toBe('Other services');
  });

  test('every page result names its service by its short name', async () => {
    const sections = await searchOn('/dsk/', 'quota');
    const shown = sections.flatMap((s) => s.pages);
    expect(shown.length).toBeGreaterThan(2);
    for (const { path, service } of shown) expect(service).toBe(serviceOf(path).toUpperCase());
  });

  test('a query that names a service puts that service first, before the one the dialog is opened on', async () => {
    const sections = await searchOn('/dsk/', 'net quota');
    expect(sections[0].service).toBe('net');
    expect(sections[0].pages.every((p) => serviceOf(p.path) === 'net')).toBe(true);
    expect(sections[1].title).toBe('Other services');
  });
});

describe('search opened outside the services', () => {
  test('on /, "quota" groups the pages by service, each under its name, in the order of its best page', async () => {
    const sections = await searchOn('/', 'quota');
    expect(sections.length).toBeGreaterThan(1);
    const names: Record<string, string> = {
      cmp: 'CMP · Compute Service',
      dsk: 'DSK · Disk Service',
      net: 'NET · Network Service',
    };
    for (const section of sections) {
      expect(section.title).toBe(names[section.service!]);
      expect(section.pages.every((p) => serviceOf(p.path) === section.service)).toBe(true);
    }
    expect(new Set(sections.map((s) => s.service)).size).toBe(sections.length);
  });

  test('on /, a query that names a service lists its pages first', async () => {
    const sections = await searchOn('/', 'dsk quota');
    expect(sections[0].service).toBe('dsk');
    expect(sections[0].pages[0].path).toBe('/dsk/dsk-0002/');
  });
});
