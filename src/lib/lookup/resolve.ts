import {
  codeKey,
  decidesInText,
  findCodesInText,
  keyParts,
  readCodeSpelling,
  splitCode,
  type CodeInText,
} from '../core/code-identity.ts';
import { findDirectHits, type DirectHit, type LookupIndex } from './direct-hits.ts';
import { carriedMessage, claimedCodes, MAX_INPUT } from './input-fields.ts';
import { rankByEvidence, readEvidence, type ServiceEvidence } from './service-evidence.ts';

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
  /** One answer; `because` says what in the text chose its service among others that have the code. */
  | { kind: 'go'; hit: DirectHit; because?: string[] }
  /** Several answers the text cannot decide between, the likeliest first; `undecided` says what it could not tell apart. */
  | { kind: 'choose'; hits: DirectHit[]; undecided: string }
  /**
   * A code the text carries that no table lists: the services its prefix or endpoint points to, the message the
   * text carried, the codes nearest to it, and rows whose message reads like the text (never gone to).
   */
  | {
      kind: 'unknown-code';
      code: string;
      services: PointedService[];
      message?: string;
      nearest: NearCode[];
      hits: DirectHit[];
    }
  | { kind: 'search'; text: string };

/** A service an unknown code points to, and why (`the endpoint ecs.eu-de.otc.t-systems.com`, `codes of the prefix Ecs`). */
export interface PointedService {
  service: string;
  name: string;
  short: string;
  because: string[];
}

