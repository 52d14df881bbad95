import { describe, expect, it } from 'vitest';
import { readGridTables } from '../../src/lib/rst/grid-table.ts';

/** The first table of a document and every diagnostic, the way the tests below look at one table. */
function readGridTable(text: string, file: string) {
  const { tables, diagnostics } = readGridTables(text, file);
  return { table: tables[0], diagnostics };
}

const TABLE = ['+-----+------+', '| A   | B    |', '+=====+======+', '| 1   | one  |', '+-----+------+'].join('\n');

describe('readGridTable', () => {
  it('reads the header, the rows and the position of every cell', () => {
    const { table, diagnostics } = readGridTable(`Title\n=====\n\n${TABLE}\n`, 'x.rst');
    expect(diagnostics).toEqual([]);
    expect(table).toEqual({
      header: [
        { text: 'A', line: 5, column: 3 },
        { text: 'B', line: 5, column: 9 },
      ],
      rows: [
        {
          line: 7,
          cells: [
            { text: '1', line: 7, column: 3 },
            { text: 'one', line: 7, column: 9 },
          ],
        },
      ],
      notes: [],
      line: 4,
      column: 1,
    });
  });

  it('locates an empty cell at its first interior position', () => {
    const text = TABLE.replace('| 1   | one  |', '| 1   |      |');
    expect(readGridTable(text, 'x.rst').table?.rows[0].cells[1]).toEqual({ text: '', line: 4, column: 8 });
  });

  it('collects bullet notes before the table, joining continuation lines, skipping directive bodies', () => {
    const text = [
      'Context',
      '-------',
      '',
      '-  First note',
      '   goes on.',
      '*  Second note with *emphasis*.',
      '',
      '+  Third note.',
      '',
      '   Its second paragraph.',
      '',
      '.. note::',
      '',
      '   - Inside a directive.',
      '',
      '.. _label:',
      '',
      'A paragraph',
      '- that is not a list.',
      '',
      TABLE,
      '',
      '- After the table.',
    ].join('\n');
    expect(readGridTable(text, 'x.rst').table?.notes).toEqual([
      'First note goes on.',
      'Second note with *emphasis*.',
      'Third note.\n\nIts second paragraph.',
    ]);
  });

  it("reads notes with the cells' block reader: an item's lines join one paragraph, an indented list is a quote, no note", () => {
    const text = [
      '-  First note',
      '',
      '   - sub one',
      '   - sub two',
      '',
      '-  Second note',
      '   wraps',
      '     unevenly.',
      '',
      'Text.',
      '',
      '   - Quoted.',
      '',
      TABLE,
    ].join('\n');
    expect(readGridTable(text, 'x.rst').table?.notes).toEqual([
      'First note\n\n- sub one - sub two',
      'Second note wraps unevenly.',
    ]);
  });

  it('reads an indented table', () => {
    const indented = TABLE.split('\n')
      .map((line) => `   ${line}`)
      .join('\n');
    const { table, diagnostics } = readGridTable(indented, 'x.rst');
    expect(diagnostics).toEqual([]);
    expect(table?.rows[0].cells[1]).toEqual({ text: 'one', line: 4, column: 12 });
  });

  it('keeps a content "|" that does not sit on a column border', () => {
    const text = TABLE.replace('| 1   | one  |', '| a|b | one  |');
    const { table, diagnostics } = readGridTable(text, 'x.rst');
    expect(diagnostics).toEqual([]);
    expect(table?.rows[0].cells[0].text).toBe('a|b');
  });

  it('joins a header split over two rows line by line', () => {
    const text = ['+------+', '| HTTP |', '+------+', '| Code |', '+======+', '| 400  |', '+------+'].join('\n');
    expect(readGridTable(text, 'x.rst').table?.header).toEqual([{ text: 'HTTP\nCode', line: 2, column: 3 }]);
  });

  it('reports a second header rule', () => {
    const text = `${TABLE}\n| 2   | two  |\n+=====+======+\n`;
    expect(readGridTable(text, 'x.rst').diagnostics).toEqual([
      { file: 'x.rst', line: 7, column: 1, message: 'table has more than one header rule (+===+)' },
    ]);
  });

  it('reports a top border that breaks off before its second "+", and reads no table from it', () => {
    const { tables, diagnostics } = readGridTables(TABLE.replace('+-----+------+', '+--x---------+'), 'x.rst');
    expect(tables).toEqual([]);
    expect(diagnostics.map((d) => `${d.line}:${d.column}: ${d.message}`)).toEqual([
      '1:4: border line does not match the table\'s columns (expected "-" at column 4)',
      '1:15: the table\'s top border does not end with "+"',
    ]);
  });

  it('reports a header row with no header rule under it, and a last row with no closing border', () => {
    const text = ['+-----+------+', '| A   | B    |', '+-----+------+', '| 1   | one  |'].join('\n');
    expect(readGridTable(text, 'x.rst').diagnostics.map((d) => `${d.line}:${d.column}: ${d.message}`)).toEqual([
      '1:1: table has no header rule (+===+) under its header row',
      '4:1: file ends inside the table (the last row has no closing border)',
    ]);
  });

  it('reports every broken line of a multi-line row, and does not return the row', () => {
    const text = TABLE.replace('| 1   | one  |', '| 1   | one  |\n| 1    two   |\n| 1   | two   |');
    const { table, diagnostics } = readGridTable(text, 'x.rst');
    expect(diagnostics.map((d) => `${d.line}:${d.column}: ${d.message}`)).toEqual([
      '5:7: row has 1 cells, the header has 2 (is a | missing?)',
      '6:14: cell border "|" expected at column 14, found " "',
    ]);
    expect(table?.rows).toEqual([]);
  });

  it('never throws on odd input', () => {
    for (const text of ['', '\n\n', '+-', '+--+', '+--+\n|', '+--+\n+==+\n+--+', '\uFEFF+--+\r\n| a |']) {
      expect(() => readGridTable(text, 'x.rst')).not.toThrow();
    }
  });
});
