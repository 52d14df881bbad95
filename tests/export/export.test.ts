import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  buildServiceExport,
  buildServiceExports,
  exportMessage,
  serializeExport,
  type ServiceExport,
  type ShardExport,
} from '../../src/lib/export/export.ts';
import { loadServices } from '../../src/lib/assembly/load-site.ts';
import type { ServiceModel } from '../../src/lib/assembly/assemble.ts';
import { parseTemplate } from '../../src/lib/core/template.ts';
import { buildJsonSchema } from '../../src/lib/export/export-schema.ts';
import { resolveJsonUrl } from '../support/export-json.ts';
import { validateJson, type JsonSchema } from '../support/json-schema.ts';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SITE = 'https://errors.example.test';
/** A small ECS table in three dated versions (see its README). */
const HISTORY_SITE = path.join(REPO, 'tests/fixtures/history-site');

function loadEcs(): ServiceModel {
  const { services, diagnostics } = loadServices(path.join(REPO, 'content'), REPO);
  expect(diagnostics).toEqual([]);
  return services.find((s) => s.catalogue.id === 'ecs')!;
}

function exportEcs(siteUrl = SITE): ServiceExport {
  const ecs = loadEcs();
  return buildServiceExport(ecs.catalogue, ecs.catalogue.entries, ecs.categories, siteUrl);
}

/** The fixture service with history, and its export the way src/pages/[service]/errors.json.ts builds it. */
function exportHistorySite(): { service: ServiceModel; document: ServiceExport } {
  const { services, diagnostics } = loadServices(path.join(HISTORY_SITE, 'content'), HISTORY_SITE);
  expect(diagnostics).toEqual([]);
  const service = services[0];
  const history = {
    dates: service.history!.dates,
    changes: service.history!.changes,
    codes: new Map(service.pages.map((p) => [p.entry.code, p.history!])),
  };
  return {
    service,
    document: buildServiceExport(service.catalogue, service.catalogue.entries, service.categories, SITE, history),
  };
}

/** A JSON Schema the site serves, by its file name, as the build generates it. */
function readSchema(name: 'errors.schema.json' | 'errors-shard.schema.json'): Exclude<JsonSchema, boolean> {
  return buildJsonSchema(name === 'errors.schema.json' ? 'service' : 'shard');
}

function findCode(document: ServiceExport, code: string) {
  const found = document.codes.find((c) => c.code === code);
  if (!found) throw new Error(`no ${code} in the export`);
  return found;
}

/** A message as a row holds it, for exportMessage: its template and text (the HTML is not looked at). */
function message(text: string) {
  return { template: parseTemplate(text), message: { text, html: `<p>${text}</p>`, markdown: text } };
}

describe('the slots of an exported message', () => {
  it('gives each slot of "Failed to create volume %s because %s." its offsets in the template', () => {
    expect(exportMessage(message('Failed to create volume %s because %s.'))).toEqual({
      template: 'Failed to create volume %s because %s.',
      html: '<p>Failed to create volume %s because %s.</p>',
      slots: [
        { index: 0, kind: '%s', start: 24, end: 26 },
        { index: 1, kind: '%s', start: 35, end: 37 },
      ],
    });
  });

  it('counts a lone xxx as a three-character slot and %d as a slot of its own kind', () => {
    expect(exportMessage(message('itemNotFound: xxx could not be found.')).slots).toEqual([
      { index: 0, kind: 'xxx', start: 14, end: 17 },
    ]);
    expect(exportMessage(message('%d disks')).slots).toEqual([{ index: 0, kind: '%d', start: 0, end: 2 }]);
  });

  it('returns no slots for a template without placeholders', () => {
    expect(exportMessage(message('The flavor does not exist.'))).toEqual({
      template: 'The flavor does not exist.',
      html: '<p>The flavor does not exist.</p>',
      slots: [],
    });
  });
});

