import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildCatalogue, countRows, type CodeEntry, type ServiceCatalogue } from '../../src/lib/catalogue/catalogue.ts';
import { formatDiagnostic } from '../../src/lib/core/diagnostics.ts';
import { loadServices } from '../../src/lib/assembly/load-site.ts';

/** Builds a small RST error table from `[status, code, message]` rows; every column is 48 wide. */
function rstTable(rows: readonly (readonly [number, string, string])[], notes: readonly string[] = []): string {
  const width = 48;
  const cell = (text: string) => ` ${text.padEnd(width - 2)} `;
  const rule = (ch: string) => `+${Array(5).fill(ch.repeat(width)).join('+')}+`;
  const line = (cells: string[]) => `|${cells.map(cell).join('|')}|`;
  return [
    'Error Codes',
    '===========',
    '',
    ...notes.map((n) => `-  ${n}`),
    '',
    rule('-'),
    line(['HTTP Status Code', 'Error Code', 'Error Message', 'Description', 'Solution']),
    rule('='),
    ...rows.flatMap(([status, code, message]) => [
      line([String(status), code, message, `About ${code}.`, 'Try again.']),
      rule('-'),
    ]),
    '',
  ].join('\n');
}

function build(text: string): ServiceCatalogue {
  const { catalogue, diagnostics } = buildCatalogue({ id: 'ecs', file: 'content/ecs/error-codes.rst', text });
  expect(diagnostics).toEqual([]);
  return catalogue!;
}

function entryOf(catalogue: ServiceCatalogue, code: string): CodeEntry {
  const entry = catalogue.entries.find((e) => e.code === code);
  if (!entry) throw new Error(`${code} is not in the catalogue`);
  return entry;
}

describe('grouping rows into codes', () => {
  it('gives a code on two rows one entry with two variants, each with its own anchor', () => {
    const catalogue = build(
      rstTable([
        [400, 'Ecs.1000', 'Failed to call the Nova API because %s.'],
        [404, 'Ecs.1000', 'itemNotFound: xxx could not be found.'],
      ]),
    );
    expect(catalogue.entries).toHaveLength(1);
    const variants = catalogue.entries[0].variants.map((v) => [v.statuses, v.anchor, v.message.text]);
    expect(variants).toEqual([
      [[400], 'http-400', 'Failed to call the Nova API because %s.'],
      [[404], 'http-404', 'itemNotFound: xxx could not be found.'],
    ]);
  });

  it('numbers a second row with the same status http-400-2', () => {
    const catalogue = build(
      rstTable([
        [400, 'Ecs.0100', 'First message.'],
        [400, 'Ecs.0100', 'Second message.'],
        [404, 'Ecs.0100', 'Third message.'],
      ]),
    );
    expect(catalogue.entries[0].variants.map((v) => v.anchor)).toEqual(['http-400', 'http-400-2', 'http-404']);
  });

  it('keeps the line of each row, so a variant can be traced back to the file', () => {
    const text = rstTable([
      [400, 'Ecs.1000', 'One.'],
      [404, 'Ecs.1000', 'Two.'],
    ]);
    const lines = text.split('\n');
    const expected = lines.flatMap((l, i) => (l.startsWith('| 40') ? [i + 1] : []));
    expect(build(text).entries[0].variants.map((v) => v.line)).toEqual(expected);
  });

  it('orders prefixes by first appearance and codes by number within a prefix', () => {
    const catalogue = build(
      rstTable([
        [400, 'Ecs.0010', 'a'],
        [400, 'Common.0024', 'b'],
        [400, 'Ecs.0002', 'c'],
        [403, 'Pdp.0001', 'd'],
        [400, 'Common.0001', 'e'],
        [400, 'Ecs.1000', 'f'],
      ]),
    );
    expect(catalogue.entries.map((e) => e.code)).toEqual([
      'Ecs.0002',
      'Ecs.0010',
      'Ecs.1000',
      'Common.0001',
      'Common.0024',
      'Pdp.0001',
    ]);
  });

  it('derives the slug, prefix and number from the code as written', () => {
    const entry = build(rstTable([[400, 'Common.0024', 'x']])).entries[0];
    expect([entry.slug, entry.prefix, entry.number]).toEqual(['common-0024', 'Common', '0024']);
  });
});

