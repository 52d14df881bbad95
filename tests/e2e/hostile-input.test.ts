import type { Page, Response } from 'playwright-core';
import { afterEach, describe, expect, test } from 'vitest';
import { collectPageErrors } from '../../scripts/harness/browser.ts';
import { useBuiltSite } from '../support/site.ts';

const site = useBuiltSite();
let page: Page;
let errors: string[];
let opened = '';

/** Text a user might paste or a link might carry, and how it appears in a URL. */
interface Payload {
  name: string;
  /** What is typed or pasted. */
  text: string;
  /** The percent-encoded form put in a URL. */
  encoded: string;
}

const markup = (text: string, name: string): Payload => ({ name, text, encoded: encodeURIComponent(text) });
const big = '<img src=x onerror=alert(1)>"><script>alert(1)</script>'.repeat(4_000).slice(0, 200_000);
const payloads: Payload[] = [
  markup('<img src=x onerror=alert(1)>', 'an <img onerror>'),
  markup('"><script>alert(1)</script>', 'a quote that closes an attribute, then <script>'),
  markup('javascript:alert(1)', 'a javascript: URL'),
  markup('</textarea><svg onload=alert(1)>', 'a </textarea> then <svg onload>'),
  markup(big, 'a 200 KB string of markup'),
  {
    name: 'NUL and lone surrogates',
    text: 'nul \u0000 lone \ud800 high \udfff end',
    // %ED%A0%80 and %ED%BF%BF are UTF-8-style encodings of lone surrogates: invalid UTF-8. %uD800 is no escape at all.
    encoded: 'nul%20%00%20lone%20%ED%A0%80%20high%20%ED%BF%BF%20end%20%uD800',
  },
];

/** What a page reads from `?name=<encoded>`: the same WHATWG decoding the browser does. */
const decoded = (payload: Payload) => new URLSearchParams(`x=${payload.encoded}`).get('x')!;

/** Chromium reports a 404 document as a console error; on the 404 page that is expected, not a fault. */
const withoutDocument404 = (list: string[]) =>
  list.filter(
    (e) =>
      !e.startsWith(
        `console error: Failed to load resource: the server responded with a status of 404 (Not Found) (${opened}`,
      ),
  );

afterEach(async () => {
  // collectPageErrors records any dialog: an alert() here means injected markup ran.
  expect(withoutDocument404(errors)).toEqual([]);
  await page?.close();
});

/**
 * Opens a URL. The test server, like real hosts, refuses some URLs before any page loads (431 for a
 * 200 KB URL, 400 for %2F, %00 or bad UTF-8 in a path); such a request is answered here as a host
 * that accepts it would: the page at `standIn` (the query dropped, or an unknown path's 404 page).
 */
async function open(path: string, standIn?: string): Promise<Response | null> {
  page = await site.newPage();
  errors = collectPageErrors(page);
  opened = `${site.url('/')}${path.replace(/^\//, '')}`;
  if (standIn) {
    await page.route(
      (url) => url.href === opened,
      async (route) => route.fulfill({ response: await route.fetch({ url: site.url(standIn) }) }),
    );
  }
  return page.goto(opened, { waitUntil: 'load' });
}

/** Opens a page with a hostile query; a URL too long for the test server is served without its query. */
function openWithQuery(pathname: string, query: string): Promise<Response | null> {
  const path = `${pathname}?${query}`;
  return open(path, path.length > 8_000 ? pathname : undefined);
}

/** Markup that must never appear where results are shown, and any handler attribute or javascript: link anywhere. */
async function injectedElements(): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    for (const container of document.querySelectorAll('.lookup-results, .search-results, .paste-box-results')) {
      for (const el of container.querySelectorAll('img, script, svg, iframe, object, embed, textarea'))
        found.push(el.outerHTML.slice(0, 80));
    }
    for (const el of document.querySelectorAll('*')) {
      if ([...el.attributes].some((a) => /^on/i.test(a.name))) found.push(el.outerHTML.slice(0, 80));
    }
    for (const a of document.querySelectorAll('a[href]')) {
      if (/^\s*javascript:/i.test(a.getAttribute('href')!)) found.push(a.outerHTML.slice(0, 80));
    }
    return found;
  });
}

/** Waits for a status line to say something, and returns it. */
async function answered(selector: string): Promise<string> {
  const status = page.locator(selector).first();
  await expect.poll(() => status.innerText(), { timeout: 15_000 }).not.toBe('');
  return status.innerText();
}

const pathOf = () => new URL(page.url()).pathname;

/**
 * Pastes text into a field as the browser does: the text replaces the value and an `insertFromPaste`
 * input event follows. The text is built inside the page from JSON escapes, because Playwright's
 * transport would turn lone surrogates into U+FFFD on the way.
 */
async function paste(selector: string, text: string): Promise<void> {
  await page.locator(selector).focus();
  await page.evaluate(`{
    const el = document.querySelector(${JSON.stringify(selector)});
    el.value = ${JSON.stringify(text)};
    el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
  }`);
}

