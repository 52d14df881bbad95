import { describe, expect, it } from 'vitest';
import {
  countInScope,
  createPageLoader,
  groupPages,
  mergeByScore,
  orderHits,
  resultClass,
  scopeService,
  serviceFilterTag,
  serviceOfPath,
  serviceTitle,
  withoutWords,
} from '../../src/lib/search/search-scope.ts';

const ECS = { service: 'ecs', short: 'ECS', name: 'Elastic Cloud Server' };
const EVS = { service: 'evs', short: 'EVS', name: 'Elastic Volume Service' };
const VPC = { service: 'vpc', short: 'VPC', name: 'Virtual Private Cloud' };
const SERVICES = [ECS, EVS, VPC];

describe('the service of a page', () => {
  it('is the first segment of its path when that is a service', () => {
    expect(serviceOfPath('/ecs/', SERVICES)).toBe(ECS);
    expect(serviceOfPath('/ecs/ecs-0010/', SERVICES)).toBe(ECS);
    expect(serviceOfPath('/evs/topic/quotas/', SERVICES)).toBe(EVS);
    expect(serviceOfPath('/', SERVICES)).toBeUndefined();
    expect(serviceOfPath('/lookup/', SERVICES)).toBeUndefined();
  });

  it('is marked for the search index in the head of each of its pages (a filter per service), and of no other page', () => {
    expect(serviceFilterTag('/evs/evs-0001/', SERVICES)).toEqual({
      tag: 'meta',
      attrs: { 'data-pagefind-filter': 'service-evs[content]', content: 'evs' },
      content: '',
    });
    expect(serviceFilterTag('/', SERVICES)).toBeUndefined();
    expect(serviceFilterTag('/search/', SERVICES)).toBeUndefined();
  });
});

describe('the service whose pages come first', () => {
  it('is the one the dialog is opened on', () => {
    expect(scopeService(undefined, '/ecs/', SERVICES)).toBe('ecs');
    expect(scopeService(undefined, '/ecs/ecs-0010/', SERVICES)).toBe('ecs');
    expect(scopeService(undefined, '/ecs/topic/quotas/', SERVICES)).toBe('ecs');
  });

  it('is the one the query names, before the one the dialog is opened on', () => {
    expect(scopeService('evs', '/ecs/ecs-0010/', SERVICES)).toBe('evs');
    expect(scopeService('evs', '/', SERVICES)).toBe('evs');
  });

  it('is none outside the services, or on a site of one service', () => {
    expect(scopeService(undefined, '/', SERVICES)).toBeUndefined();
    expect(scopeService(undefined, '/lookup/', SERVICES)).toBeUndefined();
    expect(scopeService(undefined, '/ecs/', [ECS])).toBeUndefined();
  });
});

describe('ranking the hits of several queries', () => {
  const hit = (id: string, score: number) => ({ id, score });

  it('merges them by weighted score, each page once with its best', () => {
    const merged = mergeByScore([
      { hits: [hit('a', 10), hit('b', 5)], weight: 1 },
      { hits: [hit('b', 30), hit('c', 6)], weight: 0.5 },
    ]);
    expect(merged.map((h) => h.id)).toEqual(['b', 'a', 'c']);
  });

  it('puts the scope’s hits of every tier before the other hits, each page once', () => {
    const tiers = [
      [hit('vpc1', 9), hit('ecs1', 8), hit('evs1', 7)],
      [hit('ecs2', 5), hit('vpc1', 4), hit('vpc2', 3)],
    ];
    expect(orderHits(tiers, new Set(['ecs1', 'ecs2'])).map((h) => h.id)).toEqual([
      'ecs1',
      'ecs2',
      'vpc1',
      'evs1',
      'vpc2',
    ]);
    expect(orderHits(tiers).map((h) => h.id)).toEqual(['vpc1', 'ecs1', 'evs1', 'ecs2', 'vpc2']);
  });

  it('counts only the scope’s hits towards enough results', () => {
    const hits = [hit('vpc1', 9), hit('ecs1', 8), hit('evs1', 7)];
    expect(countInScope(hits, new Set(['ecs1']))).toBe(1);
    expect(countInScope(hits)).toBe(3);
  });

  it('puts the scope’s pages first and, for several words, code pages before index pages', () => {
    const paths = ['/ecs/all/', '/ecs/ecs-0010/', '/evs/status/400/', '/evs/evs-0001/', '/about/'];
    expect(paths.map((p) => resultClass(p, { service: 'evs', codeFirst: true }))).toEqual([3, 2, 1, 0, 3]);
    expect(paths.map((p) => resultClass(p, { service: 'evs', codeFirst: false }))).toEqual([2, 2, 0, 0, 2]);
    expect(paths.map((p) => resultClass(p, { codeFirst: true }))).toEqual([1, 0, 1, 0, 1]);
    expect(paths.map((p) => resultClass(p, { codeFirst: false }))).toEqual([0, 0, 0, 0, 0]);
  });
});

