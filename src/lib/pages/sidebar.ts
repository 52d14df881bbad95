import { allCodesPath, changesPath, servicePath, SERVICES_LIST_PATH } from '../core/urls.ts';
import type { Category, CategoryKind } from './categories.ts';
import { listedServiceName, shortServiceName, type ServiceNames } from '../core/service-name.ts';
import { MANY_SERVICES, sortServices } from './service-list.ts';

/** A sidebar item in the shape Starlight's `sidebar` option and `StarlightPage` prop take. */
export type SidebarItem =
  { label: string; link: string } | { label: string; items: SidebarItem[]; collapsed?: boolean };

const GROUPS: { kind: CategoryKind; label: string }[] = [
  { kind: 'table', label: 'By table' },
  { kind: 'topic', label: 'By topic' },
  { kind: 'status', label: 'By HTTP status' },
  { kind: 'family', label: 'By code range' },
  { kind: 'prefix', label: 'By prefix' },
];

/** Most links a category group shows in the sidebar; a longer one is a single link to the overview's section. */
export const MAX_GROUP_LINKS = 30;

/**
 * The sidebar of the pages outside a service (home, about, lookup, search): a few services are listed by name
 * (`ECS: Elastic Cloud Server`); from MANY_SERVICES on, one link leads to the home page's list, which has a filter.
 */
export function buildSiteSidebar(services: readonly (ServiceNames & { id: string })[]): SidebarItem[] {
  return [
    { label: 'Home', link: '/' },
    services.length >= MANY_SERVICES
      ? { label: `All ${services.length} services`, link: SERVICES_LIST_PATH }
      : {
          label: 'Services',
          items: sortServices(services).map((s) => ({ label: listedServiceName(s), link: servicePath(s.id) })),
        },
    { label: 'About this reference', link: '/about/' },
  ];
}

/**
 * The sidebar of a service's pages: its overview, all codes and its category pages, never the codes
 * themselves, and at most MAX_GROUP_LINKS per group, so a page's size does not grow with the number of codes.
 * On a site of several services it links the home page's list of them (`All services`), never each one; from
 * MANY_SERVICES on, it lists the topics and links each other group to its section of the overview.
 */
export function buildServiceSidebar(
  service: ServiceNames & { id: string; history?: unknown },
  categories: readonly Pick<Category, 'kind' | 'label' | 'path'>[],
  siteServices = 1,
): SidebarItem[] {
  return [
    { label: 'Home', link: '/' },
    ...(siteServices > 1 ? [{ label: 'All services', link: SERVICES_LIST_PATH }] : []),
    {
      label: shortServiceName(service),
      items: [
        { label: 'Overview', link: servicePath(service.id) },
        { label: 'All codes', link: allCodesPath(service.id) },
        ...(service.history ? [{ label: 'What changed', link: changesPath(service.id) }] : []),
        ...GROUPS.flatMap(({ kind, label }): SidebarItem[] => {
          const items = categories.filter((c) => c.kind === kind).map((c) => ({ label: c.label, link: c.path }));
          if (items.length === 0) return [];
          // A long group (a thousand-code table has a hundred code ranges) would be most of every page's HTML,
          // and so would every group but the topics on a site of many services (7,600 pages of 44 services):
          // such a group is one link to that section of the overview, which lists them all.
          const listed = kind === 'topic' || siteServices < MANY_SERVICES;
          if (!listed || items.length > MAX_GROUP_LINKS)
            return [{ label: `${label} (${items.length})`, link: `${servicePath(service.id)}#by-${kind}` }];
          return [{ label, collapsed: kind !== 'topic', items }];
        }),
      ],
    },
    { label: 'About this reference', link: '/about/' },
  ];
}
