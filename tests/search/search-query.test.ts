import { describe, expect, it } from 'vitest';
import {
  expandSynonyms,
  meaningfulWords,
  queryWords,
  saysServiceName,
  serviceNamed,
} from '../../src/lib/search/search-query.ts';
import { GROUPS } from '../support/synonym-groups.ts';

describe('the words of a query', () => {
  it('are lower-cased runs of letters and digits, with apostrophes inside words dropped', () => {
    expect(queryWords("ECS-0010 doesn't  Exist!")).toEqual(['ecs', '0010', 'doesnt', 'exist']);
  });

  it('that can find something leave out stop words and single characters, once each', () => {
    expect(meaningfulWords('the server is not in the subnet x subnet')).toEqual(['server', 'subnet']);
  });
});

describe('synonyms', () => {
  it('replace each phrase of a group with each other phrase, one place at a time, then all at once', () => {
    expect(expandSynonyms('elastic ip too many', GROUPS)).toEqual([
      'eip too many',
      'floating ip too many',
      'elastic ip exceeds',
      'elastic ip more than',
      'eip exceeds',
    ]);
  });

  it('match a phrase in either number, and prefer the longest phrase where two overlap', () => {
    expect(expandSynonyms('too many network interfaces', GROUPS)).toEqual([
      'exceeds network interfaces',
      'more than network interfaces',
      'too many nic',
      'exceeds nic',
    ]);
  });

  it('give nothing for a query without a synonym', () => {
    expect(expandSynonyms('quota', GROUPS)).toEqual([]);
  });
});

describe('a service named in the query', () => {
  const services = [
    { service: 'ecs', short: 'ECS' },
    { service: 'evs', short: 'EVS' },
  ];

  it('is found by its id or short name, only when one is named, and taken out of the query', () => {
    expect(serviceNamed('EVS disk quota', services)).toEqual({ service: 'evs', rest: 'disk quota' });
    expect(serviceNamed('quota', services)).toEqual({ rest: 'quota' });
    expect(serviceNamed('ecs evs', services)).toEqual({ rest: 'ecs evs' });
    expect(serviceNamed('evs', services)).toEqual({ service: 'evs', rest: 'evs' });
  });

  it('is said by a query that has its id or short name as a word, not inside another word', () => {
    expect(saysServiceName('ecs quota', { service: 'ecs', short: 'ECS' })).toBe(true);
    expect(saysServiceName('server quota', { service: 'ecs', short: 'ECS' })).toBe(false);
    expect(saysServiceName('ecsx quota', { service: 'ecs', short: 'ECS' })).toBe(false);
  });
});
