import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Repository } from '../catalogue/service-meta.ts';
import { isCalendarDate } from '../core/dates.ts';
import {
  dateOfHistoryFile,
  HISTORY_DIR,
  historyFileName,
  isTableVersion,
  SERVICE_FILE,
  TABLE_FILE,
} from '../content/layout.ts';

/** A file the import wants a service folder to hold, and whether it differs from what is there. */
export interface PlannedFile {
  /** Relative to the service folder: `error-codes.rst`, `history/2024-05-28.rst`, `service.json`. */
  name: string;
  bytes: Buffer;
  state: 'new' | 'changed' | 'same';
}

/** What an import would do to a service folder; `error` means it must write nothing. */
export interface ServicePlan {
  files: PlannedFile[];
  /** Things left as they are that a reader should know about (a history file the repository does not have). */
  notes: string[];
  error?: string;
}

/**
 * Returns service.json with `published` set, a `name` when it has none, and `repository` when the import read one
 * (replacing the old, which named where an earlier import found the table); every other field, and the file's
 * formatting when only `published` changes, stay as written.
 */
function updateServiceJson(
  existing: string | undefined,
  published: string,
  name: string,
  repository: Repository | undefined,
): string {
  if (existing === undefined)
    return `${JSON.stringify({ name, published, ...(repository ? { repository } : {}) }, null, 2)}\n`;
  const meta = JSON.parse(existing) as Record<string, unknown>;
  const newRepository = repository !== undefined && !sameRepository(meta.repository, repository);
  if (meta.published === published && meta.name !== undefined && !newRepository) return existing;
  const value = /("published"\s*:\s*)"[^"\\]*"/g;
  if (
    !newRepository &&
    meta.name !== undefined &&
    typeof meta.published === 'string' &&
    (existing.match(value) ?? []).length === 1
  ) {
    const edited = existing.replace(value, (_, key: string) => `${key}${JSON.stringify(published)}`);
    if ((JSON.parse(edited) as Record<string, unknown>).published === published) return edited;
  }
  const next: Record<string, unknown> = meta.name === undefined ? { name, ...meta } : { ...meta };
  next.published = published;
  if (newRepository) next.repository = repository;
  return `${JSON.stringify(next, null, 2)}${existing.endsWith('\n') || existing === '' ? '\n' : ''}`;
}

/** Tells whether service.json's `repository` already says what the import read. */
function sameRepository(written: unknown, read: Repository): boolean {
  if (typeof written !== 'object' || written === null) return false;
  const { url, path, branch } = written as Record<string, unknown>;
  return (
    url === read.url &&
    path === read.path &&
    branch === read.branch &&
    Object.keys(written).length === (read.branch === undefined ? 2 : 3)
  );
}

/**
 * Plans a service folder's files from its versions (oldest first; the last is `error-codes.rst`): each
 * earlier version as `history/<date>.rst`, and service.json. A current table whose `published` date the
 * repository lacks is kept as `history/<date>.rst` rather than lost; nothing else is removed or replaced.
 */
export function planServiceFiles(input: {
  dir: string;
  label: string;
  versions: readonly { date: string; bytes: Buffer }[];
  name: string;
  /** Where the table is kept, when the repository's `origin` is on GitHub. */
  repository?: Repository;
}): ServicePlan {
  const { dir, label, versions } = input;
  const current = versions[versions.length - 1];
  const wanted: { name: string; bytes: Buffer }[] = [];
  const notes: string[] = [];
  const serviceJsonPath = join(dir, SERVICE_FILE);
  const serviceJson = existsSync(serviceJsonPath) ? readFileSync(serviceJsonPath, 'utf8') : undefined;
  let meta: Record<string, unknown> = {};
  try {
    meta = serviceJson === undefined ? {} : (JSON.parse(serviceJson) as Record<string, unknown>);
  } catch (error) {
    return {
      files: [],
      notes,
      error: `${label}/${SERVICE_FILE} is not valid JSON (${(error as Error).message}): fix it, then import again`,
    };
  }

  const dates = new Set(versions.map((v) => v.date));
  const historyDir = join(dir, HISTORY_DIR);
  const historyNames = existsSync(historyDir) ? readdirSync(historyDir).filter(isTableVersion).sort() : [];
  if (historyNames.includes(historyFileName(current.date))) {
    return {
      files: [],
      notes,
      error:
        `${label}/${HISTORY_DIR}/${historyFileName(current.date)} has the date of the current table ` +
        `(${TABLE_FILE}, published ${current.date}): remove or rename it, then import again`,
    };
  }
  // A hand-placed table dated by service.json that the repository does not have is an older version worth keeping.
  const tablePath = join(dir, TABLE_FILE);
  const published = meta.published;
  if (
    existsSync(tablePath) &&
    typeof published === 'string' &&
    isCalendarDate(published) &&
    !dates.has(published) &&
    !historyNames.includes(historyFileName(published))
  ) {
    const bytes = readFileSync(tablePath);
    if (!versions.some((v) => v.bytes.equals(bytes))) {
      wanted.push({ name: `${HISTORY_DIR}/${historyFileName(published)}`, bytes });
      notes.push(
        `moved the previous ${label}/${TABLE_FILE} (published ${published}, not in the repository) ` +
          `to ${label}/${HISTORY_DIR}/${historyFileName(published)}`,
      );
    }
  }
  for (const name of historyNames) {
    if (!dates.has(dateOfHistoryFile(name) ?? name))
      notes.push(`kept ${label}/${HISTORY_DIR}/${name} (not a version in the repository)`);
  }

  if (input.repository === undefined && meta.repository === undefined)
    notes.push(
      `${label}/${SERVICE_FILE} names no repository: the repository has no remote "origin" on GitHub, so code pages ` +
        'link no place to report a problem',
    );

  wanted.push({ name: TABLE_FILE, bytes: current.bytes });
  for (const version of versions.slice(0, -1))
    wanted.push({ name: `${HISTORY_DIR}/${historyFileName(version.date)}`, bytes: version.bytes });
  wanted.push({
    name: SERVICE_FILE,
    bytes: Buffer.from(updateServiceJson(serviceJson, current.date, input.name, input.repository), 'utf8'),
  });

  const files = wanted.map(({ name, bytes }): PlannedFile => {
    const path = join(dir, name);
    if (!existsSync(path)) return { name, bytes, state: 'new' };
    return { name, bytes, state: readFileSync(path).equals(bytes) ? 'same' : 'changed' };
  });
  return { files, notes };
}

/** Writes the planned files that are new or changed; identical files are not touched. */
export function writePlannedFiles(dir: string, files: readonly PlannedFile[]): void {
  for (const file of files) {
    if (file.state === 'same') continue;
    const path = join(dir, file.name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.bytes);
  }
}
