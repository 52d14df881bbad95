import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** As the command line does: what git ignores and what .prettierignore names. */
const IGNORE_PATHS = [join(ROOT, '.gitignore'), join(ROOT, '.prettierignore')];

/** Folders not walked at all, for speed (the ignore files name them too). */
const SKIPPED = new Set(['node_modules', 'dist', '.git', '.astro', 'test-results', 'screenshots']);

/** Every file under the project that Prettier formats: not ignored and of a language it knows. */
async function formattedFiles(): Promise<string[]> {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (SKIPPED.has(entry.name)) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) files.push(path);
    }
  };
  walk(ROOT);
  const checked: string[] = [];
  for (const file of files) {
    const info = await prettier.getFileInfo(file, { ignorePath: IGNORE_PATHS, resolveConfig: true });
    if (!info.ignored && info.inferredParser) checked.push(file);
  }
  return checked;
}

describe('the code of the project', () => {
  // Prettier reads every file of the project: seconds alone, longer on a machine busy with browser tests.
  it('is formatted as `npm run format` leaves it', { timeout: 180_000 }, async () => {
    const files = await formattedFiles();
    const unformatted: string[] = [];
    for (const file of files) {
      const options = await prettier.resolveConfig(file);
      const text = readFileSync(file, 'utf8');
      if (!(await prettier.check(text, { ...options, filepath: file }))) unformatted.push(relative(ROOT, file));
    }
    // Both kinds of file are checked: a walk that found none would prove nothing.
    expect(files.some((f) => f.endsWith('.ts'))).toBe(true);
    expect(files.some((f) => f.endsWith('.astro'))).toBe(true);
    expect(unformatted, 'run "npm run format"').toEqual([]);
  });
});
