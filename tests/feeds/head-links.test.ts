import { describe, expect, it } from 'vitest';
import { discoveryLinks } from '../../src/lib/feeds/head-links.ts';

const TITLE = 'Cloud API Error Codes';
const SERVICES = [
  { id: 'ecs', name: 'Elastic Cloud Server', short: 'ECS', published: '2024-05-28' },
  { id: 'vpc', name: 'VPC', short: 'VPC' },
];
const OPENSEARCH = {
  tag: 'link',
  attrs: { rel: 'search', type: 'application/opensearchdescription+xml', title: TITLE, href: '/opensearch.xml' },
  content: '',
};
const feed = (title: string, href: string) => ({
  tag: 'link',
  attrs: { rel: 'alternate', type: 'application/atom+xml', title, href },
  content: '',
});

describe('the links a page’s head gets for search engines and feed readers', () => {
  it.each(['/ecs/', '/ecs/ecs-0010/', '/ecs/changes/', '/ecs/status/404/'])(
    '%s links the OpenSearch description and its service’s feed',
    (path) => {
      expect(discoveryLinks(path, SERVICES, TITLE)).toEqual([
        OPENSEARCH,
        feed('ECS error codes: what changed', '/ecs/changes.xml'),
      ]);
    },
  );

  it.each(['/', '/lookup/', '/about/', '/404.html'])('%s, outside every service, links the site’s feed', (path) => {
    expect(discoveryLinks(path, SERVICES, TITLE)).toEqual([
      OPENSEARCH,
      feed('Cloud API Error Codes: what changed', '/changes.xml'),
    ]);
  });

  it('links no feed on the pages of a service whose table has no date (it has none), nor a site feed when none has one', () => {
    expect(discoveryLinks('/vpc/vpc-0001/', SERVICES, TITLE)).toEqual([OPENSEARCH]);
    expect(discoveryLinks('/', SERVICES.slice(1), TITLE)).toEqual([OPENSEARCH]);
  });
});