describe('words the scope’s pages lack', () => {
  it('are taken out of the vocabulary, with their inflections, so that they are corrected as typos', () => {
    const vocabulary = new Map([
      ['flavor', 9],
      ['flavour', 2],
      ['flavours', 1],
      ['quota', 5],
    ]);
    expect([...withoutWords(vocabulary, ['flavour']).keys()]).toEqual(['flavor', 'quota']);
    expect(withoutWords(vocabulary, [])).toBe(vocabulary);
  });
});

describe('fetching the pages of ranked hits', () => {
  const pages = (paths: string[]) => paths.map((path) => ({ path }));

  it('fetches a batch at a time only until the first places are settled', async () => {
    const fetched: string[] = [];
    const loader = createPageLoader({
      ordered: pages([
        '/ecs/all/',
        '/ecs/ecs-0001/',
        '/ecs/ecs-0002/',
        '/ecs/ecs-0003/',
        '/ecs/ecs-0004/',
        '/ecs/ecs-0005/',
      ]),
      fetch: async (page) => (fetched.push(page.path), page),
      classOf: (page) => resultClass(page.path, { codeFirst: true }),
      exclude: new Set(),
      batch: 2,
    });
    expect((await loader.upTo(2)).map((p) => p.path)).toEqual([
      '/ecs/ecs-0001/',
      '/ecs/ecs-0002/',
      '/ecs/ecs-0003/',
      '/ecs/all/',
    ]);
    expect(fetched).toHaveLength(4);
    expect(loader.hasMore(2)).toBe(true);
    expect((await loader.upTo(Infinity)).map((p) => p.path)).toEqual([
      '/ecs/ecs-0001/',
      '/ecs/ecs-0002/',
      '/ecs/ecs-0003/',
      '/ecs/ecs-0004/',
      '/ecs/ecs-0005/',
      '/ecs/all/',
    ]);
    expect(loader.hasMore(6)).toBe(false);
  });

  it('leaves out the pages already shown as direct hits', async () => {
    const loader = createPageLoader({
      ordered: pages(['/ecs/ecs-0010/', '/ecs/ecs-0011/']),
      fetch: async (page) => page,
      classOf: () => 0,
      exclude: new Set(['/ecs/ecs-0010/']),
      batch: 5,
    });
    expect((await loader.upTo(5)).map((p) => p.path)).toEqual(['/ecs/ecs-0011/']);
  });
});

describe('grouping the pages found', () => {
  const page = (path: string) => ({ path, service: serviceOfPath(path, SERVICES) });
  const titles = (groups: { title: string; pages: { path: string }[] }[]) =>
    groups.map((g) => [g.title, g.pages.map((p) => p.path)]);

  it('with a scope, shows its pages first under its name and the others under "Other services"', () => {
    const found = [page('/ecs/ecs-0001/'), page('/ecs/ecs-0002/'), page('/vpc/vpc-0001/'), page('/evs/evs-0001/')];
    expect(titles(groupPages(found, { scope: 'ecs', partial: false }))).toEqual([
      ['ECS · Elastic Cloud Server', ['/ecs/ecs-0001/', '/ecs/ecs-0002/']],
      ['Other services', ['/vpc/vpc-0001/', '/evs/evs-0001/']],
    ]);
    expect(titles(groupPages([page('/vpc/vpc-0001/')], { scope: 'ecs', partial: true }))).toEqual([
      ['Other services', ['/vpc/vpc-0001/']],
    ]);
    expect(titles(groupPages([page('/ecs/ecs-0001/')], { scope: 'ecs', partial: true }))).toEqual([
      ['Closest pages · ECS', ['/ecs/ecs-0001/']],
    ]);
  });

  it('without a scope, groups the pages of several services by service, in the order of each one’s best page', () => {
    const found = [
      page('/vpc/vpc-0001/'),
      page('/ecs/ecs-0001/'),
      page('/vpc/vpc-0002/'),
      page('/'),
      page('/evs/evs-0001/'),
    ];
    expect(titles(groupPages(found, { partial: false }))).toEqual([
      ['VPC · Virtual Private Cloud', ['/vpc/vpc-0001/', '/vpc/vpc-0002/']],
      ['ECS · Elastic Cloud Server', ['/ecs/ecs-0001/']],
      ['EVS · Elastic Volume Service', ['/evs/evs-0001/']],
      ['Other pages', ['/']],
    ]);
  });

  it('without a scope, keeps the pages of one service under one heading', () => {
    expect(titles(groupPages([page('/ecs/ecs-0001/'), page('/ecs/all/')], { partial: true }))).toEqual([
      ['Closest pages', ['/ecs/ecs-0001/', '/ecs/all/']],
    ]);
    expect(groupPages([], { partial: false })).toEqual([]);
  });

  it('names a service by its short name and its name', () => {
    expect(serviceTitle(ECS)).toBe('ECS · Elastic Cloud Server');
    expect(serviceTitle({ service: 'x', short: 'X' })).toBe('X');
  });
});
