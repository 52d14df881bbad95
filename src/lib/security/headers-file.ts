/**
 * A `_headers` file, as Netlify and Cloudflare Pages read it from the root of a deployed site: rules of a path
 * pattern (`/*`: one `*` matches anything) and indented `Name: value` lines. Written and read here side by side.
 */

/** A rule of a `_headers` file: the paths it matches, and the headers it adds to their responses. */
export interface HeaderRule {
  path: string;
  headers: { name: string; value: string }[];
}

/** The longest line Cloudflare Pages reads in a `_headers` file, indentation and name included. */
export const MAX_HEADERS_LINE = 2000;

/**
 * The site's security headers for every file: its Content-Security-Policy (with what only a header can carry,
 * `frame-ancestors`), no MIME sniffing, and only the origin as referrer to other sites.
 */
export function siteHeaderRules(policy: string): HeaderRule[] {
  return [
    {
      path: '/*',
      headers: [
        { name: 'Content-Security-Policy', value: policy },
        { name: 'X-Content-Type-Options', value: 'nosniff' },
        { name: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
      ],
    },
  ];
}

/** Writes rules as a `_headers` file, a comment first. */
export function formatHeadersFile(rules: readonly HeaderRule[], comment?: string): string {
  const lines = comment ? comment.split('\n').map((line) => `# ${line}`.trimEnd()) : [];
  for (const rule of rules) {
    if (lines.length > 0) lines.push('');
    lines.push(rule.path, ...rule.headers.map(({ name, value }) => `  ${name}: ${value}`));
  }
  return `${lines.join('\n')}\n`;
}

/** Reads a `_headers` file: comments and blank lines are skipped, a header line belongs to the path above it. */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      rules.push({ path: line.trim(), headers: [] });
      continue;
    }
    const colon = line.indexOf(':');
    const rule = rules.at(-1);
    if (rule && colon > 0)
      rule.headers.push({ name: line.slice(0, colon).trim(), value: line.slice(colon + 1).trim() });
  }
  return rules;
}

/**
 * The headers a path gets from rules, as those hosts apply them: every rule whose pattern matches adds its
 * headers, and a header two rules set gets both values joined with a comma.
 */
export function headersForPath(rules: readonly HeaderRule[], path: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const rule of rules) {
    const [head, tail] = rule.path.split('*', 2);
    const matches =
      tail === undefined ? path === head : path.startsWith(head) && path.slice(head.length).endsWith(tail);
    if (!matches) continue;
    for (const { name, value } of rule.headers) {
      const key = name.toLowerCase();
      const known = headers.get(key);
      headers.set(key, known === undefined ? value : `${known}, ${value}`);
    }
  }
  return headers;
}

/** Lines longer than a host reads, by their 1-based number. */
export function findLongLines(text: string, limit = MAX_HEADERS_LINE): { line: number; length: number }[] {
  return text
    .split('\n')
    .map((line, i) => ({ line: i + 1, length: line.length }))
    .filter((l) => l.length > limit);
}

/**
 * The site's `_headers` file for a policy: the project's own rules first, as written (a `public/_headers`, which
 * the build copies into dist/), then the site's security headers for every file.
 */
export function renderSiteHeadersFile(policy: string, projectRules = ''): string {
  const own = projectRules.trim() === '' ? '' : `${projectRules.trimEnd()}\n\n`;
  const comment =
    'Security headers for every file, written by the build (src/integrations/content-policy.ts).\n' +
    "The policy is the union of the pages' own <meta> policies, and frame-ancestors, which a <meta> cannot carry.";
  return own + formatHeadersFile(siteHeaderRules(policy), comment);
}