describe('buildServiceExport on the ECS table', () => {
  const document = exportEcs();

  it('describes the service, points at its schema and has no timestamp', () => {
    expect(document.$schema).toBe(`${SITE}/schemas/errors.schema.json`);
    expect(document.service).toEqual({
      id: 'ecs',
      name: 'Elastic Cloud Server',
      short: 'ECS',
      published: '2022-03-28',
      source: 'content/ecs/error-codes.rst',
      url: `${SITE}/ecs/`,
    });
    expect(Object.keys(document)).toEqual(['$schema', 'service', 'notes', 'codes']);
    expect(document.notes).toHaveLength(4);
    expect(document.notes[0]).toMatch(/^An error code returned by an API does not correspond to one error message\./);
  });

  it('has 147 codes and 148 rows, in table order', () => {
    expect(document.codes).toHaveLength(147);
    expect(document.codes.reduce((n, c) => n + c.variants.length, 0)).toBe(148);
    expect(document.codes[0].code).toBe('Ecs.0000');
  });

  it('exports Ecs.0010 with the slot of its filled-in IP address', () => {
    const code = findCode(document, 'Ecs.0010');
    expect(code).toMatchObject({
      code: 'Ecs.0010',
      slug: 'ecs-0010',
      url: `${SITE}/ecs/ecs-0010/`,
      json: `${SITE}/ecs/errors/ecs-0000--ecs-0214.json#/codes/Ecs.0010`,
    });
    expect(code.variants).toHaveLength(1);
    expect(code.variants[0]).toMatchObject({
      status: 400,
      anchor: 'http-400',
      url: `${SITE}/ecs/ecs-0010/#http-400`,
      line: 42,
      message: {
        template: 'Private IP address %s is already in use.',
        slots: [{ index: 0, kind: '%s', start: 19, end: 21 }],
      },
      description: { text: 'The private IP address is already in use.' },
      solution: { text: 'Change the port.' },
    });
    expect(code.variants[0].message.html).toContain('<var class="slot"');
  });

  it('exports the two slots of Ecs.0202 at the offsets counted by hand', () => {
    expect(findCode(document, 'Ecs.0202').variants[0].message.slots).toEqual([
      { index: 0, kind: '%s', start: 24, end: 26 },
      { index: 1, kind: '%s', start: 35, end: 37 },
    ]);
  });

  it('exports both rows of Ecs.1000, each with its own anchor and URL', () => {
    const variants = findCode(document, 'Ecs.1000').variants;
    expect(variants.map((v) => [v.status, v.anchor, v.url, v.message.template])).toEqual([
      [400, 'http-400', `${SITE}/ecs/ecs-1000/#http-400`, 'Failed to call the Nova API because %s.'],
      [404, 'http-404', `${SITE}/ecs/ecs-1000/#http-404`, 'itemNotFound: xxx could not be found.'],
    ]);
    expect(variants[1].message.slots).toEqual([{ index: 0, kind: 'xxx', start: 14, end: 17 }]);
  });

  it('lists the categories of a code with their URLs, without the all-codes page', () => {
    expect(findCode(document, 'Ecs.1000').categories).toEqual([
      { kind: 'status', slug: '400', title: 'HTTP 400 Bad Request', url: `${SITE}/ecs/status/400/` },
      { kind: 'status', slug: '404', title: 'HTTP 404 Not Found', url: `${SITE}/ecs/status/404/` },
      { kind: 'prefix', slug: 'ecs', title: 'Ecs.* codes', url: `${SITE}/ecs/prefix/ecs/` },
      {
        kind: 'family',
        slug: '1xxx',
        title: 'Ecs.1xxx: Dependent service API failures (Nova, IAM, EIP, Cinder)',
        url: `${SITE}/ecs/family/1xxx/`,
      },
      {
        kind: 'topic',
        slug: 'dependent-services',
        title: 'Dependent services',
        url: `${SITE}/ecs/topic/dependent-services/`,
      },
    ]);
    for (const code of document.codes) {
      expect(
        code.categories.map((c) => c.kind),
        code.code,
      ).toEqual(expect.arrayContaining(['status', 'prefix']));
    }
  });

  it('gives every code a page URL, a JSON URL into a file of its service, and every row an anchored URL', () => {
    for (const code of document.codes) {
      expect(code.url).toBe(`${SITE}/ecs/${code.slug}/`);
      expect(code.json).toMatch(new RegExp(`^${SITE}/ecs/errors/[a-z0-9-]+--[a-z0-9-]+\\.json#/codes/${code.code}$`));
      for (const v of code.variants) expect(v.url).toBe(`${code.url}#${v.anchor}`);
    }
  });

  it('keeps every template equal to the message text, with each slot where its offsets say', () => {
    const ecs = loadEcs();
    document.codes.forEach((code, i) => {
      code.variants.forEach((v, j) => {
        expect(v.message.template).toBe(ecs.catalogue.entries[i].variants[j].message.text);
        for (const slot of v.message.slots)
          expect(v.message.template.slice(slot.start, slot.end), `${code.code} slot ${slot.index}`).toBe(slot.kind);
      });
    });
  });

  it('strips a trailing slash from the site URL', () => {
    const withSlash = exportEcs(`${SITE}/`);
    expect(withSlash.$schema).toBe(`${SITE}/schemas/errors.schema.json`);
    expect(findCode(withSlash, 'Ecs.0010').url).toBe(`${SITE}/ecs/ecs-0010/`);
  });

  it('leaves out "published" when the service has no date', () => {
    const ecs = loadEcs();
    const undated = buildServiceExport({ ...ecs.catalogue, published: undefined }, [], ecs.categories, SITE);
    expect(undated.service).not.toHaveProperty('published');
    expect(undated.codes).toEqual([]);
  });

  it('serialises the same content to the same bytes, on one line with a final newline', () => {
    const text = serializeExport(document);
    expect(serializeExport(exportEcs())).toBe(text);
    expect(text.startsWith('{"$schema":"https://errors.example.test/schemas/errors.schema.json","service":{')).toBe(
      true,
    );
    expect(text.indexOf('\n')).toBe(text.length - 1);
  });

  it('is valid against public/schemas/errors.schema.json', () => {
    expect(validateJson(document, readSchema('errors.schema.json'))).toEqual([]);
  });
});

