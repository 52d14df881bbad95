import { countOf } from '../core/plural.ts';
import { shortServiceName } from '../core/service-name.ts';
import {
  allCodesPath,
  anchoredPath,
  changesPath,
  FAVICON_PATH,
  normalizeSiteUrl,
  serviceFeedPath,
  servicePath,
  SITE_FEED_PATH,
  versionAnchor,
} from '../core/urls.ts';
import type { VersionChange } from '../history/history.ts';
import { escapeXml } from '../core/xml-text.ts';
import { element, emptyElement } from './xml.ts';

/** The most entries a feed holds, newest first: a reader polls it, and older versions are on the changes pages. */
export const FEED_ENTRY_LIMIT = 50;

/** The most codes an entry lists under Added, Retired or Reworded; the changes page lists the rest. */
export const FEED_LIST_LIMIT = 100;

/** The most characters of a message an entry quotes (a reworded code's before and after). */
const MESSAGE_LIMIT = 300;

/** What a feed needs of a service: its names, the versions of its table and the page of each of its codes. */
export interface FeedService {
  id: string;
  name: string;
  short: string;
  /**
   * The earliest version of the table the site has: its date and how many codes it lists. Absent when the table
   * has no date (no `published` in service.json and no dated versions): then the service has no feed.
   */
  earliest?: { date: string; codes: number };
  /** What each later version changed against the one before, oldest first; none without dated versions. */
  changes: readonly VersionChange[];
  /** The service has a changes page (`/ecs/changes/`): it has dated versions. */
  hasChangesPage: boolean;
  /** The page of every code the service has ever had, retired codes included: `Ecs.0010` -> `/ecs/ecs-0010/`. */
  paths: ReadonlyMap<string, string>;
}

/** One entry of a feed: a version of a service's table. */
export interface FeedEntry {
  /** Stable across builds: the version's section on the service's changes page (`…/ecs/changes/#v-2024-05-28`). */
  id: string;
  title: string;
  /** The version's date, `YYYY-MM-DD`. */
  date: string;
  /** Where a reader reads more: the version's section on the changes page, or the service's page. */
  link: string;
  /** The entry's content as HTML; every text from a table in it is escaped. */
  html: string;
}

/** What a feed says of itself besides its entries. */
interface FeedHead {
  /** The feed's own absolute URL: its `id` and `rel="self"` link. */
  self: string;
  title: string;
  subtitle: string;
  /** The page the feed is about. */
  alternate: string;
}

/** Tells whether a service has a change feed: its table has a date. */
export function hasChangeFeed(service: { published?: string }): boolean {
  return service.published !== undefined;
}

/** The title of a service's feed, also its `<link rel="alternate">`'s: `ECS error codes: what changed`. */
export function serviceFeedTitle(service: { name: string; short: string }): string {
  return `${shortServiceName(service)} error codes: what changed`;
}

/** The title of the site's feed: `Cloud API Error Codes: what changed`. */
export function siteFeedTitle(siteTitle: string): string {
  return `${siteTitle}: what changed`;
}

/**
 * A service's entries, newest first: one for each version that changed the table (codes added, retired and
 * reworded, each linked to its page, a retired code to the page the site keeps for it), and one for the earliest
 * version (how many codes it listed). A service without dated versions has that one entry, for the date of its
 * table (`published`); a service whose table has no date has none.
 */
export function serviceFeedEntries(service: FeedService, siteUrl: string): FeedEntry[] {
  if (!service.earliest) return [];
  const site = normalizeSiteUrl(siteUrl);
  const label = shortServiceName(service);
  const changes = `${site}${changesPath(service.id)}`;
  const idOf = (date: string) => anchoredPath(changes, versionAnchor(date));
  const { date, codes } = service.earliest;
  const earliest: FeedEntry = {
    id: idOf(date),
    title: `${label} error codes, ${date}: ${countOf(codes, 'code')}`,
    date,
    link: service.hasChangesPage ? changes : `${site}${servicePath(service.id)}`,
    html: [
      `<p>The ${escapeXml(service.name)} error table as published on ${date}, the earliest version this site has: ` +
        `${countOf(codes, 'code')}.</p>`,
      `<p><a href="${escapeXml(`${site}${allCodesPath(service.id)}`)}">All ${escapeXml(label)} codes</a></p>`,
    ].join('\n'),
  };
  const later = service.changes.map((change): FeedEntry => {
    const link = idOf(change.date);
    const pathOf = (code: string) => `${site}${service.paths.get(code) ?? servicePath(service.id)}`;
    const counts = `${change.added.length} added, ${change.removed.length} retired, ${change.reworded.length} reworded`;
    const against = change.previous ? ` against the version of ${change.previous}` : '';
    return {
      id: link,
      title: `${label} error codes, ${change.date}: ${counts}`,
      date: change.date,
      link,
      html: [
        `<p>The ${escapeXml(service.name)} error table of ${change.date}${against}: ${counts}.</p>`,
        ...codeList('Added', change.added, (code) => codeLink(code, pathOf(code)), link),
        ...codeList('Retired', change.removed, (code) => codeLink(code, pathOf(code)), link, RETIRED_NOTE),
        ...codeList(
          'Reworded',
          change.reworded,
          (r) =>
            `${codeLink(r.code, pathOf(r.code))}: was “${quoteRows(r.before, r.beforeStatus)}”, ` +
            `now “${quoteRows(r.after, r.afterStatus)}”`,
          link,
        ),
        `<p><a href="${escapeXml(link)}">What changed on ${change.date}</a>, with each rewording word by word</p>`,
      ].join('\n'),
    };
  });
  return [...later.reverse(), earliest];
}

