/**
 * A git remote's URL as the GitHub repository it names, `https://github.com/<owner>/<name>`, from any way git writes
 * it: `git@github.com:owner/name.git`, `ssh://git@github.com/owner/name.git`, `https://github.com/owner/name.git`,
 * `https://user:token@github.com/owner/name/` (credentials are dropped, never kept). Undefined for a remote that is
 * not a repository on github.com (another host, a local path, a bundle).
 */
export function githubRepositoryUrl(remote: string): string | undefined {
  const text = remote.trim();
  const scp = /^(?:[^@/\s]+@)?github\.com:\/?([^/\s]+)\/([^/\s]+?)(?:\.git)?\/?$/i.exec(text);
  const url =
    /^(?:https?|ssh|git|git\+ssh|ssh\+git):\/\/(?:[^@/\s]+@)?(?:www\.)?github\.com(?::\d+)?\/([^/\s]+)\/([^/\s]+?)(?:\.git)?\/?$/i.exec(
      text,
    );
  const [, owner, name] = scp ?? url ?? [];
  if (owner === undefined || name === undefined) return undefined;
  if (!/^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$/.test(owner) || !/^[A-Za-z0-9._-]+$/.test(name)) return undefined;
  return `https://github.com/${owner}/${name}`;
}