describe('buildServiceExports on the ECS table', () => {
  const ecs = loadEcs();
  const exports = buildServiceExports(ecs.catalogue, ecs.catalogue.entries, ecs.categories, SITE);
  const files = new Map<string, ShardExport>(exports.shards.map((s) => [s.path, s.document]));

  it('cuts the 147 codes into two files of 74 and 73, named by their first and last code', () => {
    expect(exports.shards.map((s) => [s.path, Object.keys(s.document.codes).length])).toEqual([
      ['/ecs/errors/ecs-0000--ecs-0214.json', 74],
      ['/ecs/errors/ecs-0216--common-1503.json', 73],
    ]);
  });

  it('holds in its files each code object of errors.json, in its order, under its code, with the service', () => {
    expect(exports.errors).toEqual(exportEcs());
    expect(exports.shards.flatMap((s) => Object.values(s.document.codes))).toEqual(exports.errors.codes);
    for (const { document } of exports.shards) {
      expect(Object.keys(document)).toEqual(['$schema', 'service', 'codes']);
      expect(document.$schema).toBe(`${SITE}/schemas/errors-shard.schema.json`);
      expect(document.service).toEqual(exports.errors.service);
      for (const [key, code] of Object.entries(document.codes)) expect(code.code).toBe(key);
      expect(validateJson(JSON.parse(serializeExport(document)), readSchema('errors-shard.schema.json'))).toEqual([]);
    }
  });

  it('points each code’s json URL at its own object: the file, then the JSON Pointer of the fragment', () => {
    for (const code of exports.errors.codes)
      expect(
        resolveJsonUrl(code.json, (path) => files.get(path)),
        code.code,
      ).toEqual(code);
  });
});

