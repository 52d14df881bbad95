import { describe, expect, it } from 'vitest';
import {
  pathStartsWith,
  rankByEvidence,
  readEvidence,
  type ServiceClues,
} from '../../src/lib/lookup/service-evidence.ts';

const clues = (service: string, more: Partial<ServiceClues> = {}): ServiceClues => ({
  service,
  name: service.toUpperCase(),
  short: service.toUpperCase(),
  endpoints: [service],
  apiPaths: [],
  terms: [service.toUpperCase()],
  ...more,
});
const SERVICES = [
  clues('vpc', { apiPaths: ['/v1/{project_id}/vpcs'] }),
  clues('eip', { endpoints: ['vpc'], apiPaths: ['/v1/{project_id}/publicips'], terms: ['EIP', 'elastic IP'] }),
  clues('obs', { terms: ['OBS', 'bucket'] }),
  clues('as', { terms: ['AS'] }),
];

/** The evidence as `service score: reasons` lines. */
function evidence(text: string): string[] {
  return [...readEvidence(text, SERVICES)].map(([service, e]) => `${service} ${e.score}: ${e.reasons.join('; ')}`);
}

describe('reading which service a text points at', () => {
  it('reads the endpoint’s first label on any cloud’s host', () => {
    expect(evidence('GET https://obs.eu-de.otc.t-systems.com/x')).toEqual([
      'obs 2: the endpoint obs.eu-de.otc.t-systems.com',
    ]);
    expect(evidence('at obs.ap-southeast-1.myhuaweicloud.com:443')).toEqual([
      'obs 2: the endpoint obs.ap-southeast-1.myhuaweicloud.com',
    ]);
  });

  it('reads a bucket’s own host, whose second label is the service', () => {
    expect(evidence('https://logs.obs.eu-de.otc.t-systems.com/a.txt')).toEqual([
      'obs 2: the endpoint logs.obs.eu-de.otc.t-systems.com',
    ]);
  });

  it('counts an API path more than the host it is served on', () => {
    expect(evidence('POST https://vpc.eu-de.otc.t-systems.com/v1/30a5/publicips')).toEqual([
      'vpc 2: the endpoint vpc.eu-de.otc.t-systems.com',
      'eip 6: the endpoint vpc.eu-de.otc.t-systems.com; the API path /v1/{project_id}/publicips',
    ]);
  });

  it('reads a path after an HTTP method when no host is given', () => {
    expect(evidence('DELETE /v1/abc/publicips/123 failed')).toEqual(['eip 4: the API path /v1/{project_id}/publicips']);
  });

  it('reads an all-capitals term only in capitals, others in any case and number', () => {
    expect(evidence('as far as I know')).toEqual([]);
    expect(evidence('the AS group is full')).toEqual(['as 1: the words “AS”']);
    expect(evidence('Two Buckets exist')).toEqual(['obs 1: the words “bucket”']);
    expect(evidence('an Elastic  IP')).toEqual(['eip 1: the words “elastic IP”']);
  });

  it('does not read a term inside a code or a host', () => {
    expect(evidence('{"code":"EIP.0001","host":"my-eip.example"}')).toEqual([]);
  });

  it('does not take a dotted name of three parts without a top-level domain for a host', () => {
    expect(evidence('at vpc.0501.12')).toEqual([]);
  });
});

describe('matching an API path prefix', () => {
  it('matches segment by segment, any segment for a {placeholder}, ignoring case and the query', () => {
    expect(pathStartsWith('/v1/abc/publicips/1?x=1', '/v1/{project_id}/publicips')).toBe(true);
    expect(pathStartsWith('/V1/abc/PublicIPs', '/v1/{project_id}/publicips')).toBe(true);
    expect(pathStartsWith('/v1/abc/publicipsx', '/v1/{project_id}/publicips')).toBe(false);
    expect(pathStartsWith('/v1/abc', '/v1/{project_id}/publicips')).toBe(false);
  });
});

describe('ranking candidates by evidence', () => {
  const evidenceOf = (text: string) => readEvidence(text, SERVICES);
  it('puts the best-evidenced service first and says the evidence decides', () => {
    const { ranked, decided } = rankByEvidence(
      [{ service: 'vpc' }, { service: 'eip' }],
      evidenceOf('https://vpc.eu-de.otc.t-systems.com/v1/x/publicips'),
    );
    expect([ranked.map((c) => c.service), decided]).toEqual([['eip', 'vpc'], true]);
  });

  it('keeps the order and does not decide when the text says nothing', () => {
    const { ranked, decided } = rankByEvidence([{ service: 'vpc' }, { service: 'eip' }], evidenceOf('Invalid limit.'));
    expect([ranked.map((c) => c.service), decided]).toEqual([['vpc', 'eip'], false]);
  });
});
