import type { Nodes } from 'mdast';
import { describe, expect, it } from 'vitest';
import { toHtml, toPlainText } from '../../src/lib/rst/markup.ts';
import { rstToMdast } from '../../src/lib/rst/inline.ts';

// Expected readings were taken from docutils 0.19 (publish_doctree) by hand; these tests never run it.

/** A compact picture of a tree: `type` for parents (with hName / url when set), `type:value` for leaves. */
function shape(node: Nodes): unknown {
  if ('children' in node) {
    const hName = (node.data as { hName?: string } | undefined)?.hName;
    const key = node.type === 'link' ? `link:${node.url}` : hName ? `${node.type}:${hName}` : node.type;
    return { [key]: node.children.map(shape) };
  }
  return 'value' in node ? `${node.type}:${node.value}` : node.type;
}

function inline(text: string): unknown {
  const root = rstToMdast(text);
  expect(root.children).toHaveLength(1);
  return (shape(root.children[0]) as { paragraph: unknown }).paragraph;
}

const blocks = (text: string) => (shape(rstToMdast(text)) as { root: unknown }).root;
const plain = (text: string) => toPlainText(rstToMdast(text));

describe('interpreted text roles', () => {
  it('reads :literal: with its escapes resolved and :code: with them kept', () => {
    expect(inline(':literal:`\\`` :literal:`a\\*b` :code:`a\\*b`')).toEqual([
      'inlineCode:`',
      'text: ',
      'inlineCode:a*b',
      'text: ',
      'inlineCode:a\\*b',
    ]);
  });

  it('reads :emphasis:, :strong:, :sup:, :sub: and title references (emphasis shown as <cite>)', () => {
    const text = ':emphasis:`e` :strong:`s` :sup:`2` :subscript:`x` :title-reference:`t` `d`';
    expect(inline(text)).toEqual([
      { emphasis: ['text:e'] },
      'text: ',
      { strong: ['text:s'] },
      'text: ',
      { 'emphasis:sup': ['text:2'] },
      'text: ',
      { 'emphasis:sub': ['text:x'] },
      'text: ',
      { 'emphasis:cite': ['text:t'] },
      'text: ',
      { 'emphasis:cite': ['text:d'] },
    ]);
    expect(toHtml(rstToMdast('H :sub:`2` O, x :sup:`2`, `Title`'))).toBe(
      '<p>H <sub>2</sub> O, x <sup>2</sup>, <cite>Title</cite></p>',
    );
    expect(plain(text)).toBe('e s 2 x t d');
  });

  it('shows Sphinx roles as their display text, prefix or suffix', () => {
    const text = 'See :ref:`Table 2 <obs_04_0115__d0e843>`, :ref:`target`, `API`:term: and :py:func:`~a.b.c`.';
    expect(inline(text)).toEqual(['text:See Table 2, target, API and c.']);
  });
});

describe('hyperlinks', () => {
  it('reads embedded URIs, standalone URIs and references', () => {
    const text =
      '`text <https://example.com>`__, `t2 <https://e.com/a_b>`_, https://example.com/x. word_ `two words`_ `<https://x.org>`_';
    expect(inline(text)).toEqual([
      { 'link:https://example.com': ['text:text'] },
      'text:, ',
      { 'link:https://e.com/a_b': ['text:t2'] },
      'text:, ',
      { 'link:https://example.com/x': ['text:https://example.com/x'] },
      'text:. word two words ',
      { 'link:https://x.org': ['text:https://x.org'] },
    ]);
    expect(plain(text)).toBe('text, t2, https://example.com/x. word two words https://x.org');
  });

  it('links e-mail addresses with mailto:', () => {
    expect(inline('Mail a.b@example.com.')).toEqual([
      'text:Mail ',
      { 'link:mailto:a.b@example.com': ['text:a.b@example.com'] },
      'text:.',
    ]);
  });

  it('keeps javascript:, data: and relative URLs as text', () => {
    const text = '`bad <javascript:alert(1)>`__ javascript:alert(1) `rel <foo/bar.html>`_ data:text/html,x';
    expect(inline(text)).toEqual(['text:bad javascript:alert(1) rel data:text/html,x']);
    expect(toHtml(rstToMdast(text))).not.toContain('href');
  });

  it('does not link a URI after a word docutils takes for an unknown scheme', () => {
    expect(inline('Error:http://x.com here')).toEqual(['text:Error:http://x.com here']);
  });
});

