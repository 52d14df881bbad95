import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { StoredEntries } from '../lib/assembly/stored-entries.ts';

// Astro loads src/content.config.ts in a module graph of its own, apart from the integrations of
// astro.config.mjs: the two share no module state. A build reads the content once, in the site integration
// (site.ts), which writes the collections' entries to this file; the collections' loader reads them back.

/** The file in Astro's cache folder that hands a build's collection entries from the integration to the loader. */
function storedEntriesPath(cacheDir: URL): string {
  return fileURLToPath(new URL('error-code-site/stored-entries.json', cacheDir));
}

/**
 * Writes the entries the collections of this build hold. The file is written beside and renamed into place: a
 * project copied with hard links (`cp -al`, as the tests build fixture sites) shares the old file's contents.
 */
export function writeStoredEntries(cacheDir: URL, entries: StoredEntries): void {
  const path = storedEntriesPath(cacheDir);
  mkdirSync(dirname(path), { recursive: true });
  const written = `${path}.${process.pid}`;
  writeFileSync(written, JSON.stringify(entries));
  renameSync(written, path);
}

/** Reads the entries the site integration wrote for this build. */
export function readStoredEntries(cacheDir: URL): StoredEntries {
  const path = storedEntriesPath(cacheDir);
  if (!existsSync(path))
    throw new Error(`${path} is missing: the error-code-site integration (astro.config.mjs) reads the content first`);
  return JSON.parse(readFileSync(path, 'utf8')) as StoredEntries;
}
