import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { toHtml, toPlainText } from '../../src/lib/rst/markup.ts';
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
