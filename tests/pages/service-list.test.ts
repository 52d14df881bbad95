import { describe, expect, it } from 'vitest';
import { filterServices, listBrowseLinks, listServiceItems, sortServices } from '../../src/lib/pages/service-list.ts';

const services = [
  { id: 'vpc', name: 'Virtual Private Cloud', short: 'VPC', codes: 97 },
  { id: 'rds', name: 'RDS', short: 'RDS', codes: 239 },
  { id: 'modelarts', name: 'ModelArts', short: 'MODELARTS', codes: 838 },
  { id: 'ecs', name: 'Elastic Cloud Server', short: 'ECS', codes: 147 },
];

describe('the home page list of services', () => {
  it('lists services alphabetically by the name that stands out, case ignored', () => {
    expect(sortServices(services).map((s) => s.id)).toEqual(['ecs', 'modelarts', 'rds', 'vpc']);
  });

  it('shows the short name, then the display name only when it says more', () => {
    expect(listServiceItems(services)).toEqual([
      {
        id: 'ecs',
        path: '/ecs/',
        label: 'ECS',
        name: 'Elastic Cloud Server',
        codes: 147,
        filterText: 'ecs elastic cloud server ecs',
      },
      {
        id: 'modelarts',
        path: '/modelarts/',
        label: 'ModelArts',
        codes: 838,
        filterText: 'modelarts modelarts modelarts',
      },
      { id: 'rds', path: '/rds/', label: 'RDS', codes: 239, filterText: 'rds rds rds' },
      {
        id: 'vpc',
        path: '/vpc/',
        label: 'VPC',
        name: 'Virtual Private Cloud',
        codes: 97,
        filterText: 'vpc virtual private cloud vpc',
      },
    ]);
  });

  it('filters by every word of the query in either name, case ignored', () => {
    const texts = listServiceItems(services).map((s) => s.filterText);
    expect(filterServices(texts, 'Cloud')).toEqual([true, false, false, true]);
    expect(filterServices(texts, 'private cloud')).toEqual([false, false, false, true]);
    expect(filterServices(texts, 'ecs')).toEqual([true, false, false, false]);
    expect(filterServices(texts, '  ')).toEqual([true, true, true, true]);
  });
});

describe('where a page that found nothing sends a reader to browse', () => {
  it('links the codes of each of a few services, a service without a display name named once', () => {
    expect(listBrowseLinks(services)).toEqual([
      { label: 'all ECS codes', path: '/ecs/all/' },
      { label: 'all ModelArts codes', path: '/modelarts/all/' },
      { label: 'all RDS codes', path: '/rds/all/' },
      { label: 'all VPC codes', path: '/vpc/all/' },
    ]);
  });

  it('links the home page list of many services', () => {
    const many = Array.from({ length: 44 }, (_, i) => ({ id: `s${i}`, name: `Service ${i}`, short: `S${i}` }));
    expect(listBrowseLinks(many)).toEqual([{ label: 'all 44 services', path: '/#services' }]);
  });
});
