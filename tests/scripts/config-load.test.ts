import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

describe('astro.config.mjs', () => {
  // Astro imports its config with Node first and falls back to a Vite server only when that fails, which cost
  // every build about 0.4 s. Node runs the TypeScript the config imports as long as each relative import names
  // its file (`./urls.ts`) and the code has only erasable syntax (tsconfig's erasableSyntaxOnly).
  it('loads in Node itself, with every module it imports, so Astro needs no Vite server to read it', () => {
    const run = spawnSync(
      process.execPath,
      ['--input-type=module', '-e', "const c = await import('./astro.config.mjs'); console.log(c.default.site);"],
      { cwd: ROOT, encoding: 'utf8' },
    );
    expect(run.stderr).toBe('');
    expect(run.stdout.trim()).toBe('https://error-codes.example.org');
    expect(run.status).toBe(0);
  });
});
