import { NO_CLUES } from '../support/clues.ts';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readEditorial } from '../../src/lib/catalogue/editorial.ts';
import { readServiceMeta } from '../../src/lib/catalogue/service-meta.ts';
import { formatDiagnostic } from '../../src/lib/core/diagnostics.ts';
import { buildCatalogue, type ServiceCatalogue } from '../../src/lib/catalogue/catalogue.ts';

// A folder per case under fixtures/json-files/: a service.json or a categories.json, as content/evs/ would hold
// it, and expected.txt, the exact diagnostics (one a line) the build prints for it.
const FIXTURES = fileURLToPath(new URL('fixtures/json-files/', import.meta.url));
const EVS: ServiceCatalogue = {
  id: 'evs',
  name: 'EVS',
  short: 'EVS',
  summary: '',
  clues: NO_CLUES,
  file: 'content/evs/error-codes.rst',
  notes: [],
  entries: [],
};

/** The diagnostics of a case's file, formatted as the build prints them. */
function readCase(folder: string): string[] {
  const service = join(folder, 'service.json');
  if (existsSync(service))
    return readServiceMeta(readFileSync(service, 'utf8'), 'content/evs/service.json').diagnostics.map(formatDiagnostic);
  const text = readFileSync(join(folder, 'categories.json'), 'utf8');
  return readEditorial(text, 'content/evs/categories.json', EVS).diagnostics.map(formatDiagnostic);
}

describe('a service folder’s JSON files that break their schema', () => {
  for (const name of readdirSync(FIXTURES).sort()) {
    it(`reports ${name.replace(/-/g, ' ')} at the offending value`, () => {
      const expected = readFileSync(join(FIXTURES, name, 'expected.txt'), 'utf8')
        .trimEnd()
        .split('\n');
      expect(readCase(join(FIXTURES, name))).toEqual(expected);
    });
  }
});

describe('reading service.json', () => {
  it('reads a file that fits the schema as it is', () => {
    const text = '{"name": "Elastic Volume Service", "short": "EVS", "published": "2024-01-15", "summary": "Disks."}';
    expect(readServiceMeta(text, 'content/evs/service.json')).toEqual({
      meta: { name: 'Elastic Volume Service', short: 'EVS', published: '2024-01-15', summary: 'Disks.' },
      diagnostics: [],
    });
  });

  it('reads where the table is kept, and the catalogue carries it to the code pages', () => {
    const repository = {
      url: 'https://github.com/opentelekomcloud-docs/elastic-volume-service',
      path: 'api-ref/source/appendix/error_codes.rst',
      branch: 'main',
    };
    const { meta, diagnostics } = readServiceMeta(JSON.stringify({ repository }), 'content/evs/service.json');
    expect(diagnostics).toEqual([]);
    expect(meta).toEqual({ repository });
    const table = '+------------+\n| Error Code |\n+============+\n| Evs.0001   |\n+------------+\n';
    expect(buildCatalogue({ id: 'evs', file: 'evs.rst', text: table, meta }).catalogue?.repository).toEqual(repository);
    expect(buildCatalogue({ id: 'evs', file: 'evs.rst', text: table }).catalogue).not.toHaveProperty('repository');
  });

  it('reads nothing from a file with a problem, so the service falls back to its folder name', () => {
    expect(readServiceMeta('{"name": "Elastic Volume Service", "short": 42}', 'content/evs/service.json').meta).toEqual(
      {},
    );
  });
});
