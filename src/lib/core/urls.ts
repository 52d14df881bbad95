/**
 * Every site path of a service's pages and every fragment id on a code page, in one place: pages, index
 * pages and exports call these instead of assembling `/${service}/...` or `#http-404` themselves. Paths end
 * in `/` (pages) or a file name (exports).
 */

/**
 * The address the site is published at, its one definition: astro.config.mjs's `site`, and so the sitemap,
 * robots.txt, canonical links and the exports' URLs, and the URLs `npm run explain` prints. To publish elsewhere,
 * change it here; a single build can also take another with `npm run build -- --site https://…` (Astro's flag).
 * No environment variable changes it.
 */
export const SITE_URL = 'https://error-codes.example.org';

/** Removes trailing slashes from a site URL, so paths can be appended: `https://x.org/` -> `https://x.org`. */
export function normalizeSiteUrl(siteUrl: string): string {
  return siteUrl.replace(/\/+$/, '');
}

/**
 * The words a service's own URLs use right after `/ecs/`: the kinds of index page (`/ecs/all/`,
 * `/ecs/status/404/`), its other pages (`/ecs/changes/`) and its files (`/ecs/errors.json`, and `index`, the
 * name a server gives a folder's own page). A code's slug is never one of them.
 */
export const SERVICE_URL_WORDS = {
  categoryKinds: ['all', 'table', 'status', 'prefix', 'family', 'topic'],
  pages: ['changes'],
  files: ['errors', 'index'],
} as const;

/** A text as a path segment: lower case, each run of other characters than `a-z0-9` as one `-`, none at the ends. */
export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** The home page's list of every service: `/#services`. */
export const SERVICES_LIST_PATH = '/#services';

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

/** The part of an index page's path after its service (the route's `[...category]`): `all`, `status/404`, `topic/quotas`. */
export function categorySegments(kind: string, slug: string): string {
  return kind === 'all' ? 'all' : `${kind}/${slug}`;
}

/** An index page of a service: `/ecs/status/404/`, `/ecs/topic/quotas/`. */
export function categoryPath(service: string, kind: string, slug: string): string {
  return `/${service}/${categorySegments(kind, slug)}/`;
}

/** A code's page: `/ecs/ecs-0010/`. */
export function codePath(entry: { service: string; slug: string }): string {
  return `/${entry.service}/${entry.slug}/`;
}

/**
 * A file of a service's export that holds a run of its codes, named by the slugs of its first and last code:
 * `/ecs/errors/ecs-0000--ecs-0214.json`. A slug never has two hyphens in a row, so the name reads one way.
 */
export function exportShardPath(service: string, first: { slug: string }, last: { slug: string }): string {
  return `${shardStem(service, first, last)}.json`;
}

/**
 * The Markdown of a run of a service's codes, beside the export file of the same codes and named as it is:
 * `/ecs/errors/ecs-0000--ecs-0214.md`.
 */
export function markdownShardPath(service: string, first: { slug: string }, last: { slug: string }): string {
  return `${shardStem(service, first, last)}.md`;
}

function shardStem(service: string, first: { slug: string }, last: { slug: string }): string {
  return `/${service}/errors/${first.slug}--${last.slug}`;
}

/**
 * A code's Markdown twin: the Markdown file that holds it, with the code's slug as fragment (the id of its
 * section there): `/ecs/errors/ecs-0000--ecs-0214.md#ecs-0010`.
 */
export function codeMarkdownPath(shardPath: string, entry: { slug: string }): string {
  return anchoredPath(shardPath, entry.slug);
}

/**
 * A code's JSON document: its export file with a JSON Pointer (RFC 6901) to the code as fragment,
 * `/ecs/errors/ecs-0000--ecs-0214.json#/codes/Ecs.0010`.
 */
export function codeJsonPath(shardPath: string, code: string): string {
  return anchoredPath(shardPath, `/codes/${jsonPointerToken(code)}`);
}