describe('the export of a service without history', () => {
  it('has no history, versions or changes anywhere: the documents are as before history existed', () => {
    const ecs = loadEcs();
    const text = serializeExport(exportEcs());
    expect(text).not.toMatch(/"(history|versions|changes|wordings)":/);
    const { shards } = buildServiceExports(ecs.catalogue, ecs.catalogue.entries, ecs.categories, SITE);
    for (const code of shards.flatMap((s) => Object.values(s.document.codes)))
      expect(Object.keys(code), code.code).toEqual(['code', 'slug', 'url', 'json', 'categories', 'variants']);
  });
});

describe('the export of a service with dated versions (tests/fixtures/history-site)', () => {
  const { service, document } = exportHistorySite();
  const url = (slug: string, anchor: string) => `${SITE}/ecs/${slug}/#${anchor}`;

  it('lists the version dates and the changes of each version, after the codes', () => {
    expect(Object.keys(document)).toEqual(['$schema', 'service', 'notes', 'codes', 'versions', 'changes']);
    expect(document.versions).toEqual(['2022-03-28', '2022-07-15', '2023-02-21']);
    expect(document.changes).toEqual(service.history!.changes);
    expect(
      document.changes!.map((c) => [c.previous, c.date, c.added, c.removed, c.reworded.map((r) => r.code)]),
    ).toEqual([
      ['2022-03-28', '2022-07-15', ['Ecs.0066'], [], ['Ecs.0010']],
      ['2022-07-15', '2023-02-21', [], ['Ecs.0910'], ['Ecs.0005']],
    ]);
    expect(document.service).toMatchObject({ published: '2023-02-21', source: 'content/ecs/history/2023-02-21.rst' });
  });

  it('gives the reworded code today’s wording and the earlier one, with dates, slots and page URLs', () => {
    expect(findCode(document, 'Ecs.0010').history).toEqual({
      introduced: '2022-03-28',
      lastPublished: '2023-02-21',
      retired: false,
      added: false,
      wordings: [
        {
          status: 400,
          message: {
            template: 'The private IP address %s is already used by another port.',
            html: expect.stringContaining('<var class="slot"'),
            slots: [{ index: 0, kind: '%s', start: 23, end: 25 }],
          },
          first: '2022-07-15',
          last: '2023-02-21',
          current: true,
          url: url('ecs-0010', 'http-400'),
        },
        {
          status: 400,
          message: {
            template: 'Private IP address %s is already in use.',
            html: expect.stringContaining('Private IP address <var class="slot"'),
            slots: [{ index: 0, kind: '%s', start: 19, end: 21 }],
          },
          first: '2022-03-28',
          last: '2022-03-28',
          current: false,
          url: url('ecs-0010', 'v1'),
        },
      ],
    });
  });

  it('keeps the retired code, its last rows not current, and marks the added one', () => {
    expect(findCode(document, 'Ecs.0910').history).toMatchObject({
      introduced: '2022-03-28',
      lastPublished: '2022-07-15',
      retired: true,
      added: false,
      wordings: [
        { status: 400, first: '2022-03-28', last: '2022-07-15', current: false, url: url('ecs-0910', 'http-400') },
      ],
    });
    expect(findCode(document, 'Ecs.0910').variants.map((v) => v.message.template)).toEqual([
      'The image %s is no longer supported.',
    ]);
    expect(findCode(document, 'Ecs.0066').history).toMatchObject({
      introduced: '2022-07-15',
      added: true,
      retired: false,
    });
  });

  it('shows a status change as two wordings of one message', () => {
    expect(
      findCode(document, 'Ecs.0005').history!.wordings.map((w) => [
        w.status,
        w.message.template,
        w.first,
        w.last,
        w.current,
        w.url,
      ]),
    ).toEqual([
      [404, 'request body is illegal.', '2023-02-21', '2023-02-21', true, url('ecs-0005', 'http-404')],
      [400, 'request body is illegal.', '2022-03-28', '2022-07-15', false, url('ecs-0005', 'v1')],
    ]);
  });

  it('gives every code one wording per shown row plus one per earlier wording, each slot where its offsets say', () => {
    for (const code of document.codes) {
      const page = service.pages.find((p) => p.entry.code === code.code)!;
      expect(code.history!.wordings, code.code).toHaveLength(code.variants.length + page.history!.earlier.length);
      expect(code.history!.wordings.filter((w) => w.current).length, code.code).toBe(
        code.history!.retired ? 0 : code.variants.length,
      );
      for (const w of code.history!.wordings) {
        for (const slot of w.message.slots) expect(w.message.template.slice(slot.start, slot.end)).toBe(slot.kind);
        expect(w.url.startsWith(`${code.url}#`)).toBe(true);
      }
    }
  });

  it('is valid against errors.schema.json, and its one file, with every code and its history, against errors-shard.schema.json', () => {
    expect(validateJson(JSON.parse(serializeExport(document)), readSchema('errors.schema.json'))).toEqual([]);
    const history = {
      dates: service.history!.dates,
      changes: service.history!.changes,
      codes: new Map(service.pages.map((p) => [p.entry.code, p.history!])),
    };
    const { shards } = buildServiceExports(
      service.catalogue,
      service.catalogue.entries,
      service.categories,
      SITE,
      history,
    );
    expect(shards.map((s) => s.path)).toEqual(['/ecs/errors/ecs-0001--ecs-0910.json']);
    expect(Object.values(shards[0].document.codes)).toEqual(document.codes);
    expect(
      validateJson(JSON.parse(serializeExport(shards[0].document)), readSchema('errors-shard.schema.json')),
    ).toEqual([]);
  });

  it('is rejected by the schema when a wording or a change drifts', () => {
    const drifted = JSON.parse(serializeExport(document)) as Record<string, any>;
    drifted.codes[2].history.wordings[1].anchor = 'v1';
    delete drifted.codes[2].history.retired;
    drifted.changes[0].date = '15.07.2022';
    drifted.versions.push(2024);
    expect(validateJson(drifted, readSchema('errors.schema.json'))).toEqual([
      "/codes/2/history: must have required property 'retired'",
      '/codes/2/history/wordings/1: must NOT have additional properties ("anchor")',
      '/versions/3: must be string, not 2024',
      '/changes/0/date: must match pattern "^\\d{4}-\\d{2}-\\d{2}$", not "15.07.2022"',
      '/changes/0/date: must match format "date", not "15.07.2022"',
    ]);
  });
});

