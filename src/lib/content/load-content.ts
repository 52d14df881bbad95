import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { buildCatalogue, serviceNames, type ServiceCatalogue } from '../catalogue/catalogue';
import { listCategories, type Category } from '../pages/categories';
import { buildCodePages, linkSharedCodes, type CodePageData } from '../pages/code-pages';
import type { Diagnostic } from '../core/diagnostics';
import { readEditorial, readServiceMeta, type Editorial, type ServiceMeta } from '../catalogue/editorial';
import { toPageHistory } from '../history/code-history';
import { buildHistory, type ServiceHistory, type ServiceVersions } from '../history/history';
import { readVersionList } from '../history/version-files';
import { readSynonyms, SYNONYMS_FILE } from '../search/synonyms';

/** One service with everything its pages need. */
export interface ServiceModel {
  catalogue: ServiceCatalogue;
  editorial: Editorial;
  categories: Category[];
  pages: CodePageData[];
  /** Present when the service has dated versions of its table. */
  history?: ServiceVersions;
  /** Synonym groups for search: those of content/synonyms.json, then the service's own. */
  synonyms: string[][];
}

/** The table file every service folder holds. */
export const TABLE_FILE = 'error-codes.rst';

/** The file of a service's name, summary and publication date. */
export const SERVICE_FILE = 'service.json';

/** The folder of a service's other dated versions of its table (`history/2024-05-28.rst`). */
const HISTORY_DIR = 'history';

/** Lists the service folders of a content directory: every folder with an `error-codes.rst`. */
export function listServiceIds(contentDir: string): string[] {
  if (!existsSync(contentDir)) return [];
  return readdirSync(contentDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(contentDir, d.name, TABLE_FILE)))
    .map((d) => d.name)
    .sort();
}

/**
 * The services of a content directory with their names, without reading their tables (for the site's
 * configuration). A broken service.json counts as absent here; the content check reports it.
 */
export function listServices(contentDir: string): { id: string; name: string; short: string }[] {
  return listServiceIds(contentDir).map((id) => {
    const meta = readServiceMetaFile(join(contentDir, id, SERVICE_FILE), `${id}/${SERVICE_FILE}`, []);
    return { id, ...serviceNames(id, meta) };
  });
}

/** What a content folder holds: its services, the errors that stop a build, and warnings that do not. */
type Loaded = { services: ServiceModel[]; diagnostics: Diagnostic[]; warnings: Diagnostic[] };

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

/** Drops the content read so far: once the collections hold it, a build need not keep a second copy. */
export function forgetLoadedContent(): void {
  cache.clear();
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
  const warnings: Diagnostic[] = [];
  const shared = readSynonymsFile(join(contentDir, SYNONYMS_FILE), relative(root, join(contentDir, SYNONYMS_FILE)).split('\\').join('/'), diagnostics);
  for (const id of listServiceIds(contentDir)) {
    const folder = join(contentDir, id);
    const rel = (name: string) => relative(root, join(folder, name)).split('\\').join('/');
    const meta = readServiceMetaFile(join(folder, SERVICE_FILE), rel(SERVICE_FILE), diagnostics);
    const built = readVersions(id, folder, rel, meta, root);
    diagnostics.push(...built.diagnostics);
    warnings.push(...built.warnings);
    if (!built.catalogue) continue;
    // Editorial checks against a table with problems would only repeat them (a broken row's code is "unknown").
    const tableIsClean = built.diagnostics.length === 0;
    const editorialPath = join(folder, 'categories.json');
    const { editorial, diagnostics: editorialProblems } = existsSync(editorialPath)
      ? readEditorial(readFileSync(editorialPath, 'utf8'), rel('categories.json'), built.catalogue)
      : { editorial: { families: [], topics: [] }, diagnostics: [] };
    if (tableIsClean) diagnostics.push(...editorialProblems);
    const categories = listCategories(built.catalogue, editorial);
    const pages = buildCodePages(built.catalogue, categories);
    const history = built.history;
    if (history) {
      for (const page of pages) {
        const code = history.codes.get(page.entry.code);
        if (code) page.history = toPageHistory(code, history.dates);
      }
    }
    services.push({
      catalogue: built.catalogue,
      editorial,
      categories,
      pages,
      history: history && { dates: history.dates, current: history.current, changes: history.changes },
      synonyms: [...shared, ...readSynonymsFile(join(folder, SYNONYMS_FILE), rel(SYNONYMS_FILE), diagnostics)],
    });
  }
  linkSharedCodes(services);
  return { services, diagnostics, warnings };
}

/**
 * Reads a service's table and, when it has a `history/` folder, every dated version: the catalogue is then
 * the newest version's, with every code ever published (a retired code keeps its last rows).
 */
function readVersions(
  id: string,
  folder: string,
  rel: (name: string) => string,
  meta: ServiceMeta,
  root: string,
): { catalogue?: ServiceCatalogue; history?: ServiceHistory; diagnostics: Diagnostic[]; warnings: Diagnostic[] } {
  const historyDir = join(folder, HISTORY_DIR);
  const files = existsSync(historyDir)
    ? readdirSync(historyDir).map((name) => ({ name, path: rel(`${HISTORY_DIR}/${name}`) }))
    : [];
  if (!files.some((f) => f.name.endsWith('.rst'))) {
    return buildCatalogue({ id, file: rel(TABLE_FILE), text: readFileSync(join(folder, TABLE_FILE), 'utf8'), meta });
  }
  const { versions, diagnostics } = readVersionList(files, meta.published, rel(TABLE_FILE));
  const warnings: Diagnostic[] = [];
  const dated: { date: string; catalogue: ServiceCatalogue }[] = [];
  for (const version of versions) {
    const built = buildCatalogue({ id, file: version.file, text: readFileSync(join(root, version.file), 'utf8'), meta });
    diagnostics.push(...built.diagnostics);
    warnings.push(...built.warnings);
    if (built.catalogue) dated.push({ date: version.date, catalogue: built.catalogue });
  }
  if (diagnostics.length > 0 || dated.length === 0) return { diagnostics, warnings };
  const history = buildHistory(dated);
  const newest = dated[dated.length - 1].catalogue;
  return { catalogue: { ...newest, published: history.current, entries: history.entries }, history, diagnostics, warnings };
}


/** The synonym groups of a file, when it exists; its problems go to `diagnostics`. */
function readSynonymsFile(path: string, file: string, diagnostics: Diagnostic[]): string[][] {
  if (!existsSync(path)) return [];
  const { synonyms, diagnostics: problems } = readSynonyms(readFileSync(path, 'utf8'), file);
  diagnostics.push(...problems);
  return synonyms.groups;
}

/** A service's service.json, when it exists (else empty); its problems go to `diagnostics`. */
function readServiceMetaFile(path: string, file: string, diagnostics: Diagnostic[]): ServiceMeta {
  if (!existsSync(path)) return {};
  const { meta, diagnostics: problems } = readServiceMeta(readFileSync(path, 'utf8'), file);
  diagnostics.push(...problems);
  return meta;
}
