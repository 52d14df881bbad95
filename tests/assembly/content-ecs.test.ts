import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/lib/core/diagnostics.ts';
import { loadServices } from '../../src/lib/assembly/load-site.ts';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const { services, diagnostics } = loadServices(path.join(REPO, 'content'), REPO);
const ecs = services.find((s) => s.catalogue.id === 'ecs');

describe('the ECS content (content/ecs)', () => {
  it('loads with no diagnostic', () => {
    expect(diagnostics.map(formatDiagnostic)).toEqual([]);
    expect(ecs).toBeDefined();
  });

  it('has 147 codes', () => {
    expect(ecs!.catalogue.entries).toHaveLength(147);
  });

  it('puts every code in at least one topic', () => {
    const inTopic = new Set(ecs!.editorial.topics.flatMap((t) => t.codes));
    const without = ecs!.catalogue.entries.map((e) => e.code).filter((code) => !inTopic.has(code));
    expect(without, `codes without a topic in content/ecs/categories.json: ${without.join(', ')}`).toEqual([]);
  });

  it('lists in its topics only codes that the table has', () => {
    const known = new Set(ecs!.catalogue.entries.map((e) => e.code));
    const unknown = ecs!.editorial.topics.flatMap((t) =>
      t.codes.filter((code) => !known.has(code)).map((code) => `${t.slug}: ${code}`),
    );
    expect(unknown).toEqual([]);
  });

  it('gives every topic a title and a summary', () => {
    for (const topic of ecs!.editorial.topics) {
      expect(topic.title, topic.slug).not.toBe('');
      expect(topic.summary, topic.slug).not.toBe('');
    }
  });
});