describe('message text and markup', () => {
  it('marks each slot of a message as <var class="slot">', () => {
    const html = build(rstTable([[400, 'Ecs.0202', 'Failed to create volume %s because %s.']])).entries[0].variants[0]
      .message.html;
    expect(html.match(/<var class="slot"[^>]*>%s<\/var>/g)).toHaveLength(2);
    expect(html.replace(/<[^>]+>/g, '')).toBe('Failed to create volume %s because %s.');
  });

  it('splits the message into literal text and slots', () => {
    const template = build(rstTable([[400, 'Ecs.0010', 'Private IP address %s is already in use.']])).entries[0]
      .variants[0].template;
    expect(template).toEqual([
      { kind: 'text', text: 'Private IP address ' },
      { kind: 'slot', slot: '%s' },
      { kind: 'text', text: ' is already in use.' },
    ]);
  });

  it('keeps straight quotes, never turning them into typographic ones', () => {
    const message = build(rstTable([[403, 'Pdp.0001', `Policy doesn't allow "%s" to be performed.`]])).entries[0]
      .variants[0].message;
    expect(message.text).toBe(`Policy doesn't allow "%s" to be performed.`);
    expect(message.text).not.toMatch(/[\u2018\u2019\u201C\u201D]/);
  });
});

describe('the real ECS catalogue (content/ecs)', () => {
  const { services, diagnostics } = loadServices('content');
  const ecs = services.find((s) => s.catalogue.id === 'ecs')!.catalogue;

  it('loads without diagnostics: 148 rows, 147 codes', () => {
    expect(diagnostics).toEqual([]);
    expect(countRows(ecs)).toEqual({ rows: 148, codes: 147 });
  });

  it('has Ecs.1000 as one code with a 400 and a 404 variant', () => {
    const variants = entryOf(ecs, 'Ecs.1000').variants.map((v) => [v.statuses, v.anchor, v.message.text]);
    expect(variants).toEqual([
      [[400], 'http-400', 'Failed to call the Nova API because %s.'],
      [[404], 'http-404', 'itemNotFound: xxx could not be found.'],
    ]);
  });

  it('lists Ecs codes first, then Pdp, then Common, each by number', () => {
    const prefixes = ecs.entries.map((e) => e.prefix);
    expect([...new Set(prefixes)]).toEqual(['Ecs', 'Pdp', 'Common']);
    for (const prefix of ['Ecs', 'Common']) {
      const numbers = ecs.entries.filter((e) => e.prefix === prefix).map((e) => Number(e.number));
      expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    }
  });

  it("keeps Pdp.0001's ASCII apostrophe in doesn't", () => {
    const message = entryOf(ecs, 'Pdp.0001').variants[0].message;
    expect(message.text).toBe("Policy doesn't allow %s to be performed.");
    expect(message.html).toContain("doesn't");
  });

  it('marks the slot of Ecs.0010 in its message HTML', () => {
    expect(entryOf(ecs, 'Ecs.0010').variants[0].message.html).toMatch(
      /^Private IP address <var class="slot"[^>]*>%s<\/var> is already in use\.$/,
    );
  });

  it('keeps the four notes above the table', () => {
    expect(ecs.notes).toHaveLength(4);
    expect(ecs.notes[3].html).toContain('<em>Elastic Cloud Server User Guide</em>');
  });
});

/** The catalogue of a fixture table in tests/rst/fixtures, with its warnings as text. */
function fixture(name: string, id = 'svc') {
  const file = `tests/rst/fixtures/${name}/input.rst`;
  const { catalogue, diagnostics, warnings } = buildCatalogue({
    id,
    file: 'input.rst',
    text: readFileSync(file, 'utf8'),
  });
  expect(diagnostics).toEqual([]);
  return { catalogue: catalogue!, warnings: warnings.map(formatDiagnostic) };
}

