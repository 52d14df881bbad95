/** Starting Debian's Chromium through playwright-core, and watching a page for errors and policy violations. */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_MISSING_MESSAGE, findChromium } from '../ensure-chromium.ts';

/** Flags for a headless Chromium in a container: no sandbox, GPU, updates or background traffic. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Options for {@link newPage}; the viewport defaults to a 1280x800 desktop, the colour scheme to light. */
export interface PageOptions {
  colorScheme?: 'light' | 'dark';
  width?: number;
  height?: number;
}

/** Launches headless Chromium from `findChromium()`, or throws how to install it. */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(CHROMIUM_MISSING_MESSAGE);
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS });
}

/**
 * Opens a page in its own fresh context (no shared storage); closing the page closes the context. The context is
 * made explicitly, not by `browser.newPage`, so a helper may open a second page in it (axe opens a blank one).
 * Every page of the context reports what the site's Content-Security-Policy blocks (`takePolicyViolations`).
 */
export async function newPage(browser: Browser, options: PageOptions = {}): Promise<Page> {
  const { colorScheme = 'light', width = 1280, height = 800 } = options;
  const context = await browser.newContext({ colorScheme, viewport: { width, height } });
  await watchPolicyViolations(context);
  const page = await context.newPage();
  page.once('close', () => void context.close().catch(() => {}));
  return page;
}

/** Violations reported by the pages `newPage` opened and not yet taken, one line each. */
const violations: string[] = [];

/** Keeps a violation once: the header's policy and the page's <meta> each report the same block. */
function record(line: string): void {
  if (!violations.includes(line)) violations.push(line);
}

/** The name of the function through which a page reports a violation to the harness. */
const REPORT_BINDING = '__reportPolicyViolation';

/** What a `securitypolicyviolation` event says, as a page hands it over. */
interface Violation {
  directive: string;
  blocked: string;
  element?: string;
  sample: string;
  source: string;
  line: number;
  column: number;
}

/**
 * Returns, and forgets, every Content-Security-Policy violation of the pages `newPage` opened so far: each a line
 * naming the page, the directive and what it blocked (`/ecs/ecs-0010/: script-src-elem blocked inline
 * <script>alert(1)</script> at 12:5`). The test helpers (tests/support/site.ts) fail a test that leaves any.
 */
export function takePolicyViolations(): string[] {
  return violations.splice(0);
}

/**
 * Listens in every page and frame of a context, before any of its scripts run, for `securitypolicyviolation`
 * events. (The site runs Pagefind without its worker, so every violation happens in a document.)
 */
async function watchPolicyViolations(context: BrowserContext): Promise<void> {
  await context.exposeBinding(REPORT_BINDING, ({ page }, v: Violation) => {
    const file = v.source && v.source !== page.url() ? ` in ${pathOf(v.source)}` : '';
    const where = v.line > 0 ? `${file} at ${v.line}:${v.column}` : file;
    const what = v.blocked === 'inline' && v.element ? `inline ${v.element}` : v.blocked || 'inline';
    const sample = v.sample && !v.element ? ` ("${v.sample}")` : '';
    record(`${pathOf(page.url())}: ${v.directive} blocked ${what}${sample}${where}`);
  });
  await context.addInitScript((binding) => {
    addEventListener('securitypolicyviolation', (event) => {
      const target = event.target;
      const element = target instanceof Element ? target.outerHTML.replace(/\s+/g, ' ').slice(0, 120) : undefined;
      const report = (window as unknown as Record<string, (v: Violation) => void>)[binding];
      report?.({
        directive: event.effectiveDirective,
        blocked: event.blockedURI,
        element,
        sample: event.sample,
        source: event.sourceFile,
        line: event.lineNumber,
        column: event.columnNumber,
      });
    });
  }, REPORT_BINDING);
}

/** A page's URL without its origin: `/ecs/ecs-0010/?q=1`. */
function pathOf(url: string): string {
  if (!url.startsWith('http')) return url;
  const { pathname, search, hash } = new URL(url);
  return `${pathname}${search}${hash}`;
}

/**
 * Records what should never happen on a page, as readable lines: console errors, uncaught exceptions,
 * and any dialog (an `alert()` from injected markup is an XSS hole). Dialogs are dismissed so the page
 * keeps running. Call before `page.goto`; the returned array fills as events arrive:
 * `expect(errors).toEqual([])`.
 */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const { url, lineNumber } = message.location();
    errors.push(`console error: ${message.text()}${url ? ` (${url}:${lineNumber + 1})` : ''}`);
  });
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  page.on('dialog', (dialog) => {
    errors.push(`dialog (${dialog.type()}): ${dialog.message()}`);
    dialog.dismiss().catch(() => {});
  });
  return errors;
}
