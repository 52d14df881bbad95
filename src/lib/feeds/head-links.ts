import { OPENSEARCH_PATH, serviceFeedPath, SITE_FEED_PATH } from '../core/urls.ts';
import { hasChangeFeed, serviceFeedTitle, siteFeedTitle } from './change-feed.ts';

/** A tag for a page's `<head>`, in the shape Starlight's route data keeps them. */
export interface HeadLink {
  tag: 'link';
  attrs: Record<string, string>;
  content: '';
}

/** What the head links need of a service. */
export interface LinkedService {
  id: string;
  name: string;
  short: string;
  published?: string;
}

/**
 * The links by which browsers and feed readers find what the site offers besides its pages: on every page the
 * OpenSearch description (`rel="search"`); on a service's pages its change feed, on every other page the site's
 * (`rel="alternate"`, Atom). Only feeds that exist are linked: a service whose table has no date has none, and
 * the site's exists when any service's does.
 */
export function discoveryLinks(path: string, services: readonly LinkedService[], siteTitle: string): HeadLink[] {
  const links: HeadLink[] = [
    link({ rel: 'search', type: 'application/opensearchdescription+xml', title: siteTitle, href: OPENSEARCH_PATH }),
  ];
  const first = path.split('/').filter(Boolean)[0];
  const service = services.find((s) => s.id === first);
  if (service) {
    if (hasChangeFeed(service)) links.push(feedLink(serviceFeedTitle(service), serviceFeedPath(service.id)));
  } else if (services.some(hasChangeFeed)) links.push(feedLink(siteFeedTitle(siteTitle), SITE_FEED_PATH));
  return links;
}

function feedLink(title: string, href: string): HeadLink {
  return link({ rel: 'alternate', type: 'application/atom+xml', title, href });
}

function link(attrs: Record<string, string>): HeadLink {
  return { tag: 'link', attrs, content: '' };
}
