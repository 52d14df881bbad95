import { readCodeSpelling, urlSpellings, type CodeShapes } from '../core/code-identity.ts';
import { lookupPagePath, spellingPath } from '../core/urls.ts';
import { escapeXml } from '../core/xml-text.ts';

/** A common spelling of a code's URL and the page it leads to (the 404 page, a `_redirects` rule or a redirect page). */
export interface Alias {
  /** Site path of the redirect page, with a trailing slash: `/ecs/Ecs.0010/`. */
  from: string;
  /** Where it leads: the code page, or the lookup chooser for a code that several services have. */
  to: string;
  code: string;
}

/** What aliases need to know of a service's codes. */
export interface AliasSource {
  service: string;
  codes: { code: string; path: string }[];
}

/**
 * The URL spellings people type or paste for a code (`/ecs/Ecs.0010/`, `/ecs/ECS.0010/`,
 * `/ecs/ecs.0010/`, `/ecs/ecs0010/`, `/ecs/Ecs_0010/`, `/Ecs.0010/`), each leading to the code's page, or to the
 * lookup's chooser for a root spelling that several services' codes share. The 404 page resolves these and any
 * other spelling in the browser; `_redirects` rules (`redirect-rules.ts`) and, as an option, redirect pages answer
 * for some of them without JavaScript.
 */
export function listAliases(services: readonly AliasSource[]): Alias[] {
  const aliases = new Map<string, Alias>();
  // A spelling that two codes of a service share (`BadDigest`, `Baddigest` -> `baddigest`) leads to neither:
  // the 404 page's resolver offers both.
  const ambiguous = new Set<string>();
  const rootTargets = new Map<string, Set<string>>();
  const pages = new Set(services.flatMap((s) => s.codes.map((c) => c.path)));
  for (const { service, codes } of services) {
    for (const { code, path } of codes) {
      for (const spelling of urlSpellings(code)) {
        const from = spellingPath(spelling, service);
        if (from === path || pages.has(from)) continue;
        const earlier = aliases.get(from);
        if (earlier && earlier.to !== path) ambiguous.add(from);
        else aliases.set(from, { from, to: path, code });
      }
      if (!/^[A-Za-z0-9._-]+$/.test(code)) continue;
      const root = spellingPath(code);
      rootTargets.set(root, new Set([...(rootTargets.get(root) ?? []), path]));
    }
  }
  for (const from of ambiguous) aliases.delete(from);
  for (const [from, targets] of rootTargets) {
    const code = from.slice(1, -1);
    const to = targets.size === 1 ? [...targets][0] : lookupPagePath({ code });
    if (!aliases.has(from)) aliases.set(from, { from, to, code });
  }
  return [...aliases.values()];
}

/** Reads a code (and the service, when the path names one) from any path: `/ecs/ECS-0010` -> ecs, ECS-0010. */
export function codeFromPath(
  pathname: string,
  services: readonly string[],
  shapes: CodeShapes,
): { service?: string; code: string } | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  const segments = decoded.split('/').filter(Boolean);
  const last = segments.at(-1)?.replace(/\.(html?|json)$/i, '');
  // Only a segment of a known code's shape is a code: `v1.0` or `a1` in a path is not.
  if (!last || readCodeSpelling(last, shapes) === null) return null;
  const first = segments[0]?.toLowerCase();
  const service = segments.length > 1 && first && services.includes(first) ? first : undefined;
  return { service, code: last };
}

/**
 * Where a spelling's target is, with the query and #anchor the browser arrived with, as a redirect page and the 404
 * page send it on: the query after the target's own (`/lookup/?code=Common.0024&status=429`), the arrival's
 * #anchor rather than the target's (`/ecs/ecs-0010/?v=10.0.0.1#http-400`).
 */
export function carryQueryAndHash(target: string, search: string, hash: string): string {
  const cut = target.indexOf('#');
  const path = cut < 0 ? target : target.slice(0, cut);
  const anchor = hash.length > 1 ? hash : cut < 0 ? '' : target.slice(cut);
  const query = search.length > 1 ? (path.includes('?') ? `&${search.replace(/^\?/, '')}` : search) : '';
  return `${path}${query}${anchor}`;
}

/**
 * The script of every redirect page. It reads its target from its own `data-to`, so its text, and the hash that
 * allows it, is the same on every page.
 */
export const REDIRECT_SCRIPT =
  "(s=>location.replace(s.dataset.to+(s.dataset.to.includes('?')?location.search.replace(/^\\?/,'&'):location.search)+location.hash))(document.currentScript)";

/** A redirect page's Content-Security-Policy: its own script, by its hash (tests/pages/aliases.test.ts checks it), and nothing else. */
export const REDIRECT_POLICY = "default-src 'none'; script-src 'sha256-JACeBtwtK3f6U6Lr7oks66CdCo76i9kOC6glufDQWKM='";

/** A tiny page that sends the browser on at once, keeping the query and #anchor (the `redirectPages` option). */
export function renderRedirectPage(alias: Alias, canonicalUrl: string): string {
  const to = escapeXml(alias.to);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeXml(alias.code)}</title>
<meta http-equiv="content-security-policy" content="${REDIRECT_POLICY}">
<meta name="robots" content="noindex"><link rel="canonical" href="${escapeXml(canonicalUrl)}">
<script data-to="${to}">${REDIRECT_SCRIPT}</script>
<meta http-equiv="refresh" content="0; url=${to}">
</head><body><p>${escapeXml(alias.code)} is at <a href="${to}">${to}</a>.</p></body></html>
`;
}
