import { describe, expect, it } from 'vitest';
import { loadServices } from '../../src/lib/assembly/load-site.ts';

// tests/fixtures/cloud: services that share codes, some reading the same in each.
const { services } = loadServices('tests/fixtures/cloud/content');

/** What a code page of a service says of the same code elsewhere, as `short path same|other` lines. */
function elsewhere(service: string, code: string): string[] | undefined {
  const page = services.find((s) => s.catalogue.id === service)?.pages.find((p) => p.entry.code === code);
  if (!page) throw new Error(`${service} has no ${code}`);
  return page.elsewhere?.map((o) => `${o.short} ${o.path} ${o.same ? 'same' : 'other'}`);
}

describe('a code page and the same code in other services', () => {
  it('names the service whose rows read the same, whitespace and case aside', () => {
    expect(elsewhere('vpc', 'VPC.0501')).toEqual(['EIP /eip/vpc-0501/ same']);
    expect(elsewhere('elb', 'ELB.1001')).toEqual(['LB /lb/elb-1001/ same']);
  });

  it('names the services that word it otherwise', () => {
    expect(elsewhere('elb', 'ELB.0002')).toEqual(['LB /lb/elb-0002/ other']);
    expect(elsewhere('taurusdb', 'DBS.200001')).toEqual([
      'GaussDB /gaussdb/dbs-200001/ same',
      'RDS /rds/dbs-200001/ other',
    ]);
  });

  it('says nothing for a code only one service has', () => {
    expect(elsewhere('ecs', 'Ecs.0010')).toBeUndefined();
    expect(elsewhere('vpc', 'VPC.0101')).toBeUndefined();
  });
});
