import { allowsInline, formatPolicy, hashSource, keepHashes, parsePolicy, type InlineKind } from './content-policy.ts';

/** A piece of inline content of a page that a policy must allow: its kind, its text, where it starts. */
export interface InlineContent {
  kind: InlineKind;
  /** The text a browser hashes: a script's or style's body, an attribute's decoded value. */
  text: string;
  /** Offset of its element's `<` in the page. */
  offset: number;
}

/** What a page's check found: its own policy (its `<meta>`), the hashes of its inline content, and its problems. */
export interface PageAudit {
  policy?: string;
  hashes: string[];
  problems: { offset: number; message: string }[];
}

/** Script types a browser runs, and so a policy governs; other types (`application/ld+json`) are data. */
const SCRIPT_TYPES = /^(|module|importmap|speculationrules|(text|application)\/(x-)?(java|ecma)script)$/i;

/**
 * Comments, `<script>` and `<style>` elements with their raw text, and other start tags, in one pass: attribute
 * values may hold `>` (quoted), and the raw text of a script is never read as tags.
 */
const TOKENS =
  /<!--[\s\S]*?(?:-->|$)|<(script|style)(?=[\s/>])((?:[^>"']|"[^"]*"|'[^']*')*)>([\s\S]*?)(?:<\/\1[\s/>]|$)|<([a-z][^\s/>]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/gi;

/** An attribute that makes inline content: a `style`, or an event handler (`onclick`). */
const INLINE_ATTRIBUTE = /[\s"'/](style|on[a-z]+)\s*=/i;

/**
 * The inline content of an HTML page: script and style bodies, `style` attributes and event-handler attributes.
 * Written by hand because the site depends on no HTML parser; it reads comments, tags and the raw text of
 * `<script>` and `<style>` as browsers do, which is all a policy is about.
 */
export function listInlineContent(html: string): InlineContent[] {
  const found: InlineContent[] = [];
  for (const match of html.matchAll(TOKENS)) {
    const [, rawTextTag, rawTextAttributes = '', body = '', , tagAttributes = ''] = match;
    const at = match.index;
    const attributes = rawTextTag ? rawTextAttributes : tagAttributes;
    if (INLINE_ATTRIBUTE.test(attributes)) {
      for (const [name, value] of readAttributes(attributes)) {
        if (name === 'style') found.push({ kind: 'style-attribute', text: value, offset: at });
        else if (/^on[a-z]+$/.test(name)) found.push({ kind: 'event-handler', text: value, offset: at });
      }
    }
    if (rawTextTag?.toLowerCase() === 'style') found.push({ kind: 'style', text: body, offset: at });
    else if (rawTextTag) {
      const own = new Map(readAttributes(attributes));
      if (!own.has('src') && SCRIPT_TYPES.test(own.get('type')?.trim() ?? ''))
        found.push({ kind: 'script', text: body, offset: at });
    }
  }
  return found;
}

/** The policy of a page's `<meta http-equiv="content-security-policy">`, or undefined when it has none. */
export function readMetaPolicy(html: string): string | undefined {
  for (const match of html.matchAll(/<meta\b((?:[^>"']|"[^"]*"|'[^']*')*)>/gi)) {
    const attributes = new Map(readAttributes(match[1]));
    if (attributes.get('http-equiv')?.toLowerCase() === 'content-security-policy') return attributes.get('content');
  }
  return undefined;
}

/**
 * A page with the hash sources of its `<meta>` policy cut to those in `kept` (`keepHashes`); a page without such a
 * `<meta>` comes back as it was. Only the policy's text changes, every other byte of the page stays.
 */
export function keepMetaPolicyHashes(html: string, kept: ReadonlySet<string>): string {
  return html.replace(/<meta\b((?:[^>"']|"[^"]*"|'[^']*')*)>/gi, (tag, attributeText: string) => {
    const attributes = new Map(readAttributes(attributeText));
    if (attributes.get('http-equiv')?.toLowerCase() !== 'content-security-policy') return tag;
    const text = attributes.get('content');
    if (text === undefined) return tag;
    return tag.replace(text, formatPolicy(keepHashes(parsePolicy(text), kept)));
  });
}

/** The bodies of the `<script is:inline>` elements of an Astro component's source, which Astro writes as they are. */
export function readInlineScripts(astroSource: string): string[] {
  return [...astroSource.matchAll(/<script\b[^>]*\bis:inline\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
}

/**
 * Checks a built page against its own policy: every inline script, style and attribute must be allowed by its
 * hash. Returns the policy, the hashes of the inline content, and a problem for each piece the policy blocks.
 */
export async function auditPage(html: string, hashes = new Map<string, string>()): Promise<PageAudit> {
  const policyText = readMetaPolicy(html);
  const policy = parsePolicy(policyText ?? '');
  const audit: PageAudit = { policy: policyText, hashes: [], problems: [] };
  for (const item of listInlineContent(html)) {
    let hash = hashes.get(item.text);
    if (hash === undefined) hashes.set(item.text, (hash = await hashSource(item.text)));
    audit.hashes.push(hash);
    if (allowsInline(policy, item.kind, hash)) continue;
    audit.problems.push({ offset: item.offset, message: describeBlocked(item, hash) });
  }
  return audit;
}

/** Line and column (1-based) of an offset in a text, for `file:line:column` diagnostics. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

function describeBlocked(item: InlineContent, hash: string): string {
  const sample = JSON.stringify(item.text.trim().replace(/\s+/g, ' ').slice(0, 60));
  const what = {
    script: `inline script ${sample}`,
    style: `inline <style> ${sample}`,
    'style-attribute': `style attribute ${sample}`,
    'event-handler': `event-handler attribute ${sample}`,
  }[item.kind];
  const fix =
    item.kind === 'style-attribute'
      ? 'add it to STYLE_ATTRIBUTES in src/lib/security/content-policy.ts, or style it from CSS'
      : item.kind === 'event-handler'
        ? 'attach the handler from a script instead'
        : 'move it into a bundled <script> or stylesheet, or add its hash to the policy (src/integrations/content-policy.ts)';
  return `${what} (${hash}) is blocked by the page's Content-Security-Policy: ${fix}`;
}

/** The attributes of a tag's text after its name, names lower-cased and values decoded: `[['style', '--depth: 0;']]`. */
function readAttributes(text: string): [string, string][] {
  return [...text.matchAll(/([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g)].map((m) => [
    m[1].toLowerCase(),
    decodeEntities(m[2] ?? m[3] ?? m[4] ?? ''),
  ]);
}

/** Decodes the character references an attribute value may hold (`&amp;`, `&#39;`, `&#x27;`). */
function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] !== '#') return named[ref.toLowerCase()] ?? whole;
    const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return String.fromCodePoint(code);
  });
}
