/**
 * Every site path of a service's pages, in one place: pages, index pages and exports call these instead of
 * assembling `/${service}/...` themselves. Paths end in `/` (pages) or a file name (exports).
 */

/** The service's overview page: `/ecs/`. */
export function servicePath(service: string): string {
  return `/${service}/`;
}

/** The page of all a service's codes: `/ecs/all/`. */
export function allCodesPath(service: string): string {
  return `/${service}/all/`;
}

/** The page of what changed between versions of a service's table: `/ecs/changes/`. */
export function changesPath(service: string): string {
  return `/${service}/changes/`;
}

/** An index page of a service: `/ecs/status/404/`, `/ecs/topic/quotas/`. */
export function categoryPath(service: string, kind: string, slug: string): string {
  return kind === 'all' ? allCodesPath(service) : `/${service}/${kind}/${slug}/`;
}

/** A code's page: `/ecs/ecs-0010/`. */
export function codePath(entry: { service: string; slug: string }): string {
  return `/${entry.service}/${entry.slug}/`;
}

/** A code's JSON document: `/ecs/ecs-0010.json`. */
export function codeJsonPath(entry: { service: string; slug: string }): string {
  return `/${entry.service}/${entry.slug}.json`;
}

/** A service's JSON export: `/ecs/errors.json`. */
export function serviceJsonPath(service: string): string {
  return `/${service}/errors.json`;
}

/** A redirect page for another spelling of a code's URL, under its service (`/ecs/Ecs.0010/`) or at the root (`/Ecs.0010/`). */
export function spellingPath(spelling: string, service?: string): string {
  return service === undefined ? `/${spelling}/` : `/${service}/${spelling}/`;
}