describe('text that stays literal', () => {
  it('shows substitutions, bars, notes, targets, keys and entities as text', () => {
    const text = '|name| and | and [1]_ and _`target` and <key> and <x:x:x> and \\**\\* and &amp;';
    expect(inline(text)).toEqual(['text:|name| and | and [1] and target and <key> and <x:x:x> and *** and &amp;']);
  });

  it('renders hostile HTML as text', () => {
    const text = '<script>alert(1)</script> <img src=x onerror=alert(1)> `x <javascript:alert(1)>`__';
    const html = toHtml(rstToMdast(text));
    expect(html).toBe('<p>&#x3C;script>alert(1)&#x3C;/script> &#x3C;img src=x onerror=alert(1)> x</p>');
    expect(plain(text)).toBe('<script>alert(1)</script> <img src=x onerror=alert(1)> x');
  });

  it('keeps role-like text inside literals and strong text', () => {
    expect(inline('``:ref:`x``` **a :ref:`b`**')).toEqual([
      'inlineCode::ref:`x`',
      'text: ',
      { strong: ['text:a :ref:`b`'] },
    ]);
  });
});

describe('directives', () => {
  it('reads a note with a list and several paragraphs', () => {
    expect(blocks('.. note::\n\n   - a\n   - b\n\n   Second.')).toEqual([
      {
        blockquote: [
          { paragraph: [{ strong: ['text:Note'] }] },
          { list: [{ listItem: [{ paragraph: ['text:a'] }] }, { listItem: [{ paragraph: ['text:b'] }] }] },
          { paragraph: ['text:Second.'] },
        ],
      },
    ]);
  });

  it('reads an admonition with its title, and a warning starting on the directive line', () => {
    expect(blocks('.. admonition:: My Title\n\n   Body.\n\n.. warning:: First\n   line')).toEqual([
      { blockquote: [{ paragraph: [{ strong: ['text:My Title'] }] }, { paragraph: ['text:Body.'] }] },
      { blockquote: [{ paragraph: [{ strong: ['text:Warning'] }] }, { paragraph: ['text:First line'] }] },
    ]);
  });

  it('reads code-block and code bodies as code, without options', () => {
    const root = rstToMdast('.. code-block:: console\n   :linenos:\n\n   $ ls\n   $ echo 1\n\n.. code::\n\n   x = 1');
    expect(root.children).toEqual([
      { type: 'code', lang: 'console', meta: null, value: '$ ls\n$ echo 1' },
      { type: 'code', lang: null, meta: null, value: 'x = 1' },
    ]);
  });

  it('keeps the body of an unknown directive; comments and targets print nothing', () => {
    expect(blocks('.. unknown:: arg\n\n   kept\n\n.. a comment\n   more\n\n.. _x:\n\nEnd.')).toEqual([
      { paragraph: ['text:kept'] },
      { paragraph: ['text:End.'] },
    ]);
  });
});

