import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { CodeExport, ServiceExport } from '../../src/lib/export/export';
import { buildJsonSchema } from '../../src/lib/export/export-schema';
import { validateJson, type JsonSchema } from '../support/json-schema';
import { DIST_DIR, readBuiltFile } from '../support/site';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** A JSON Schema the site serves, by its file name, as the build generates it. */
function readSchema(name: 'errors.schema.json' | 'error-code.schema.json'): JsonSchema {
  return buildJsonSchema(name === 'errors.schema.json' ? 'service' : 'code');
}

/** The site path of an absolute URL from the export, without its fragment. */
function pathOf(url: string): string {
  return new URL(url).pathname;
}

describe('the built JSON export', () => {
  const load = () => JSON.parse(readBuiltFile('/ecs/errors.json')) as ServiceExport;

  it('serves /ecs/errors.json, valid against its schema, with 147 codes and 148 rows', () => {
    const document = load();
    expect(validateJson(document, readSchema('errors.schema.json'))).toEqual([]);
    expect(document.codes).toHaveLength(147);
    expect(document.codes.reduce((n, c) => n + c.variants.length, 0)).toBe(148);
  });

  it('serves /ecs/ecs-0010.json, valid against its schema, with the filled-in slot of Ecs.0010', () => {
    const single = JSON.parse(readBuiltFile('/ecs/ecs-0010.json')) as CodeExport;
    expect(validateJson(single, readSchema('error-code.schema.json'))).toEqual([]);
    expect(single.code).toBe('Ecs.0010');
    expect(single.variants[0].message).toMatchObject({
      template: 'Private IP address %s is already in use.',
      slots: [{ index: 0, kind: '%s', start: 19, end: 21 }],
    });
  });

  it('serves the schemas its documents point at', () => {
    const document = load();
    const single = JSON.parse(readBuiltFile('/ecs/ecs-0010.json')) as CodeExport;
    expect(pathOf(document.$schema)).toBe('/schemas/errors.schema.json');
    expect(pathOf(single.$schema)).toBe('/schemas/error-code.schema.json');
    expect(JSON.parse(readBuiltFile('/schemas/errors.schema.json'))).toEqual(readSchema('errors.schema.json'));
    expect(JSON.parse(readBuiltFile('/schemas/error-code.schema.json'))).toEqual(readSchema('error-code.schema.json'));
  });

  it('links every code, row and category to a page the site has, with the row anchors on the code page', () => {
    const missing: string[] = [];
    for (const code of load().codes) {
      const page = existsSync(path.join(DIST_DIR, pathOf(code.url), 'index.html'))
        ? readBuiltFile(pathOf(code.url))
        : undefined;
      if (!page) {
        missing.push(code.url);
        continue;
      }
      for (const v of code.variants) if (!page.includes(`id="${v.anchor}"`)) missing.push(v.url);
      for (const c of code.categories)
        if (!existsSync(path.join(DIST_DIR, pathOf(c.url), 'index.html'))) missing.push(c.url);
    }
    expect(missing).toEqual([]);
  });

  it('serves a JSON file for every code, the same object as in errors.json plus its service, valid against its schema', () => {
    const document = load();
    const schema = readSchema('error-code.schema.json');
    for (const code of document.codes) {
      const single = JSON.parse(readBuiltFile(pathOf(code.json))) as CodeExport;
      expect(single, code.code).toEqual({ $schema: single.$schema, service: document.service, ...code });
      expect(validateJson(single, schema), code.code).toEqual([]);
    }
  });

  it('puts every URL under the one site origin', () => {
    const document = load();
    const origin = new URL(document.$schema).origin;
    const urls = [
      document.service.url,
      ...document.codes.flatMap((c) => [
        c.url,
        c.json,
        ...c.variants.map((v) => v.url),
        ...c.categories.map((k) => k.url),
      ]),
    ];
    expect(urls.filter((url) => new URL(url).origin !== origin)).toEqual([]);
  });
});
