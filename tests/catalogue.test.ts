import { describe, expect, it } from 'vitest';
import { buildCatalogue, countRows, type CodeEntry, type ServiceCatalogue } from '../src/lib/catalogue';
import { loadServices } from '../src/lib/load-content';

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
    ...rows.flatMap(([status, code, message]) => [line([String(status), code, message, `About ${code}.`, 'Try again.']), rule('-')]),
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
    const html = build(rstTable([[400, 'Ecs.0202', 'Failed to create volume %s because %s.']])).entries[0].variants[0].message.html;
    expect(html.match(/<var class="slot"[^>]*>%s<\/var>/g)).toHaveLength(2);
    expect(html.replace(/<[^>]+>/g, '')).toBe('Failed to create volume %s because %s.');
  });

  it('splits the message into literal text and slots', () => {
    const template = build(rstTable([[400, 'Ecs.0010', 'Private IP address %s is already in use.']])).entries[0].variants[0].template;
    expect(template).toEqual([
      { kind: 'text', text: 'Private IP address ' },
      { kind: 'slot', slot: '%s' },
      { kind: 'text', text: ' is already in use.' },
    ]);
  });

  it('keeps straight quotes, never turning them into typographic ones', () => {
    const message = build(rstTable([[403, 'Pdp.0001', `Policy doesn't allow "%s" to be performed.`]])).entries[0].variants[0].message;
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
    expect(entryOf(ecs, 'Ecs.0010').variants[0].message.html).toMatch(/^Private IP address <var class="slot"[^>]*>%s<\/var> is already in use\.$/);
  });

  it('keeps the four notes above the table', () => {
    expect(ecs.notes).toHaveLength(4);
    expect(ecs.notes[3].html).toContain('<em>Elastic Cloud Server User Guide</em>');
  });
});