/** Whether a field holds exactly `text`, compared inside the page (see {@link paste}). */
function holds(selector: string, text: string): Promise<boolean> {
  return page.evaluate(`document.querySelector(${JSON.stringify(selector)}).value === ${JSON.stringify(text)}`);
}

/** The search dialog's status: a count, the closest matches, or "No results for" the query as text. */
async function expectSearchAnswer(query: string): Promise<void> {
  await expect.poll(() => page.locator('dialog.search-dialog').isVisible()).toBe(true);
  const noResults = `No results for “${query.trim().slice(0, 80)}”`;
  // Typed key by key, the status answers each prefix in turn: wait for the answer to the whole query, not
  // the first one that appears (a prefix's "No results for" can still be showing when typing ends).
  await expect
    .poll(
      async () => {
        const status = await page.locator('.search-status').first().innerText();
        return /^\d+ results?$/.test(status) ||
          status === 'No page has every word; closest matches:' ||
          status === noResults
          ? 'answered'
          : status;
      },
      { timeout: 15_000 },
    )
    .toBe('answered');
}

for (const payload of payloads) {
  describe(`hostile input: ${payload.name}`, () => {
    for (const field of ['message', 'code', 'q'] as const) {
      test(`/lookup/?${field}= shows it as text and answers calmly`, async () => {
        await openWithQuery('/lookup/', `${field}=${payload.encoded}`);
        const status = await answered('.lookup-status');
        expect(status).toMatch(/^(Nothing matches this text|No message template matches this text)/);
        expect(pathOf()).toBe('/lookup/');
        expect(await page.locator('[data-paste-box] textarea').inputValue()).toBe(
          decoded(payload).slice(0, 100_000).trim(),
        );
        expect(await injectedElements()).toEqual([]);
      });
    }

    test('/lookup/?status= is ignored: the page waits for input', async () => {
      await openWithQuery('/lookup/', `status=${payload.encoded}`);
      await page.waitForLoadState('networkidle');
      expect(pathOf()).toBe('/lookup/');
      expect(await page.locator('.lookup-status').count()).toBe(1);
      expect(await page.locator('.lookup-status').innerText()).toBe('');
      expect(await page.locator('.lookup-results').innerText()).toBe('');
      expect(await injectedElements()).toEqual([]);
    });

    for (const pathname of ['/search/', '/']) {
      test(`${pathname}?q= puts it in the search box as text`, async () => {
        await openWithQuery(pathname, `q=${payload.encoded}`);
        await expectSearchAnswer(decoded(payload));
        expect(await page.locator('#site-search-input').inputValue()).toBe(decoded(payload));
        expect(await injectedElements()).toEqual([]);
      });
    }

    test('as a path, it gets the 404 page, which stays put', async () => {
      const response = await open(`/${payload.encoded}/`, '/no-such-page/');
      expect(response?.status()).toBe(404);
      await page.waitForLoadState('networkidle');
      expect(await page.locator('h1').innerText()).toBe('Page not found');
      expect(await answered('.not-found-status')).toMatch(/^There is no page/);
      expect(await injectedElements()).toEqual([]);
    });

    test('pasted into the home paste box, it is answered as text', async () => {
      await open('/');
      const box = 'form[data-paste-box] textarea';
      await paste(box, payload.text);
      const status = await answered('.paste-box-status');
      expect(status).toMatch(/^(Nothing matches this text|No message template matches this text)/);
      expect(pathOf()).toBe('/');
      expect(await holds(box, payload.text)).toBe(true);
      expect(await injectedElements()).toEqual([]);
    });

    const typeable =
      payload.text.length < 100 && payload.text === payload.text.toWellFormed() && !payload.text.includes('\u0000');
    if (typeable) {
      test('typed into the home paste box key by key, it is answered as text', async () => {
        await open('/');
        await page.locator('form[data-paste-box] textarea').click();
        await page.keyboard.type(payload.text);
        expect(await answered('.paste-box-status')).toMatch(
          /^(Nothing matches this text|No message template matches this text)/,
        );
        expect(await page.locator('form[data-paste-box] textarea').inputValue()).toBe(payload.text);
        expect(pathOf()).toBe('/');
        expect(await injectedElements()).toEqual([]);
      });

      test('typed into the search dialog key by key, it is answered as text', async () => {
        await open('/');
        await page.locator('button[data-open-search]').first().click();
        await expect
          .poll(() => page.locator('#site-search-input').evaluate((el) => el === document.activeElement))
          .toBe(true);
        await page.keyboard.type(payload.text);
        expect(await page.locator('#site-search-input').inputValue()).toBe(payload.text);
        await expectSearchAnswer(payload.text);
        expect(await injectedElements()).toEqual([]);
      });
    }

    test('pasted into the search dialog, it is answered as text', async () => {
      await open('/');
      await page.locator('button[data-open-search]').first().click();
      await expect.poll(() => page.locator('dialog.search-dialog').isVisible()).toBe(true);
      await paste('#site-search-input', payload.text);
      expect(await holds('#site-search-input', payload.text)).toBe(true);
      await expectSearchAnswer(await page.locator('#site-search-input').inputValue());
      expect(await injectedElements()).toEqual([]);
    });
  });
}
