/**
 * XML text from untrusted strings. Every value a feed or the OpenSearch description takes from a table cell, a
 * service file or the site's configuration goes through `escapeXml` (core/xml-text.ts); nothing is written into XML
 * raw.
 */
import { escapeXml } from '../core/xml-text.ts';

/** An element with text content, escaped: `element('title', 'a < b')` -> `<title>a &lt; b</title>`. */
export function element(name: string, text: string, attributes: Record<string, string> = {}): string {
  return `<${name}${attributeList(attributes)}>${escapeXml(text)}</${name}>`;
}

/** An element without content: `emptyElement('link', { href: 'x' })` -> `<link href="x"/>`. */
export function emptyElement(name: string, attributes: Record<string, string>): string {
  return `<${name}${attributeList(attributes)}/>`;
}

function attributeList(attributes: Record<string, string>): string {
  return Object.entries(attributes)
    .map(([key, value]) => ` ${key}="${escapeXml(value)}"`)
    .join('');
}
