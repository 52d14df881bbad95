/** Synthetic dated versions of one service's table, for the history tests and `npm run bench:history`. */
import { splitCode } from '../../src/lib/core/code-identity.ts';
import type { CodeEntry, ServiceCatalogue } from '../../src/lib/catalogue/catalogue.ts';
import { parseTemplate } from '../../src/lib/core/template.ts';

/** A catalogue of `count` codes in which every `step`th message carries the version number. */
function syntheticCatalogue(count: number, version: number, step: number): ServiceCatalogue {
  const entries: CodeEntry[] = [];
  for (let n = version % 3; n < count; n++) {
    const code = `Ecs.${String(n).padStart(5, '0')}`;
    const text = n % step === 0 ? `Message ${n} as of version ${version}: %s failed.` : `Message ${n}: %s failed.`;
    const rich = (t: string) => ({ text: t, html: t, markdown: t });
    entries.push({
      service: 'ecs',
      code,
      slug: code.toLowerCase(),
      ...splitCode(code),
      line: n + 1,
      variants: [
        {
          statuses: [400],
          anchor: 'http-400',
          message: rich(text),
          template: parseTemplate(text),
          description: rich('About it.'),
          solution: rich('Retry.'),
          line: n + 1,
        },
      ],
    });
  }
  return {
    id: 'ecs',
    name: 'ECS',
    short: 'ECS',
    summary: '',
    // No endpoint, path or word: the history does not look at them.
    clues: { endpoints: [], apiPaths: [], terms: [] },
    file: `v${version}.rst`,
    notes: [],
    entries,
  };
}

/**
 * Eleven dated versions of a table of `count` codes: each version drops one of the first three codes and adds
 * back the others, and every 7th message names its version, so each version changes wordings.
 */
export function syntheticVersions(count: number): { date: string; catalogue: ServiceCatalogue }[] {
  return Array.from({ length: 11 }, (_, v) => ({
    date: `2020-01-${String(v + 10)}`,
    catalogue: syntheticCatalogue(count, v, 7),
  }));
}