/**
 * Every property without a description and every object schema that is not closed, as `<where>: <problem>`. An
 * object is closed when it allows no other property, or when it is a map whose every value has one schema (a
 * described one, walked like the others).
 */
function findOpenOrUndescribed(node: unknown, at: string, problems: string[] = []): string[] {
  if (typeof node !== 'object' || node === null) return problems;
  const schema = node as Record<string, unknown>;
  const values = schema.additionalProperties;
  const isMap = typeof values === 'object' && values !== null && Object.keys(values).length > 0;
  if (schema.type === 'object' && values !== false && !isMap) problems.push(`${at}: additionalProperties is not false`);
  if (isMap) findOpenOrUndescribed(values, `${at}/additionalProperties`, problems);
  for (const [name, property] of Object.entries((schema.properties ?? {}) as Record<string, Record<string, unknown>>)) {
    if (typeof property.description !== 'string' || property.description === '')
      problems.push(`${at}/properties/${name}: no description`);
    findOpenOrUndescribed(property, `${at}/properties/${name}`, problems);
  }
  if (schema.items) findOpenOrUndescribed(schema.items, `${at}/items`, problems);
  for (const [name, def] of Object.entries((schema.$defs ?? {}) as Record<string, unknown>))
    findOpenOrUndescribed(def, `${at}/$defs/${name}`, problems);
  return problems;
}

