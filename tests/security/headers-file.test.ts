import { describe, expect, it } from 'vitest';
import {
  findLongLines,
  formatHeadersFile,
  headersForPath,
  parseHeadersFile,
  renderSiteHeadersFile,
} from '../../src/lib/security/headers-file.ts';

const POLICY = "default-src 'self'; frame-ancestors 'none'";

describe("the site's _headers file", () => {
  it('sends the policy, nosniff and the referrer policy with every file, after a comment saying where it comes from', () => {
    expect(renderSiteHeadersFile(POLICY)).toBe(
      `# Security headers for every file, written by the build (src/integrations/content-policy.ts).
# The policy is the union of the pages' own <meta> policies, and frame-ancestors, which a <meta> cannot carry.

/*
  Content-Security-Policy: default-src 'self'; frame-ancestors 'none'
  X-Content-Type-Options: nosniff
  Referrer-Policy: strict-origin-when-cross-origin
`,
    );
  });

  it("keeps the project's own rules first, as written", () => {
    const own = '# ours\n/downloads/*\n  Content-Disposition: attachment\n';
    const text = renderSiteHeadersFile(POLICY, own);
    expect(text.startsWith(`${own}\n# Security headers`)).toBe(true);
    expect(parseHeadersFile(text).map((r) => r.path)).toEqual(['/downloads/*', '/*']);
  });
});

describe('reading a _headers file', () => {
  const text = formatHeadersFile([
    { path: '/*', headers: [{ name: 'X-Content-Type-Options', value: 'nosniff' }] },
    { path: '/pagefind/*', headers: [{ name: 'Cache-Control', value: 'max-age=60' }] },
    { path: '/*.json', headers: [{ name: 'X-Content-Type-Options', value: 'other' }] },
    { path: '/exact/', headers: [{ name: 'X-Robots-Tag', value: 'noindex: nofollow' }] },
  ]);

  it('reads back what was written', () => {
    expect(parseHeadersFile(text)[3]).toEqual({
      path: '/exact/',
      headers: [{ name: 'X-Robots-Tag', value: 'noindex: nofollow' }],
    });
  });

  it('gives a path the headers of every rule it matches, joining a repeated header with a comma', () => {
    const rules = parseHeadersFile(text);
    expect([...headersForPath(rules, '/ecs/')]).toEqual([['x-content-type-options', 'nosniff']]);
    expect(headersForPath(rules, '/pagefind/pagefind.js').get('cache-control')).toBe('max-age=60');
    expect(headersForPath(rules, '/ecs/export.json').get('x-content-type-options')).toBe('nosniff, other');
    expect(headersForPath(rules, '/exact/').has('x-robots-tag')).toBe(true);
    expect(headersForPath(rules, '/exact/more/').has('x-robots-tag')).toBe(false);
  });

  it('finds lines longer than Cloudflare Pages reads', () => {
    expect(findLongLines(`/*\n  A: ${'x'.repeat(2000)}\n`)).toEqual([{ line: 2, length: 2005 }]);
  });
});
