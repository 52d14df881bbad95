import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadServices } from '../../src/lib/assembly/load-site.ts';
import { SITE_URL } from '../../src/lib/core/urls.ts';
import { renderCodeMarkdown } from '../../src/lib/export/markdown.ts';
import { viewCodePages } from '../../src/lib/pages/code-pages.ts';
import { codeResourceUri, createCodeResources, MAX_COMPLETIONS } from '../../src/lib/mcp/resources.ts';
import { createToolContext } from '../../src/lib/mcp/tools.ts';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const load = (content: string) =>
  createCodeResources(createToolContext(loadServices(path.join(REPO, content), REPO).services, SITE_URL));
const two = load('tests/fixtures/multi-service/content');
const evs = loadServices(path.join(REPO, 'tests/fixtures/multi-service/content'), REPO).services[1];
const ecs = load('content');

describe('codes as resources', () => {
  it('are at error-code://<service>/<slug>, the slug of the code’s page', () => {
    expect(codeResourceUri({ service: 'ecs', slug: 'ecs-0010' })).toBe('error-code://ecs/ecs-0010');
    expect(codeResourceUri({ service: 'cci', slug: 'cci-01-400101' })).toBe('error-code://cci/cci-01-400101');
  });

  it('are listed one per code of every service, in table order', () => {
    const listed = two.list();
    expect(listed.map((r) => r.uri)).toEqual([
      ...['ecs-0000', 'ecs-0001', 'ecs-0003', 'ecs-0010', 'ecs-0015', 'common-0002', 'common-0024'].map(
        (slug) => `error-code://ecs/${slug}`,
      ),
      ...['evs-0001', 'evs-0002', 'evs-0003', 'common-0024'].map((slug) => `error-code://evs/${slug}`),
    ]);
    expect(listed.find((r) => r.uri === 'error-code://evs/common-0024')).toEqual({
      uri: 'error-code://evs/common-0024',
      name: 'Common.0024',
      title: 'Common.0024 (EVS)',
      description: 'Too many disk requests from this project.',
      mimeType: 'text/markdown',
    });
    expect(ecs.list()).toHaveLength(147);
  });

  it('read as the code’s Markdown, as the site publishes it, and not at all for a slug the service lacks', () => {
    expect(two.read('evs', 'evs-0003')).toEqual({
      text: renderCodeMarkdown({
        page: viewCodePages(evs.pages, evs.categories).find((p) => p.entry.code === 'Evs.0003')!,
        service: evs.catalogue,
        site: SITE_URL,
        jsonPath: '/evs/errors/evs-0001--common-0024.json#/codes/Evs.0003',
      }),
      mimeType: 'text/markdown',
    });
    expect(two.read('evs', 'evs-0003')?.text.split('\n')[0]).toBe('# Evs.0003');
    expect(two.read('evs', 'ecs-0010')).toBeUndefined();
    expect(two.read('vpc', 'vpc-0501')).toBeUndefined();
  });

  it('complete a service id and a slug, at most 100 values', () => {
    expect(two.completeService('e')).toEqual(['ecs', 'evs']);
    expect(two.completeService('EV')).toEqual(['evs']);
    expect(two.completeSlug('common', 'evs')).toEqual(['common-0024']);
    expect(two.completeSlug('common')).toEqual(['common-0002', 'common-0024', 'common-0024']);
    expect(ecs.completeSlug('')).toHaveLength(MAX_COMPLETIONS);
  });
});
