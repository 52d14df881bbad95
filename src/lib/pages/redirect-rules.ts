import { urlSpellings } from '../core/code-identity.ts';
import { spellingPath } from '../core/urls.ts';
import { listAliases, type AliasSource } from './aliases.ts';

/**
 * What a `_redirects` file may hold to be read whole by every host that reads one: GitLab Pages' defaults (1,000
 * rules, a 64 KiB file; a larger file loses every rule there), within Cloudflare Pages' 2,000 static rules and
 * Netlify's (no fixed count; wildcards advised from 10,000 on).
 */
export const REDIRECT_RULES_LIMITS = { rules: 1_000, bytes: 64 * 1024 };

/** A `_redirects` file and what it holds. */
export interface RedirectRules {
  /** The file: two comment lines, then one `from to 301` line per rule, the most useful first. */
  text: string;
  /** How many rules it has. */
  rules: number;
  /** How many spellings a rule could have been written for (every alias no page has). */
  spellings: number;
}

/** A code's spellings of one kind: the paths they would have. */
type SpellingKind = (code: string, service: string) => string[];

/**
 * The kinds of spelling in the order they are worth a rule: the code as its table writes it under its service
 * (`/ecs/Ecs.0010/`), the same at the root (`/Ecs.0010/`), then its other spellings under its service
 * (`/ecs/ECS.0010/`, `/ecs/ecs.0010/`, `/ecs/ecs0010/`, `/ecs/Ecs_0010/`).
 */
const KINDS: SpellingKind[] = [
  (code, service) => [spellingPath(code, service)],
  (code) => [spellingPath(code)],
  (code, service) => urlSpellings(code).map((spelling) => spellingPath(spelling, service)),
];

/**
 * The `_redirects` file (Netlify, Cloudflare Pages and GitLab Pages read it) for the spellings of code URLs
 * (`listAliases`): a 301 from each to its code page, or to the lookup's chooser, within `limits`. Rules go by kind
 * (`KINDS`), and within a kind to every service in turn, a code of each in table order, so that every service gets
 * its share when the limit cuts. No rule starts at a path in `pages` (a host follows a rule even where a file is).
 * The 404 page resolves every spelling left out, in the browser.
 */
export function renderRedirectRules(
  services: readonly AliasSource[],
  pages: ReadonlySet<string>,
  limits: { rules: number; bytes: number } = REDIRECT_RULES_LIMITS,
): RedirectRules {
  const targets = new Map(
    listAliases(services)
      .filter((alias) => !pages.has(alias.from))
      .map((alias) => [alias.from, alias.to]),
  );
  const ordered = new Set<string>();
  const longest = Math.max(0, ...services.map((s) => s.codes.length));
  for (const kind of KINDS) {
    for (let i = 0; i < longest; i++) {
      for (const { service, codes } of services) {
        if (i >= codes.length) continue;
        for (const from of kind(codes[i].code, service)) if (targets.has(from)) ordered.add(from);
      }
    }
  }
  const lines: string[] = [];
  let bytes = 0;
  // The header's length hardly varies with the counts: reserve room for its longest form.
  const room = limits.bytes - header(targets.size, targets.size).length;
  for (const from of ordered) {
    const line = `${from} ${targets.get(from)} 301\n`;
    if (lines.length >= limits.rules || bytes + line.length > room) break;
    lines.push(line);
    bytes += line.length;
  }
  return { text: header(lines.length, targets.size) + lines.join(''), rules: lines.length, spellings: targets.size };
}

/** The file's opening comment: what its rules are, and where the others go. */
function header(rules: number, spellings: number): string {
  return (
    `# Spellings of code URLs, each to its code page (or the chooser of a code several services have).\n` +
    `# ${rules} of ${spellings} spellings; the 404 page resolves the others in the browser.\n`
  );
}