describe('tables of every shape', () => {
  it('gives codes of every shape a readable slug and a prefix where they have one; by prefix, numbers first, then names in table order', () => {
    const { catalogue } = fixture('code-shapes');
    expect(catalogue.entries.map((e) => [e.code, e.slug, e.prefix, e.number])).toEqual([
      ['Ecs.0010', 'ecs-0010', 'Ecs', '0010'],
      ['0171', '0171', '', '0171'],
      ['111400002', '111400002', '', '111400002'],
      ['BadDigest', 'baddigest', '', ''],
      ['Request-URI Too Large', 'request-uri-too-large', '', ''],
      ['CCI.01.400101', 'cci-01-400101', 'CCI.01', '400101'],
      ['DRS.M00002', 'drs-m00002', 'DRS.M', '00002'],
      ['SVCSTG_AMS_4000115', 'svcstg-ams-4000115', 'SVCSTG_AMS', '4000115'],
      ['KMS.DisabledException', 'kms-disabledexception', 'KMS', ''],
    ]);
  });

  it('makes a row with several statuses one variant that answers to each status anchor not taken', () => {
    const { catalogue } = fixture('several-statuses');
    expect(
      catalogue.entries.map((e) => e.variants.map((v) => [e.code, v.statuses, v.statusText, v.anchor, v.anchors])),
    ).toEqual([
      [['DNS.0001', [400, 404, 500], undefined, 'http-400', ['http-404', 'http-500']]],
      [['DNS.0002', [400, 404], undefined, 'http-400', ['http-404']]],
      [['DNS.0003', [400, 409], undefined, 'http-400', ['http-409']]],
      [['AccessDenied', [403], '403 Forbidden', 'http-403', undefined]],
    ]);
  });

  it('leaves a status anchor to the row that has it first', () => {
    const text = rstTable([
      [404, 'Ecs.0100', 'Not found.'],
      [400, 'Ecs.0100', 'Bad.'],
    ]).replace('| 400    ', '| 400/404');
    const { catalogue } = buildCatalogue({ id: 'ecs', file: 'x.rst', text });
    expect(catalogue!.entries[0].variants.map((v) => [v.statuses, v.anchor, v.anchors])).toEqual([
      [[404], 'http-404', undefined],
      [[400, 404], 'http-400', undefined],
    ]);
  });

  it('numbers rows without a status row-1, row-2', () => {
    const { catalogue } = fixture('no-status-column');
    expect(catalogue.entries.map((e) => [e.code, e.variants.map((v) => [v.statuses, v.anchor])])).toEqual([
      ['KMS.DisabledException', [[[], 'row-1']]],
      ['BadDigest', [[[], 'row-1']]],
    ]);
  });

  it('shows a group column’s value on every row of its group', () => {
    const { catalogue } = fixture('group-cells');
    expect(
      catalogue.entries.map((e) => [e.code, e.variants[0].other?.map((o) => `${o.header}: ${o.value.text}`)]),
    ).toEqual([
      ['VPC.0001', ['Module: VPC']],
      ['VPC.0002', ['Module: VPC']],
      ['VPC.0101', ['Module: EIP']],
      ['VPC.0102', ['Module: EIP']],
    ]);
  });

  it('keeps the tables of a file with their captions, and each row its table', () => {
    const { catalogue } = fixture('several-tables');
    expect(catalogue.tables).toEqual([
      { caption: 'V3 error codes', line: 21 },
      { caption: 'Trove error codes', line: 33 },
    ]);
    expect(catalogue.entries.map((e) => [e.code, e.variants.map((v) => v.table)])).toEqual([
      ['DBS.200001', [0]],
      ['DBS.200002', [0]],
      ['badRequest', [1]],
      ['itemNotFound', [1]],
    ]);
  });

  it('matches a table without a message column by its description', () => {
    const { catalogue } = fixture('several-tables');
    const [variant] = entryOf(catalogue, 'DBS.200002').variants;
    expect([variant.message.text, variant.template]).toEqual([
      '',
      [{ kind: 'text', text: 'The DB instance does not exist.' }],
    ]);
  });

  it('gives two codes that would share a URL two URLs, with a warning naming both', () => {
    const text = rstTable([
      [400, 'Bad-Digest', 'One.'],
      [400, 'Bad_Digest', 'Two.'],
    ]);
    const { catalogue, warnings } = buildCatalogue({ id: 'obs', file: 'x.rst', text });
    expect(catalogue!.entries.map((e) => e.slug)).toEqual([
      'bad-digest',
      expect.stringMatching(/^bad-digest-[0-9a-f]{6}$/),
    ]);
    const second = catalogue!.entries[1].slug;
    expect(warnings.map(formatDiagnostic)).toEqual([
      `x.rst:10:52: warning: Bad_Digest and Bad-Digest would share a URL: Bad_Digest gets /obs/${second}/`,
    ]);
  });

  it('reads a code with a space after its separator as the code without it, with a warning', () => {
    const { catalogue, warnings } = fixture('code-space-after-dot');
    expect(catalogue.entries.map((e) => [e.code, e.slug])).toEqual([
      ['DCS.4855', 'dcs-4855'],
      ['DCS.4856', 'dcs-4856'],
    ]);
    expect(warnings).toEqual([
      'input.rst:7:17: warning: error code "DCS. 4855" has a space next to a separator: read as "DCS.4855"',
    ]);
  });
});
