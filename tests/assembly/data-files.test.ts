import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { listDataFiles } from '../../src/lib/assembly/data-files';
import { loadServices } from '../../src/lib/assembly/load-site';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const { services } = loadServices(join(ROOT, 'tests/fixtures/multi-service/content'), ROOT);
const files = listDataFiles(services, 'https://example.org/');
const byPath = new Map(files.map((f) => [f.path, f.body]));

describe('the data files of a build', () => {
  it('has an export per code and per service, and the lookup manifest, each path once', () => {
    const codes = services.flatMap((s) => s.pages.map((p) => `${p.entry.service}/${p.entry.slug}.json`));
    expect(new Set(files.map((f) => f.path)).size).toBe(files.length);
    for (const path of [...codes, 'ecs/errors.json', 'evs/errors.json', 'lookup/manifest.json'])
      expect(byPath.has(path), path).toBe(true);
  });

  it('lists a service’s codes in table order in its errors.json, with the site URL', () => {
    const evs = services.find((s) => s.catalogue.id === 'evs')!;
    const document = JSON.parse(byPath.get('evs/errors.json')!) as { codes: { code: string; url: string }[] };
    expect(document.codes.map((c) => c.code)).toEqual(evs.catalogue.entries.map((e) => e.code));
    expect(document.codes[0].url).toMatch(/^https:\/\/example\.org\/evs\//);
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
