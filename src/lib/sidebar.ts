import { allCodesPath, changesPath, servicePath } from './urls';
import type { Category, CategoryKind } from './categories';

/** A sidebar item in the shape Starlight's `sidebar` option and `StarlightPage` prop take. */
export type SidebarItem =
  | { label: string; link: string }
  | { label: string; items: SidebarItem[]; collapsed?: boolean };

const GROUPS: { kind: CategoryKind; label: string }[] = [
  { kind: 'table', label: 'By table' },
  { kind: 'topic', label: 'By topic' },
  { kind: 'status', label: 'By HTTP status' },
  { kind: 'family', label: 'By code range' },
  { kind: 'prefix', label: 'By prefix' },
];

/**
 * The sidebar of a service's pages: its overview, all codes and its category pages, never the codes
 * themselves, so a page's size does not grow with the number of codes.
 */
export function buildServiceSidebar(
  service: { id: string; short: string; history?: unknown },
  categories: readonly Pick<Category, 'kind' | 'label' | 'path'>[],
): SidebarItem[] {
  return [
    { label: 'Home', link: '/' },
    {
      label: service.short,
      items: [
        { label: 'Overview', link: servicePath(service.id) },
        { label: 'All codes', link: allCodesPath(service.id) },
        ...(service.history ? [{ label: 'What changed', link: changesPath(service.id) }] : []),
        ...GROUPS.map(({ kind, label }) => ({
          label,
          collapsed: kind !== 'topic',
          items: categories.filter((c) => c.kind === kind).map((c) => ({ label: c.label, link: c.path })),
        })).filter((group) => group.items.length > 0),
      ],
    },
    { label: 'About this reference', link: '/about/' },
  ];
}
