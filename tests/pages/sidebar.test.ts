import { NO_CLUES } from '../support/clues.ts';
import { describe, expect, it } from 'vitest';
import type { CodeEntry, ServiceCatalogue } from '../../src/lib/catalogue/catalogue.ts';
import { listCategories } from '../../src/lib/pages/categories.ts';
import { loadServices } from '../../src/lib/assembly/load-site.ts';
import {
  buildServiceSidebar,
  buildSiteSidebar,
  MAX_GROUP_LINKS,
  type SidebarItem,
} from '../../src/lib/pages/sidebar.ts';
import { MANY_SERVICES } from '../../src/lib/pages/service-list.ts';

/** Every link in a sidebar, depth first. */
function links(items: readonly SidebarItem[]): string[] {
  return items.flatMap((item) => ('link' in item ? [item.link] : links(item.items)));
}

/** A catalogue of `count` Ecs codes spread evenly over 0000-0999, alternating statuses 400 and 404. */
function catalogueWith(count: number): ServiceCatalogue {
  const entries = Array.from({ length: count }, (_, i): CodeEntry => {
    const number = String(Math.floor((i * 1000) / count)).padStart(4, '0');
    const status = i % 2 === 0 ? 400 : 404;
    return {
      service: 'ecs',
      code: `Ecs.${number}`,
      slug: `ecs-${number}`,
      prefix: 'Ecs',
      number,
      line: i + 1,
      variants: [
        {
          statuses: [status],
          anchor: `http-${status}`,
          message: { text: 'm', html: 'm', markdown: 'm' },
          template: [],
          description: { text: '', html: '', markdown: '' },
          solution: { text: '', html: '', markdown: '' },
          line: i + 1,
        },
      ],
    };
  });
  return {
    id: 'ecs',
    name: 'ECS',
    short: 'ECS',
    summary: '',
    clues: NO_CLUES,
    file: 'content/ecs/error-codes.rst',
    notes: [],
    entries,
  };
}

describe('the service sidebar', () => {
  const { services } = loadServices('content');
  const ecs = services.find((s) => s.catalogue.id === 'ecs')!;
  const sidebar = buildServiceSidebar(ecs.catalogue, ecs.categories);

  it('links home, the overview, all codes, every category page and the about page', () => {
    const expected = [
      '/',
      '/ecs/',
      '/ecs/all/',
      ...ecs.categories.filter((c) => c.kind !== 'all').map((c) => c.path),
      '/about/',
    ];
    expect(links(sidebar).sort()).toEqual(expected.sort());
  });

  it('never links a code page', () => {
    const codePaths = new Set(ecs.pages.map((p) => p.path));
    expect(links(sidebar).filter((link) => codePaths.has(link))).toEqual([]);
  });

  it('groups categories by topic first, then status, code range and prefix', () => {
    const service = sidebar.find((item) => item.label === 'ECS');
    if (!service || !('items' in service)) throw new Error('the sidebar has no ECS group');
    expect(service.items.map((item) => item.label)).toEqual([
      'Overview',
      'All codes',
      'By topic',
      'By HTTP status',
      'By code range',
      'By prefix',
    ]);
  });

  it('opens the topic group and collapses the others', () => {
    const service = sidebar.find((item) => item.label === 'ECS') as Extract<SidebarItem, { items: SidebarItem[] }>;
    const groups = service.items.filter(
      (item): item is Extract<SidebarItem, { items: SidebarItem[] }> => 'items' in item,
    );
    expect(groups.map((g) => [g.label, g.collapsed])).toEqual([
      ['By topic', false],
      ['By HTTP status', true],
      ['By code range', true],
      ['By prefix', true],
    ]);
  });

  it('has as many items for a catalogue ten times larger', () => {
    const editorial = { families: [], topics: [] };
    const small = catalogueWith(20);
    const large = catalogueWith(200);
    expect(large.entries).toHaveLength(10 * small.entries.length);
    const smallLinks = links(buildServiceSidebar(small, listCategories(small, editorial)));
    const largeLinks = links(buildServiceSidebar(large, listCategories(large, editorial)));
    expect(largeLinks).toHaveLength(smallLinks.length);
    expect(smallLinks).toContain('/ecs/family/09xx/');
    expect(smallLinks).toContain('/ecs/status/404/');
  });

  it('turns a group longer than MAX_GROUP_LINKS into one link to that section of the overview', () => {
    const large = catalogueWith(1000);
    const categories = listCategories(large, { families: [], topics: [] });
    const families = categories.filter((c) => c.kind === 'family');
    expect(families.length).toBeGreaterThan(MAX_GROUP_LINKS);
    const service = buildServiceSidebar(large, categories).find((item) => item.label === 'ECS') as Extract<
      SidebarItem,
      { items: SidebarItem[] }
    >;
    expect(service.items).toContainEqual({ label: `By code range (${families.length})`, link: '/ecs/#by-family' });
    expect(links(service.items).filter((link) => link.startsWith('/ecs/family/'))).toEqual([]);
    expect(links(service.items)).toContain('/ecs/status/404/');
  });
});

