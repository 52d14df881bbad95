/**
 * Walks the import graph of browser code: from entry files, through every static and dynamic import with a
 * relative path, to what each one reaches. Files are read through `read`, so a test can hand it a graph of
 * its own. Type-only imports are left out: they are erased before the browser sees the code.
 */
import { builtinModules } from 'node:module';
import { posix } from 'node:path';

/** Reads a file of the graph by its path (relative to the project, `/`-separated), or undefined when there is none. */
export type ReadFile = (path: string) => string | undefined;

/** Why an import (a project file's path, or a bare specifier when `file` is false) may not stand in browser code, or undefined. */
export type ForbidImport = (target: string, file: boolean) => string | undefined;

// Runtime imports: `import x from 'a'`, `import 'a'`, `export { x } from 'a'`, `import('a')`, not `import type`.
const STATIC_IMPORT = /^\s*(?:import|export)(?!\s+type\b)(?:[\s\w{},*$]*?\bfrom)?\s*['"]([^'"]+)['"]/gm;
const DYNAMIC_IMPORT = /\bimport\s*\(\s*(?:\/\*.*?\*\/\s*)?['"`]([^'"`$]+)['"`]\s*\)/g;
const SCRIPT_BLOCK = /<script\b[^>]*>([\s\S]*?)<\/script>/g;
const EXTENSIONS = ['', '.ts', '.js', '.mjs', '/index.ts', '/index.js'];

/** The module specifiers a source file imports at run time, in order. */
export function findImports(source: string): string[] {
  const found = [...source.matchAll(STATIC_IMPORT), ...source.matchAll(DYNAMIC_IMPORT)].sort(
    (a, b) => (a.index ?? 0) - (b.index ?? 0),
  );
  return found.map((m) => m[1]);
}

/** The code of an `.astro` file's `<script>` blocks (what Astro bundles for the browser), joined. */
export function scriptBlocks(astroSource: string): string {
  return Array.from(astroSource.matchAll(SCRIPT_BLOCK), (m) => m[1]).join('\n');
}

/** Resolves a relative specifier against the importing file, trying the extensions Vite tries; undefined if no file is there. */
function resolveRelative(from: string, specifier: string, read: ReadFile): string | undefined {
  const base = posix.normalize(posix.join(posix.dirname(from), specifier));
  return EXTENSIONS.map((ext) => base + ext).find((path) => read(path) !== undefined);
}

/**
 * Every chain from an entry to a forbidden import, as `entry -> file -> ... -> target: reason`; an import
 * that resolves to no file is reported too. Entries are `.ts` files, or `.astro` files (their scripts only).
 */
export function findForbiddenChains(entries: readonly string[], read: ReadFile, forbid: ForbidImport): string[] {
  const problems: string[] = [];
  for (const entry of entries) {
    const seen = new Set<string>([entry]);
    const walk = (file: string, chain: string[]) => {
      const source = read(file) ?? '';
      for (const specifier of findImports(file.endsWith('.astro') ? scriptBlocks(source) : source)) {
        const relative = specifier.startsWith('./') || specifier.startsWith('../');
        const target = relative ? resolveRelative(file, specifier, read) : specifier;
        if (target === undefined) {
          problems.push(`${[...chain, specifier].join(' -> ')}: no such file`);
          continue;
        }
        const reason = forbid(target, relative);
        if (reason !== undefined) problems.push(`${[...chain, target].join(' -> ')}: ${reason}`);
        else if (relative && !seen.has(target)) {
          seen.add(target);
          walk(target, [...chain, target]);
        }
      }
    };
    walk(entry, [entry]);
  }
  return problems;
}

const BUILTINS = new Set(builtinModules);

/**
 * The project's rule for browser code: no Node built-in, nothing of the Node-only stages (`src/lib/content/`,
 * `src/lib/import/`), and no package that runs only in Node.
 */
export function forbidNodeOnly(nodeOnlyPackages: readonly string[]): ForbidImport {
  return (target, file) => {
    if (file)
      return target.startsWith('src/lib/content/') || target.startsWith('src/lib/import/')
        ? 'a Node-only stage of src/lib'
        : undefined;
    if (target.startsWith('node:') || BUILTINS.has(target.split('/')[0])) return 'a Node built-in';
    const name = target.startsWith('@') ? target.split('/').slice(0, 2).join('/') : target.split('/')[0];
    if (nodeOnlyPackages.includes(name)) return 'a package that runs only in Node';
    return undefined;
  };
}
