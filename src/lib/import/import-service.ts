import { join } from 'node:path';
import { formatDiagnostic, sortDiagnostics } from '../core/diagnostics.ts';
import { RepositorySchema, type Repository } from '../catalogue/service-meta.ts';
import {
  cloneBundle,
  currentBranch,
  listFileCommits,
  listFiles,
  readRemoteUrl,
  showFile,
  type RepoSource,
} from './git.ts';
import { githubRepositoryUrl } from './remote-url.ts';
import { displayNameOf } from './repo-name.ts';
import { planServiceFiles, writePlannedFiles } from './service-files.ts';
import { chooseTableFile, hasErrorTable, isTableCandidate } from './table-file.ts';
import { chooseVersions, countCodeChanges, type TableCommit } from './versions.ts';
import { countOf } from '../core/plural.ts';

/** What to import and where to: one repository into one service folder. */
export interface ServiceImport {
  source: RepoSource;
  service: string;
  /** The table's path in the repository; found under `api-ref/` when absent. */
  file?: string;
  /** The content folder, and how to name it in messages (`content`). */
  contentDir: string;
  contentLabel: string;
  /** Called after each commit read: `done` of `total`. */
  onProgress?: (done: number, total: number) => void;
}

/** The outcome of importing one repository: what it printed, what it found, whether it succeeded. */
export interface ServiceImportResult {
  service: string;
  ok: boolean;
  /** Report lines for standard output. */
  lines: string[];
  /** Problems and warnings for standard error, each located as `<repo>/<file>@<commit>:line:col: message`. */
  problems: string[];
  versions: number;
  codes: number;
  added: number;
  retired: number;
}

interface ReadCommit extends TableCommit {
  bytes: Buffer;
  /** The table's path at this commit (it changes across renames). */
  path: string;
}

/** Imports one repository's error table and its history into `content/<service>/`; writes nothing when any table has an error. */
export function importService(options: ServiceImport): ServiceImportResult {
  const { source, service } = options;
  const result: ServiceImportResult = {
    service,
    ok: false,
    lines: [],
    problems: [],
    versions: 0,
    codes: 0,
    added: 0,
    retired: 0,
  };
  const say = (line: string) => result.lines.push(`${service}: ${line}`);
  const fail = (message: string) => {
    result.problems.push(...message.split('\n').map((line, k) => (k === 0 ? `${service}: ${line}` : line)));
    return result;
  };
  let clone: { dir: string; remove: () => void } | undefined;
  try {
    clone = source.kind === 'bundle' ? cloneBundle(source.path) : undefined;
    const repo = clone?.dir ?? source.path;
    let file = options.file;
    if (file === undefined) {
      const withTable = listFiles(repo).filter(
        (path) => isTableCandidate(path) && hasErrorTable(showFile(repo, 'HEAD', path).toString('utf8')),
      );
      const chosen = chooseTableFile(withTable, source.name);
      if ('error' in chosen) return fail(chosen.error);
      file = chosen.path;
    }
    const history = listFileCommits(repo, file).reverse();
    if (history.length === 0)
      return fail(`no commit of ${source.name} has ${file} (paths are relative to the repository's top folder)`);

    const commits: ReadCommit[] = history.map((entry, k) => {
      const bytes = showFile(repo, entry.commit, entry.path);
      options.onProgress?.(k + 1, history.length);
      return {
        ...entry,
        bytes,
        text: bytes.toString('utf8'),
        file: `${source.name}/${entry.path}@${entry.commit.slice(0, 7)}`,
      };
    });
    const choice = chooseVersions(commits);
    result.problems.push(...sortDiagnostics([...choice.errors, ...choice.warnings]).map(formatDiagnostic));
    if (choice.errors.length > 0 || choice.versions.length === 0) {
      const n = choice.errors.length;
      result.problems.push(`${service}: ${countOf(n, 'problem')} in the tables of ${source.name}: nothing written`);
      return result;
    }

    const { versions } = choice;
    const renamed =
      new Set(commits.map((c) => c.path)).size > 1 ? ` (followed across renames from ${commits[0].path})` : '';
    say(
      `${file} in ${source.name}${renamed}: ${countOf(commits.length, 'commit')}, ${countOf(versions.length, 'version')} ` +
        `(${versions[0].date} to ${versions[versions.length - 1].date})`,
    );
    for (const skipped of choice.skipped)
      say(`skipped ${skipped.date} (${skipped.commit.slice(0, 7)}): the table itself did not change`);
    for (const day of choice.sameDay)
      say(`${day.date}: ${day.count} commits, kept the later (${day.kept.commit.slice(0, 7)})`);

    const dir = join(options.contentDir, service);
    const label = `${options.contentLabel}/${service}`;
    const plan = planServiceFiles({
      dir,
      label,
      versions: versions.map((v) => ({ date: v.date, bytes: v.source.bytes })),
      name: displayNameOf(source.name),
      repository: readRepository(repo, commits[commits.length - 1].path),
    });
    if (plan.error) return fail(`${plan.error}; nothing written`);
    writePlannedFiles(dir, plan.files);
    for (const f of plan.files)
      if (f.state !== 'same') say(`${f.state === 'new' ? 'wrote' : 'updated'} ${label}/${f.name}`);
    for (const note of plan.notes) say(note);
    const unchanged = plan.files.filter((f) => f.state === 'same').length;
    say(
      unchanged === plan.files.length
        ? `up to date: ${unchanged} files unchanged`
        : `${plan.files.length - unchanged} files written, ${unchanged} unchanged`,
    );

    Object.assign(result, {
      ok: true,
      versions: versions.length,
      codes: versions[versions.length - 1].codes.length,
      ...countCodeChanges(versions),
    });
    return result;
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  } finally {
    clone?.remove();
  }
}

/**
 * Where the table is kept, for service.json: the repository `origin` names when it is on GitHub, the table's path at
 * its newest commit, and the branch HEAD is on (none when HEAD is detached). Undefined for any other origin.
 */
function readRepository(repo: string, path: string): Repository | undefined {
  const remote = readRemoteUrl(repo);
  const url = remote === undefined ? undefined : githubRepositoryUrl(remote);
  if (url === undefined) return undefined;
  const branch = currentBranch(repo);
  const withBranch = RepositorySchema.safeParse({ url, path, ...(branch === undefined ? {} : { branch }) });
  if (withBranch.success) return withBranch.data;
  const withoutBranch = RepositorySchema.safeParse({ url, path });
  return withoutBranch.success ? withoutBranch.data : undefined;
}
