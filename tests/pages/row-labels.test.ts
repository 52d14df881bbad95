import { describe, expect, it } from 'vitest';
import type { Variant } from '../../src/lib/catalogue/catalogue.ts';
import { labelRows, shorten } from '../../src/lib/pages/row-labels.ts';

const text = (t: string) => ({ text: t, html: t, markdown: t });

/** A row with a status, a message and optionally a Module column. */
function row(
  status: number,
  anchor: string,
  message: string,
  extra: { module?: string; description?: string; table?: number } = {},
): Variant {
  return {
    statuses: [status],
    anchor,
    message: text(message),
    template: [],
    description: text(extra.description ?? 'Invalid EIP parameters.'),
    solution: text('Check the parameters.'),
    ...(extra.module === undefined ? {} : { other: [{ header: 'Module', value: text(extra.module) }] }),
    ...(extra.table === undefined ? {} : { table: extra.table }),
    line: 1,
  };
}

const texts = (variants: Variant[], captions?: string[]) => labelRows(variants, captions).map((l) => l.text);

describe('row labels', () => {
  it('name each row by its status when the statuses differ', () => {
    expect(
      texts([
        row(400, 'http-400', 'Failed to call the Nova API because %s.'),
        row(404, 'http-404', 'itemNotFound: xxx could not be found.'),
      ]),
    ).toEqual(['HTTP 400 Bad Request', 'HTTP 404 Not Found']);
  });

  it('name a lone row by its status', () => {
    expect(texts([row(409, 'http-409', 'Conflict.')])).toEqual(['HTTP 409 Conflict']);
  });

  it('add the Module when rows of one status differ by module', () => {
    expect(
      texts([
        row(400, 'http-400', 'Bandwidth share_type is invalid.', { module: 'Assigning an EIP' }),
        row(400, 'http-400-2', 'Invalid floatingip_id.', { module: 'Querying an EIP' }),
        row(400, 'http-400-3', 'Invalid limit.', { module: 'Querying EIPs' }),
      ]),
    ).toEqual(['HTTP 400 · Assigning an EIP', 'HTTP 400 · Querying an EIP', 'HTTP 400 · Querying EIPs']);
  });

  it('keep the status alone for the one row of its status and add the module to the others', () => {
    expect(
      texts([
        row(400, 'http-400', 'Invalid param.', { module: 'Releasing an EIP' }),
        row(404, 'http-404', 'Floating IP could not be found.', { module: 'Releasing an EIP' }),
        row(400, 'http-400-2', 'Port id is invalid.', { module: 'Updating an EIP' }),
      ]),
    ).toEqual(['HTTP 400 · Releasing an EIP', 'HTTP 404 Not Found', 'HTTP 400 · Updating an EIP']);
  });

  it('add the message when rows of one status have no module and differ by message', () => {
    expect(texts([row(400, 'http-400', 'Invalid limit.'), row(400, 'http-400-2', 'Invalid marker.')])).toEqual([
      'HTTP 400 · Invalid limit.',
      'HTTP 400 · Invalid marker.',
    ]);
  });

  it('add the message when rows share a module but differ by message', () => {
    expect(
      texts([
        row(400, 'http-400', 'Invalid limit.', { module: 'Querying EIPs' }),
        row(400, 'http-400-2', 'Invalid marker.', { module: 'Querying EIPs' }),
      ]),
    ).toEqual(['HTTP 400 · Invalid limit.', 'HTTP 400 · Invalid marker.']);
  });

  it('combine the module and the message when neither tells every row apart', () => {
    expect(
      texts([
        row(400, 'http-400', 'Invalid limit.', { module: 'Querying EIPs' }),
        row(400, 'http-400-2', 'Invalid marker.', { module: 'Querying EIPs' }),
        row(400, 'http-400-3', 'Invalid limit.', { module: 'Querying ports' }),
      ]),
    ).toEqual([
      'HTTP 400 · Querying EIPs · Invalid limit.',
      'HTTP 400 · Querying EIPs · Invalid marker.',
      'HTTP 400 · Querying ports · Invalid limit.',
    ]);
  });

  it('start a long message where it differs from the others when cutting it would make them read the same', () => {
    expect(
      texts([
        row(400, 'http-400', 'The request body is invalid because the field availability_zone is missing.'),
        row(400, 'http-400-2', 'The request body is invalid because the field flavor is missing.'),
      ]),
    ).toEqual(['HTTP 400 · …availability_zone is missing.', 'HTTP 400 · …flavor is missing.']);
  });

  it('cut a long message at a word', () => {
    expect(
      texts([
        row(400, 'http-400', 'Failed to query the flavors because the availability zone %s does not exist.'),
        row(400, 'http-400-2', 'Invalid marker.'),
      ]),
    ).toEqual(['HTTP 400 · Failed to query the flavors because the…', 'HTTP 400 · Invalid marker.']);
  });

  it('add the table caption when the rows come from different tables', () => {
    expect(
      texts(
        [row(400, 'http-400', 'Invalid limit.', { table: 0 }), row(400, 'http-400-2', 'Invalid limit.', { table: 1 })],
        ['V3 error codes', 'V1 error codes'],
      ),
    ).toEqual(['HTTP 400 · V3 error codes', 'HTTP 400 · V1 error codes']);
  });

  it('number the rows that say the same in every cell, after the first', () => {
    expect(texts([row(400, 'http-400', 'Invalid limit.'), row(400, 'http-400-2', 'Invalid limit.')])).toEqual([
      'HTTP 400 Bad Request',
      'HTTP 400 Bad Request (2)',
    ]);
  });

  it('say where the words that tell a row apart come from', () => {
    const labels = labelRows([
      row(400, 'http-400', 'a', { module: 'Querying EIPs' }),
      row(400, 'http-400-2', 'b', { module: 'Querying an EIP' }),
      row(404, 'http-404', 'c'),
    ]);
    expect(labels.map(({ badge, detail, from }) => ({ badge, detail, from }))).toEqual([
      { badge: 'HTTP 400', detail: 'Querying EIPs', from: 'column' },
      { badge: 'HTTP 400', detail: 'Querying an EIP', from: 'column' },
      { badge: 'HTTP 404', detail: 'Not Found', from: 'status' },
    ]);
  });
});

describe('shortening a cell for a label', () => {
  it('keeps a short text whole, with its whitespace collapsed', () => {
    expect(shorten('Invalid\n  limit.')).toBe('Invalid limit.');
  });

  it('cuts a long text at the last word that fits and ends it in an ellipsis', () => {
    expect(shorten('Failed to query the flavors because the availability zone %s does not exist.')).toBe(
      'Failed to query the flavors because the…',
    );
  });
});
