/**
 * Text for XML or HTML from untrusted strings: the one escape the feeds, the OpenSearch description and the
 * redirect pages use.
 */

// Characters XML 1.0 does not allow even escaped (C0 controls other than tab, newline and return, U+FFFE, U+FFFF,
// lone surrogates): a table cell holding one would make the whole file unreadable to a feed reader.
const NOT_XML =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * A text as XML (or HTML) character data or a double-quoted attribute value: `&`, `<`, `>` and `"` escaped (an
 * apostrophe needs no escape there), characters XML cannot hold as U+FFFD.
 */
export function escapeXml(text: string): string {
  return text.replace(NOT_XML, '\uFFFD').replace(/[&<>"]/g, (c) => ENTITIES[c]);
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
