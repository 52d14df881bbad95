import { describe, expect, it } from 'vitest';
import { indexCodeJsonPaths, MAX_CODES_PER_SHARD, planExportShards } from '../../src/lib/export/export-shards.ts';

/** `count` codes of a service, `Ecs.0000` on, as the catalogue gives them. */
function codes(count: number, service = 'ecs') {
  return Array.from({ length: count }, (_, i) => {
    const number = String(i).padStart(4, '0');
    return { service, code: `Ecs.${number}`, slug: `ecs-${number}` };
  });
}

describe('the files a service’s export is cut into', () => {
  it('holds a service of up to 100 codes in one file, named by its first and last code', () => {
    expect(MAX_CODES_PER_SHARD).toBe(100);
    expect(planExportShards('ecs', codes(100)).map((s) => [s.path, s.entries.length])).toEqual([
      ['/ecs/errors/ecs-0000--ecs-0099.json', 100],
    ]);
    expect(planExportShards('ecs', codes(1)).map((s) => s.path)).toEqual(['/ecs/errors/ecs-0000--ecs-0000.json']);
  });

  it('cuts more codes into the fewest files of at most 100, as even as they can be, in table order', () => {
    expect(planExportShards('ecs', codes(101)).map((s) => s.entries.length)).toEqual([51, 50]);
    expect(planExportShards('ecs', codes(147)).map((s) => [s.path, s.entries.length])).toEqual([
      ['/ecs/errors/ecs-0000--ecs-0073.json', 74],
      ['/ecs/errors/ecs-0074--ecs-0146.json', 73],
    ]);
    const shards = planExportShards('modelarts', codes(838, 'modelarts'));
    expect(shards.map((s) => s.entries.length)).toEqual([94, 93, 93, 93, 93, 93, 93, 93, 93]);
    expect(shards.flatMap((s) => s.entries)).toEqual(codes(838, 'modelarts'));
  });

  it('writes no file for a service without codes', () => {
    expect(planExportShards('ecs', [])).toEqual([]);
  });

  it('gives each code of every service its file and the JSON Pointer to it, by the path of its page', () => {
    const paths = indexCodeJsonPaths([...codes(2), ...codes(101, 'evs')]);
    expect(paths.get('/ecs/ecs-0001/')).toBe('/ecs/errors/ecs-0000--ecs-0001.json#/codes/Ecs.0001');
    expect(paths.get('/evs/ecs-0051/')).toBe('/evs/errors/ecs-0051--ecs-0100.json#/codes/Ecs.0051');
    expect(paths.size).toBe(103);
  });
});
