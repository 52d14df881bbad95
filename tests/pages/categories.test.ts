import { NO_CLUES } from '../support/clues.ts';
import { describe, expect, it } from 'vitest';
import type { CodeEntry, ServiceCatalogue } from '../../src/lib/catalogue/catalogue.ts';
import { CategoryKindSchema, listCategories, type Category } from '../../src/lib/pages/categories.ts';
import { SERVICE_URL_WORDS } from '../../src/lib/core/urls.ts';
import type { Editorial } from '../../src/lib/catalogue/editorial.ts';
import { loadServices } from '../../src/lib/assembly/load-site.ts';

/** A catalogue from `[code, ...statuses]` rows, in the order given (already catalogue order). */
function catalogueOf(rows: readonly (readonly [string, ...number[]])[]): ServiceCatalogue {
  const entries: CodeEntry[] = rows.map(([code, ...statuses], i) => {
    const [prefix, number] = code.split('.');
    return {
      service: 'ecs',
      code,
      slug: code.toLowerCase().replace('.', '-'),
      prefix,
      number,
      line: i + 1,
      variants: statuses.map((status) => ({
        statuses: [status],
        anchor: `http-${status}`,
        message: { text: `Message of ${code}.`, html: `Message of ${code}.`, markdown: `Message of ${code}.` },
        template: [{ kind: 'text' as const, text: `Message of ${code}.` }],
        description: { text: '', html: '', markdown: '' },
        solution: { text: '', html: '', markdown: '' },
        line: i + 1,
      })),
    };
  });
  return {
    id: 'ecs',
    name: 'Elastic Cloud Server',
    short: 'ECS',
    summary: '',
    clues: NO_CLUES,
    file: 'content/ecs/error-codes.rst',
    notes: [],
    entries,
  };
}

const NO_EDITORIAL: Editorial = { families: [], topics: [] };

function paths(categories: readonly Category[]): string[] {
  return categories.map((c) => c.path);
}

function find(categories: readonly Category[], path: string): Category {
  const found = categories.find((c) => c.path === path);
  if (!found) throw new Error(`no category at ${path}; there are: ${paths(categories).join(', ')}`);
  return found;
}

describe('prefixes that differ only in case', () => {
  const catalogue = catalogueOf([
    ['EndPoint.0001', 500],
    ['EndPoint.0002', 400],
    ['Endpoint.0101', 400],
    ['Vpc.0001', 400],
  ]);
  const prefixes = listCategories(catalogue, NO_EDITORIAL).filter((c) => c.kind === 'prefix');

  it('are one page with every code of either case, named as most of its codes write it', () => {
    expect(prefixes.map((c) => [c.path, c.label, c.codes])).toEqual([
      ['/ecs/prefix/endpoint/', 'EndPoint.*', ['EndPoint.0001', 'EndPoint.0002', 'Endpoint.0101']],
      ['/ecs/prefix/vpc/', 'Vpc.*', ['Vpc.0001']],
    ]);
  });

  it('never give two index pages one path', () => {
    const paths = listCategories(catalogue, NO_EDITORIAL).map((c) => c.path);
    expect(new Set(paths).size).toBe(paths.length);
  });
});

