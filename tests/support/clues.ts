import type { Clues } from '../../src/lib/catalogue/service-meta.ts';

/** Clues for a hand-made catalogue in a test that does not look at them: no endpoint, path or word. */
export const NO_CLUES: Clues = { endpoints: [], apiPaths: [], terms: [] };
