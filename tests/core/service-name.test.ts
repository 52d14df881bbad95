import { describe, expect, it } from 'vitest';
import {
  fullServiceName,
  hasOwnShortName,
  listedServiceName,
  shortServiceName,
} from '../../src/lib/core/service-name.ts';

const ecs = { name: 'Elastic Cloud Server', short: 'ECS' };
const rds = { name: 'RDS', short: 'RDS' };
const modelarts = { name: 'ModelArts', short: 'MODELARTS' };
const gaussdb = { name: 'GaussDB MySQL', short: 'GAUSSDB-MYSQL' };

describe('naming a service', () => {
  it('names a service with a display name by both names', () => {
    expect([fullServiceName(ecs), shortServiceName(ecs), listedServiceName(ecs)]).toEqual([
      'Elastic Cloud Server (ECS)',
      'ECS',
      'ECS: Elastic Cloud Server',
    ]);
  });

  it('names a service without a display name by its id once', () => {
    expect([fullServiceName(rds), shortServiceName(rds), listedServiceName(rds)]).toEqual(['RDS', 'RDS', 'RDS']);
  });

  it('names a service whose short name is its name in capitals by the name once, as written', () => {
    expect([fullServiceName(modelarts), shortServiceName(modelarts), listedServiceName(modelarts)]).toEqual([
      'ModelArts',
      'ModelArts',
      'ModelArts',
    ]);
  });

  it('counts a short name that differs only in case and punctuation as the same name', () => {
    expect([hasOwnShortName(gaussdb), fullServiceName(gaussdb)]).toEqual([false, 'GaussDB MySQL']);
  });

  it('keeps a short name made of other letters than the name', () => {
    expect(fullServiceName({ name: 'FunctionGraph', short: 'FGS' })).toBe('FunctionGraph (FGS)');
  });
});
