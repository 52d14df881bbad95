/**
 * XML as a feed reader or a browser reads it, for tests: a strict parser (sax, with namespaces and only XML's five
 * entities) plus the well-formedness rules it does not check itself (one root element, nothing but space outside it,
 * no character XML 1.0 forbids), and what an Atom 1.0 feed (RFC 4287) must hold.
 */
import sax, { type QualifiedTag, type SAXOptions } from 'sax';
import { expect } from 'vitest';

export const ATOM_NS = 'http://www.w3.org/2005/Atom';
export const OPENSEARCH_NS = 'http://a9.com/-/spec/opensearch/1.1/';

/** An element: its local name, namespace URI, attributes (by local name), child elements and text content. */
export interface XmlElement {
  name: string;
  ns: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** The element's own text, its children's left out, entities decoded. */
  text: string;
}

const FORBIDDEN =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Parses a whole XML document and returns its root element; throws with the line and column of the first problem. */
export function parseXml(text: string): XmlElement {
  const forbidden = FORBIDDEN.exec(text);
  if (forbidden) throw new Error(`character U+${forbidden[0].charCodeAt(0).toString(16)} at ${forbidden.index}`);
  const parser = sax.parser(true, { xmlns: true, strictEntities: true } as SAXOptions);
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  const fail = (message: string) => {
    throw new Error(`${message} at ${parser.line + 1}:${parser.column + 1}`);
  };
  parser.onerror = (error) => fail(error.message.split('\n')[0]);
  parser.onopentag = (tag) => {
    const { local, uri, attributes } = tag as QualifiedTag;
    const element: XmlElement = {
      name: local,
      ns: uri,
      attributes: Object.fromEntries(
        Object.values(attributes)
          .filter((a) => a.prefix !== 'xmlns' && a.name !== 'xmlns')
          .map((a) => [a.prefix ? `${a.prefix}:${a.local}` : a.local, a.value]),
      ),
      children: [],
      text: '',
    };
    if (stack.length > 0) stack[stack.length - 1].children.push(element);
    else if (root) fail(`a second root element <${local}>`);
    else root = element;
    stack.push(element);
  };
  parser.onclosetag = () => void stack.pop();
  parser.ontext = (t) => {
    if (stack.length > 0) stack[stack.length - 1].text += t;
    else if (t.trim() !== '') fail(`text outside the root element: ${JSON.stringify(t.trim().slice(0, 40))}`);
  };
  parser.oncdata = (t) => {
    if (stack.length > 0) stack[stack.length - 1].text += t;
  };
  parser.write(text).close();
  if (!root) throw new Error('no root element');
  return root;
}

/** The children of an element with a local name (in the element's own namespace). */
export function childrenNamed(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((c) => c.name === name && c.ns === element.ns);
}

/** The one child of an element with a local name; fails the test when there is none or more than one. */
export function onlyChild(element: XmlElement, name: string, where = element.name): XmlElement {
  const found = childrenNamed(element, name);
  expect(found.length, `<${name}> in ${where}`).toBe(1);
  return found[0];
}

/** An Atom entry as a test reads it. */
export interface AtomEntry {
  id: string;
  title: string;
  updated: string;
  link: string;
  /** The content's type attribute, and its text (for `html`, the HTML itself, decoded once). */
  contentType: string;
  content: string;
}

/** An Atom feed as a test reads it. */
export interface AtomFeed {
  id: string;
  title: string;
  updated: string;
  self: string;
  entries: AtomEntry[];
}

// RFC 3339 date-time, as Atom's date constructs require.
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;

/**
 * Parses an Atom feed and checks what RFC 4287 requires of it: a `feed` root in the Atom namespace with one `id`,
 * `title` and `updated` (an RFC 3339 date-time), a `rel="self"` link, an author for every entry; and of each entry
 * one `id`, `title`, `updated`, a link and a `content`. Entries' ids are unique and no entry is newer than the feed.
 */
export function readAtomFeed(xml: string, where = 'feed'): AtomFeed {
  expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n'), `${where}: XML declaration`).toBe(true);
  const feed = parseXml(xml);
  expect({ name: feed.name, ns: feed.ns }, where).toEqual({ name: 'feed', ns: ATOM_NS });
  const text = (parent: XmlElement, name: string, at: string) => onlyChild(parent, name, at).text;
  const updated = text(feed, 'updated', where);
  expect(updated, `${where}: updated`).toMatch(DATE_TIME);
  const selfLinks = childrenNamed(feed, 'link').filter((l) => l.attributes.rel === 'self');
  expect(selfLinks.length, `${where}: rel="self" links`).toBe(1);
  expect(selfLinks[0].attributes.type, `${where}: self link type`).toBe('application/atom+xml');
  const feedAuthor = childrenNamed(feed, 'author');
  for (const author of feedAuthor) expect(text(author, 'name', `${where} <author>`).trim()).not.toBe('');
  const entries = childrenNamed(feed, 'entry').map((entry, k): AtomEntry => {
    const at = `${where} entry ${k + 1}`;
    if (feedAuthor.length === 0) expect(childrenNamed(entry, 'author').length, `${at}: author`).toBeGreaterThan(0);
    const links = childrenNamed(entry, 'link').filter((l) => (l.attributes.rel ?? 'alternate') === 'alternate');
    expect(links.length, `${at}: alternate links`).toBe(1);
    expect(links[0].attributes.href, `${at}: link href`).toMatch(/^https?:\/\//);
    const content = onlyChild(entry, 'content', at);
    const entryUpdated = text(entry, 'updated', at);
    expect(entryUpdated, `${at}: updated`).toMatch(DATE_TIME);
    expect(entryUpdated <= updated, `${at}: updated after the feed's`).toBe(true);
    return {
      id: text(entry, 'id', at),
      title: text(entry, 'title', at),
      updated: entryUpdated,
      link: links[0].attributes.href,
      contentType: content.attributes.type ?? 'text',
      content: content.text,
    };
  });
  const ids = entries.map((e) => e.id);
  expect(new Set(ids).size, `${where}: entry ids are unique`).toBe(ids.length);
  for (const id of [text(feed, 'id', where), ...ids])
    expect(id, `${where}: id is an IRI`).toMatch(/^[a-z][a-z0-9+.-]*:\S+$/);
  return {
    id: text(feed, 'id', where),
    title: text(feed, 'title', where),
    updated,
    self: selfLinks[0].attributes.href,
    entries,
  };
}