/** A service's Atom feed (`/ecs/changes.xml`), or undefined when its table has no date. */
export function buildServiceFeed(service: FeedService, siteUrl: string, siteTitle: string): string | undefined {
  const entries = serviceFeedEntries(service, siteUrl);
  if (entries.length === 0) return undefined;
  const site = normalizeSiteUrl(siteUrl);
  return renderFeed(
    {
      self: `${site}${serviceFeedPath(service.id)}`,
      title: serviceFeedTitle(service),
      subtitle: `Codes added, retired and reworded in each published version of the ${service.name} error table.`,
      alternate: `${site}${service.hasChangesPage ? changesPath(service.id) : servicePath(service.id)}`,
    },
    entries.slice(0, FEED_ENTRY_LIMIT),
    { site, siteTitle },
  );
}

/**
 * The site's Atom feed (`/changes.xml`): the entries of every service's feed, newest first (services of one
 * date in folder order), the newest {@link FEED_ENTRY_LIMIT}; undefined when no service's table has a date.
 */
export function buildSiteFeed(
  services: readonly FeedService[],
  siteUrl: string,
  siteTitle: string,
): string | undefined {
  const entries = services
    .flatMap((service, order) => serviceFeedEntries(service, siteUrl).map((entry) => ({ entry, order })))
    .sort((a, b) => (a.entry.date < b.entry.date ? 1 : a.entry.date > b.entry.date ? -1 : a.order - b.order))
    .map(({ entry }) => entry);
  if (entries.length === 0) return undefined;
  const site = normalizeSiteUrl(siteUrl);
  return renderFeed(
    {
      self: `${site}${SITE_FEED_PATH}`,
      title: siteFeedTitle(siteTitle),
      subtitle:
        `Codes added, retired and reworded in each published version of every service's error table: ` +
        `the newest ${FEED_ENTRY_LIMIT} versions.`,
      alternate: `${site}/`,
    },
    entries.slice(0, FEED_ENTRY_LIMIT),
    { site, siteTitle },
  );
}

/** An Atom 1.0 document (RFC 4287): the feed's head, its author (the site), then each entry. */
function renderFeed(
  head: FeedHead,
  entries: readonly FeedEntry[],
  { site, siteTitle }: { site: string; siteTitle: string },
) {
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">',
    `  ${element('id', head.self)}`,
    `  ${element('title', head.title)}`,
    `  ${element('subtitle', head.subtitle)}`,
    `  ${element('updated', atomDate(entries[0].date))}`,
    `  ${emptyElement('link', { rel: 'self', type: 'application/atom+xml', href: head.self })}`,
    `  ${emptyElement('link', { rel: 'alternate', type: 'text/html', href: head.alternate })}`,
    `  <author>${element('name', siteTitle)}${element('uri', `${site}/`)}</author>`,
    `  ${element('icon', `${site}${FAVICON_PATH}`)}`,
    ...entries.flatMap((entry) => [
      '  <entry>',
      `    ${element('id', entry.id)}`,
      `    ${element('title', entry.title)}`,
      `    ${element('updated', atomDate(entry.date))}`,
      `    ${emptyElement('link', { rel: 'alternate', type: 'text/html', href: entry.link })}`,
      `    ${element('content', entry.html, { type: 'html' })}`,
      '  </entry>',
    ]),
    '</feed>',
    '',
  ].join('\n');
}

/** A version's date as Atom's date-time (RFC 3339): the start of its day in UTC. */
function atomDate(date: string): string {
  return `${date}T00:00:00Z`;
}

/** What the list of retired codes says of their links. */
const RETIRED_NOTE = 'The current table no longer lists these codes; each keeps its page here, marked retired.';

/** A heading, a note, and a list of at most {@link FEED_LIST_LIMIT} items; none when there are no items. */
function codeList<T>(
  heading: string,
  items: readonly T[],
  render: (item: T) => string,
  changes: string,
  note?: string,
): string[] {
  if (items.length === 0) return [];
  const shown = items.slice(0, FEED_LIST_LIMIT).map((item) => `<li>${render(item)}</li>`);
  const rest = items.length - FEED_LIST_LIMIT;
  if (rest > 0) shown.push(`<li><a href="${escapeXml(changes)}">${rest} more on the changes page</a></li>`);
  return [`<h3>${heading} (${items.length})</h3>`, ...(note ? [`<p>${note}</p>`] : []), `<ul>${shown.join('')}</ul>`];
}

/** A link to a code's page, the code as its text. */
function codeLink(code: string, href: string): string {
  return `<a href="${escapeXml(href)}">${escapeXml(code)}</a>`;
}

/** A code's rows as the changes page gives them (`400 Message. | 404 Other.`), escaped, each cut to a bound. */
function quoteRows(messages: readonly string[], statuses: readonly number[]): string {
  return messages
    .map((message, i) => escapeXml(`${statuses[i] ? `${statuses[i]} ` : ''}${cut(message, MESSAGE_LIMIT)}`))
    .join(' | ');
}

/** A text of at most `limit` characters (code points), cut with `…`. */
function cut(text: string, limit: number): string {
  const points = [...text];
  return points.length <= limit ? text : `${points.slice(0, limit - 1).join('')}…`;
}