/** A key as one token of a JSON Pointer in a URL fragment: `~` and `/` escaped (RFC 6901), then percent-encoded. */
function jsonPointerToken(key: string): string {
  return encodeURIComponent(key.replace(/~/g, '~0').replace(/\//g, '~1'));
}

/** A service's JSON export: `/ecs/errors.json`. */
export function serviceJsonPath(service: string): string {
  return `/${service}/errors.json`;
}

/** A redirect page for another spelling of a code's URL, under its service (`/ecs/Ecs.0010/`) or at the root (`/Ecs.0010/`). */
export function spellingPath(spelling: string, service?: string): string {
  return service === undefined ? `/${spelling}/` : `/${service}/${spelling}/`;
}

/** A path (or URL) with a fragment id: `/ecs/ecs-0010/#http-404`. */
export function anchoredPath(path: string, anchor: string): string {
  return `${path}#${anchor}`;
}

/** The fragment id that lands on a code's row for a status: `http-404`. */
export function statusAnchor(status: number): string {
  return `http-${status}`;
}

/**
 * The fragment id of a code's row, from its first status and how many rows of the code up to it have that
 * status (or none): `http-400` for the first 400 row, `http-400-2` for the second; `row-1`, `row-2` without one.
 */
export function rowAnchor(status: number | undefined, ordinal: number): string {
  if (status === undefined) return `row-${ordinal}`;
  return ordinal === 1 ? statusAnchor(status) : `${statusAnchor(status)}-${ordinal}`;
}

/** The fragment id of an earlier wording of a code, by its place among the code's wordings: `v2`. */
export function earlierWordingAnchor(index: number): string {
  return `v${index}`;
}

/**
 * The link to a code page with the text a message filled in: the values as `v` parameters (the page shows
 * them in the message) and the anchor of the row they fit: `/ecs/ecs-0010/?v=192.168.0.12#http-400`.
 */
export function filledCodeHref(hit: { path: string; values: readonly string[]; anchor?: string }): string {
  const params = new URLSearchParams(hit.values.map((v) => ['v', v]));
  const query = hit.values.length > 0 ? `?${params}` : '';
  return hit.anchor ? anchoredPath(`${hit.path}${query}`, hit.anchor) : `${hit.path}${query}`;
}

/** The lookup page: `/lookup/`, with what it is asked as parameters (`/lookup/?code=Common.0024`). */
export function lookupPagePath(params: Record<string, string> = {}): string {
  const query = new URLSearchParams(params).toString();
  return query ? `/lookup/?${query}` : '/lookup/';
}

/** The search page, which opens the search dialog with a query: `/search/?q=Ecs.0010`. */
export function searchPagePath(query: string): string {
  return `/search/?${new URLSearchParams({ q: query })}`;
}

/** The site's index for language models (https://llmstxt.org): each service's Markdown, export and page. */
export const LLMS_TXT_PATH = '/llms.txt';

/** The Markdown of every code of the site in one file, written only while it stays under its bound. */
export const LLMS_FULL_TXT_PATH = '/llms-full.txt';

/** The lookup's manifest: services, shard counts, code shapes and the anchor-word filter. */
export const LOOKUP_MANIFEST_PATH = '/lookup/manifest.json';

/** A code shard of the lookup data: `/lookup/c/ecs-0.json` holds Ecs.0000-0099. */
export function codeShardPath(key: string): string {
  return `/lookup/c/${key}.json`;
}

/** A word shard of the lookup data: `/lookup/w/3.json`. */
export function wordShardPath(shard: number): string {
  return `/lookup/w/${shard}.json`;
}

/** Every service with its clues (endpoints, API paths, words), which the lookup reads a text's service by. */
export const LOOKUP_SERVICES_PATH = '/lookup/services.json';

/** The synonym groups the search dialog expands a query with. */
export const SYNONYMS_PATH = '/lookup/synonyms.json';

/** The words of the code pages with their counts, which the search dialog corrects typos to. */
export const VOCABULARY_PATH = '/lookup/words.json';

/** What a site path is: a code page (`/ecs/ecs-0010/`), an index page (`/ecs/status/404/`), a service page (`/ecs/`), or other. */
export function pageKind(path: string): 'code' | 'category' | 'service' | 'other' {
  const segments = path.split('/').filter(Boolean);
  if (segments.length === 1) return ['about', 'lookup', 'search'].includes(segments[0]) ? 'other' : 'service';
  // Under a service: `all` is an index page and the other page words are pages; any other word is a code.
  // Computed here, not in module-level sets, so that a script importing this module pulls in nothing else.
  const { categoryKinds, pages }: Record<string, readonly string[]> = SERVICE_URL_WORDS;
  if (segments.length === 2) return segments[1] === 'all' ? 'category' : pages.includes(segments[1]) ? 'other' : 'code';
  if (segments.length === 3 && segments[1] !== 'all' && categoryKinds.includes(segments[1])) return 'category';
  return 'other';
}
