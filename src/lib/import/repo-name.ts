import { basename } from 'node:path';

/** The repository's own name from its path: a folder's name, a bare repository's without `.git`, a bundle's without `.bundle`. */
export function repoNameOf(path: string): string {
  const name = basename(path.replace(/[\\/]+$/, ''));
  return name.replace(/\.(?:git|bundle)$/i, '') || name;
}

/**
 * The service id a repository gets without `--service`: its name, lower-cased (`Elastic-Volume-Service.git` ->
 * `elastic-volume-service`).
 */
export function serviceIdOf(path: string): string {
  return repoNameOf(path).toLowerCase();
}

/**
 * A display name from a repository name: words split at `-` and `_`, each capitalised (`elastic-volume-service` ->
 * `Elastic Volume Service`).
 */
export function displayNameOf(repoName: string): string {
  return repoName
    .split(/[-_\s]+/)
    .filter((word) => word !== '')
    .map((word) => word[0].toUpperCase() + word.slice(1))
    .join(' ');
}
