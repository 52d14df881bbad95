import { describe, expect, it } from 'vitest';
import type { AliasSource } from '../../src/lib/pages/aliases.ts';
import { REDIRECT_RULES_LIMITS, renderRedirectRules } from '../../src/lib/pages/redirect-rules.ts';
import { codePath } from '../../src/lib/core/urls.ts';
import { loadServices } from '../../src/lib/assembly/load-site.ts';

/** Two services that share Common.0024, and a code written in lower case with a hyphen (its own slug). */
const FIXTURE: AliasSource[] = [
  {
    service: 'ecs',
    codes: [
      { code: 'Ecs.0010', path: '/ecs/ecs-0010/' },
      { code: 'Common.0024', path: '/ecs/common-0024/' },
    ],
  },
  {
    service: 'evs',
    codes: [
      { code: 'Common.0024', path: '/evs/common-0024/' },
      { code: 'evs-0001', path: '/evs/evs-0001/' },
    ],
  },
];

const HEADER = (rules: number, spellings: number) => [
  '# Spellings of code URLs, each to its code page (or the chooser of a code several services have).',
  `# ${rules} of ${spellings} spellings; the 404 page resolves the others in the browser.`,
];

const lines = (text: string) => text.split('\n').filter(Boolean);

describe('the _redirects file', () => {
  it('has a 301 for every spelling: as each table writes the code, at the root, then the others, service by service', () => {
    const { text, rules, spellings } = renderRedirectRules(FIXTURE, new Set());
    expect(lines(text)).toEqual([
      ...HEADER(21, 21),
      '/ecs/Ecs.0010/ /ecs/ecs-0010/ 301',
      '/evs/Common.0024/ /evs/common-0024/ 301',
      '/ecs/Common.0024/ /ecs/common-0024/ 301',
      '/Ecs.0010/ /ecs/ecs-0010/ 301',
      '/Common.0024/ /lookup/?code=Common.0024 301',
      '/evs-0001/ /evs/evs-0001/ 301',
      '/ecs/ecs.0010/ /ecs/ecs-0010/ 301',
      '/ecs/ECS.0010/ /ecs/ecs-0010/ 301',
      '/ecs/ecs0010/ /ecs/ecs-0010/ 301',
      '/ecs/Ecs_0010/ /ecs/ecs-0010/ 301',
      '/evs/common.0024/ /evs/common-0024/ 301',
      '/evs/COMMON.0024/ /evs/common-0024/ 301',
      '/evs/common0024/ /evs/common-0024/ 301',
      '/evs/Common_0024/ /evs/common-0024/ 301',
      '/ecs/common.0024/ /ecs/common-0024/ 301',
      '/ecs/COMMON.0024/ /ecs/common-0024/ 301',
      '/ecs/common0024/ /ecs/common-0024/ 301',
      '/ecs/Common_0024/ /ecs/common-0024/ 301',
      '/evs/EVS-0001/ /evs/evs-0001/ 301',
      '/evs/evs0001/ /evs/evs-0001/ 301',
      '/evs/evs_0001/ /evs/evs-0001/ 301',
    ]);
    expect([rules, spellings]).toEqual([21, 21]);
    expect(text.endsWith('301\n')).toBe(true);
  });

  it('writes no rule from a path that is a page of the site', () => {
    const pages = new Set(['/Ecs.0010/', '/ecs/ECS.0010/', '/evs-0001/']);
    const { text, rules, spellings } = renderRedirectRules(FIXTURE, pages);
    const froms = lines(text)
      .filter((l) => !l.startsWith('#'))
      .map((l) => l.split(' ')[0]);
    for (const page of pages) expect(froms).not.toContain(page);
    expect([rules, spellings]).toEqual([18, 18]);
  });

  it('stops at the rule limit, the most useful rules kept, and says how many it left to the 404 page', () => {
    const { text, rules, spellings } = renderRedirectRules(FIXTURE, new Set(), { rules: 3, bytes: 64 * 1024 });
    expect(lines(text)).toEqual([
      ...HEADER(3, 21),
      '/ecs/Ecs.0010/ /ecs/ecs-0010/ 301',
      '/evs/Common.0024/ /evs/common-0024/ 301',
      '/ecs/Common.0024/ /ecs/common-0024/ 301',
    ]);
    expect([rules, spellings]).toEqual([3, 21]);
  });

  it('stops before the file outgrows the byte limit', () => {
    const full = renderRedirectRules(FIXTURE, new Set()).text;
    // Room for the header and every rule before /ecs/Ecs_0010/ (the header is reserved at its longest, 21 of 21).
    const bytes = full.indexOf('/ecs/Ecs_0010/') + 1;
    const { text, rules } = renderRedirectRules(FIXTURE, new Set(), { rules: 1_000, bytes });
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(bytes);
    expect(rules).toBe(9);
    expect(lines(text).at(-1)).toBe('/ecs/ecs0010/ /ecs/ecs-0010/ 301');
  });

  it('holds every spelling of the 147 ECS codes within the limits every host reads', () => {
    const { services } = loadServices('content');
    const sources = services.map(({ catalogue }) => ({
      service: catalogue.id,
      codes: catalogue.entries.map((e) => ({ code: e.code, path: codePath(e) })),
    }));
    const { text, rules, spellings } = renderRedirectRules(sources, new Set());
    expect([rules, spellings]).toEqual([882, 882]);
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(REDIRECT_RULES_LIMITS.bytes);
    expect(rules).toBeLessThanOrEqual(REDIRECT_RULES_LIMITS.rules);
  });

  it('gives each service its share of a limit that cannot hold every table spelling', () => {
    const many: AliasSource[] = ['aaa', 'bbb', 'ccc'].map((service) => ({
      service,
      codes: Array.from({ length: 10 }, (_, i) => ({
        code: `${service.toUpperCase()}.${String(i).padStart(4, '0')}`,
        path: `/${service}/${service}-${String(i).padStart(4, '0')}/`,
      })),
    }));
    const { text } = renderRedirectRules(many, new Set(), { rules: 6, bytes: 64 * 1024 });
    expect(lines(text).slice(2)).toEqual([
      '/aaa/AAA.0000/ /aaa/aaa-0000/ 301',
      '/bbb/BBB.0000/ /bbb/bbb-0000/ 301',
      '/ccc/CCC.0000/ /ccc/ccc-0000/ 301',
      '/aaa/AAA.0001/ /aaa/aaa-0001/ 301',
      '/bbb/BBB.0001/ /bbb/bbb-0001/ 301',
      '/ccc/CCC.0001/ /ccc/ccc-0001/ 301',
    ]);
  });
});
