import { codeKey, keyParts, readCodeSpelling } from '../core/code-identity';
import { findDirectHits, type DirectHit, type LookupIndex } from './direct-hits';

/** What a deep link or the paste box asks for. Every field is untrusted text. */
export interface LookupQuery {
  code?: string;
  message?: string;
  status?: number;
  q?: string;
  service?: string;
}

/** What the lookup page does with a query. */
export type LookupOutcome =
  | { kind: 'empty' }
  | { kind: 'go'; hit: DirectHit }
  | { kind: 'choose'; hits: DirectHit[] }
  | { kind: 'unknown-code'; code: string; nearest: NearCode[]; hits: DirectHit[] }
  | { kind: 'search'; text: string };

/** A code near an unknown one: same prefix, nearest number. */
export interface NearCode {
  code: string;
  path: string;
  service: string;
  serviceShort: string;
}

const MAX_FIELD = 100_000;

/** Reads the lookup parameters from a URL query: trims them, bounds their length, keeps a valid status. */
export function readLookupQuery(params: URLSearchParams): LookupQuery {
  const field = (name: string) => {
    const value = params.get(name)?.slice(0, MAX_FIELD).trim();
    return value ? value : undefined;
  };
  const status = field('status');
  return {
    code: field('code'),
    message: field('message'),
    status: status && /^\d{3}$/.test(status) ? Number(status) : undefined,
    q: field('q'),
    service: field('service')?.toLowerCase(),
  };
}

/**
 * Decides where a lookup goes: straight to one code (at the variant's anchor when a status or the
 * message selects one), a chooser for several, a page for a well-formed code that does not exist, or
 * search results for text that matches no template.
 */
export function resolveLookup(query: LookupQuery, index: LookupIndex): LookupOutcome {
  const text = query.message ?? query.q ?? query.code ?? '';
  if (!text) return { kind: 'empty' };
  const options = { status: query.status, code: query.code, service: query.service };
  const explicit = query.code ?? (query.message || query.q ? undefined : text);
  const known = explicit === undefined || isKnownCode(explicit, index, query.service);
  if (!known && readCodeSpelling(explicit, index.shapes) !== null) {
    const hits = query.message || query.q ? findDirectHits(text, index, { ...options, code: undefined }) : [];
    return { kind: 'unknown-code', code: explicit.trim(), nearest: nearestCodes(explicit, index, query.service), hits };
  }
  const hits = findDirectHits(text, index, options);
  if (hits.length === 1) return { kind: 'go', hit: hits[0] };
  if (hits.length > 1) return { kind: 'choose', hits };
  return { kind: 'search', text };
}

function isKnownCode(code: string, index: LookupIndex, service?: string): boolean {
  const key = codeKey(code);
  if (!key || readCodeSpelling(code, index.shapes) === null) return true; // Not a code at all: it is matched as text.
  return index.services.some((s) => (!service || s.service === service) && s.codes.some((c) => codeKey(c.code) === key));
}

/** The codes with the same prefix and the nearest numbers to an unknown code, at most `limit`. */
export function nearestCodes(code: string, index: LookupIndex, service?: string, limit = 6): NearCode[] {
  const spelled = readCodeSpelling(code, index.shapes);
  if (spelled === null) return [];
  const wanted = keyParts(spelled);
  const target = Number(wanted.number);
  const near: (NearCode & { distance: number })[] = [];
  for (const s of index.services) {
    if (service && s.service !== service) continue;
    for (const c of s.codes) {
      const parts = keyParts(codeKey(c.code));
      if (parts.prefix !== wanted.prefix || parts.number === '' || wanted.number === '') continue;
      near.push({ code: c.code, path: c.path, service: s.service, serviceShort: s.short, distance: Math.abs(Number(parts.number) - target) });
    }
  }
  return near
    .sort((a, b) => a.distance - b.distance || a.code.localeCompare(b.code))
    .slice(0, limit)
    .sort((a, b) => a.code.localeCompare(b.code))
    .map(({ distance: _distance, ...rest }) => rest);
}
