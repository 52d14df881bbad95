import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { toMarkdown as serialize } from 'mdast-util-to-markdown';
import type { Root } from 'mdast';
import { toHtml, toMarkdown, toPlainText } from '../../src/lib/rst/markup.ts';
import { readErrorTable } from '../../src/lib/rst/error-table.ts';
import { rstToMdast } from '../../src/lib/rst/inline.ts';

/** The same cell forced through remark: a trailing markup paragraph defeats the plain-text path. */
function throughRemark(text: string) {
  const root = rstToMdast(`${text}\n\n*x*`);
  root.children.pop();
  return root;
}

describe('cells without markup', () => {
  const { table } = readErrorTable(readFileSync('content/ecs/error-codes.rst', 'utf8'), 'content/ecs/error-codes.rst');
  const cells = table!.rows.flatMap((row) => [row.message, row.description, row.solution]);

  test('give the same tree, HTML and text as remark for every cell of the ECS table', () => {
    const different = cells.filter((cell) => {
      const fast = rstToMdast(cell.text);
      const slow = throughRemark(cell.text);
      return (
        JSON.stringify(fast) !== JSON.stringify(slow) ||
        toHtml(fast) !== toHtml(slow) ||
        toPlainText(fast) !== toPlainText(slow)
      );
    });
    expect(different.map((c) => `${c.line}:${c.column} ${c.text}`)).toEqual([]);
  });

  test('a cell that wraps over several lines is one paragraph with the lines joined by a space', () => {
    expect(rstToMdast('Check the request\nbody and retry.')).toEqual({
      type: 'root',
      children: [{ type: 'paragraph', children: [{ type: 'text', value: 'Check the request body and retry.' }] }],
    });
  });
});

/** A tree written by mdast-util-to-markdown itself, with the options the site writes cells with. */
function serialized(root: Root): string {
  return serialize(root, { bullet: '-', emphasis: '_', fences: true, listItemIndent: 'one' }).replace(/\n+$/, '');
}

/** One paragraph of one text node, as the RST reader builds a plain cell. */
function plain(value: string): Root {
  return { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', value }] }] };
}

describe('cells whose text Markdown reads as itself', () => {
  const { table } = readErrorTable(readFileSync('content/ecs/error-codes.rst', 'utf8'), 'content/ecs/error-codes.rst');
  const cells = table!.rows.flatMap((row) => [row.message, row.description, row.solution]);

  test('are written as mdast-util-to-markdown writes them, for every cell of the ECS table', () => {
    const different = cells.filter((cell) => toMarkdown(rstToMdast(cell.text)) !== serialized(rstToMdast(cell.text)));
    expect(different.map((c) => `${c.line}:${c.column} ${c.text}`)).toEqual([]);
  });

  test('leave the serializer every text it would escape or encode', () => {
    for (const value of [
      '- not a list',
      '+ not a list',
      '1. not a list',
      '2) not a list',
      '> not a quote',
      '= not a heading',
      ' leading space',
      'trailing space ',
      'a *b*',
      'a_b_',
      '&amp;',
      '#1',
      '~~~',
      '![x',
      'a <b>',
      'a\\b',
      '`x`',
      'plain text, 1.5 GB, -1, 100%, (a) [b',
    ])
      expect(toMarkdown(plain(value)), value).toBe(serialized(plain(value)));
  });
});
