import { codeKey } from './code-spelling';
import { toMatchTargets, type LookupData } from './lookup-data';
import { createMatcher, type Matcher } from './matcher';

/** A code that a query names or whose message template fits the query. */
export interface DirectHit {
  service: string;
  serviceShort: string;
  code: string;
  /** Page path with the variant's anchor when one variant was matched: `/ecs/ecs-1000/#http-404`. */
  href: string;
  status: number;
  message: string;
  /** Texts that filled the template's slots, in order. */
  values: string[];
  reason: 'code' | 'message';
}

/** Lookup data of every loaded service, with a matcher over all their templates. */
export interface LookupIndex {
  services: LookupData[];
  matcher: Matcher;
  byCode: Map<string, { service: LookupData; code: LookupData['codes'][number] }[]>;
}

/** Builds the index the search dialog and the lookup page query. */
export function buildLookupIndex(services: readonly LookupData[]): LookupIndex {
  const byCode: LookupIndex['byCode'] = new Map();
  for (const service of services) {
    for (const code of service.codes) {
      const key = codeKey(code.code) ?? code.code.toLowerCase();
      byCode.set(key, [...(byCode.get(key) ?? []), { service, code }]);
    }
  }
  return { services: [...services], matcher: createMatcher(services.flatMap(toMatchTargets)), byCode };
}

/**
 * The codes a query points at directly: a code in any spelling, or a pasted message (filled in,
 * inside JSON or a log line) whose template the matcher recognises.
 */
export function findDirectHits(query: string, index: LookupIndex, options: { status?: number } = {}): DirectHit[] {
  const key = codeKey(query);
  if (key) {
    return (index.byCode.get(key) ?? []).flatMap(({ service, code }) => {
      const variants = code.variants.filter(([status]) => options.status === undefined || status === options.status);
      const [status, anchor, message] = variants[0] ?? code.variants[0];
      const href = variants.length === 1 && code.variants.length > 1 ? `${code.path}#${anchor}` : code.path;
      return [{ service: service.service, serviceShort: service.short, code: code.code, href, status, message, values: [], reason: 'code' as const }];
    });
  }
  const services = new Map(index.services.map((s) => [s.service, s]));
  const hits: DirectHit[] = [];
  for (const result of index.matcher.match(query, options)) {
    const [path, anchor] = result.target.id.split('#');
    const service = index.services.find((s) => path.startsWith(`/${s.service}/`));
    const lookup = service && services.get(service.service);
    const code = lookup?.codes.find((c) => c.path === path);
    if (!lookup || !code) continue;
    const message = code.variants.find(([, a]) => a === anchor)?.[2] ?? '';
    hits.push({
      service: lookup.service,
      serviceShort: lookup.short,
      code: code.code,
      href: code.variants.length > 1 ? `${path}#${anchor}` : path,
      status: result.target.status,
      message,
      values: result.values,
      reason: result.via === 'message' ? 'message' : 'code',
    });
  }
  return hits;
}
