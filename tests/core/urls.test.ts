import { describe, expect, it } from 'vitest';
import {
  anchoredPath,
  codeJsonPath,
  codeShardPath,
  earlierWordingAnchor,
  exportShardPath,
  filledCodeHref,
  lookupPagePath,
  pageKind,
  rowAnchor,
  searchPagePath,
  SERVICE_URL_WORDS,
  slugify,
  statusAnchor,
  wordShardPath,
} from '../../src/lib/core/urls.ts';

describe('the fragment ids of a code page', () => {
  it('names a row by its status, numbering later rows of the same status from 2', () => {
    expect(rowAnchor(400, 1)).toBe('http-400');
    expect(rowAnchor(400, 2)).toBe('http-400-2');
  });

  it('names a row without a status by its place among such rows', () => {
    expect(rowAnchor(undefined, 1)).toBe('row-1');
    expect(rowAnchor(undefined, 3)).toBe('row-3');
  });

  it('names the extra anchor of a status and an earlier wording', () => {
    expect(statusAnchor(404)).toBe('http-404');
    expect(earlierWordingAnchor(2)).toBe('v2');
  });

  it('puts a fragment id after a path or a URL', () => {
    expect(anchoredPath('/ecs/ecs-0010/', 'http-404')).toBe('/ecs/ecs-0010/#http-404');
    expect(anchoredPath('https://example.org/ecs/ecs-0010/', 'v1')).toBe('https://example.org/ecs/ecs-0010/#v1');
  });
});

describe('the site paths of the export', () => {
  it('names a file of a service’s export by the slugs of its first and last code', () => {
    expect(exportShardPath('ecs', { slug: 'ecs-0000' }, { slug: 'ecs-0214' })).toBe(
      '/ecs/errors/ecs-0000--ecs-0214.json',
    );
  });

  it('points at a code in its file with a JSON Pointer fragment, escaped as RFC 6901 and percent-encoded', () => {
    expect(codeJsonPath('/ecs/errors/ecs-0000--ecs-0214.json', 'Ecs.0010')).toBe(
      '/ecs/errors/ecs-0000--ecs-0214.json#/codes/Ecs.0010',
    );
    expect(codeJsonPath('/x/errors/a--b.json', 'a/b~c d')).toBe('/x/errors/a--b.json#/codes/a~1b~0c%20d');
  });
});

describe('the site paths of the lookup and search', () => {
  it('links a code page with the values a message filled in and the row they fit', () => {
    expect(filledCodeHref({ path: '/ecs/ecs-0010/', values: ['192.168.0.12'], anchor: 'http-400' })).toBe(
      '/ecs/ecs-0010/?v=192.168.0.12#http-400',
    );
    expect(filledCodeHref({ path: '/ecs/ecs-0010/', values: ['a b', 'c&d'] })).toBe('/ecs/ecs-0010/?v=a+b&v=c%26d');
    expect(filledCodeHref({ path: '/ecs/ecs-0010/', values: [] })).toBe('/ecs/ecs-0010/');
  });

  it('asks the lookup page and the search page by parameters, encoded', () => {
    expect(lookupPagePath()).toBe('/lookup/');
    expect(lookupPagePath({ code: 'Common.0024' })).toBe('/lookup/?code=Common.0024');
    expect(searchPagePath('already in use & more')).toBe('/search/?q=already+in+use+%26+more');
  });

  it('names the shards of the lookup data', () => {
    expect(codeShardPath('ecs-0')).toBe('/lookup/c/ecs-0.json');
    expect(wordShardPath(3)).toBe('/lookup/w/3.json');
  });
});

describe('slugify', () => {
  it('lowers the case and turns each run of other characters than a-z and 0-9 into one hyphen', () => {
    expect(slugify('CCE_CM.0003')).toBe('cce-cm-0003');
    expect(slugify('Request-URI  Too Large')).toBe('request-uri-too-large');
    expect(slugify('Error Codes (V3)')).toBe('error-codes-v3');
  });

  it('drops hyphens at the ends and accented letters (it does not fold them), and may give nothing', () => {
    expect(slugify('  (Legacy) ')).toBe('legacy');
    expect(slugify('Café')).toBe('caf');
    expect(slugify('***')).toBe('');
  });
});

describe("a service's URL words", () => {
  it('are its index page kinds, its changes page and its files', () => {
    expect(SERVICE_URL_WORDS).toEqual({
      categoryKinds: ['all', 'table', 'status', 'prefix', 'family', 'topic'],
      pages: ['changes'],
      files: ['errors', 'index'],
    });
  });

  it('tell the kind of a page from its path', () => {
    expect(pageKind('/ecs/')).toBe('service');
    expect(pageKind('/lookup/')).toBe('other');
    expect(pageKind('/ecs/all/')).toBe('category');
    expect(pageKind('/ecs/changes/')).toBe('other');
    expect(pageKind('/ecs/ecs-0010/')).toBe('code');
    expect(pageKind('/ecs/status-code/')).toBe('code');
    for (const kind of ['table', 'status', 'prefix', 'family', 'topic'])
      expect(pageKind(`/ecs/${kind}/x/`)).toBe('category');
    expect(pageKind('/ecs/all/x/')).toBe('other');
    expect(pageKind('/ecs/ecs-0010/x/')).toBe('other');
  });
});
