import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serviceNames } from '../catalogue/service-meta.ts';
import { servicePaths } from '../content/layout.ts';
import { listServiceIds, readContent } from '../content/read-content.ts';
import { assembleSite, serviceMeta, type SiteModel } from './assemble.ts';

/**
 * Reads a content folder and assembles its site (Node only: it reads files). Paths in diagnostics are relative
 * to `root`, the project directory. Each call reads the files again: a build calls it once.
 */
export function loadServices(contentDir: string, root = process.cwd()): SiteModel {
  return assembleSite(readContent(contentDir, root));
}

/**
 * `loadServices` for a process that asks again and again (`astro dev`, where both collections' loaders ask on
 * every change): each call reads the files, and assembles them only when their text differs from the last call's.
 */
export function createServiceReader(contentDir: string, root = process.cwd()): () => SiteModel {
  let last: { digest: string; site: SiteModel } | undefined;
  return () => {
    const folder = readContent(contentDir, root);
    const digest = createHash('sha256').update(JSON.stringify(folder)).digest('hex');
    if (last?.digest !== digest) last = { digest, site: assembleSite(folder) };
    return last.site;
  };
}

/**
 * The services of a content directory with their names, without reading their tables (for the site's
 * configuration). A broken service.json counts as absent here; the content check reports it.
 */
export function listServices(contentDir: string): { id: string; name: string; short: string }[] {
  return listServiceIds(contentDir).map((id) => {
    const path = servicePaths(id).service;
    const file = join(contentDir, path);
    const meta = serviceMeta(existsSync(file) ? { path, text: readFileSync(file, 'utf8') } : { path }, []);
    return { id, ...serviceNames(id, meta) };
  });
}
