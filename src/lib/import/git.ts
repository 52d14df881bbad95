// Every git call goes through execFileSync with an argument array: no shell, so paths are never interpreted.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoNameOf } from './repo-name.ts';

/** What an import reads from: a checkout (a folder with `.git`), a bare repository, or a bundle file. */
export interface RepoSource {
  kind: 'checkout' | 'bare' | 'bundle';
  /** The path as found (the bundle file, the checkout folder, the bare repository folder). */
  path: string;
  /** The repository's name (`elastic-volume-service`), used for the service id and display name. */
  name: string;
}

/** One commit that changed a file: its hash, its author date (`YYYY-MM-DD`, author's own offset) and the file's path there. */
export interface FileCommit {
  commit: string;
  date: string;
  path: string;
}

// Histories of large documentation repositories produce big outputs; the default 1 MiB would cut them short.
const MAX_BUFFER = 1024 * 1024 * 1024;

/** Runs git in a repository (checkout or bare) and returns its standard output as bytes; a failure throws with git's message. */
function runGit(repo: string, args: readonly string[]): Buffer {
  try {
    return execFileSync('git', ['-C', repo, '-c', 'core.quotepath=false', ...args], {
      maxBuffer: MAX_BUFFER,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString('utf8').trim();
    throw new Error(`git ${args.join(' ')} failed in ${repo}${stderr ? `: ${stderr}` : ''}`);
  }
}

/** Recognises a checkout, a bare repository or a bundle at a path; anything else is undefined. */
export function detectSource(path: string): RepoSource | undefined {
  if (!existsSync(path)) return undefined;
  const stat = statSync(path);
  if (stat.isFile()) return /\.bundle$/i.test(path) ? { kind: 'bundle', path, name: repoNameOf(path) } : undefined;
  if (!stat.isDirectory()) return undefined;
  if (existsSync(join(path, '.git'))) return { kind: 'checkout', path, name: repoNameOf(path) };
  if (['HEAD', 'objects', 'refs'].every((entry) => existsSync(join(path, entry))))
    return { kind: 'bare', path, name: repoNameOf(path) };
  return undefined;
}

/** Clones a bundle into a new temporary folder; `remove` deletes the folder again. */
export function cloneBundle(bundle: string): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'import-bundle-'));
  const remove = () => rmSync(dir, { recursive: true, force: true });
  try {
    execFileSync('git', ['clone', '--quiet', bundle, join(dir, 'repo')], { stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    remove();
    const stderr = (error as { stderr?: Buffer }).stderr?.toString('utf8').trim();
    throw new Error(`cannot clone bundle ${bundle}${stderr ? `: ${stderr}` : ''}`);
  }
  return { dir: join(dir, 'repo'), remove };
}

/** Lists every file path at a commit (default HEAD). */
export function listFiles(repo: string, commit = 'HEAD'): string[] {
  return runGit(repo, ['ls-tree', '-r', '-z', '--name-only', commit])
    .toString('utf8')
    .split('\0')
    .filter((p) => p !== '');
}

/**
 * Lists the commits that changed a file, newest first, following renames (`git log --follow`), with the
 * file's path at each; commits that deleted it are left out (there is no table to read).
 */
export function listFileCommits(repo: string, path: string): FileCommit[] {
  const out = runGit(repo, [
    'log',
    'HEAD',
    '--follow',
    '--format=%x01%H %ad',
    '--date=short',
    '--name-status',
    '-z',
    '--',
    path,
  ]).toString('utf8');
  const commits: FileCommit[] = [];
  for (const record of out.split('\x01')) {
    if (record === '') continue;
    const fields = record.split('\0').map((f) => f.replace(/^\n/, ''));
    const [commit, date] = fields[0].split(' ');
    const status = fields[1] ?? '';
    // A rename or copy names the old path, then the new one; any other status names one path.
    const filePath = /^[RC]/.test(status) ? fields[3] : fields[2];
    if (status.startsWith('D') || !filePath) continue;
    commits.push({ commit, date, path: filePath });
  }
  return commits;
}

/** The bytes of a file at a commit (`git show <commit>:<path>`), exactly as committed. */
export function showFile(repo: string, commit: string, path: string): Buffer {
  return runGit(repo, ['show', `${commit}:${path}`]);
}

/** The URL of a repository's remote (default `origin`) as git has it, or undefined when it has no such remote. */
export function readRemoteUrl(repo: string, remote = 'origin'): string | undefined {
  try {
    return runGit(repo, ['remote', 'get-url', remote]).toString('utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}

/** The branch HEAD is on (`main`), or undefined when HEAD is detached. */
export function currentBranch(repo: string): string | undefined {
  try {
    return runGit(repo, ['symbolic-ref', '--quiet', '--short', 'HEAD']).toString('utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}
