import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { lookupPagePath } from '../lib/core/urls.ts';
import { listAliases, renderRedirectPage, type AliasSource } from '../lib/pages/aliases.ts';
import { renderRedirectRules } from '../lib/pages/redirect-rules.ts';

/** What the build wrote for the spellings of code URLs. */
export interface SpellingFiles {
  /** Rules in `_redirects`. */
  rules: number;
  /** Spellings a rule could have been written for. */
  spellings: number;
  /** Redirect pages (none unless asked for). */
  pages: number;
}

/**
 * Writes what answers the spellings of code URLs (`/ecs/Ecs.0010/`) into the build folder: `_redirects`, always,
 * and with `redirectPages` a redirect page per spelling (`ecs/Ecs.0010/index.html`) for hosts that serve no
 * 404.html. `built` holds the paths of the built pages, which no rule or redirect page ever takes.
 */
export function writeSpellingFiles(
  out: string,
  sources: readonly AliasSource[],
  built: ReadonlySet<string>,
  { origin, redirectPages }: { origin: string; redirectPages: boolean },
): SpellingFiles {
  const { text, rules, spellings } = renderRedirectRules(sources, built);
  writeFileSync(join(out, '_redirects'), text);
  const pages = redirectPages ? writeRedirectPages(out, sources, built, origin) : 0;
  return { rules, spellings, pages };
}

/** Writes a redirect page for each spelling no built page has; returns how many it wrote. */
function writeRedirectPages(
  out: string,
  sources: readonly AliasSource[],
  built: ReadonlySet<string>,
  origin: string,
): number {
  let written = 0;
  for (const alias of listAliases(sources)) {
    if (built.has(alias.from)) continue;
    const folder = join(out, ...alias.from.split('/').filter(Boolean));
    // Most folders are new and their parent exists: one mkdir, the recursive walk only when it is not so.
    try {
      mkdirSync(folder);
    } catch {
      mkdirSync(folder, { recursive: true });
    }
    const canonical = alias.to.startsWith(lookupPagePath()) ? `${origin}${alias.from}` : `${origin}${alias.to}`;
    writeFileSync(join(folder, 'index.html'), renderRedirectPage(alias, canonical));
    written++;
  }
  return written;
}
