import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { listDataFiles } from '../../src/lib/assembly/data-files.ts';
import { loadServices } from '../../src/lib/assembly/load-site.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const { services } = loadServices(join(ROOT, 'tests/fixtures/multi-service/content'), ROOT);
const files = listDataFiles(services, 'https://example.org/');
const byPath = new Map(files.map((f) => [f.path, f.body]));

describe('the data files of a build', () => {
  it('has an export per service, the files it is cut into, their schemas and the lookup manifest, each path once', () => {
    expect(new Set(files.map((f) => f.path)).size).toBe(files.length);
    for (const path of [
      'ecs/errors.json',
      'evs/errors.json',
      'schemas/errors.schema.json',
      'schemas/errors-shard.schema.json',
      'lookup/manifest.json',
    ])
      expect(byPath.has(path), path).toBe(true);
  });

  it('holds every code of a service in one of its export files, under the path its json URL names', () => {
    for (const service of services) {
      const document = JSON.parse(byPath.get(`${service.catalogue.id}/errors.json`)!) as {
        codes: { code: string; json: string }[];
      };
      const shards = files.filter(
        (f) => f.path.startsWith(`${service.catalogue.id}/errors/`) && f.path.endsWith('.json'),
      );
      expect(shards.length, service.catalogue.id).toBe(Math.ceil(service.pages.length / 100));
      for (const code of document.codes) {
        const { pathname, hash } = new URL(code.json);
        expect(hash).toBe(`#/codes/${code.code}`);
        const shard = JSON.parse(byPath.get(pathname.slice(1)) ?? '{}') as { codes?: Record<string, unknown> };
        expect(shard.codes?.[code.code], code.code).toBeDefined();
      }
    }
    const ids = new Set(services.map((s) => s.catalogue.id));
    const perCode = files.filter((f) => ids.has(f.path.split('/')[0]) && /^[^/]+\/[^/]+\.json$/.test(f.path));
    expect(perCode.map((f) => f.path).sort()).toEqual([...ids].map((id) => `${id}/errors.json`).sort());
  });

  it('lists a service’s codes in table order in its errors.json, with the site URL', () => {
    const evs = services.find((s) => s.catalogue.id === 'evs')!;
    const document = JSON.parse(byPath.get('evs/errors.json')!) as { codes: { code: string; url: string }[] };
    expect(document.codes.map((c) => c.code)).toEqual(evs.catalogue.entries.map((e) => e.code));
    expect(document.codes[0].url).toMatch(/^https:\/\/example\.org\/evs\//);
  });

  it('has the same codes as Markdown beside each export file, named as it is, and llms.txt', () => {
    for (const service of services) {
      const json = files.filter(
        (f) => f.path.startsWith(`${service.catalogue.id}/errors/`) && f.path.endsWith('.json'),
      );
      const markdown = files.filter(
        (f) => f.path.startsWith(`${service.catalogue.id}/errors/`) && f.path.endsWith('.md'),
      );
      expect(markdown.map((f) => f.path)).toEqual(json.map((f) => f.path.replace(/\.json$/, '.md')));
      for (const file of json) {
        const codes = Object.keys((JSON.parse(file.body) as { codes: Record<string, unknown> }).codes);
        const twin = byPath.get(file.path.replace(/\.json$/, '.md'))!;
        expect(
          [...twin.matchAll(/^## (.+)$/gm)].map((m) => m[1]).filter((h) => !h.startsWith('About ')),
          file.path,
        ).toEqual(codes);
      }
    }
    expect(byPath.get('llms.txt')).toMatch(/^# Cloud API Error Codes\n/);
    expect(byPath.get('llms-full.txt')).toBeDefined();
  });

  it('has every shard the manifest names', () => {
    const manifest = JSON.parse(byPath.get('lookup/manifest.json')!) as {
      codeShards: Record<string, number[]>;
      wordShards: number;
    };
    expect(files.filter((f) => f.path.startsWith('lookup/w/'))).toHaveLength(manifest.wordShards);
    expect(files.filter((f) => f.path.startsWith('lookup/c/')).length).toBeGreaterThan(0);
  });
});
