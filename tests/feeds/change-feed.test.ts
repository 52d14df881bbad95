import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { feedSource } from '../../src/lib/assembly/data-files.ts';
import { loadServices } from '../../src/lib/assembly/load-site.ts';
import {
  buildServiceFeed,
  buildSiteFeed,
  FEED_ENTRY_LIMIT,
  FEED_LIST_LIMIT,
  type FeedService,
} from '../../src/lib/feeds/change-feed.ts';
import type { VersionChange } from '../../src/lib/history/history.ts';
import { readAtomFeed } from '../support/xml.ts';

// The feeds of tests/fixtures/history-site (three versions of a small ECS table: its README says what changed),
// compared with the expected files in tests/feeds/fixtures/history-site/; then feeds of made-up services for
// escaping, bounds and the services without dated versions.
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SITE = 'https://example.org/';
const TITLE = 'Cloud API Error Codes';
const { services } = loadServices(join(ROOT, 'tests/fixtures/history-site/content'), ROOT);
const expected = (name: string) => readFileSync(join(ROOT, 'tests/feeds/fixtures/history-site', name), 'utf8');

/** A service of the made-up kind: ECS's names, pages at the code's lower-cased spelling. */
function service(input: Partial<FeedService> & { codes?: string[] }): FeedService {
  const codes = input.codes ?? [];
  return {
    id: 'ecs',
    name: 'Elastic Cloud Server',
    short: 'ECS',
    changes: [],
    hasChangesPage: (input.changes ?? []).length > 0,
    paths: new Map(codes.map((c) => [c, `/ecs/${c.toLowerCase().replace(/[^a-z0-9]+/g, '-')}/`])),
    ...input,
  };
}

/** A version that changed nothing but its date, against the day before in the list. */
function change(date: string, previous: string | undefined, parts: Partial<VersionChange> = {}): VersionChange {
  return { date, ...(previous ? { previous } : {}), added: [], removed: [], reworded: [], ...parts };
}

describe('the change feeds of a service with three dated versions', () => {
  const feeds = services.map(feedSource);

  it('gives ECS a feed with an entry per version, newest first, exactly as expected', () => {
    expect(buildServiceFeed(feeds[0], SITE, TITLE)).toBe(expected('ecs-changes.xml'));
  });

  it('gives the site a feed of every service’s entries, exactly as expected', () => {
    expect(buildSiteFeed(feeds, SITE, TITLE)).toBe(expected('changes.xml'));
  });

  it('writes feeds that are Atom: ids, titles, dates, links and content where RFC 4287 wants them', () => {
    const feed = readAtomFeed(buildServiceFeed(feeds[0], SITE, TITLE)!, 'ecs/changes.xml');
    expect(feed).toMatchObject({
      id: 'https://example.org/ecs/changes.xml',
      self: 'https://example.org/ecs/changes.xml',
      title: 'ECS error codes: what changed',
      updated: '2023-02-21T00:00:00Z',
    });
    expect(feed.entries.map((e) => [e.title, e.link])).toEqual([
      ['ECS error codes, 2023-02-21: 0 added, 1 retired, 1 reworded', 'https://example.org/ecs/changes/#v-2023-02-21'],
      ['ECS error codes, 2022-07-15: 1 added, 0 retired, 1 reworded', 'https://example.org/ecs/changes/#v-2022-07-15'],
      ['ECS error codes, 2022-03-28: 6 codes', 'https://example.org/ecs/changes/'],
    ]);
    // The retired code links to the page the site keeps for it.
    expect(feed.entries[0].content).toContain('<a href="https://example.org/ecs/ecs-0910/">Ecs.0910</a>');
    expect(readAtomFeed(buildSiteFeed(feeds, SITE, TITLE)!, 'changes.xml').entries).toEqual(feed.entries);
  });
});

describe('a feed’s text from a table', () => {
  const hostile = '<script>alert("x")</script> & ]]> </content></entry>';
  const feed = buildServiceFeed(
    service({
      name: 'Elastic <b>Cloud</b> & Server',
      short: 'E&S',
      codes: ['Ecs.0001', '<img src=x onerror=alert(1)>'],
      earliest: { date: '2024-01-01', codes: 1 },
      changes: [
        change('2024-02-01', '2024-01-01', {
          added: ['<img src=x onerror=alert(1)>'],
          reworded: [{ code: 'Ecs.0001', before: ['Old.'], after: [hostile], beforeStatus: [400], afterStatus: [0] }],
        }),
      ],
    }),
    SITE,
    TITLE,
  )!;

  it('is escaped twice in the content, once for HTML and once for XML, so a reader shows it as text', () => {
    const { entries } = readAtomFeed(feed);
    expect(entries[0].title).toBe('E&S error codes, 2024-02-01: 1 added, 0 retired, 1 reworded');
    const html = entries[0].content;
    expect(html).toContain('The Elastic &lt;b&gt;Cloud&lt;/b&gt; &amp; Server error table of 2024-02-01');
    expect(html).toContain('/">&lt;img src=x onerror=alert(1)&gt;</a>');
    expect(html).toContain(
      '<a href="https://example.org/ecs/ecs-0001/">Ecs.0001</a>: was “400 Old.”, now ' +
        '“&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; ]]&gt; &lt;/content&gt;&lt;/entry&gt;”',
    );
    expect(html).not.toMatch(/<script|<img|<b>/);
  });

  it('is never raw XML: the file holds no tag it did not write', () => {
    expect(feed).not.toContain('<script');
    expect(feed).not.toContain('</content></entry>”');
    expect(feed.match(/<entry>/g)).toHaveLength(2);
  });
});

