import { describe, expect, it } from 'vitest';
import { buildOpenSearchDescription, OPENSEARCH_SHORT_NAME } from '../../src/lib/feeds/opensearch.ts';
import { childrenNamed, OPENSEARCH_NS, parseXml } from '../support/xml.ts';

describe('the OpenSearch description', () => {
  it('names the site and sends a search to the lookup page, every URL absolute on the site URL', () => {
    const xml = buildOpenSearchDescription({
      siteUrl: 'https://errors.example.com/',
      title: 'Cloud API Error Codes',
      description:
        'Find an error code of the Elastic Cloud Server API by its code, its message, a log line or a JSON error body.',
    });
    expect(xml).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<OpenSearchDescription xmlns="http://a9.com/-/spec/opensearch/1.1/">',
        '  <ShortName>Cloud API Errors</ShortName>',
        '  <LongName>Cloud API Error Codes</LongName>',
        '  <Description>Find an error code of the Elastic Cloud Server API by its code, its message, a log line or a JSON error body.</Description>',
        '  <InputEncoding>UTF-8</InputEncoding>',
        '  <Image width="16" height="16" type="image/svg+xml">https://errors.example.com/favicon.svg</Image>',
        '  <Url type="text/html" method="get" template="https://errors.example.com/lookup/?q={searchTerms}"/>',
        '  <Url type="application/opensearchdescription+xml" rel="self" template="https://errors.example.com/opensearch.xml"/>',
        '</OpenSearchDescription>',
        '',
      ].join('\n'),
    );
  });

  it('keeps a site under a path, and has a short name of at most 16 characters as OpenSearch 1.1 requires', () => {
    const xml = buildOpenSearchDescription({
      siteUrl: 'https://example.org/docs/errors',
      title: 't',
      description: 'd',
    });
    expect(xml).toContain('template="https://example.org/docs/errors/lookup/?q={searchTerms}"');
    expect(OPENSEARCH_SHORT_NAME.length).toBeLessThanOrEqual(16);
  });

  it('escapes a title and description that carry markup, and reads as XML in the OpenSearch namespace', () => {
    const xml = buildOpenSearchDescription({
      siteUrl: 'https://example.org',
      title: 'A & B <script>alert(1)</script>',
      description: 'Codes "quoted" & </Description><Url template="https://evil.example/?q={searchTerms}"/>',
    });
    const root = parseXml(xml);
    expect({ name: root.name, ns: root.ns }).toEqual({ name: 'OpenSearchDescription', ns: OPENSEARCH_NS });
    expect(childrenNamed(root, 'LongName')[0].text).toBe('A & B <script>alert(1)</script>');
    expect(childrenNamed(root, 'Description')[0].text).toBe(
      'Codes "quoted" & </Description><Url template="https://evil.example/?q={searchTerms}"/>',
    );
    expect(childrenNamed(root, 'Url').map((u) => u.attributes.template)).toEqual([
      'https://example.org/lookup/?q={searchTerms}',
      'https://example.org/opensearch.xml',
    ]);
  });
});
