import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { detectSource, type RepoSource } from './git.ts';
import { importService } from './import-service.ts';
import { serviceIdOf } from './repo-name.ts';
import { formatSummary, type SummaryRow } from './summary.ts';

/** Where the import command writes and how it resolves paths; injectable so tests can drive it. */
export interface ImportIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** The folder relative paths on the command line are resolved against. */
  cwd: string;
  /** The content folder when `--content` is not given. */
  defaultContent: string;
  /** Milliseconds now (for the time column); `Date.now` unless a test fixes it. */
  now?: () => number;
  /** Redraw one progress line in place (a terminal) rather than print a line per step. */
  interactive?: boolean;
}

/** What `npm run import` was asked to import, its command line read (`scripts/import.ts`). */
export interface ImportOptions {
  /** A checkout, a bare repository, a bundle, or a folder of them, as given (relative to `io.cwd`). */
  path: string;
  /** The service id to import into (one repository only); default: the repository's name. */
  service?: string;
  /** The table's path in the repository (one repository only); default: the one file with an error table. */
  file?: string;
  /** The content folder, as given; default: `io.defaultContent`. */
  content?: string;
}

/** A service id as `--service` takes it: it becomes the URL segment. */
export const SERVICE_ID = /^[a-z0-9][a-z0-9_-]*$/;

/** Runs an import and returns the exit code: 0 when every repository imported, else 1. */
export function runImport(options: ImportOptions, io: ImportIo): number {
  const now = io.now ?? Date.now;
  const values = options;
  const positionals = [options.path];
  const input = resolve(io.cwd, positionals[0]);
  const contentLabel = values.content ?? 'content';
  const contentDir = values.content === undefined ? io.defaultContent : resolve(io.cwd, values.content);

  const single = detectSource(input);
  let sources: RepoSource[];
  if (single) sources = [single];
  else if (existsSync(input) && statSync(input).isDirectory()) {
    sources = readdirSync(input)
      .sort()
      .flatMap((name) => detectSource(join(input, name)) ?? []);
    if (sources.length === 0) {
      io.stderr(
        `import: ${positionals[0]} is neither a repository nor a folder holding any ` +
          '(a checkout with .git, a bare repository, a .bundle file)\n',
      );
      return 1;
    }
    if (values.service !== undefined || values.file !== undefined) {
      io.stderr(
        `import: --service and --file name one repository's service and table, but ${positionals[0]} holds ` +
          `${sources.length}: import them one by one to use them\n`,
      );
      return 1;
    }
  } else {
    io.stderr(
      `import: ${positionals[0]} ${existsSync(input) ? 'is not a git checkout, bare repository or .bundle file' : 'does not exist'}\n`,
    );
    return 1;
  }

  const summary: SummaryRow[] = [];
  const seen = new Map<string, string>();
  for (const source of sources) {
    const service = values.service ?? serviceIdOf(source.path);
    const started = now();
    const earlier = seen.get(service);
    if (earlier !== undefined) {
      io.stderr(
        `${service}: ${source.name} maps to the same service as ${earlier}: skipped (import it alone with --service <id>)\n`,
      );
      summary.push({ service, ok: false, versions: 0, codes: 0, added: 0, retired: 0, time: 0 });
      continue;
    }
    seen.set(service, source.name);
    const result = importService({
      source,
      service,
      file: values.file,
      contentDir,
      contentLabel,
      onProgress: progressReporter(service, io),
    });
    for (const line of result.problems) io.stderr(`${line}\n`);
    for (const line of result.lines) io.stdout(`${line}\n`);
    summary.push({ ...result, time: now() - started });
  }
  io.stdout(`\n${formatSummary(summary).join('\n')}\n`);
  return summary.every((row) => row.ok) ? 0 : 1;
}

/** Progress on standard error: redrawn in place on a terminal, else about ten lines however long the history. */
function progressReporter(service: string, io: ImportIo): (done: number, total: number) => void {
  return (done, total) => {
    if (io.interactive) {
      io.stderr(`\r${service}: ${done}/${total} commits${done === total ? '\n' : ''}`);
      return;
    }
    const step = Math.max(1, Math.ceil(total / 10));
    if (done % step === 0 || done === total) io.stderr(`${service}: ${done}/${total} commits\n`);
  };
}
