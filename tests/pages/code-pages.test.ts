import { NO_CLUES } from '../support/clues.ts';
import { describe, expect, it } from 'vitest';
import { buildCodePages, viewCodePages, type CodePageView } from '../../src/lib/pages/code-pages.ts';
import { loadServices } from '../../src/lib/assembly/load-site.ts';

const { services } = loadServices('content');
const ecs = services.find((s) => s.catalogue.id === 'ecs')!;
const pages = viewCodePages(ecs.pages, ecs.categories);

function pageOf(code: string): CodePageView {
  const page = pages.find((p) => p.entry.code === code);
  if (!page) throw new Error(`no page for ${code}`);
  return page;
}

/** Every code a page links to in its related section, in order. */
function relatedCodes(page: CodePageView): string[] {
  return [...page.sameMessage, ...page.related.flatMap((group) => group.codes)].map((link) => link.code);
}

describe('code pages of the real ECS content', () => {
  it('has one page per code, at /ecs/<slug>/', () => {
    expect(pages).toHaveLength(147);
    expect(pageOf('Ecs.0010').path).toBe('/ecs/ecs-0010/');
    expect(pageOf('Common.0024').path).toBe('/ecs/common-0024/');
    expect(pageOf('Pdp.0001').path).toBe('/ecs/pdp-0001/');
  });

  it('links Ecs.0202 and Ecs.0203 to each other as having the same message', () => {
    expect(pageOf('Ecs.0202').sameMessage.map((l) => [l.code, l.path])).toEqual([['Ecs.0203', '/ecs/ecs-0203/']]);
    expect(pageOf('Ecs.0203').sameMessage.map((l) => [l.code, l.path])).toEqual([['Ecs.0202', '/ecs/ecs-0202/']]);
  });

  it('gives a code with a message of its own no same-message links', () => {
    expect(pageOf('Ecs.0010').sameMessage).toEqual([]);
  });

  it('never lists a code among its own related codes', () => {
    for (const page of pages) expect(relatedCodes(page), page.entry.code).not.toContain(page.entry.code);
  });

  it('never lists a code twice in the related section of a page', () => {
    for (const page of pages) {
      const codes = relatedCodes(page);
      expect(codes, page.entry.code).toEqual([...new Set(codes)]);
    }
  });

  it('draws related codes only from the topics and family the code is in', () => {
    for (const page of pages) {
      for (const group of page.related) {
        const category = ecs.categories.find((c) => c.path === group.category.path)!;
        expect(['topic', 'family'], page.entry.code).toContain(category.kind);
        expect(category.codes, page.entry.code).toContain(page.entry.code);
        for (const link of group.codes)
          expect(category.codes, `${page.entry.code} -> ${link.code}`).toContain(link.code);
      }
    }
  });

  it('lists the categories of Ecs.0010, among them the network topic', () => {
    const paths = pageOf('Ecs.0010').categories.map((c) => c.path);
    expect(paths).toContain('/ecs/topic/network/');
    expect(paths).toContain('/ecs/status/400/');
    expect(paths).toContain('/ecs/family/00xx/');
    expect(paths).not.toContain('/ecs/all/');
  });

  it('chains previous and next through all 147 codes in catalogue order', () => {
    const order = ecs.catalogue.entries.map((e) => e.code);
    expect(pages[0].previous).toBeUndefined();
    expect(pages.at(-1)!.next).toBeUndefined();
    const walked: string[] = [];
    let page: CodePageView | undefined = pages[0];
    while (page) {
      walked.push(page.entry.code);
      const next: string | undefined = page.next?.code;
      page = next === undefined ? undefined : pageOf(next);
    }
    expect(walked).toEqual(order);
    expect(walked).toHaveLength(147);
    for (const [i, p] of pages.entries()) if (i > 0) expect(p.previous?.code).toBe(order[i - 1]);
  });

  it('puts Ecs.0009 before and Ecs.0011 after Ecs.0010', () => {
    expect(pageOf('Ecs.0010').previous?.code).toBe('Ecs.0009');
    expect(pageOf('Ecs.0010').next?.code).toBe('Ecs.0011');
  });
});

describe('building code pages for a tiny catalogue', () => {
  const entry = (code: string, message: string) => ({
    service: 'x',
    code,
    slug: code.toLowerCase().replace('.', '-'),
    prefix: code.split('.')[0],
    number: code.split('.')[1],
    line: 1,
    variants: [
      {
        statuses: [400],
        anchor: 'http-400',
        message: { text: message, html: message, markdown: message },
        template: [],
        description: { text: '', html: '', markdown: '' },
        solution: { text: '', html: '', markdown: '' },
        line: 1,
      },
    ],
  });
  const catalogue = {
    id: 'x',
    name: 'X',
    short: 'X',
    summary: '',
    clues: NO_CLUES,
    file: 'content/x/error-codes.rst',
    notes: [],
    entries: [
      entry('X.0001', 'Same  thing.'),
      entry('X.0002', 'same thing.'),
      entry('X.0003', 'Other.'),
      entry('X.0004', 'More.'),
    ],
  };
  const codes = catalogue.entries.map((e) => e.code);
  const categories = [
    {
      service: 'x',
      kind: 'topic' as const,
      slug: 'a',
      title: 'A',
      label: 'A',
      summary: '',
      path: '/x/topic/a/',
      codes,
    },
    {
      service: 'x',
      kind: 'topic' as const,
      slug: 'b',
      title: 'B',
      label: 'B',
      summary: '',
      path: '/x/topic/b/',
      codes,
    },
  ];
  const built = buildCodePages(catalogue, categories);

  it('treats messages that differ only in case and spacing as the same message', () => {
    expect(built[0].sameMessage).toEqual(['X.0002']);
  });

  it('does not repeat in a second topic the codes a first topic or the same-message list showed', () => {
    expect(built[0].related).toEqual([{ category: '/x/topic/a/', codes: ['X.0003', 'X.0004'] }]);
  });

  it('links other codes and index pages by code and path, and the view gives each its message and title', () => {
    expect(built[1]).toMatchObject({ categories: ['/x/topic/a/', '/x/topic/b/'], previous: 'X.0001', next: 'X.0003' });
    const [, view] = viewCodePages(built, categories);
    expect(view.categories.map((c) => [c.path, c.label])).toEqual([
      ['/x/topic/a/', 'A'],
      ['/x/topic/b/', 'B'],
    ]);
    expect(view.previous).toEqual({ code: 'X.0001', path: '/x/x-0001/', statuses: [400], message: 'Same  thing.' });
    expect(view.next?.path).toBe('/x/x-0003/');
  });
});
