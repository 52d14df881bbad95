import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { buildCatalogue, type ServiceCatalogue, type ServiceMeta } from './catalogue';
import { listCategories, type Category } from './categories';
import { buildCodePages, type CodePageData } from './code-pages';
import type { Diagnostic } from './diagnostics';
import { readEditorial, type Editorial } from './editorial';

/** One service with everything its pages need. */
export interface ServiceModel {
  catalogue: ServiceCatalogue;
  editorial: Editorial;
  categories: Category[];
  pages: CodePageData[];
}

/** The table file every service folder holds. */
export const TABLE_FILE = 'error-codes.rst';

/** Lists the service folders of a content directory: every folder with an `error-codes.rst`. */
export function listServiceIds(contentDir: string): string[] {
  if (!existsSync(contentDir)) return [];
  return readdirSync(contentDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(contentDir, d.name, TABLE_FILE)))
    .map((d) => d.name)
    .sort();
}

type Loaded = { services: ServiceModel[]; diagnostics: Diagnostic[] };

// One build reads the content several times (the content check, both collections, the redirect pages),
// from module instances that do not share state: the cache lives on globalThis, keyed by the files' stats.
const cache: Map<string, { stamp: string; loaded: Loaded }> = ((globalThis as Record<string, unknown>).__errorCodeContentCache ??= new Map()) as never;

/**
 * Reads every service under a content directory (Node only: it reads files). Paths in diagnostics are
 * relative to `root`, the project directory. Unchanged files are not read twice in one process.
 */
export function loadServices(contentDir: string, root = process.cwd()): Loaded {
  const key = `${contentDir}\0${root}`;
  const stamp = stampOf(contentDir);
  const hit = cache.get(key);
  if (hit?.stamp === stamp) return hit.loaded;
  const loaded = readServices(contentDir, root);
  cache.set(key, { stamp, loaded });
  return loaded;
}

/** Names, sizes and modification times of every file under a folder: changes when any file does. */
function stampOf(dir: string): string {
  if (!existsSync(dir)) return '';
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => {
      const path = join(d.parentPath, d.name);
      const stat = statSync(path);
      return `${path}:${stat.size}:${stat.mtimeMs}`;
    })
    .sort()
    .join('\n');
}

function readServices(contentDir: string, root: string): Loaded {
  const services: ServiceModel[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const id of listServiceIds(contentDir)) {
    const folder = join(contentDir, id);
    const rel = (name: string) => relative(root, join(folder, name)).split('\\').join('/');
    const meta = readJson<ServiceMeta>(join(folder, 'service.json'), rel('service.json'), diagnostics) ?? {};
    const built = buildCatalogue({ id, file: rel(TABLE_FILE), text: readFileSync(join(folder, TABLE_FILE), 'utf8'), meta });
    diagnostics.push(...built.diagnostics);
    if (!built.catalogue) continue;
    // Editorial checks against a table with problems would only repeat them (a broken row's code is "unknown").
    const tableIsClean = built.diagnostics.length === 0;
    const editorialPath = join(folder, 'categories.json');
    const { editorial, diagnostics: editorialProblems } = existsSync(editorialPath)
      ? readEditorial(readFileSync(editorialPath, 'utf8'), rel('categories.json'), built.catalogue)
      : { editorial: { families: [], topics: [] }, diagnostics: [] };
    if (tableIsClean) diagnostics.push(...editorialProblems);
    const categories = listCategories(built.catalogue, editorial);
    services.push({ catalogue: built.catalogue, editorial, categories, pages: buildCodePages(built.catalogue, categories) });
  }
  return { services, diagnostics };
}

function readJson<T>(path: string, file: string, diagnostics: Diagnostic[]): T | undefined {
  if (!existsSync(path)) return undefined;
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as T;
  } catch (error) {
    diagnostics.push({ file, line: 1, column: 1, message: `not valid JSON: ${(error as Error).message}` });
    return undefined;
  }
}
