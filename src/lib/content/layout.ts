import { isCalendarDate } from '../core/dates.ts';

// The layout of a content folder, in one place: the loader, `npm run validate`, the import and the synthetic
// content of the benchmarks all name a service's files through this module.
//
//   content/
//     synonyms.json                 synonyms for every service (optional)
//     <service>/                    a service: any folder that holds an error-codes.rst
//       error-codes.rst             the current table
//       service.json                name, summary, publication date, clues (optional)
//       categories.json             families and topics (optional)
//       synonyms.json               the service's own synonyms (optional)
//       history/<YYYY-MM-DD>.rst    earlier published versions of the table (optional)

/** The table file every service folder holds: a folder with one is a service. */
export const TABLE_FILE = 'error-codes.rst';

/** A service's name, summary, publication date and clues. */
export const SERVICE_FILE = 'service.json';

/** A service's families and topics. */
export const CATEGORIES_FILE = 'categories.json';

/** Synonym groups: at the top of the content folder for every service, in a service folder for that one. */
export const SYNONYMS_FILE = 'synonyms.json';

/** The folder of a service's earlier dated versions of its table. */
export const HISTORY_DIR = 'history';

const HISTORY_FILE = /^(\d{4}-\d{2}-\d{2})\.rst$/;

/** The paths of a service's files, relative to the content folder, `/`-separated, whether or not they exist. */
export interface ServicePaths {
  folder: string;
  table: string;
  service: string;
  categories: string;
  synonyms: string;
  history: string;
}

/** Where the files of service `id` are, relative to the content folder. */
export function servicePaths(id: string): ServicePaths {
  return {
    folder: id,
    table: `${id}/${TABLE_FILE}`,
    service: `${id}/${SERVICE_FILE}`,
    categories: `${id}/${CATEGORIES_FILE}`,
    synonyms: `${id}/${SYNONYMS_FILE}`,
    history: `${id}/${HISTORY_DIR}`,
  };
}

/** The file name of the version of a table published on `date` (`YYYY-MM-DD`), in its service's `history/`. */
export function historyFileName(date: string): string {
  return `${date}.rst`;
}

/** Whether a file of `history/` is a version of the table at all (a README or `.DS_Store` is not). */
export function isTableVersion(name: string): boolean {
  return name.endsWith('.rst');
}

/** The date a history file's name gives (`2024-05-28.rst`), or undefined when the name is not a calendar date. */
export function dateOfHistoryFile(name: string): string | undefined {
  const date = HISTORY_FILE.exec(name)?.[1];
  return date !== undefined && isCalendarDate(date) ? date : undefined;
}
