import { hasOwnShortName, shortServiceName, type ServiceNames } from '../core/service-name.ts';
import { allCodesPath, servicePath, SERVICES_LIST_PATH } from '../core/urls.ts';

/**
 * From this many services on, the home page lists them compactly in columns under a filter box, and the
 * sidebar of pages outside a service links that list instead of repeating it.
 */
export const MANY_SERVICES = 9;

/** A service as the home page lists it. */
export interface ServiceListItem {
  id: string;
  path: string;
  /** What stands out: `ECS`, or the name when the short name adds nothing (`ModelArts`). */
  label: string;
  /** The display name after the label, when it says more than the label. */
  name?: string;
  codes: number;
  /** What the filter box matches: the names and the id, lower-cased. */
  filterText: string;
}

/** The services in the order a reader scans for one: alphabetical by the name that stands out, case ignored. */
export function sortServices<T extends ServiceNames & { id: string }>(services: readonly T[]): T[] {
  return [...services].sort(
    (a, b) =>
      shortServiceName(a).localeCompare(shortServiceName(b), 'en', { sensitivity: 'base' }) || (a.id < b.id ? -1 : 1),
  );
}

/** The home page's list of services, sorted (see `sortServices`). */
export function listServiceItems(
  services: readonly (ServiceNames & { id: string; codes: number })[],
): ServiceListItem[] {
  return sortServices(services).map((s) => ({
    id: s.id,
    path: servicePath(s.id),
    label: shortServiceName(s),
    ...(hasOwnShortName(s) ? { name: s.name } : {}),
    codes: s.codes,
    filterText: `${s.short} ${s.name} ${s.id}`.toLowerCase(),
  }));
}

/** Which services a filter keeps: those whose text has every word of the query (`db`, `elastic ip`, `vpc`). */
export function filterServices(filterTexts: readonly string[], query: string): boolean[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return filterTexts.map((text) => words.every((w) => text.includes(w)));
}

/**
 * Where a page that found nothing sends a reader to browse (404, lookup without JavaScript): each service's
 * codes (`all ECS codes`) when there are few, else the home page's list (`all 44 services`).
 */
export function listBrowseLinks(
  services: readonly (ServiceNames & { id: string })[],
): { label: string; path: string }[] {
  if (services.length >= MANY_SERVICES) return [{ label: `all ${services.length} services`, path: SERVICES_LIST_PATH }];
  return sortServices(services).map((s) => ({ label: `all ${shortServiceName(s)} codes`, path: allCodesPath(s.id) }));
}
