import { defineRouteMiddleware, type StarlightRouteData } from '@astrojs/starlight/route-data';
import { getServices } from './pages/_collections.ts';
import { buildServiceSidebar, buildSiteSidebar, type SidebarItem } from './lib/pages/sidebar.ts';

type SidebarEntry = StarlightRouteData['sidebar'][number];

let sidebars: Promise<{ site: SidebarItem[]; services: Map<string, SidebarItem[]> }> | undefined;

/** The sidebar of the pages outside a service and each service's sidebar (see sidebar.ts), made once per build. */
function buildSidebars(): NonNullable<typeof sidebars> {
  sidebars ??= getServices().then((services) => ({
    site: buildSiteSidebar(services),
    services: new Map(services.map((s) => [s.id, buildServiceSidebar(s, s.categories, services.length)])),
  }));
  return sidebars;
}

/** A service's sidebar in the shape Starlight renders, with the link to this page marked current. */
function toEntries(items: readonly SidebarItem[], pathname: string): SidebarEntry[] {
  return items.map((item) =>
    'link' in item
      ? {
          type: 'link',
          label: item.label,
          href: item.link,
          isCurrent: item.link === pathname,
          badge: undefined,
          attrs: {},
        }
      : {
          type: 'group',
          label: item.label,
          entries: toEntries(item.items, pathname),
          collapsed: item.collapsed ?? false,
          badge: undefined,
        },
  );
}

/**
 * Gives every page under `/<service>/` its service's sidebar, and every other page the site's (Starlight would
 * write the config's `/#services` link as `/#services/`, a fragment no element has). Starlight caches the sidebar of its global
 * config but rebuilds and revalidates one passed to StarlightPage as a prop on every page; this makes the
 * service's items once and only copies them per page (a fresh copy, so pages rendered at once never share one).
 */
export const onRequest = defineRouteMiddleware(async (context) => {
  const service = context.url.pathname.split('/')[1];
  const { site, services } = await buildSidebars();
  const serviceItems = service ? services.get(service) : undefined;
  const items = serviceItems ?? site;
  const route = context.locals.starlightRoute;
  const pathname = context.url.pathname;
  // Only the first matching link is current, as in Starlight.
  let marked = false;
  const mark = (entries: SidebarEntry[]): void => {
    for (const entry of entries) {
      if (entry.type === 'group') mark(entry.entries);
      else if (entry.isCurrent) entry.isCurrent = marked ? false : (marked = true);
    }
  };
  route.sidebar = toEntries(items, pathname);
  mark(route.sidebar);
  if (!serviceItems) followSidebar(route);
});

/**
 * Previous and next links of a page outside a service, taken from the sidebar it shows: Starlight took them from
 * the config's, where `/#services` reads `/#services/`. Links the page turned off stay off.
 */
function followSidebar(route: StarlightRouteData): void {
  const links = flattenLinks(route.sidebar);
  const at = links.findIndex((link) => link.isCurrent);
  if (at < 0) return;
  route.pagination = {
    prev: route.pagination.prev && links[at - 1],
    next: route.pagination.next && links[at + 1],
  };
}

function flattenLinks(entries: readonly SidebarEntry[]): Extract<SidebarEntry, { type: 'link' }>[] {
  return entries.flatMap((entry) => (entry.type === 'group' ? flattenLinks(entry.entries) : [entry]));
}