describe('the bounds of a feed', () => {
  it(`holds the newest ${FEED_ENTRY_LIMIT} versions of a longer history`, () => {
    const dates = Array.from({ length: 60 }, (_, k) => new Date(Date.UTC(2020, 0, 1 + k)).toISOString().slice(0, 10));
    const feed = readAtomFeed(
      buildServiceFeed(
        service({
          earliest: { date: dates[0], codes: 3 },
          changes: dates.slice(1).map((date, k) => change(date, dates[k])),
        }),
        SITE,
        TITLE,
      )!,
    );
    expect(feed.entries).toHaveLength(FEED_ENTRY_LIMIT);
    expect(feed.entries[0].updated).toBe('2020-02-29T00:00:00Z');
    expect(feed.entries.at(-1)!.updated).toBe('2020-01-11T00:00:00Z');
    expect(feed.updated).toBe('2020-02-29T00:00:00Z');
  });

  it(`lists at most ${FEED_LIST_LIMIT} codes of a kind and links the changes page for the rest`, () => {
    const codes = Array.from({ length: 130 }, (_, k) => `Ecs.${String(k).padStart(4, '0')}`);
    const message = `A ${'very '.repeat(100)}long message.`;
    const { entries } = readAtomFeed(
      buildServiceFeed(
        service({
          codes,
          earliest: { date: '2024-01-01', codes: 0 },
          changes: [
            change('2024-02-01', '2024-01-01', {
              added: codes,
              reworded: [
                { code: 'Ecs.0001', before: [message], after: ['Short.'], beforeStatus: [400], afterStatus: [400] },
              ],
            }),
          ],
        }),
        SITE,
        TITLE,
      )!,
    );
    const html = entries[0].content;
    expect(html).toContain('<h3>Added (130)</h3>');
    expect(html.match(/<li><a href="https:\/\/example\.org\/ecs\/ecs-\d{4}\/">/g)).toHaveLength(FEED_LIST_LIMIT + 1);
    expect(html).toContain(
      '<li><a href="https://example.org/ecs/changes/#v-2024-02-01">30 more on the changes page</a></li>',
    );
    const quoted = /was “400 (A very[^”]*)”/.exec(html)![1];
    expect([...quoted]).toHaveLength(300);
    expect(quoted.endsWith('…')).toBe(true);
    expect(message.startsWith(quoted.slice(0, -1))).toBe(true);
  });
});

describe('services without dated versions', () => {
  it('gives a table with a published date one entry, linking the service’s page', () => {
    const feed = readAtomFeed(
      buildServiceFeed(service({ codes: ['Ecs.0001'], earliest: { date: '2022-03-28', codes: 147 } }), SITE, TITLE)!,
    );
    expect(feed.entries).toEqual([
      {
        id: 'https://example.org/ecs/changes/#v-2022-03-28',
        title: 'ECS error codes, 2022-03-28: 147 codes',
        updated: '2022-03-28T00:00:00Z',
        link: 'https://example.org/ecs/',
        contentType: 'html',
        content:
          '<p>The Elastic Cloud Server error table as published on 2022-03-28, the earliest version this site has: 147 codes.</p>\n' +
          '<p><a href="https://example.org/ecs/all/">All ECS codes</a></p>',
      },
    ]);
  });

  it('gives a table without a date no feed, and the site none when no table has a date', () => {
    const undated = service({ codes: ['Ecs.0001'] });
    expect(buildServiceFeed(undated, SITE, TITLE)).toBeUndefined();
    expect(buildSiteFeed([undated], SITE, TITLE)).toBeUndefined();
  });

  it('orders the site’s entries newest first, services of one date in folder order, and leaves out undated ones', () => {
    const a = service({ id: 'a', name: 'Alpha', short: 'A', earliest: { date: '2024-01-01', codes: 1 } });
    const b = service({
      id: 'b',
      name: 'Beta',
      short: 'B',
      earliest: { date: '2023-01-01', codes: 1 },
      changes: [change('2024-01-01', '2023-01-01')],
    });
    const c = service({ id: 'c', name: 'Gamma', short: 'C' });
    const { entries } = readAtomFeed(buildSiteFeed([a, b, c], SITE, TITLE)!);
    expect(entries.map((e) => e.title)).toEqual([
      'A error codes, 2024-01-01: 1 code',
      'B error codes, 2024-01-01: 0 added, 0 retired, 0 reworded',
      'B error codes, 2023-01-01: 1 code',
    ]);
  });
});
