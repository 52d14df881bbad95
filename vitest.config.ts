import './scripts/require-node.mjs';
import { defineConfig } from 'vitest/config';

/** Tests that need dist/ (and often Chromium); everything else is a unit test that runs without a build. */
const BUILT_SITE_TESTS = ['tests/e2e/**/*.test.ts', 'tests/site/**/*.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: ['**/node_modules/**', ...BUILT_SITE_TESTS],
          pool: 'threads',
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: BUILT_SITE_TESTS,
          pool: 'forks',
          // Unit tests take every worker they can get; built-site tests run at most two files at once, so a
          // many-core machine never runs a crowd of Chromiums (Vitest 4 moved pool sizes to maxWorkers).
          maxWorkers: 2,
          // Runs after the unit group has finished, so browsers do not compete with unit tests.
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
