import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { isTableVersion, servicePaths, SYNONYMS_FILE, TABLE_FILE } from './layout.ts';

/** A file of the content folder: its path as diagnostics name it (relative to the project, `/`-separated) and text. */
export interface SourceFile {
  path: string;
  text: string;
}

/** A file a folder may hold: its path always, its text when it exists. */
export interface OptionalFile {
  path: string;
  text?: string;
}

/** A file of a service's `history/` folder: its name, its path, and its text when it is a version of the table. */
export interface HistoryFile extends OptionalFile {
  name: string;
}

/** Everything one service folder holds, read. */
export interface ServiceFolder {
  id: string;
  table: SourceFile;
  service: OptionalFile;
  categories: OptionalFile;
  synonyms: OptionalFile;
  /** Every file of `history/`, sorted by name; empty without the folder. */
  history: HistoryFile[];
}

/** A content folder, read: the shared synonyms and every service folder, in folder order. */
export interface ContentFolder {
  synonyms: OptionalFile;
  services: ServiceFolder[];
}

/** Lists the service folders of a content directory: every folder with an `error-codes.rst`, sorted. */
export function listServiceIds(contentDir: string): string[] {
  if (!existsSync(contentDir)) return [];
  return readdirSync(contentDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(contentDir, d.name, TABLE_FILE)))
    .map((d) => d.name)
    .sort();
}

/**
 * Reads every file of a content folder the site is made of (Node only; nothing else is read). Paths are given
 * relative to `root`, the project directory, as diagnostics print them.
 */
export function readContent(contentDir: string, root = process.cwd()): ContentFolder {
  const display = (path: string) => relative(root, join(contentDir, path)).split('\\').join('/');
  const optional = (path: string): OptionalFile => {
    const full = join(contentDir, path);
    return existsSync(full) ? { path: display(path), text: readFileSync(full, 'utf8') } : { path: display(path) };
  };
  return {
    synonyms: optional(SYNONYMS_FILE),
    services: listServiceIds(contentDir).map((id) => {
      const paths = servicePaths(id);
      const historyDir = join(contentDir, paths.history);
      const history = existsSync(historyDir)
        ? readdirSync(historyDir)
            .sort()
            .map((name): HistoryFile => {
              const path = `${paths.history}/${name}`;
              return isTableVersion(name) ? { name, ...optional(path) } : { name, path: display(path) };
            })
        : [];
      return {
        id,
        table: { path: display(paths.table), text: readFileSync(join(contentDir, paths.table), 'utf8') },
        service: optional(paths.service),
        categories: optional(paths.categories),
        synonyms: optional(paths.synonyms),
        history,
      };
    }),
  };
}