describe('the JSON Schemas generated from the export schemas', () => {
  const errors = readSchema('errors.schema.json');
  const shard = readSchema('errors-shard.schema.json');

  it('are draft 2020-12, with the title and description of their document', () => {
    expect([errors.$schema, errors.title, errors.description]).toEqual([
      'https://json-schema.org/draft/2020-12/schema',
      'Error codes of a service',
      'Every error code of one cloud service, as served at /<service>/errors.json. Codes are in table order: prefixes in order of first appearance, then by number.',
    ]);
    expect([shard.$schema, shard.title, shard.description]).toEqual([
      'https://json-schema.org/draft/2020-12/schema',
      'Error codes of a service, one file of its export',
      'Consecutive error codes of one cloud service, as served at /<service>/errors/<first>--<last>.json (the slugs of its first and last code). Every code of errors.json is in one such file.',
    ]);
  });

  it('define each shape once in $defs, the same in both schemas', () => {
    const errorDefs = errors.$defs as Record<string, unknown>;
    const shardDefs = shard.$defs as Record<string, unknown>;
    expect(Object.keys(errorDefs).sort()).toEqual([
      'category',
      'change',
      'code',
      'history',
      'message',
      'richText',
      'service',
      'slot',
      'variant',
      'wording',
    ]);
    expect(Object.keys(shardDefs).sort()).toEqual([
      'category',
      'code',
      'history',
      'message',
      'richText',
      'service',
      'slot',
      'variant',
      'wording',
    ]);
    for (const name of Object.keys(shardDefs)) expect(shardDefs[name], name).toEqual(errorDefs[name]);
  });

  it('describe a file of the export as $schema, service and codes, each under its code, of the code definition', () => {
    const properties = shard.properties as Record<string, Record<string, unknown>>;
    expect(Object.keys(properties)).toEqual(['$schema', 'service', 'codes']);
    expect(shard.required).toEqual(['$schema', 'service', 'codes']);
    expect(properties.codes).toMatchObject({
      type: 'object',
      propertyNames: { type: 'string', minLength: 1 },
      additionalProperties: { $ref: '#/$defs/code' },
    });
  });

  it('give every property a description and close every object', () => {
    expect(findOpenOrUndescribed(errors, 'errors.schema.json#')).toEqual([]);
    expect(findOpenOrUndescribed(shard, 'errors-shard.schema.json#')).toEqual([]);
  });

  it('would be caught with a property without a description or an object left open', () => {
    const schema = {
      type: 'object',
      additionalProperties: false,
      properties: {
        a: { type: 'string' },
        b: { description: 'B', type: 'array', items: { type: 'object', properties: {} } },
      },
      $defs: {
        c: { type: 'object', additionalProperties: {}, properties: { d: { description: '' } } },
        e: { type: 'object', additionalProperties: { type: 'object', properties: { f: { type: 'string' } } } },
      },
    };
    expect(findOpenOrUndescribed(schema, '#')).toEqual([
      '#/properties/a: no description',
      '#/properties/b/items: additionalProperties is not false',
      '#/$defs/c: additionalProperties is not false',
      '#/$defs/c/properties/d: no description',
      '#/$defs/e/additionalProperties: additionalProperties is not false',
      '#/$defs/e/additionalProperties/properties/f: no description',
    ]);
  });

  it('reject a document that drifts: an unknown property, a wrong type, a missing field', () => {
    const document = JSON.parse(serializeExport(exportEcs())) as Record<string, any>;
    document.generated = '2024-01-01';
    document.codes[0].variants[0].status = '400';
    delete document.codes[1].json;
    document.codes[2].variants[0].message.slots.push({ index: 1, kind: '%x', start: 0, end: 2 });
    expect(validateJson(document, errors)).toEqual([
      '/: must NOT have additional properties ("generated")',
      '/codes/0/variants/0/status: must be integer, not "400"',
      "/codes/1: must have required property 'json'",
      '/codes/2/variants/0/message/slots/0/kind: must be equal to one of the allowed values ["%s","%d","xxx"], not "%x"',
    ]);
  });
});
