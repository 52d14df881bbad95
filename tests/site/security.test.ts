/**
 * The built site's Content-Security-Policy, read as files: every page's own <meta> policy, and dist/_headers, which
 * hosts like Netlify and Cloudflare Pages send with every file. Problems are reported all at once.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allowsInline, hashSource, parsePolicy } from '../../src/lib/security/content-policy.ts';
import { findLongLines, headersForPath, parseHeadersFile } from '../../src/lib/security/headers-file.ts';
import { listInlineContent, readMetaPolicy } from '../../src/lib/security/inline-content.ts';
import { DIST_DIR, readBuiltFile } from '../support/site.ts';

/** Every HTML file of the build, as a path under dist/. */
const pages = readdirSync(DIST_DIR, { recursive: true, encoding: 'utf8' })
  .filter((name) => name.endsWith('.html'))
  .map((name) => relative(DIST_DIR, join(DIST_DIR, name)));

const headersText = readBuiltFile('/_headers');
const header = headersForPath(parseHeadersFile(headersText), '/ecs/ecs-0010/');
const headerPolicy = parsePolicy(header.get('content-security-policy') ?? '');

describe("every page's own policy", () => {
  it('is in a <meta> and allows every inline script, style and attribute of its page, as the header does', async () => {
    const problems: string[] = [];
    const hashes = new Map<string, string>();
    for (const page of pages) {
      const html = readFileSync(join(DIST_DIR, page), 'utf8');
      const policy = readMetaPolicy(html);
      if (!policy) problems.push(`${page}: no Content-Security-Policy <meta>`);
      for (const { kind, text } of listInlineContent(html)) {
        let hash = hashes.get(text);
        if (hash === undefined) hashes.set(text, (hash = await hashSource(text)));
        const sample = JSON.stringify(text.slice(0, 40));
        if (!allowsInline(parsePolicy(policy ?? ''), kind, hash))
          problems.push(`${page}: its <meta> blocks ${kind} ${sample}`);
        if (!allowsInline(headerPolicy, kind, hash)) problems.push(`${page}: the header blocks ${kind} ${sample}`);
      }
    }
    expect(pages.length).toBeGreaterThan(100);
    expect(problems).toEqual([]);
  });

  it('names no hash that allows nothing, nor does the header: only hashes of inline content some page has', async () => {
    const inline = new Set<string>();
    const named = new Set<string>();
    for (const sources of headerPolicy.values())
      for (const source of sources) if (source.startsWith("'sha")) named.add(source.slice(1, -1));
    for (const page of pages) {
      const html = readFileSync(join(DIST_DIR, page), 'utf8');
      for (const { text } of listInlineContent(html)) inline.add(await hashSource(text));
      for (const sources of parsePolicy(readMetaPolicy(html) ?? '').values())
        for (const source of sources) if (source.startsWith("'sha")) named.add(source.slice(1, -1));
    }
    expect([...named].filter((hash) => !inline.has(hash))).toEqual([]);
  });

  it("never allows inline scripts wholesale ('unsafe-inline'), and lets Pagefind compile its WebAssembly", () => {
    const policy = parsePolicy(readMetaPolicy(readBuiltFile('/ecs/ecs-0010/')) ?? '');
    expect(policy.get('script-src')).toEqual(expect.arrayContaining(["'self'", "'wasm-unsafe-eval'"]));
    expect(policy.get('script-src')).not.toContain("'unsafe-inline'");
    expect(policy.get('style-src')).not.toContain("'unsafe-inline'");
    // Style attributes are allowed by hash only: 'unsafe-hashes' in style-src, which style-src-attr falls back to.
    expect(policy.has('style-src-attr')).toBe(false);
    expect(policy.get('style-src')).toContain("'unsafe-hashes'");
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.has('frame-ancestors')).toBe(false);
  });
});

describe('dist/_headers', () => {
  it('sends the policy with frame-ancestors, nosniff and a referrer policy with every file', () => {
    expect(headerPolicy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(headerPolicy.get('script-src')).not.toContain("'unsafe-inline'");
    expect(header.get('x-content-type-options')).toBe('nosniff');
    expect(header.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(headersForPath(parseHeadersFile(headersText), '/pagefind/pagefind.js')).toEqual(header);
  });

  it('has no line longer than Cloudflare Pages reads', () => {
    expect(findLongLines(headersText)).toEqual([]);
  });
});
