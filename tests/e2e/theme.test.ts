/**
 * The theme menu as a reader uses it: in the header on a desktop, in the mobile menu's footer on a phone. A choice
 * changes the theme at once, is remembered for the next page and applies before that page's first paint, both menus
 * show it, and the menu's icon (drawn by CSS, src/styles/site.css) shows it too.
 */
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, test } from 'vitest';
import { collectPageErrors, type PageOptions } from '../../scripts/harness/browser.ts';
import { useBuiltSite } from '../support/site.ts';

const site = useBuiltSite();
let page: Page | undefined;
let errors: string[] = [];

afterEach(async () => {
  expect(errors).toEqual([]);
  await page?.close();
  page = undefined;
});

/**
 * Opens a path with nothing remembered yet, in the system colour scheme of `options`. The page records, in its first
 * animation frame (before it is first painted), the theme it was about to paint: `window.themeAtFirstFrame`.
 */
async function open(path: string, options: PageOptions = {}): Promise<Page> {
  page = await site.newPage(options);
  errors = collectPageErrors(page);
  await page.addInitScript(() => {
    requestAnimationFrame(() => {
      (window as unknown as { themeAtFirstFrame?: string }).themeAtFirstFrame = document.documentElement.dataset.theme;
    });
  });
  await page.goto(site.url(path), { waitUntil: 'load' });
  return page;
}

const HEADER_MENU = 'header starlight-theme-select';
const FOOTER_MENU = '.mobile-preferences starlight-theme-select';

/** What the page shows and remembers: its theme, what is stored, and each menu's choice and icon. */
function readTheme(p: Page) {
  return p.evaluate(
    ([header, footer]) => {
      const menu = (selector: string) => {
        const picker = document.querySelector<HTMLElement>(selector);
        const label = picker?.querySelector('label');
        return {
          value: picker?.querySelector('select')?.value,
          icon: label ? getComputedStyle(label, '::before').maskImage : undefined,
        };
      };
      return {
        theme: document.documentElement.dataset.theme,
        themeAtFirstFrame: (window as unknown as { themeAtFirstFrame?: string }).themeAtFirstFrame,
        stored: localStorage.getItem('starlight-theme'),
        header: menu(header),
        footer: menu(footer),
      };
    },
    [HEADER_MENU, FOOTER_MENU],
  );
}

describe('the theme menu in the header', () => {
  test('shows Auto with its icon and the system colour scheme when nothing is remembered', async () => {
    const p = await open('/ecs/ecs-0010/', { colorScheme: 'light' });
    const shown = await readTheme(p);
    expect(shown).toMatchObject({ theme: 'light', themeAtFirstFrame: 'light', header: { value: 'auto' } });
    expect(shown.header.icon).toMatch(/^url\("data:image\/svg\+xml,/);
    expect(shown.footer).toEqual(shown.header);
  });

  test('Dark turns the page dark at once, and the next page is dark from its first frame, in both menus', async () => {
    const p = await open('/ecs/ecs-0010/', { colorScheme: 'light' });
    const auto = await readTheme(p);
    await p.locator(`${HEADER_MENU} select`).selectOption('dark');
    const dark = await readTheme(p);
    expect(dark).toMatchObject({ theme: 'dark', stored: 'dark', header: { value: 'dark' }, footer: { value: 'dark' } });
    expect(dark.header.icon).not.toBe(auto.header.icon);
    expect(dark.footer.icon).toBe(dark.header.icon);

    await p.reload({ waitUntil: 'load' });
    expect(await readTheme(p)).toEqual({ ...dark, themeAtFirstFrame: 'dark' });
    await p.goto(site.url('/ecs/'), { waitUntil: 'load' });
    expect(await readTheme(p)).toEqual({ ...dark, themeAtFirstFrame: 'dark' });
  });

  test('each choice has its own icon, the same in both menus', async () => {
    const p = await open('/ecs/ecs-0010/', { colorScheme: 'dark' });
    const icons = new Map<string, string | undefined>();
    for (const choice of ['light', 'dark', 'auto']) {
      await p.locator(`${HEADER_MENU} select`).selectOption(choice);
      const shown = await readTheme(p);
      expect(shown.footer, choice).toEqual(shown.header);
      icons.set(choice, shown.header.icon);
    }
    expect(new Set(icons.values()).size, JSON.stringify([...icons])).toBe(3);
  });

  test('Auto follows the system colour scheme as it changes, and is remembered as Starlight remembers it', async () => {
    const p = await open('/ecs/ecs-0010/', { colorScheme: 'dark' });
    await p.locator(`${HEADER_MENU} select`).selectOption('light');
    await p.locator(`${HEADER_MENU} select`).selectOption('auto');
    expect(await readTheme(p)).toMatchObject({ theme: 'dark', stored: '', header: { value: 'auto' } });
    await p.emulateMedia({ colorScheme: 'light' });
    await expect.poll(async () => (await readTheme(p)).theme).toBe('light');
    await p.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(async () => (await readTheme(p)).theme).toBe('dark');
  });

  test('a light choice stays light whatever the system prefers', async () => {
    const p = await open('/ecs/ecs-0010/', { colorScheme: 'dark' });
    await p.locator(`${HEADER_MENU} select`).selectOption('light');
    await p.emulateMedia({ colorScheme: 'light' });
    await p.emulateMedia({ colorScheme: 'dark' });
    expect(await readTheme(p)).toMatchObject({ theme: 'light', stored: 'light' });
  });
});

describe('the theme menu on a phone', () => {
  test("is in the mobile menu's footer; Light there turns the page light and the header's menu shows it", async () => {
    const p = await open('/ecs/ecs-0010/', { colorScheme: 'dark', width: 390, height: 844 });
    expect(await p.locator(`${HEADER_MENU} select`).isVisible()).toBe(false);
    await p.locator('button.sl-menu-button').click();
    const select = p.locator(`${FOOTER_MENU} select`);
    await select.waitFor({ state: 'visible' });
    expect(await readTheme(p)).toMatchObject({ theme: 'dark', footer: { value: 'auto' } });
    await select.selectOption('light');
    const light = await readTheme(p);
    expect(light).toMatchObject({ theme: 'light', stored: 'light', footer: { value: 'light' } });
    expect(light.header).toEqual(light.footer);
    await p.reload({ waitUntil: 'load' });
    expect(await readTheme(p)).toEqual({ ...light, themeAtFirstFrame: 'light' });
  });
});
