import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ServiceExport, ShardExport } from '../../src/lib/export/export.ts';
import { buildJsonSchema } from '../../src/lib/export/export-schema.ts';
import { resolveJsonUrl } from '../support/export-json.ts';
import { validateJson, type JsonSchema } from '../support/json-schema.ts';
import { DIST_DIR, readBuiltFile } from '../support/site.ts';

/** A JSON Schema the site serves, by its file name, as the build generates it. */
function readSchema(name: 'errors.schema.json' | 'errors-shard.schema.json'): JsonSchema {
  return buildJsonSchema(name === 'errors.schema.json' ? 'service' : 'shard');
}

/** The site path of an absolute URL from the export, without its fragment. */
function pathOf(url: string): string {
  return new URL(url).pathname;
}

/** A built JSON file by its site path, parsed; undefined when the site has no such file. */
function readBuiltJson(sitePath: string): unknown {
  return existsSync(path.join(DIST_DIR, sitePath)) ? JSON.parse(readBuiltFile(sitePath)) : undefined;
}

describe('the built JSON export', () => {
  const load = () => JSON.parse(readBuiltFile('/ecs/errors.json')) as ServiceExport;
  const shardFiles = () =>
    readdirSync(path.join(DIST_DIR, 'ecs/errors'))
      .filter((name) => name.endsWith('.json'))
      .map((name) => `/ecs/errors/${name}`);

  it('serves /ecs/errors.json, valid against its schema, with 147 codes and 148 rows', () => {
    const document = load();
    expect(validateJson(document, readSchema('errors.schema.json'))).toEqual([]);
    expect(document.codes).toHaveLength(147);
    expect(document.codes.reduce((n, c) => n + c.variants.length, 0)).toBe(148);
  });

  it('serves the code of Ecs.0010 at its json URL, with the filled-in slot of its message', () => {
    const code = load().codes.find((c) => c.code === 'Ecs.0010')!;
    expect(pathOf(code.json)).toBe('/ecs/errors/ecs-0000--ecs-0214.json');
    expect(new URL(code.json).hash).toBe('#/codes/Ecs.0010');
    const shard = readBuiltJson(pathOf(code.json)) as ShardExport;
    expect(validateJson(shard, readSchema('errors-shard.schema.json'))).toEqual([]);
    expect(shard.codes['Ecs.0010'].variants[0].message).toMatchObject({
      template: 'Private IP address %s is already in use.',
      slots: [{ index: 0, kind: '%s', start: 19, end: 21 }],
    });
  });

  it('serves the schemas its documents point at', () => {
    const document = load();
    const shard = readBuiltJson(shardFiles()[0]) as ShardExport;
    expect(pathOf(document.$schema)).toBe('/schemas/errors.schema.json');
    expect(pathOf(shard.$schema)).toBe('/schemas/errors-shard.schema.json');
    expect(JSON.parse(readBuiltFile('/schemas/errors.schema.json'))).toEqual(readSchema('errors.schema.json'));
    expect(JSON.parse(readBuiltFile('/schemas/errors-shard.schema.json'))).toEqual(
      readSchema('errors-shard.schema.json'),
    );
    expect(existsSync(path.join(DIST_DIR, 'schemas/error-code.schema.json'))).toBe(false);
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

  it('leads every code’s json URL to the same object as in errors.json, in a file valid against its schema', () => {
    const document = load();
    const schema = readSchema('errors-shard.schema.json');
    for (const code of document.codes) expect(resolveJsonUrl(code.json, readBuiltJson), code.code).toEqual(code);
    const files = shardFiles();
    expect(files).toHaveLength(2);
    for (const file of files) {
      const shard = readBuiltJson(file) as ShardExport;
      expect(shard.service, file).toEqual(document.service);
      expect(validateJson(shard, schema), file).toEqual([]);
    }
    const held = files.flatMap((file) => Object.keys((readBuiltJson(file) as ShardExport).codes));
    expect(held.sort()).toEqual(document.codes.map((c) => c.code).sort());
  });

  it('writes no file per code any more: the service folder has errors.json, errors/ and the pages', () => {
    const json = readdirSync(path.join(DIST_DIR, 'ecs')).filter((name) => name.endsWith('.json'));
    expect(json).toEqual(['errors.json']);
  });

  it('names each code’s JSON on its page, as an alternate link to its json URL', () => {
    for (const code of load().codes) {
      const page = readBuiltFile(pathOf(code.url));
      const href = `${pathOf(code.json)}${new URL(code.json).hash}`;
      expect(page, code.code).toContain(`<link rel="alternate" type="application/json" href="${href}"/>`);
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
