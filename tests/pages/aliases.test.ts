import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import {
  carryQueryAndHash,
  codeFromPath,
  listAliases,
  renderRedirectPage,
  REDIRECT_POLICY,
  REDIRECT_SCRIPT,
  type Alias,
  type AliasSource,
} from '../../src/lib/pages/aliases.ts';
import { codePath } from '../../src/lib/core/urls.ts';
import { hashSource } from '../../src/lib/security/content-policy.ts';
import { auditPage, listInlineContent, readMetaPolicy } from '../../src/lib/security/inline-content.ts';
import { learnShapes } from '../../src/lib/core/code-identity.ts';
import { loadServices } from '../../src/lib/assembly/load-site.ts';

const { services } = loadServices('content');
const sources: AliasSource[] = services.map(({ catalogue }) => ({
  service: catalogue.id,
  codes: catalogue.entries.map((e) => ({ code: e.code, path: codePath(e) })),
}));
const aliases = listAliases(sources);
/** The shapes of the ECS codes (`ecs.#4`, `common.#4`, `pdp.#4`), as the 404 page learns them from the lookup manifest. */
const ECS_SHAPES = learnShapes(sources.flatMap((s) => s.codes.map((c) => c.code)));
const canonicalPaths = new Set(sources.flatMap((s) => s.codes.map((c) => c.path)));

/** Where the redirect page's script sends a browser that arrived with `search` and `hash`. */
function followScript(html: string, search: string, hash: string): string {
  const [, to, script] = /<script data-to="([^"]*)">([\s\S]*?)<\/script>/.exec(html) ?? [];
  if (script === undefined) throw new Error('the redirect page has no inline script');
  const decoded = to
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
  let target = '';
  runInNewContext(script, {
    document: { currentScript: { dataset: { to: decoded } } },
    location: { search, hash, replace: (url: string) => (target = url) },
  });
  return target;
}

describe('listing the URL spellings of each code', () => {
  it('gives Ecs.0010 its six spellings, all leading to /ecs/ecs-0010/', () => {
    const forCode = aliases.filter((a) => a.code === 'Ecs.0010');
    expect(forCode.map((a) => a.from).sort()).toEqual(
      ['/ecs/Ecs.0010/', '/ecs/ECS.0010/', '/ecs/ecs.0010/', '/ecs/ecs0010/', '/ecs/Ecs_0010/', '/Ecs.0010/'].sort(),
    );
    for (const alias of forCode) expect(alias.to).toBe('/ecs/ecs-0010/');
  });

  it('gives every code of the ECS table six spellings', () => {
    const codes = sources.flatMap((s) => s.codes.map((c) => c.code));
    expect(codes.length).toBe(147);
    const perCode = new Map<string, number>();
    for (const alias of aliases) perCode.set(alias.code, (perCode.get(alias.code) ?? 0) + 1);
    for (const code of codes) expect([code, perCode.get(code)]).toEqual([code, 6]);
  });

  it('never makes an alias of a canonical code page', () => {
    for (const alias of aliases) expect(canonicalPaths.has(alias.from)).toBe(false);
  });

  it('leads every alias to a code page that exists', () => {
    for (const alias of aliases) expect(canonicalPaths.has(alias.to)).toBe(true);
  });

  it('lists each alias path once', () => {
    const froms = aliases.map((a) => a.from);
    expect(new Set(froms).size).toBe(froms.length);
  });

  it('skips the spelling that equals the page path for a code already written in lowercase with a hyphen', () => {
    const list = listAliases([{ service: 'y', codes: [{ code: 'ecs-0010', path: '/y/ecs-0010/' }] }]);
    expect(list.map((a) => a.from)).not.toContain('/y/ecs-0010/');
    expect(list.every((a) => a.to === '/y/ecs-0010/')).toBe(true);
  });

  it('sends the root alias of a code that two services have to the lookup chooser', () => {
    const list = listAliases([
      { service: 'ecs', codes: [{ code: 'Common.0024', path: '/ecs/common-0024/' }] },
      { service: 'evs', codes: [{ code: 'Common.0024', path: '/evs/common-0024/' }] },
    ]);
    expect(list.find((a) => a.from === '/Common.0024/')?.to).toBe('/lookup/?code=Common.0024');
    expect(list.find((a) => a.from === '/ecs/Common.0024/')?.to).toBe('/ecs/common-0024/');
    expect(list.find((a) => a.from === '/evs/Common.0024/')?.to).toBe('/evs/common-0024/');
  });

  it('sends the root alias of a code that one service has straight to its page', () => {
    expect(aliases.find((a) => a.from === '/Common.0024/')?.to).toBe('/ecs/common-0024/');
  });
});

describe('reading a code from a path', () => {
  const cases: [string, { service?: string; code: string }][] = [
    ['/ecs/ECS-0010/', { service: 'ecs', code: 'ECS-0010' }],
    ['/ecs/Ecs.0010/', { service: 'ecs', code: 'Ecs.0010' }],
    ['/ecs/ecs.0010', { service: 'ecs', code: 'ecs.0010' }],
    ['/ecs/ecs0010/', { service: 'ecs', code: 'ecs0010' }],
    ['/ecs/Ecs_0010/', { service: 'ecs', code: 'Ecs_0010' }],
    ['/ecs/Ecs%200010', { service: 'ecs', code: 'Ecs 0010' }],
    ['/ECS/Ecs.0010/', { service: 'ecs', code: 'Ecs.0010' }],
    ['/Ecs.0010/', { service: undefined, code: 'Ecs.0010' }],
    ['/eCs_0010/', { service: undefined, code: 'eCs_0010' }],
    ['/ECS-1000', { service: undefined, code: 'ECS-1000' }],
    ['/ecs/ecs-0010.html', { service: 'ecs', code: 'ecs-0010' }],
    ['/Ecs.0010.json', { service: undefined, code: 'Ecs.0010' }],
    ['/evs/Ecs.0010/', { service: undefined, code: 'Ecs.0010' }],
  ];
  for (const [path, expected] of cases) {
    it(`reads ${path} as ${expected.code}${expected.service ? ` in ${expected.service}` : ''}`, () => {
      expect(codeFromPath(path, ['ecs'], ECS_SHAPES)).toEqual(expected);
    });
  }

  for (const path of ['/', '/ecs/', '/ecs/all/', '/nothing/here/', '/lookup/', '/search/', '/ecs/%E0%A4%A', '/%']) {
    it(`reads no code from ${path}`, () => {
      expect(codeFromPath(path, ['ecs'], ECS_SHAPES)).toBeNull();
    });
  }
});