describe('the sidebar of a service on a site of many services', () => {
  it('lists the topics and links every other group to its section of the overview', () => {
    const { services } = loadServices('content');
    const ecs = services[0];
    const sidebar = buildServiceSidebar(ecs.catalogue, ecs.categories, MANY_SERVICES);
    const service = sidebar.find((item) => item.label === 'ECS') as Extract<SidebarItem, { items: SidebarItem[] }>;
    const count = (kind: string) => ecs.categories.filter((c) => c.kind === kind).length;
    expect(service.items.slice(2)).toEqual([
      {
        label: 'By topic',
        collapsed: false,
        items: ecs.categories.filter((c) => c.kind === 'topic').map((c) => ({ label: c.label, link: c.path })),
      },
      { label: `By HTTP status (${count('status')})`, link: '/ecs/#by-status' },
      { label: `By code range (${count('family')})`, link: '/ecs/#by-family' },
      { label: `By prefix (${count('prefix')})`, link: '/ecs/#by-prefix' },
    ]);
    expect(sidebar[1]).toEqual({ label: 'All services', link: '/#services' });
  });
});

describe('the sidebar of pages outside a service', () => {
  const named = (id: string, name: string, short = id.toUpperCase()) => ({ id, name, short });

  it('lists a few services alphabetically, each named once when it has no display name', () => {
    expect(
      buildSiteSidebar([
        named('vpc', 'Virtual Private Cloud'),
        named('rds', 'RDS'),
        named('ecs', 'Elastic Cloud Server'),
      ]),
    ).toEqual([
      { label: 'Home', link: '/' },
      {
        label: 'Services',
        items: [
          { label: 'ECS: Elastic Cloud Server', link: '/ecs/' },
          { label: 'RDS', link: '/rds/' },
          { label: 'VPC: Virtual Private Cloud', link: '/vpc/' },
        ],
      },
      { label: 'About this reference', link: '/about/' },
    ]);
  });

  it('links the home page list instead of listing many services', () => {
    const many = Array.from({ length: 44 }, (_, i) => named(`s${i}`, `Service ${i}`));
    expect(buildSiteSidebar(many)).toEqual([
      { label: 'Home', link: '/' },
      { label: 'All 44 services', link: '/#services' },
      { label: 'About this reference', link: '/about/' },
    ]);
  });
});

describe('the service sidebar on a site of several services', () => {
  it('links the list of all services after Home, never the other services', () => {
    const sidebar = buildServiceSidebar({ id: 'rds', name: 'RDS', short: 'RDS' }, [], 44);
    expect(sidebar.map((item) => item.label)).toEqual(['Home', 'All services', 'RDS', 'About this reference']);
    expect(links(sidebar)).toEqual(['/', '/#services', '/rds/', '/rds/all/', '/about/']);
  });
});