describe('listing the categories of a small catalogue', () => {
  const catalogue = catalogueOf([
    ['Ecs.0001', 400],
    ['Ecs.0150', 400, 404],
    ['Ecs.1000', 500],
    ['Common.0024', 202],
  ]);
  const editorial: Editorial = {
    families: [
      { slug: '00xx', range: [0, 99], title: 'Requests', summary: '' },
      { slug: '01xx', range: [100, 199], title: 'Disks', summary: '' },
      { slug: '09xx', range: [900, 999], title: 'Nothing here', summary: '' },
    ],
    topics: [
      { slug: 'quotas', title: 'Quotas', summary: '', codes: ['Common.0024', 'Ecs.0001'] },
      { slug: 'empty', title: 'Empty', summary: '', codes: [] },
    ],
  };
  const categories = listCategories(catalogue, editorial);

  it('starts with the page of all codes, listing every code', () => {
    expect(categories[0].path).toBe('/ecs/all/');
    expect(categories[0].codes).toEqual(['Ecs.0001', 'Ecs.0150', 'Ecs.1000', 'Common.0024']);
  });

  it('has one page per status present, sorted, listing each code that has a row with that status', () => {
    expect(paths(categories.filter((c) => c.kind === 'status'))).toEqual([
      '/ecs/status/202/',
      '/ecs/status/400/',
      '/ecs/status/404/',
      '/ecs/status/500/',
    ]);
    expect(find(categories, '/ecs/status/400/').codes).toEqual(['Ecs.0001', 'Ecs.0150']);
    expect(find(categories, '/ecs/status/404/').codes).toEqual(['Ecs.0150']);
  });

  it('names a status page after the status', () => {
    expect(find(categories, '/ecs/status/404/').title).toBe('HTTP 404 Not Found');
  });

  it('has one page per prefix, with a lowercase slug', () => {
    expect(paths(categories.filter((c) => c.kind === 'prefix'))).toEqual(['/ecs/prefix/ecs/', '/ecs/prefix/common/']);
    expect(find(categories, '/ecs/prefix/common/').codes).toEqual(['Common.0024']);
  });

  it('groups the main prefix into the families of the editorial file, leaving out empty ones', () => {
    const families = categories.filter((c) => c.kind === 'family');
    expect(families.map((c) => [c.slug, c.codes])).toEqual([
      ['00xx', ['Ecs.0001']],
      ['01xx', ['Ecs.0150']],
    ]);
    expect(families[0].title).toBe('Ecs.00xx: Requests');
  });

  it('lists topic codes in catalogue order, not in the order the editorial file gives', () => {
    expect(find(categories, '/ecs/topic/quotas/').codes).toEqual(['Ecs.0001', 'Common.0024']);
  });

  it('omits every category without codes', () => {
    expect(paths(categories)).not.toContain('/ecs/topic/empty/');
    expect(paths(categories)).not.toContain('/ecs/family/09xx/');
    expect(categories.every((c) => c.codes.length > 0)).toBe(true);
  });

  it('has the kinds of index page that SERVICE_URL_WORDS lists, each the first word of its path', () => {
    expect(CategoryKindSchema.options).toEqual(['all', 'table', 'status', 'prefix', 'family', 'topic']);
    expect(CategoryKindSchema.options).toEqual(SERVICE_URL_WORDS.categoryKinds);
    for (const category of categories) expect(category.path.split('/')[2]).toBe(category.kind);
  });

  it('gives every category a distinct path', () => {
    expect(new Set(paths(categories)).size).toBe(categories.length);
  });
});

describe('families when a service has no categories.json', () => {
  it('makes one family per thousand of a few four-digit codes', () => {
    const catalogue = catalogueOf([
      ['Ecs.0001', 400],
      ['Ecs.0099', 400],
      ['Ecs.0301', 400],
      ['Ecs.1000', 400],
      ['Ecs.1300', 400],
      ['Common.0024', 202],
    ]);
    const families = listCategories(catalogue, NO_EDITORIAL).filter((c) => c.kind === 'family');
    expect(families.map((c) => [c.path, c.label, c.title, c.codes])).toEqual([
      ['/ecs/family/0xxx/', 'Ecs.0xxx', 'Ecs.0xxx: Codes 0-999', ['Ecs.0001', 'Ecs.0099', 'Ecs.0301']],
      ['/ecs/family/1xxx/', 'Ecs.1xxx', 'Ecs.1xxx: Codes 1000-1999', ['Ecs.1000', 'Ecs.1300']],
    ]);
  });

  it('splits a thousand with more than 50 codes into its hundreds, and keeps a smaller one whole', () => {
    const numbers = [...Array.from({ length: 60 }, (_, i) => i * 15), 1000, 1300];
    const catalogue = catalogueOf(numbers.map((n) => [`Ecs.${String(n).padStart(4, '0')}`, 400] as const));
    const families = listCategories(catalogue, NO_EDITORIAL).filter((c) => c.kind === 'family');
    expect(families.map((c) => [c.slug, c.codes.length])).toEqual([
      ['00xx', 7],
      ['01xx', 7],
      ['02xx', 6],
      ['03xx', 7],
      ['04xx', 7],
      ['05xx', 6],
      ['06xx', 7],
      ['07xx', 7],
      ['08xx', 6],
      ['1xxx', 2],
    ]);
  });

  it('gives nine-digit numeric codes families by the digits they differ in, without a prefix', () => {
    const catalogue = catalogueOf(
      ['111400002', '111400003', '111400150', '111400177'].map((code) => [code, 400] as const),
    );
    catalogue.entries.forEach((e) => Object.assign(e, { prefix: '', number: e.code }));
    const categories = listCategories(catalogue, NO_EDITORIAL);
    expect(categories.filter((c) => c.kind === 'family').map((c) => [c.path, c.label, c.codes])).toEqual([
      ['/ecs/family/1114000xx/', '1114000xx', ['111400002', '111400003']],
      ['/ecs/family/1114001xx/', '1114001xx', ['111400150', '111400177']],
    ]);
    expect(categories.filter((c) => c.kind === 'prefix')).toEqual([]);
  });

  it('gives codes that are names families by their first word when two or more share it', () => {
    const names = ['InvalidArgument', 'InvalidBucketName', 'NoSuchBucket', 'NoSuchKey', 'AccessDenied'];
    const catalogue = catalogueOf(names.map((code) => [code, 400] as const));
    catalogue.entries.forEach((e) => Object.assign(e, { prefix: '', number: '' }));
    const families = listCategories(catalogue, NO_EDITORIAL).filter((c) => c.kind === 'family');
    expect(families.map((c) => [c.path, c.label, c.title, c.codes])).toEqual([
      ['/ecs/family/invalid/', 'Invalid…', 'Invalid…: Codes named Invalid…', ['InvalidArgument', 'InvalidBucketName']],
      ['/ecs/family/no/', 'No…', 'No…: Codes named No…', ['NoSuchBucket', 'NoSuchKey']],
    ]);
  });

  it('gives a family of names the slug of its first word, and "-" to a first character that is no letter or digit', () => {
    const names = ['CSBS_Quota', 'CSBS_Limit', '_Internal', '_Other'];
    const catalogue = catalogueOf(names.map((code) => [code, 400] as const));
    catalogue.entries.forEach((e) => Object.assign(e, { prefix: '', number: '' }));
    const families = listCategories(catalogue, NO_EDITORIAL).filter((c) => c.kind === 'family');
    expect(families.map((c) => [c.slug, c.label, c.codes])).toEqual([
      ['csbs', 'CSBS…', ['CSBS_Quota', 'CSBS_Limit']],
      ['-', '_…', ['_Internal', '_Other']],
    ]);
  });

  it('has no topic pages', () => {
    const categories = listCategories(catalogueOf([['Ecs.0001', 400]]), NO_EDITORIAL);
    expect(categories.filter((c) => c.kind === 'topic')).toEqual([]);
  });
});