describe('carrying the query and #anchor a spelling arrived with to its target', () => {
  const cases: [string, string, string, string][] = [
    ['/ecs/ecs-0010/', '', '', '/ecs/ecs-0010/'],
    ['/ecs/ecs-0010/', '?v=10.0.0.1', '#http-400', '/ecs/ecs-0010/?v=10.0.0.1#http-400'],
    ['/ecs/ecs-0010/', '?', '#', '/ecs/ecs-0010/'],
    ['/lookup/?code=Common.0024', '?status=429', '#x', '/lookup/?code=Common.0024&status=429#x'],
    ['/ecs/ecs-1000/#http-404', '', '', '/ecs/ecs-1000/#http-404'],
    ['/ecs/ecs-1000/#http-404', '?v=a', '#http-400', '/ecs/ecs-1000/?v=a#http-400'],
    ['/ecs/ecs-0010/?v=10.0.0.1#http-400', '?v=b', '', '/ecs/ecs-0010/?v=10.0.0.1&v=b#http-400'],
  ];
  for (const [target, search, hash, expected] of cases) {
    it(`sends ${target} with "${search}" and "${hash}" to ${expected}`, () => {
      expect(carryQueryAndHash(target, search, hash)).toBe(expected);
    });
  }

  it('agrees with what a redirect page does', () => {
    const page = renderRedirectPage(
      { from: '/Common.0024/', to: '/lookup/?code=Common.0024', code: 'Common.0024' },
      '',
    );
    for (const [search, hash] of [
      ['?status=429', '#x'],
      ['', ''],
      ['?v=1&v=2', '#http-400'],
    ])
      expect(followScript(page, search, hash)).toBe(carryQueryAndHash('/lookup/?code=Common.0024', search, hash));
  });
});

describe('rendering a redirect page', () => {
  const alias: Alias = { from: '/ecs/Ecs.0010/', to: '/ecs/ecs-0010/', code: 'Ecs.0010' };
  const html = renderRedirectPage(alias, 'https://example.org/ecs/ecs-0010/');

  it('names the canonical page in rel=canonical', () => {
    expect(html).toContain('<link rel="canonical" href="https://example.org/ecs/ecs-0010/">');
  });

  it('refreshes at once to the code page for browsers without JavaScript', () => {
    expect(html).toContain('<meta http-equiv="refresh" content="0; url=/ecs/ecs-0010/">');
  });

  it('keeps the #anchor and the query when its script redirects', () => {
    expect(followScript(html, '', '#http-400')).toBe('/ecs/ecs-0010/#http-400');
    expect(followScript(html, '?v=10.0.0.1', '#http-400')).toBe('/ecs/ecs-0010/?v=10.0.0.1#http-400');
    expect(followScript(html, '', '')).toBe('/ecs/ecs-0010/');
  });

  it('appends the query to a target that already has one', () => {
    const page = renderRedirectPage(
      { from: '/Common.0024/', to: '/lookup/?code=Common.0024', code: 'Common.0024' },
      'https://example.org/Common.0024/',
    );
    expect(followScript(page, '?status=429', '#x')).toBe('/lookup/?code=Common.0024&status=429#x');
  });

  it('is not indexed by search engines', () => {
    expect(html).toContain('<meta name="robots" content="noindex">');
  });

  it('has one script, the same on every page, which its policy allows by its hash and nothing else', async () => {
    const other = renderRedirectPage(
      { from: '/ECS.0011/', to: '/ecs/ecs-0011/', code: 'Ecs.0011' },
      'https://example.org/',
    );
    const scripts = (page: string) => listInlineContent(page).filter((c) => c.kind === 'script');
    expect(scripts(html).map((c) => c.text)).toEqual([REDIRECT_SCRIPT]);
    expect(scripts(other).map((c) => c.text)).toEqual([REDIRECT_SCRIPT]);
    expect(REDIRECT_POLICY).toBe(`default-src 'none'; script-src '${await hashSource(REDIRECT_SCRIPT)}'`);
    expect(readMetaPolicy(html)).toBe(REDIRECT_POLICY);
    expect((await auditPage(html)).problems).toEqual([]);
  });

  it('escapes HTML in the code, the target and the canonical URL', () => {
    const hostile: Alias = { from: '/x/', to: '/lookup/?code=</script><img src=x onerror=alert(1)>"&', code: '<b>"&' };
    const page = renderRedirectPage(hostile, 'https://example.org/"><script>alert(1)</script>');
    expect(page).not.toContain('<img');
    expect(page).not.toContain('<b>');
    expect(page.match(/<script\b/g)).toHaveLength(1);
    expect(page.match(/<\/script>/g)).toHaveLength(1);
    expect(page).toContain('<title>&lt;b&gt;&quot;&amp;</title>');
    expect(page).toContain('href="https://example.org/&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
    expect(followScript(page, '', '')).toBe('/lookup/?code=</script><img src=x onerror=alert(1)>"&');
  });
});
