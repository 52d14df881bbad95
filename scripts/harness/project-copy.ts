/**
 * A copy of the project in another folder that the site can be built in: its sources copied, its node_modules
 * as hard links (fast, no extra disk). The benchmarks build in such copies, and the browser tests build their
 * fixture sites there, so the checkout's own dist/ is never touched.
 */
import { cpSync, linkSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The checkout this module belongs to. */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** What a build needs of the project besides content/ and node_modules/. */
export const PROJECT_FILES = ['package.json', 'astro.config.mjs', 'tsconfig.json', 'src', 'public', 'scripts'];

/** Mirrors a folder as hard links (fast, no extra disk), keeping symbolic links as they are. */
export function linkTree(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const a = join(from, entry.name);
    const b = join(to, entry.name);
    if (entry.isDirectory()) linkTree(a, b);
    else if (entry.isSymbolicLink()) cpSync(a, b, { verbatimSymlinks: true });
    else linkSync(a, b);
  }
}

/** Gives a folder the checkout's node_modules as hard links (hard links cannot cross file systems: it throws then). */
export function linkNodeModules(dir: string): void {
  linkTree(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
}

/** Copies the project's sources ({@link PROJECT_FILES}) into a folder and links its node_modules there; no content/. */
export function copyProject(dir: string): void {
  for (const name of PROJECT_FILES) cpSync(join(ROOT, name), join(dir, name), { recursive: true });
  linkNodeModules(dir);
}
