import type { Page } from 'playwright-core';
import { afterEach, describe, expect, test } from 'vitest';
import { useBuiltSite } from '../support/site.ts';

const site = useBuiltSite();
let page: Page | undefined;

afterEach(async () => {
  await page?.close();
  page = undefined;
});

/** Opens a site path in a fresh page; nothing is clicked from here on. */
async function open(path: string): Promise<Page> {
  page = await site.newPage();
  await page.goto(site.url(path), { waitUntil: 'load' });
  return page;
}

/** The focused element as a short description, for failure messages. */
function describeFocus(p: Page): Promise<string> {
  return p.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return '(nothing)';
    const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
    return `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className ? `.${String(el.className).split(' ').join('.')}` : ''}> ${text}`;
  });
}

/** Presses Tab until the focused element matches `selector`; fails with the path taken if it never does. */
async function tabTo(p: Page, selector: string, maxPresses = 40): Promise<number> {
  const visited: string[] = [];
  for (let presses = 1; presses <= maxPresses; presses++) {
    await p.keyboard.press('Tab');
    if (await p.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return presses;
    visited.push(await describeFocus(p));
  }
  throw new Error(`${maxPresses} presses of Tab never reached ${selector}; focus went:\n  ${visited.join('\n  ')}`);
}

/**
 * How the focused element shows focus: its computed outline, or its box-shadow, or `none` when it has
 * neither. Read while the element has focus, so `:focus-visible` styles apply.
 */
function focusIndicator(p: Page): Promise<string> {
  return p.evaluate(() => {
    const el = document.activeElement;
    if (!el) return 'none';
    const style = getComputedStyle(el);
    if (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0)
      return `outline ${style.outlineStyle} ${style.outlineWidth}`;
    if (style.boxShadow !== 'none') return `box-shadow ${style.boxShadow}`;
    return 'none';
  });
}

const dialog = (p: Page) => p.locator('dialog.search-dialog');
const searchStatus = (p: Page) => p.locator('.search-status');

/** Types a query into the focused search box and waits until the dialog reports results. */
async function typeQuery(p: Page, query: string): Promise<void> {
  await p.keyboard.type(query);
  await expect.poll(() => searchStatus(p).innerText(), { timeout: 10_000 }).toMatch(/\d+ results?/);
}

describe('the search dialog by keyboard', () => {
  test('Ctrl+K opens it with focus in the search box, which shows focus', async () => {
    const p = await open('/ecs/ecs-0010/');
    await p.keyboard.press('Control+k');
    await expect.poll(() => dialog(p).isVisible()).toBe(true);
    expect(await p.evaluate(() => document.activeElement?.id)).toBe('site-search-input');
    expect(await focusIndicator(p)).not.toBe('none');
  });

  test('Tab reaches the Search button, which shows focus, and Enter opens the dialog', async () => {
    const p = await open('/ecs/ecs-0010/');
    await tabTo(p, 'button[data-open-search]');
    expect(await focusIndicator(p)).not.toBe('none');
    await p.keyboard.press('Enter');
    await expect.poll(() => dialog(p).isVisible()).toBe(true);
    expect(await p.evaluate(() => document.activeElement?.id)).toBe('site-search-input');
  });

  test('Tab from the search box reaches the first result, which shows focus, and Enter opens it', async () => {
    const p = await open('/');
    await p.keyboard.press('Control+k');
    await expect.poll(() => dialog(p).isVisible()).toBe(true);
    await typeQuery(p, 'already in use');
    const firstHref = await p.locator('.search-results a').first().getAttribute('href');
    // The Close button sits between the box and the results; two presses at most.
    await tabTo(p, '.search-results li:first-child > a', 2);
    expect(await focusIndicator(p)).not.toBe('none');
    const expected = new URL(firstHref!, site.url('/')).pathname;
    await Promise.all([p.waitForURL((url) => url.pathname === expected), p.keyboard.press('Enter')]);
    expect(new URL(p.url()).pathname).toBe('/ecs/ecs-0010/');
  });

  test('Escape closes it and focus returns to the Search button', async () => {
    const p = await open('/ecs/ecs-0010/');
    await tabTo(p, 'button[data-open-search]');
    await p.keyboard.press('Enter');
    await expect.poll(() => dialog(p).isVisible()).toBe(true);
    await p.keyboard.press('Escape');
    await expect.poll(() => dialog(p).isVisible()).toBe(false);
    expect(await p.evaluate(() => document.activeElement?.matches('button[data-open-search]') ?? false)).toBe(true);
  });
});

describe('the paste box by keyboard', () => {
  test('Tab reaches the box on the home page, which shows focus, and Enter looks the text up', async () => {
    const p = await open('/');
    await tabTo(p, '.paste-box textarea');
    expect(await focusIndicator(p)).not.toBe('none');
    await p.keyboard.type('Ecs.0010');
    await Promise.all([
      p.waitForURL((url) => url.pathname === '/ecs/ecs-0010/', { timeout: 10_000 }),
      p.keyboard.press('Enter'),
    ]);
    expect(await p.locator('h1').innerText()).toBe('Ecs.0010');
  });

  test('the Look up button shows focus too', async () => {
    const p = await open('/');
    await tabTo(p, '.paste-box button[type="submit"]');
    expect(await focusIndicator(p)).not.toBe('none');
  });
});

describe('copy buttons by keyboard', () => {
  test('Tab reaches a copy button, which shows focus, and Enter copies and says "Copied"', async () => {
    const p = await open('/ecs/ecs-0010/');
    await p
      .context()
      .grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(site.url('/')).origin });
    await tabTo(p, '.copy-button');
    expect(await focusIndicator(p)).not.toBe('none');
    const button = p.locator('.copy-button:focus');
    await p.keyboard.press('Enter');
    await expect.poll(() => button.locator('.copy-button-status').innerText()).toBe('Copied');
    const copied = await p.evaluate(() => navigator.clipboard.readText());
    expect(copied).not.toBe('');
  });
});

describe('the code-table filter by keyboard', () => {
  test('Tab reaches the filter on /ecs/all/, which shows focus, and typing filters the rows', async () => {
    const p = await open('/ecs/all/');
    const rows = p.locator('.code-table tbody tr');
    const total = await rows.count();
    await tabTo(p, '.code-filter input', 60);
    expect(await focusIndicator(p)).not.toBe('none');
    await p.keyboard.type('quota');
    const visible = p.locator('.code-table tbody tr:not([hidden])');
    await expect.poll(() => visible.count()).toBeLessThan(total);
    expect(await visible.count()).toBeGreaterThan(0);
    for (const text of await visible.allInnerTexts()) expect(text.toLowerCase()).toContain('quota');
    expect(await p.locator('.code-filter-count').innerText()).toBe(`${await visible.count()} of ${total} codes`);
  });
});

describe('the theme menu by keyboard', () => {
  test('Tab reaches the menu in the header, which shows focus, and an arrow key chooses a theme', async () => {
    const p = await open('/ecs/ecs-0010/');
    await tabTo(p, 'header starlight-theme-select select');
    expect(await focusIndicator(p)).not.toBe('none');
    // Dark, Light, Auto: from Auto, ArrowUp chooses Light.
    expect(
      await p.evaluate(() => document.activeElement instanceof HTMLSelectElement && document.activeElement.value),
    ).toBe('auto');
    await p.keyboard.press('ArrowUp');
    await expect.poll(() => p.evaluate(() => localStorage.getItem('starlight-theme'))).toBe('light');
    expect(await p.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
  });
});
