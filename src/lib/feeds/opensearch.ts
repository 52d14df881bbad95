import { FAVICON_PATH, lookupPagePath, normalizeSiteUrl, OPENSEARCH_PATH } from '../core/urls.ts';
import { element, emptyElement } from './xml.ts';

/**
 * The name a browser lists the site under among its search engines. OpenSearch 1.1 allows at most 16 characters
 * (the site's title, "Cloud API Error Codes", has 21).
 */
export const OPENSEARCH_SHORT_NAME = 'Cloud API Errors';

/** What the OpenSearch description says of the site besides its URLs. */
export interface OpenSearchInput {
  /** The site's address (astro.config.mjs's `site`); every URL of the file is absolute on it. */
  siteUrl: string;
  /** The site's title, for `LongName`. */
  title: string;
  /** One sentence, at most 1,024 characters: what a search finds. */
  description: string;
}

/**
 * The OpenSearch 1.1 description of the site (`/opensearch.xml`): a search goes to the lookup page with the words
 * as `q` (`/lookup/?q=Ecs.0010`), which takes a code, a message, a log line or a JSON error body to its page. A
 * page names it with `<link rel="search" type="application/opensearchdescription+xml">`, and a browser then offers
 * the site as a search engine.
 */
export function buildOpenSearchDescription({ siteUrl, title, description }: OpenSearchInput): string {
  const site = normalizeSiteUrl(siteUrl);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<OpenSearchDescription xmlns="http://a9.com/-/spec/opensearch/1.1/">',
    `  ${element('ShortName', OPENSEARCH_SHORT_NAME)}`,
    `  ${element('LongName', title)}`,
    `  ${element('Description', description)}`,
    `  ${element('InputEncoding', 'UTF-8')}`,
    `  ${element('Image', `${site}${FAVICON_PATH}`, { width: '16', height: '16', type: 'image/svg+xml' })}`,
    // `{searchTerms}` is OpenSearch's placeholder, not a value: it stays as written, unencoded.
    `  ${emptyElement('Url', { type: 'text/html', method: 'get', template: `${site}${lookupPagePath()}?q={searchTerms}` })}`,
    `  ${emptyElement('Url', { type: 'application/opensearchdescription+xml', rel: 'self', template: `${site}${OPENSEARCH_PATH}` })}`,
    '</OpenSearchDescription>',
    '',
  ].join('\n');
}