describe('lists', () => {
  it('reads enumerated lists with their start and type', () => {
    const root = rstToMdast('2) two\n3) three');
    expect(root.children[0]).toMatchObject({ type: 'list', ordered: true, start: 2 });
    expect(rstToMdast('(a) x\n(b) y').children[0]).toMatchObject({ start: 1, data: { hProperties: { type: 'a' } } });
    expect(rstToMdast('i. x\nii. y').children[0]).toMatchObject({ start: 1, data: { hProperties: { type: 'i' } } });
    expect(toHtml(root)).toBe('<ol start="2">\n<li>two</li>\n<li>three</li>\n</ol>');
    expect(plain('2) two\n3) three')).toBe('2. two\n3. three');
    expect(plain('(a) x\n(b) y')).toBe('a. x\nb. y');
  });

  it('counts Roman numeral lists from their first numeral and writes them back in plain text', () => {
    const root = rstToMdast('iv. four\nv. five');
    expect(root.children[0]).toMatchObject({ type: 'list', start: 4, data: { hProperties: { type: 'i' } } });
    expect(toHtml(root)).toBe('<ol start="4" type="i">\n<li>four</li>\n<li>five</li>\n</ol>');
    expect(toPlainText(root)).toBe('iv. four\nv. five');
    expect(plain('(XLVIII) a\n(XLIX) b')).toBe('XLVIII. a\nXLIX. b');
  });

  it('reads a numeral that is not well formed, or a sequence that skips one, as text', () => {
    expect(blocks('iiii. text\nmore')).toEqual([{ paragraph: ['text:iiii. text more'] }]);
    expect(blocks('ix. a\nxi. b')).toEqual([{ paragraph: ['text:ix. a xi. b'] }]);
  });

  it('reads auto-numbered and one-item lists', () => {
    expect(blocks('#. a\n#. b')).toEqual([
      { list: [{ listItem: [{ paragraph: ['text:a'] }] }, { listItem: [{ paragraph: ['text:b'] }] }] },
    ]);
    expect(blocks('1. only')).toEqual([{ list: [{ listItem: [{ paragraph: ['text:only'] }] }] }]);
  });

  it('reads "1." as text when the next line continues it or the sequence breaks', () => {
    expect(blocks('1. text\nthat goes on')).toEqual([{ paragraph: ['text:1. text that goes on'] }]);
    expect(blocks('Intro\n1. no list')).toEqual([{ paragraph: ['text:Intro 1. no list'] }]);
    expect(blocks('1. a\n2) b')).toEqual([{ paragraph: ['text:1. a 2) b'] }]);
  });

  it('reads items with several paragraphs and a nested list', () => {
    expect(blocks('1. a\n\n   more\n\n   - x\n\n2. b')).toEqual([
      {
        list: [
          {
            listItem: [
              { paragraph: ['text:a'] },
              { paragraph: ['text:more'] },
              { list: [{ listItem: [{ paragraph: ['text:x'] }] }] },
            ],
          },
          { listItem: [{ paragraph: ['text:b'] }] },
        ],
      },
    ]);
  });

  it('reads a definition list as strong terms followed by their definitions', () => {
    expect(blocks('term\n   is *this*\nother : classifier\n   that')).toEqual([
      { paragraph: [{ strong: ['text:term'] }] },
      { paragraph: ['text:is ', { emphasis: ['text:this'] }] },
      { paragraph: [{ strong: ['text:other'] }] },
      { paragraph: ['text:that'] },
    ]);
  });
});

describe('paragraphs, line blocks and literal blocks', () => {
  it('keeps the lines of a line block apart', () => {
    expect(blocks('| one\n| *two*\n| cont\n  inued')).toEqual([
      { paragraph: ['text:one', 'break', { emphasis: ['text:two'] }, 'break', 'text:cont inued'] },
    ]);
    expect(plain('| one\n| two')).toBe('one\ntwo');
  });

  it('turns "::" into ":" or nothing and reads the indented block as code', () => {
    expect(blocks('Example::\n\n   lit *x*')).toEqual([{ paragraph: ['text:Example:'] }, 'code:lit *x*']);
    expect(blocks('Example ::\n\n   lit')).toEqual([{ paragraph: ['text:Example'] }, 'code:lit']);
    expect(blocks('::\n\n   lit')).toEqual(['code:lit']);
    expect(plain('Example::\n\n   lit')).toBe('Example:\n\nlit');
  });

  it('reads an indented block after a paragraph as a block quote', () => {
    expect(blocks('Intro:\n\n   quoted')).toEqual([
      { paragraph: ['text:Intro:'] },
      { blockquote: [{ paragraph: ['text:quoted'] }] },
    ]);
  });
});
