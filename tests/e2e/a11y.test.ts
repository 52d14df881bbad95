import AxeBuilder from '@axe-core/playwright';
import type { Result } from 'axe-core';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, test } from 'vitest';
import { useBuiltSite } from '../support/site.ts';

const site = useBuiltSite();
const THEMES = ['light', 'dark'] as const;
type Theme = (typeof THEMES)[number];

/** A page to check: where it is, and what to wait for before axe runs (async content, an open dialog). */
interface Case {
  name: string;
  path: string;
  ready?: (page: Page) => Promise<void>;
}

/** Waits until a live status line has been filled in by the page's script. */
const statusFilled = (selector: string) => async (page: Page) => {
  await expect.poll(() => page.locator(selector).innerText(), { timeout: 10_000 }).not.toBe('');
};

const CASES: Case[] = [
  { name: 'home page', path: '/' },
  { name: 'code page Ecs.0010', path: '/ecs/ecs-0010/' },
  { name: 'code page Ecs.1000', path: '/ecs/ecs-1000/' },
  { name: 'all codes', path: '/ecs/all/' },
  { name: 'status category', path: '/ecs/status/404/' },
  { name: 'prefix category', path: '/ecs/prefix/common/' },
  { name: 'family category', path: '/ecs/family/02xx/' },
  { name: 'topic category', path: '/ecs/topic/network/' },
  { name: 'service page', path: '/ecs/' },
  {
    name: 'lookup chooser (a message two codes share)',
    path: `/lookup/?q=${encodeURIComponent('Failed to create volume v1 because no quota.')}`,
    ready: async (page) => {
      await statusFilled('.lookup-status')(page);
      await page.locator('.lookup-results a').first().waitFor();
    },
  },
  { name: 'lookup of an unknown code', path: '/lookup/?code=Ecs.9999', ready: statusFilled('.lookup-status') },
  {
    name: '404 page',
    path: '/nothing-here/',
    ready: async (page) => {
      await page.waitForLoadState('networkidle');
    },
  },
  {
    name: 'search dialog with results',
    path: '/ecs/ecs-0010/',
    ready: async (page) => {
      await page.keyboard.press('Control+k');
      await page.locator('#site-search-input').fill('already in use');
      await expect.poll(() => page.locator('.search-status').innerText(), { timeout: 10_000 }).toMatch(/result/);
      await page.locator('.search-results a').first().waitFor();
    },
  },
];

let page: Page | undefined;
afterEach(async () => {
  await page?.close();
  page = undefined;
});

/** Opens a path with Starlight's stored theme set before any script runs, so the page paints in it. */
async function openInTheme(path: string, theme: Theme): Promise<Page> {
  const opened = await site.newPage({ colorScheme: theme });
  await opened.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
  await opened.goto(site.url(path), { waitUntil: 'load' });
  return opened;
}

/** One readable block per violation: rule id, impact, what to do, and up to five offending elements. */
function describeViolation(v: Result): string {
  const shown = v.nodes.slice(0, 5).map((n) => {
    const summary = (n.failureSummary ?? '').split('\n').slice(1, 2).join('').trim();
    return `    at ${JSON.stringify(n.target)}${summary ? ` — ${summary}` : ''}`;
  });
  const more = v.nodes.length > 5 ? [`    ...and ${v.nodes.length - 5} more`] : [];
  return [`${v.id} [${v.impact}]: ${v.help} (${v.helpUrl})`, ...shown, ...more].join('\n');
}

describe('no serious or critical axe-core violation', () => {
  for (const theme of THEMES) {
    for (const c of CASES) {
      test(`${c.name} (${c.path}) in the ${theme} theme`, async () => {
        page = await openInTheme(c.path, theme);
        expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
        await c.ready?.(page);
        const { violations } = await new AxeBuilder({ page }).options({ resultTypes: ['violations'] }).analyze();
        const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
        expect(serious.map(describeViolation).join('\n'), `axe-core on ${c.path} (${theme})`).toBe('');
      });
    }
  }
});
