/**
 * Which service answered, read from a pasted text: the endpoint's host (`ecs.eu-de.otc.t-systems.com`), the API
 * path (`/v1/<project>/publicips` is EIP's, on VPC's host) and words that name a service (`RDS instance`,
 * `bucket`). Each service declares its clues in `service.json`; the defaults are its folder id as the host's
 * first label and its short and full names as words. Browser-safe: no Node import.
 */

import type { Clues } from '../catalogue/service-meta.ts';

/** A service with what it is recognised by in a pasted text (`Clues`: endpoints, API paths, words). */
export type ServiceClues = Clues & { service: string; name: string; short: string };

/** How strongly one service is pointed at, and by what (for the answer to say). */
export interface ServiceEvidence {
  score: number;
  reasons: string[];
}

/** Points per kind of clue: an API path is the most specific, then the host, then a word. */
const WEIGHT = { path: 4, host: 2, term: 1 } as const;

/** Characters of a text read for clues: a host, a path and the words around them stand near the start of any error. */
const MAX_TEXT = 32_768;

// A host of three or more labels ending in a top-level domain, with the path after it (`https://` optional).
const HOST =
  /(?<![\w.-])(?:https?:\/\/)?((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.){2,}[a-z]{2,24})(?::\d{1,5})?(\/[^\s"'<>\],;)]*)?/gi;
// A path after an HTTP method, for a log line that gives no host (`POST /v3/abc/elb/loadbalancers`).
const METHOD_PATH = /\b(?:GET|POST|PUT|PATCH|DELETE|HEAD)\s+(\/[^\s"'<>\],;)]*)/g;

// A letter or digit, a `.` or `_`, a letter or digit: what codes (`ELB.0002`, `CCE_CM.0201`), hosts and identifiers have.
const JOINED = /[\p{L}\p{N}][._][\p{L}\p{N}]/u;

/** The services a text points at, with their evidence; services it does not point at are absent. */
export function readEvidence(text: string, services: readonly ServiceClues[]): Map<string, ServiceEvidence> {
  const input = text.slice(0, MAX_TEXT);
  const found = new Map<string, ServiceEvidence>();
  const add = (service: string, points: number, reason: string) => {
    const evidence = found.get(service) ?? { score: 0, reasons: [] };
    found.set(service, evidence);
    if (evidence.reasons.includes(reason)) return;
    evidence.score += points;
    evidence.reasons.push(reason);
  };
  const paths: string[] = [];
  for (const [, host = '', path] of input.matchAll(HOST)) {
    // The first label names the service; a bucket's own host puts it second (`logs.obs.eu-de.otc.t-systems.com`).
    const labels = host.toLowerCase().split('.').slice(0, 2);
    for (const s of services) {
      if (labels.some((l) => s.endpoints.includes(l)))
        add(s.service, WEIGHT.host, `the endpoint ${host.toLowerCase()}`);
    }
    if (path) paths.push(path);
  }
  for (const [, path = ''] of input.matchAll(METHOD_PATH)) paths.push(path);
  for (const path of paths) {
    for (const s of services) {
      const prefix = s.apiPaths.find((p) => pathStartsWith(path, p));
      if (prefix) add(s.service, WEIGHT.path, `the API path ${prefix}`);
    }
  }
  // Words are read outside codes and hosts: `ELB.0002` names no service, since both load balancers have it.
  const prose = input.replace(/\S+/g, (token) => (JOINED.test(token) ? ' ' : token));
  for (const s of services) {
    for (const term of s.terms) if (termStandsIn(prose, term)) add(s.service, WEIGHT.term, `the words “${term}”`);
  }
  return found;
}

/** Whether a path begins with a declared prefix, segment by segment; `{…}` matches any one segment. */
export function pathStartsWith(path: string, prefix: string): boolean {
  const segments = (p: string) => p.split(/[?#]/)[0].split('/').filter(Boolean);
  const have = segments(path);
  const want = segments(prefix);
  if (want.length === 0 || have.length < want.length) return false;
  return want.every((w, i) => /^\{[^}]*\}$/.test(w) || w.toLowerCase() === have[i].toLowerCase());
}

/**
 * Whether a term stands in a text as whole words: an all-capitals term (`RDS`, `AS`) only in capitals, any other
 * (`bucket`, `load balancer`) in any case, in either number.
 */
function termStandsIn(text: string, term: string): boolean {
  const shouted = term === term.toUpperCase();
  const escaped = term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?:e?s)?(?![\\p{L}\\p{N}])`, shouted ? 'u' : 'iu').test(text);
}

/**
 * Orders candidates by the evidence for their service, strongest first (a stable sort: candidates the text
 * says nothing about keep their order), and says whether the evidence settles it: one candidate scores more
 * than every other.
 */
export function rankByEvidence<T extends { service: string }>(
  candidates: readonly T[],
  evidence: ReadonlyMap<string, ServiceEvidence>,
): { ranked: T[]; decided: boolean } {
  const score = (c: T) => evidence.get(c.service)?.score ?? 0;
  const ranked = [...candidates].sort((a, b) => score(b) - score(a));
  const decided = ranked.length === 1 || (ranked.length > 1 && score(ranked[0]) > score(ranked[1]));
  return { ranked, decided };
}