describe('the categories of the real ECS content', () => {
  const { services } = loadServices('content');
  const ecs = services.find((s) => s.catalogue.id === 'ecs')!;
  const { categories, catalogue } = ecs;

  it('has a status page for every status in the table, and no other', () => {
    const statuses = [...new Set(catalogue.entries.flatMap((e) => e.variants.flatMap((v) => v.statuses)))].sort(
      (a, b) => a - b,
    );
    expect(categories.filter((c) => c.kind === 'status').map((c) => c.slug)).toEqual(statuses.map(String));
    expect(statuses).toContain(202);
    expect(statuses).toContain(404);
  });

  it('has prefix pages for ecs, pdp and common', () => {
    expect(
      categories
        .filter((c) => c.kind === 'prefix')
        .map((c) => c.slug)
        .sort(),
    ).toEqual(['common', 'ecs', 'pdp']);
  });

  it('has the families of categories.json that have codes, from 00xx to 1xxx', () => {
    const withCodes = ecs.editorial.families.filter((f) =>
      catalogue.entries.some(
        (e) => e.prefix === 'Ecs' && Number(e.number) >= f.range[0] && Number(e.number) <= f.range[1],
      ),
    );
    const families = categories.filter((c) => c.kind === 'family').map((c) => c.slug);
    expect(families).toEqual(withCodes.map((f) => f.slug));
    expect(families[0]).toBe('00xx');
    expect(families.at(-1)).toBe('1xxx');
  });

  it('has a page for every topic of categories.json', () => {
    expect(categories.filter((c) => c.kind === 'topic').map((c) => c.slug)).toEqual(
      ecs.editorial.topics.map((t) => t.slug),
    );
  });

  it('puts every Ecs code in exactly one family', () => {
    const families = categories.filter((c) => c.kind === 'family');
    for (const entry of catalogue.entries.filter((e) => e.prefix === 'Ecs')) {
      expect(
        families.filter((f) => f.codes.includes(entry.code)).map((f) => f.slug),
        entry.code,
      ).toHaveLength(1);
    }
  });
});

describe('the pages of a file with several error tables', () => {
  /** A catalogue whose codes come one from each table, the tables with these captions. */
  function withTables(captions: readonly (string | undefined)[]): ServiceCatalogue {
    const catalogue = catalogueOf(captions.map((_, i) => [`Ecs.000${i}`, 400] as const));
    catalogue.entries.forEach((e, i) => e.variants.forEach((v) => Object.assign(v, { table: i })));
    return {
      ...catalogue,
      tables: captions.map((caption, i) => ({ ...(caption ? { caption } : {}), line: 10 * i + 1 })),
    };
  }

  it('gives each table a slug from its caption, a number where the caption has none to give or repeats one', () => {
    const catalogue = withTables(['Error Codes (V3)', 'Codes of the Café API', '***', undefined, 'Error codes: V3']);
    const tables = listCategories(catalogue, NO_EDITORIAL).filter((c) => c.kind === 'table');
    expect(tables.map((c) => [c.path, c.label, c.codes])).toEqual([
      ['/ecs/table/error-codes-v3/', 'Error Codes (V3)', ['Ecs.0000']],
      ['/ecs/table/codes-of-the-caf-api/', 'Codes of the Café API', ['Ecs.0001']],
      ['/ecs/table/table-3/', '***', ['Ecs.0002']],
      ['/ecs/table/table-at-line-31/', 'Table at line 31', ['Ecs.0003']],
      ['/ecs/table/error-codes-v3-5/', 'Error codes: V3', ['Ecs.0004']],
    ]);
  });
});
