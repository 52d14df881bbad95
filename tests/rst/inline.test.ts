import type { Nodes, Root } from 'mdast';
import { describe, expect, it } from 'vitest';
import { rstToMdast } from '../../src/lib/rst/inline.ts';

/** A compact picture of a tree: `type` for parents, `type:value` for leaves. */
function shape(node: Nodes): unknown {
  if ('children' in node) return { [node.type]: node.children.map(shape) };
  return 'value' in node ? `${node.type}:${node.value}` : node.type;
}

/** The phrasing content of a one-paragraph tree. */
function inline(text: string): unknown {
  const root = rstToMdast(text);
  expect(root.children).toHaveLength(1);
  return (shape(root.children[0]) as { paragraph: unknown }).paragraph;
}

function findTypes(node: Nodes): string[] {
  return [node.type, ...('children' in node ? node.children.flatMap(findTypes) : [])];
}

describe('rstToMdast', () => {
  it('reads strong text around an underscore word', () => {
    expect(inline('The token role contains **op_suspended**. Not allowed.')).toEqual([
      'text:The token role contains ',
      { strong: ['text:op_suspended'] },
      'text:. Not allowed.',
    ]);
  });

  it('reads an escaped underscore inside strong text', () => {
    expect(inline('Check the **\\__system__server_id** value.')).toEqual([
      'text:Check the ',
      { strong: ['text:__system__server_id'] },
      'text: value.',
    ]);
  });

  it('reads emphasis and inline literals, keeping backslashes inside literals', () => {
    expect(inline('A *quota* of ``C:\\temp <x>``.')).toEqual([
      'text:A ',
      { emphasis: ['text:quota'] },
      'text: of ',
      'inlineCode:C:\\temp <x>',
      'text:.',
    ]);
  });

  it('leaves asterisks that RST does not read as markup', () => {
    expect(inline('2*3*4 and a * b and a*b* and "*" and ** x**')).toEqual([
      'text:2*3*4 and a * b and a*b* and "*" and ** x**',
    ]);
  });

  it('leaves an unclosed start-string as text', () => {
    expect(inline('**open and *half')).toEqual(['text:**open and *half']);
  });

  it('reads backslash escapes as the escaped character, and an escaped space as nothing', () => {
    expect(inline('a\\_b \\*c\\* d\\\\e f\\ g')).toEqual(['text:a_b *c* d\\e fg']);
  });

  it('allows markup right after an escaped space', () => {
    expect(inline('H\\ **2**\\ O')).toEqual(['text:H', { strong: ['text:2'] }, 'text:O']);
  });

  it('reads strong text that CommonMark could not delimit in place (punctuation inside, a letter outside)', () => {
    expect(inline('**foo.**\\ bar and *(x)*\\ y')).toEqual([
      { strong: ['text:foo.'] },
      'text:bar and ',
      { emphasis: ['text:(x)'] },
      'text:y',
    ]);
  });

  it('keeps Markdown syntax and HTML literal', () => {
    const text = '# [x](y) <img src=x onerror=alert(1)> &amp; %s __init__ 1. _a_ > q | t ~~s~~ <b>x</b>';
    expect(inline(text)).toEqual([`text:${text}`]);
  });

  it('never produces html nodes', () => {
    const root = rstToMdast('<script>alert(1)</script>\n\n<div>\n\n- <b>x</b>\n\n**<i>**');
    expect(findTypes(root as Nodes)).not.toContain('html');
  });

  it('joins the lines of a paragraph with one space and splits paragraphs at blank lines', () => {
    expect(shape(rstToMdast('one\ntwo\n\nthree'))).toEqual({
      root: [{ paragraph: ['text:one two'] }, { paragraph: ['text:three'] }],
    });
  });

  it('reads a bullet list with continuation lines after a paragraph', () => {
    expect(shape(rstToMdast('Reasons:\n\n-  first\n   reason\n-  **second**'))).toEqual({
      root: [
        { paragraph: ['text:Reasons:'] },
        {
          list: [
            { listItem: [{ paragraph: ['text:first reason'] }] },
            { listItem: [{ paragraph: [{ strong: ['text:second'] }] }] },
          ],
        },
      ],
    });
  });

  it('reads a nested bullet list', () => {
    const root = rstToMdast('* a\n\n  + b\n  + c\n\n* d') as Root;
    expect(shape(root)).toEqual({
      root: [
        {
          list: [
            {
              listItem: [
                { paragraph: ['text:a'] },
                { list: [{ listItem: [{ paragraph: ['text:b'] }] }, { listItem: [{ paragraph: ['text:c'] }] }] },
              ],
            },
            { listItem: [{ paragraph: ['text:d'] }] },
          ],
        },
      ],
    });
  });

  it('keeps a bullet line that directly continues a paragraph as paragraph text', () => {
    expect(shape(rstToMdast('Text\n- not an item'))).toEqual({ root: [{ paragraph: ['text:Text - not an item'] }] });
  });

  it('keeps two lists with different bullets apart', () => {
    const root = rstToMdast('- a\n\n* b');
    expect(root.children.map((c) => c.type)).toEqual(['list', 'list']);
  });

  it('reads a note directive as a block quote headed "Note", and drops comments', () => {
    expect(shape(rstToMdast('Do this.\n\n.. note::\n\n   Mind *that*.\n\n.. a comment\n   on two lines'))).toEqual({
      root: [
        { paragraph: ['text:Do this.'] },
        {
          blockquote: [
            { paragraph: [{ strong: ['text:Note'] }] },
            { paragraph: ['text:Mind ', { emphasis: ['text:that'] }, 'text:.'] },
          ],
        },
      ],
    });
  });

  it('returns an empty root for an empty cell', () => {
    expect(rstToMdast('')).toEqual({ type: 'root', children: [] });
  });

  it('carries no positions, since they would point into generated Markdown', () => {
    expect(JSON.stringify(rstToMdast('**a** b\n\n- c'))).not.toContain('position');
  });
});
