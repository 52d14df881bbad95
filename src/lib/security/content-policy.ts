/**
 * The site's Content-Security-Policy: what a page may load and run, a policy's text as directives and back, the
 * union of several pages' policies, and whether a policy allows a piece of inline content by its hash.
 */

/** A policy's directives in their order, each with its sources: `script-src` -> `['self'', 'sha256-…']`. */
export type Policy = Map<string, string[]>;

/** Where a page's scripts may come from besides its hashed inline ones: the site's files, and Pagefind's WebAssembly. */
export const SCRIPT_SOURCES = ["'self'", "'wasm-unsafe-eval'"];

/**
 * Every other directive of a page's policy. Images may be `data:` URLs because Starlight's CSS draws the `<details>`
 * marker and the mobile contents' current-page mark with them; the paste box submits its form to /lookup/.
 */
export const PAGE_DIRECTIVES = [
  "default-src 'self'",
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
];

/** Directives a `<meta>` policy cannot carry (browsers ignore them there): only the header has them. */
export const HEADER_ONLY_DIRECTIVES = ["frame-ancestors 'none'"];

/**
 * The `style` attributes Starlight's components write, allowed by their hashes and nothing else (`style-src
 * 'unsafe-hashes'`): its icons' sizes (`<style define:vars>` of Icon.astro: the default, the mobile contents' and
 * the sidebar's carets, the pagination arrows) and the table of contents' nesting (TableOfContentsList.astro). The
 * site's own theme menu sets its width in CSS (Starlight's wrote `--sl-select-width: 6.25em` on each copy). A page
 * with any other `style` attribute fails the build, naming it.
 */
export const STYLE_ATTRIBUTES = [
  '--sl-icon-size: 1em;',
  '--sl-icon-size: 1rem;',
  '--sl-icon-size: 1.25rem;',
  '--sl-icon-size: 1.5rem;',
  '--depth: 0;',
];

/** What a piece of inline content is, for the directive that governs it. */
export type InlineKind = 'script' | 'style' | 'style-attribute' | 'event-handler';

/** The directives that govern a kind of inline content, most specific first (CSP Level 3's fallback order). */
const FALLBACKS: Record<InlineKind, string[]> = {
  script: ['script-src-elem', 'script-src', 'default-src'],
  'event-handler': ['script-src-attr', 'script-src', 'default-src'],
  style: ['style-src-elem', 'style-src', 'default-src'],
  'style-attribute': ['style-src-attr', 'style-src', 'default-src'],
};

/** The CSP source for a text's SHA-256 digest, without quotes, as Astro's `security.csp` takes it: `sha256-…`. */
export async function hashSource(text: string): Promise<`sha256-${string}`> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  let binary = '';
  for (const byte of digest) binary += String.fromCharCode(byte);
  return `sha256-${btoa(binary)}`;
}

/** Reads a policy's text (`a b; c d;`); directive names are lower-cased, a repeated directive is ignored as browsers do. */
export function parsePolicy(text: string): Policy {
  const policy: Policy = new Map();
  for (const part of text.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (!name || policy.has(name.toLowerCase())) continue;
    policy.set(name.toLowerCase(), sources);
  }
  return policy;
}

/** Writes a policy as one line: `default-src 'self'; script-src 'self' 'sha256-…'`. */
export function formatPolicy(policy: Policy): string {
  return [...policy].map(([name, sources]) => [name, ...sources].join(' ')).join('; ');
}

/**
 * The union of several policies: every directive any of them has, with every source any of them gives it, in the
 * order first seen. `'none'` is dropped from a directive that has other sources (browsers ignore it there).
 */
export function mergePolicies(policies: readonly Policy[]): Policy {
  const merged: Policy = new Map();
  for (const policy of policies) {
    for (const [name, sources] of policy) {
      const known = merged.get(name) ?? [];
      merged.set(name, [...known, ...sources.filter((s) => !known.includes(s))]);
    }
  }
  for (const [name, sources] of merged) {
    if (sources.length > 1 && sources.includes("'none'"))
      merged.set(
        name,
        sources.filter((s) => s !== "'none'"),
      );
  }
  return merged;
}

/**
 * Whether a policy lets inline content of a kind run or apply, given its hash (`sha256-…`): by that hash (an
 * attribute needs `'unsafe-hashes'` too), or by `'unsafe-inline'` in a directive without hashes or nonces.
 */
export function allowsInline(policy: Policy, kind: InlineKind, hash: string): boolean {
  const name = FALLBACKS[kind].find((n) => policy.has(n));
  if (!name) return true;
  const sources = policy.get(name) ?? [];
  const hashed = sources.some((s) => /^'(sha(256|384|512)|nonce)-/.test(s));
  if (!hashed && sources.includes("'unsafe-inline'")) return true;
  const attribute = kind === 'style-attribute' || kind === 'event-handler';
  return sources.includes(`'${hash}'`) && (!attribute || sources.includes("'unsafe-hashes'"));
}

/**
 * The policy a header sends with every file of the site: the union of the pages' own policies, plus what only a
 * header can carry, keeping of their hashes only those of inline content that some page has (`usedHashes`).
 * Astro also hashes its bundled script and style files, which pages load from the site itself ('self'): a hash
 * allows a file only with an `integrity` attribute, so those hashes add length and allow nothing.
 */
export function buildHeaderPolicy(pagePolicies: readonly string[], usedHashes: ReadonlySet<string>): string {
  return formatPolicy(
    keepHashes(mergePolicies([...pagePolicies, ...HEADER_ONLY_DIRECTIVES].map(parsePolicy)), usedHashes),
  );
}

/** A policy with only the hash sources (`'sha256-…'`) that are in `kept` (given without quotes); other sources stay. */
export function keepHashes(policy: Policy, kept: ReadonlySet<string>): Policy {
  return new Map(
    [...policy].map(([name, sources]) => [
      name,
      sources.filter((s) => !/^'sha(256|384|512)-/.test(s) || kept.has(s.slice(1, -1))),
    ]),
  );
}
