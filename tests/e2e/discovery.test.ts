/**
 * What Chromium finds on `npm start`'s server (astro preview) besides the pages: the OpenSearch description the
 * home page names, served as XML, whose search template leads to the code a search names; and each page's
 * change feed.
 */
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, test } from 'vitest';
import { collectPageErrors } from '../../scripts/harness/browser.ts';
import { useBuiltSite } from '../support/site.ts';

const site = useBuiltSite('preview');
let page: Page | undefined;
let errors: string[] = [];

afterEach(async () => {
  expect(errors).toEqual([]);
  await page?.close();
  [page, errors] = [undefined, []];
});

/** Opens a site path in a fresh page, recording errors. */
async function open(path: string): Promise<Page> {
  page = await site.newPage();
  errors = collectPageErrors(page);
  await page.goto(site.url(path), { waitUntil: 'load' });
  return page;
}

/**
 * Fetches a file from the page, as the browser fetches what a `<link>` names, and reads it with the browser's own
 * XML parser: its content type, and its root element's namespace and name (or the parser's error).
 */
function fetchXml(on: Page, href: string) {
  return on.evaluate(async (url) => {
    const response = await fetch(url);
    const document = new DOMParser().parseFromString(await response.text(), 'application/xml');
    const error = document.querySelector('parsererror');
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      root: error
        ? `parser error: ${error.textContent}`
        : `${document.documentElement.namespaceURI} ${document.documentElement.localName}`,
      template: document.querySelector('Url[type="text/html"]')?.getAttribute('template') ?? null,
      entries: document.getElementsByTagNameNS('http://www.w3.org/2005/Atom', 'entry').length,
    };
  }, href);
}

describe('the OpenSearch description', () => {
  test('the home page names it in its head, and the server sends it as XML the browser reads', async () => {
    const home = await open('/');
    const link = home.locator('head link[rel="search"]');
    expect(await link.count()).toBe(1);
    expect(await link.getAttribute('type')).toBe('application/opensearchdescription+xml');
    expect(await link.getAttribute('title')).toBe('Cloud API Error Codes');
    const href = (await link.getAttribute('href'))!;
    expect(href).toBe('/opensearch.xml');
    const file = await fetchXml(home, href);
    expect(file).toMatchObject({ status: 200, root: 'http://a9.com/-/spec/opensearch/1.1/ OpenSearchDescription' });
    expect(file.type).toMatch(/^(application|text)\/(opensearchdescription\+)?xml\b/);
    expect(file.template).toBe('https://error-codes.example.org/lookup/?q={searchTerms}');
  });

  test('its search template with Ecs.0010 as the search terms opens the page of Ecs.0010', async () => {
    const home = await open('/');
    const { template } = await fetchXml(home, '/opensearch.xml');
    // The template names the published site; the same path on this server.
    const search = new URL(template!.replace('{searchTerms}', encodeURIComponent('Ecs.0010')));
    await home.goto(site.url(`${search.pathname}${search.search}`));
    await home.waitForURL((url) => url.pathname === '/ecs/ecs-0010/', { timeout: 10_000 });
    expect(await home.locator('h1').innerText()).toBe('Ecs.0010');
  });
});

describe('the change feeds', () => {
  for (const [path, feed] of [
    ['/ecs/ecs-0010/', '/ecs/changes.xml'],
    ['/', '/changes.xml'],
  ] as const) {
    test(`${path} names ${feed}, which the server sends as an Atom feed the browser reads`, async () => {
      const opened = await open(path);
      const link = opened.locator('head link[rel="alternate"][type="application/atom+xml"]');
      expect(await link.count()).toBe(1);
      expect(await link.getAttribute('href')).toBe(feed);
      const file = await fetchXml(opened, feed);
      expect(file).toMatchObject({ status: 200, root: 'http://www.w3.org/2005/Atom feed', entries: 1 });
      expect(file.type).toMatch(/^(application|text)\/(atom\+)?xml\b/);
    });
  }
});