/** A code near an unknown one: same prefix, nearest number. */
export interface NearCode {
  code: string;
  path: string;
  service: string;
  serviceShort: string;
  /** Its first current row's message template, to tell what it is about. */
  message: string;
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
 * Decides where a lookup goes: straight to one answer (at the variant's anchor when a status or the message
 * selects one), a chooser for answers the text cannot tell apart (ordered by what it says of its service), a
 * page for a code the text carries that no table lists, or search results for text that matches no template.
 */
export function resolveLookup(query: LookupQuery, index: LookupIndex): LookupOutcome {
  const text = query.message ?? query.q ?? query.code ?? '';
  if (!text) return { kind: 'empty' };
  const options = {
    status: query.status,
    code: query.code,
    service: query.service,
    asMessage: query.message !== undefined,
  };
  // A code asked for: the `code` parameter, or a query that is only a code in a known shape (`Ecs.0019`).
  const explicit =
    query.code ?? (query.message === undefined && readCodeSpelling(text, index.shapes) !== null ? text : undefined);
  if (
    explicit !== undefined &&
    !isKnownCode(explicit, index, query.service) &&
    readCodeSpelling(explicit, index.shapes) !== null
  ) {
    const hits = query.message ? findDirectHits(text, index, { ...options, code: undefined }) : [];
    return unknownCode(explicit.trim(), text, index, hits, query.service);
  }
  const hits = preferMatchedWording(findDirectHits(text, index, options));
  if (query.code === undefined) {
    const raw = text.slice(0, MAX_INPUT);
    const inText = findCodesInText(raw, index.shapes);
    const claimed = [...claimedCodes(raw), ...prefixedCodes(raw, inText)];
    const stands = new Set([
      ...claimed.map(codeKey),
      ...inText.map((f) => f.key),
      codeKey(raw.length <= 200 ? raw : ''),
    ]);
    if (
      claimed.length > 0 &&
      !claimed.some((c) => hasCode(c, index, query.service)) &&
      !hits.some((h) => stands.has(codeKey(h.code)))
    ) {
      return unknownCode(claimed[0], text, index, hits, query.service);
    }
  }
  if (hits.length === 0) return { kind: 'search', text };
  const evidence = readEvidence(text, index.clues);
  const { ranked, decided } = rankByEvidence(mergeSameAnswers(rankByEvidence(hits, evidence).ranked), evidence);
  const because = evidence.get(ranked[0].service)?.reasons;
  // The evidence is worth saying when it chose among services: between answers, or the first of one answer's services.
  if (decided && (ranked.length > 1 || ranked[0].alsoIn) && because) return { kind: 'go', hit: ranked[0], because };
  if (decided) return { kind: 'go', hit: ranked[0] };
  return { kind: 'choose', hits: ranked, undecided: describeUndecided(ranked, evidence) };
}

/**
 * Of the services that have a code, those whose row the text's message matched: a code in several services with
 * its message found in one of them is that one's (`DBS.200041` with DDS's "Invalid datastore version.").
 */
function preferMatchedWording(hits: DirectHit[]): DirectHit[] {
  const matched = new Set(hits.filter((h) => h.reason === 'code+message').map((h) => codeKey(h.code)));
  return hits.filter((h) => h.reason !== 'code' || !matched.has(codeKey(h.code)));
}

/**
 * Codes of a known shape with a prefix among those found in a text (`Ecs.0016` in a console toast), as the text
 * wrote them: a text that carries one no table lists gets the unknown-code answer. Plain numbers are left out: a
 * long number in a log line is more often an id than a code.
 */
function prefixedCodes(raw: string, inText: readonly CodeInText[]): string[] {
  return inText
    .filter((f) => decidesInText(f.key) && keyParts(f.key).prefix !== '')
    .map((f) => raw.slice(f.index, f.index + f.length));
}

/**
 * Hits of several services that give the same answer (the same code, rows reading the same) as one hit, the
 * first of them kept with the others in `alsoIn`.
 */
export function mergeSameAnswers(hits: readonly DirectHit[]): DirectHit[] {
  const merged = new Map<string, DirectHit>();
  const out: DirectHit[] = [];
  for (const hit of hits) {
    const key = hit.same === undefined ? undefined : `${codeKey(hit.code)} ${hit.same}`;
    const first = key === undefined ? undefined : merged.get(key);
    if (first) {
      first.alsoIn = [
        ...(first.alsoIn ?? []),
        { service: hit.service, serviceShort: hit.serviceShort, path: hit.path },
      ];
      continue;
    }
    const copy = { ...hit };
    if (key !== undefined) merged.set(key, copy);
    out.push(copy);
  }
  return out;
}

/** What a chooser says it could not decide: which services have the code with other wording, or that codes tie. */
function describeUndecided(hits: readonly DirectHit[], evidence: ReadonlyMap<string, ServiceEvidence>): string {
  const codes = new Set(hits.map((h) => codeKey(h.code)));
  if (codes.size > 1) return `${hits.length} codes match equally.`;
  const named = (h: DirectHit) => h.serviceShort;
  const pointed = hits.filter((h) => evidence.has(h.service));
  const said = pointed.length > 1 ? ` The text points to ${pointed.map(named).join(' and ')} alike.` : '';
  return `${hits[0].code} exists in ${hits.length} services (${hits.map(named).join(', ')}), each with its own wording, and the text does not say which answered.${said}`;
}

/** Evidence below this score is words alone, weaker than a code prefix (a host scores 2, an API path 4). */
const WORD_ONLY_BELOW = 2;

/** The answer for a code no table lists: where its prefix and the text point, what it said, the codes nearby. */
function unknownCode(
  code: string,
  text: string,
  index: LookupIndex,
  hits: DirectHit[],
  service?: string,
): LookupOutcome {
  const nearest = nearestCodes(code, index, service);
  const services = new Map<string, PointedService>();
  const point = (id: string, because: string) => {
    const clues = index.clues.find((c) => c.service === id) ?? index.services.find((s) => s.service === id);
    if (!clues) return;
    const pointed = services.get(id) ?? { service: id, name: clues.name, short: clues.short, because: [] };
    services.set(id, pointed);
    if (!pointed.because.includes(because)) pointed.because.push(because);
  };
  // An endpoint or API path first, then the services whose codes share the prefix, then words of the text.
  const evidence = [...readEvidence(text, index.clues)].sort(([, a], [, b]) => b.score - a.score);
  const byWordsOnly = (score: number) => score < WORD_ONLY_BELOW;
  for (const [id, e] of evidence) if (!byWordsOnly(e.score)) for (const reason of e.reasons) point(id, reason);
  for (const near of nearest) point(near.service, `its codes of the prefix ${splitCode(near.code).prefix}`);
  for (const [id, e] of evidence) if (byWordsOnly(e.score)) for (const reason of e.reasons) point(id, reason);
  const message = carriedMessage(text, code);
  return {
    kind: 'unknown-code',
    code,
    services: [...services.values()],
    ...(message ? { message } : {}),
    nearest,
    hits,
  };
}

function isKnownCode(code: string, index: LookupIndex, service?: string): boolean {
  if (!codeKey(code) || readCodeSpelling(code, index.shapes) === null) return true; // Not a code at all: it is matched as text.
  return hasCode(code, index, service);
}

/** Whether a service (or any) has a code, in any spelling. */
function hasCode(code: string, index: LookupIndex, service?: string): boolean {
  const key = codeKey(code);
  return index.services.some(
    (s) => (!service || s.service === service) && s.codes.some((c) => codeKey(c.code) === key),
  );
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
      const message = c.variants.find((v) => v.rank === 0)?.message ?? '';
      near.push({
        code: c.code,
        path: c.path,
        service: s.service,
        serviceShort: s.short,
        message,
        distance: Math.abs(Number(parts.number) - target),
      });
    }
  }
  return near
    .sort((a, b) => a.distance - b.distance || a.code.localeCompare(b.code))
    .slice(0, limit)
    .sort((a, b) => a.code.localeCompare(b.code))
    .map(({ distance: _distance, ...rest }) => rest);
}
