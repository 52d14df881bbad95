import { learnShapes, type CodeShapes } from '../core/code-identity.ts';
import { toMatchTargets, type LookupCode, type LookupData } from './lookup-data.ts';
import { createMatcher, type Matcher, type MatchResult } from './matcher.ts';
import type { ServiceClues } from './service-evidence.ts';

/** A code that a query names or whose message template fits the query. */
export interface DirectHit {
  service: string;
  serviceShort: string;
  code: string;
  /** The code page. */
  path: string;
  /** Fragment of the variant the query selects (`http-404`), when it selects one. */
  anchor?: string;
  /** The selected (or first) variant's statuses. */
  statuses: number[];
  /** The selected (or first) variant's message template. */
  message: string;
  /** Its description, when the table has one: tells apart codes that share a message. */
  description?: string;
  /** Texts that filled the template's slots, in order. */
  values: string[];
  /** How the text points at the code: its code, its message, or both (a JSON body). */
  reason: MatchResult['via'];
  /**
   * For a code that several services have: the key of what the hit's rows say (message, description,
   * solution); hits of several services with the same code and key are one answer.
   */
  same?: string;
  /** The other services that give this same answer, when several do. */
  alsoIn?: { service: string; serviceShort: string; path: string }[];
}

/** Lookup data of every loaded service, with a matcher over all their templates. */
export interface LookupIndex {
  services: LookupData[];
  matcher: Matcher;
  /** Code page path -> its service and code. */
  byPath: Map<string, { service: LookupData; code: LookupCode }>;
  /** The shapes of the codes it knows (and of every code of the site, when the caller has them). */
  shapes: CodeShapes;
  /** Every service of the site with its clues, by which a text says which service answered. */
  clues: ServiceClues[];
}

/** Builds the index the search dialog and the lookup page query. */
export function buildLookupIndex(
  services: readonly LookupData[],
  siteShapes?: CodeShapes,
  clues: readonly ServiceClues[] = [],
): LookupIndex {
  const byPath: LookupIndex['byPath'] = new Map();
  for (const service of services) {
    for (const code of service.codes) byPath.set(code.path, { service, code });
  }
  const own = learnShapes(services.flatMap((s) => s.codes.map((c) => c.code)));
  const shapes = siteShapes
    ? {
        exact: new Set([...own.exact, ...siteShapes.exact]),
        loose: new Set([...own.loose, ...siteShapes.loose]),
        maxTokens: Math.max(own.maxTokens, siteShapes.maxTokens),
      }
    : own;
  return {
    services: [...services],
    matcher: createMatcher(services.flatMap(toMatchTargets)),
    byPath,
    shapes,
    clues: [...clues],
  };
}

/** Hints besides the text: an HTTP status, a code, a service to keep to. */
export interface HitOptions {
  status?: number;
  code?: string;
  service?: string;
  /** The text is a message, not a paste (`MatchOptions.asMessage`). */
  asMessage?: boolean;
}

/**
 * The codes a query points at directly: a code in any spelling, or a pasted message (filled in,
 * inside JSON or a log line) whose template the matcher recognises. One hit per code, best first.
 */
export function findDirectHits(text: string, index: LookupIndex, options: HitOptions = {}): DirectHit[] {
  const results = index.matcher.match(text, {
    status: options.status,
    code: options.code,
    asMessage: options.asMessage,
  });
  const byPage = new Map<string, MatchResult[]>();
  for (const result of results) {
    const { path } = result.target;
    byPage.set(path, [...(byPage.get(path) ?? []), result]);
  }
  const hits: DirectHit[] = [];
  for (const [path, group] of byPage) {
    const found = index.byPath.get(path);
    if (!found || (options.service && found.service.service !== options.service)) continue;
    hits.push(toHit(found.service, found.code, group, options.status));
  }
  return hits;
}

/**
 * One hit for a code from its matched wordings: a wording the message matched, else the current row with
 * the asked status, else the first current row. Earlier wordings (rank 1 or more) win only by message.
 */
function toHit(service: LookupData, code: LookupCode, group: MatchResult[], status?: number): DirectHit {
  const matched = group.find((r) => r.via !== 'code');
  const current = group.filter((r) => !r.target.rank);
  const byStatus = status === undefined ? undefined : current.find((r) => r.target.statuses.includes(status));
  const best = matched ?? byStatus ?? current[0] ?? group[0];
  const { anchor } = best.target;
  const variant = code.variants.find((v) => v.anchor === anchor) ?? code.variants[0];
  // A row is selected when the message matched it, or the status picks it among several current rows.
  const selects = matched !== undefined || (byStatus !== undefined && current.length > 1);
  // What the answer says: the selected row's wording, else that of every current row.
  const rows = selects ? [variant] : code.variants.filter((v) => v.rank === 0);
  const same = rows.every((v) => v.same) ? rows.map((v) => v.same).join(' ') : undefined;
  return {
    service: service.service,
    serviceShort: service.short,
    code: code.code,
    path: code.path,
    anchor: selects ? anchor : undefined,
    statuses: variant.statuses,
    message: variant.message,
    description: variant.description,
    values: best.values,
    reason: group.some((r) => r.via === 'code+message') ? 'code+message' : best.via,
    ...(same ? { same } : {}),
  };
}
