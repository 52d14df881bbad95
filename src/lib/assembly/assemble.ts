import { buildCatalogue, type ServiceCatalogue } from '../catalogue/catalogue.ts';
import { readEditorial, type Editorial } from '../catalogue/editorial.ts';
import { readServiceMeta, type ServiceMeta } from '../catalogue/service-meta.ts';
import type { ContentFolder, OptionalFile, ServiceFolder } from '../content/read-content.ts';
import type { Diagnostic } from '../core/diagnostics.ts';
import { toPageHistory } from '../history/code-history.ts';
import { buildHistory, type ServiceHistory, type ServiceVersions } from '../history/history.ts';
import { readVersionList } from '../history/version-files.ts';
import { listCategories, type Category } from '../pages/categories.ts';
import { buildCodePages, linkSharedCodes, type CodePage } from '../pages/code-pages.ts';
import { readSynonyms } from '../search/synonyms.ts';

/** One service with everything its pages need. */
export interface ServiceModel {
  catalogue: ServiceCatalogue;
  editorial: Editorial;
  categories: Category[];
  pages: CodePage[];
  /** Present when the service has dated versions of its table. */
  history?: ServiceVersions;
  /** Synonym groups for search: those of content/synonyms.json, then the service's own. */
  synonyms: string[][];
}

/** The site a content folder makes: its services, the errors that stop a build, and warnings that do not. */
export interface SiteModel {
  services: ServiceModel[];
  diagnostics: Diagnostic[];
  warnings: Diagnostic[];
}

/**
 * Runs the stages over a content folder's files: each table (and its dated versions) into a catalogue, its
 * editorial files, categories, code pages with their history, then the links between services. Pure: the files
 * are read before (`readContent`), so the same content gives the same site in the build, the CLI and the tests.
 */
export function assembleSite(content: ContentFolder): SiteModel {
  const diagnostics: Diagnostic[] = [];
  const warnings: Diagnostic[] = [];
  const shared = synonymGroups(content.synonyms, diagnostics);
  const services: ServiceModel[] = [];
  for (const folder of content.services) {
    const service = assembleService(folder, shared, diagnostics, warnings);
    if (service) services.push(service);
  }
  linkSharedCodes(services);
  return { services, diagnostics, warnings };
}

/** One service folder into its model; undefined when its table could not be read (the problems are reported). */
function assembleService(
  folder: ServiceFolder,
  sharedSynonyms: string[][],
  diagnostics: Diagnostic[],
  warnings: Diagnostic[],
): ServiceModel | undefined {
  const meta = serviceMeta(folder.service, diagnostics);
  const built = readVersions(folder, meta);
  diagnostics.push(...built.diagnostics);
  warnings.push(...built.warnings);
  if (!built.catalogue) return undefined;
  const { editorial, diagnostics: editorialProblems } =
    folder.categories.text === undefined
      ? { editorial: { families: [], topics: [] }, diagnostics: [] }
      : readEditorial(folder.categories.text, folder.categories.path, built.catalogue);
  // Editorial checks against a table with problems would only repeat them (a broken row's code is "unknown").
  if (built.diagnostics.length === 0) diagnostics.push(...editorialProblems);
  const categories = listCategories(built.catalogue, editorial);
  const pages = buildCodePages(built.catalogue, categories);
  const history = built.history;
  if (history) {
    for (const page of pages) {
      const code = history.codes.get(page.entry.code);
      if (code) page.history = toPageHistory(code, history.dates);
    }
  }
  return {
    catalogue: built.catalogue,
    editorial,
    categories,
    pages,
    history: history && { dates: history.dates, current: history.current, changes: history.changes },
    synonyms: [...sharedSynonyms, ...synonymGroups(folder.synonyms, diagnostics)],
  };
}

/**
 * A service's catalogue from its table and, when it has a `history/` folder with versions, from every dated
 * version: the catalogue is then the newest version's, with every code ever published (a retired code keeps its
 * last rows).
 */
function readVersions(
  folder: ServiceFolder,
  meta: ServiceMeta,
): { catalogue?: ServiceCatalogue; history?: ServiceHistory; diagnostics: Diagnostic[]; warnings: Diagnostic[] } {
  const { id, table } = folder;
  const texts = new Map<string, string>([[table.path, table.text]]);
  for (const file of folder.history) if (file.text !== undefined) texts.set(file.path, file.text);
  if (texts.size === 1) return buildCatalogue({ id, file: table.path, text: table.text, meta });
  const { versions, diagnostics } = readVersionList(folder.history, meta.published, {
    tableFile: table.path,
    serviceFile: folder.service.path,
  });
  const warnings: Diagnostic[] = [];
  const dated: { date: string; catalogue: ServiceCatalogue }[] = [];
  for (const version of versions) {
    const built = buildCatalogue({ id, file: version.file, text: texts.get(version.file)!, meta });
    diagnostics.push(...built.diagnostics);
    warnings.push(...built.warnings);
    if (built.catalogue) dated.push({ date: version.date, catalogue: built.catalogue });
  }
  if (diagnostics.length > 0 || dated.length === 0) return { diagnostics, warnings };
  const history = buildHistory(dated);
  const newest = dated[dated.length - 1].catalogue;
  return {
    catalogue: { ...newest, published: history.current, entries: history.entries },
    history,
    diagnostics,
    warnings,
  };
}

/** The synonym groups of a file, when it exists; its problems go to `diagnostics`. */
function synonymGroups(file: OptionalFile, diagnostics: Diagnostic[]): string[][] {
  if (file.text === undefined) return [];
  const { synonyms, diagnostics: problems } = readSynonyms(file.text, file.path);
  diagnostics.push(...problems);
  return synonyms.groups;
}

/** A service's service.json, when it exists (else empty); its problems go to `diagnostics`. */
export function serviceMeta(file: OptionalFile, diagnostics: Diagnostic[]): ServiceMeta {
  if (file.text === undefined) return {};
  const { meta, diagnostics: problems } = readServiceMeta(file.text, file.path);
  diagnostics.push(...problems);
  return meta;
}
