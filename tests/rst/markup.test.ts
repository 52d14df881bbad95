import { describe, expect, it } from 'vitest';
import { toHtml, toInlineHtml, toMarkdown, toPlainText } from '../../src/lib/rst/markup.ts';
import { rstToMdast } from '../../src/lib/rst/inline.ts';

describe('toHtml', () => {
  it('renders paragraphs and lists as blocks', () => {
    expect(toHtml(rstToMdast('One **bold**.\n\n- a\n- b'))).toBe(
      '<p>One <strong>bold</strong>.</p>\n<ul>\n<li>a</li>\n<li>b</li>\n</ul>',
    );
  });

  it('escapes HTML written in a cell', () => {
    expect(toHtml(rstToMdast('<img src=x onerror=alert(1)> & "q"'))).toBe(
      '<p>&#x3C;img src=x onerror=alert(1)> &#x26; "q"</p>',
    );
  });
});

describe('toMarkdown', () => {
  it('writes paragraphs, bold, literals, emphasis and lists as Markdown, without a final newline', () => {
    expect(toMarkdown(rstToMdast('One **bold** ``a<b`` *now*.\n\n- a\n- b'))).toBe(
      'One **bold** `a<b` _now_.\n\n- a\n- b',
    );
  });

  it('numbers an enumerated list whatever its enumerator, from its start', () => {
    expect(toMarkdown(rstToMdast('c. three\nd. four'))).toBe('3. three\n4. four');
  });

  it('writes an admonition as a quote headed by its name, a line block with hard breaks', () => {
    expect(toMarkdown(rstToMdast('.. note:: Be careful.'))).toBe('> **Note**\n>\n> Be careful.');
    expect(toMarkdown(rstToMdast('| line one\n| line two'))).toBe('line one\\\nline two');
  });

  it('escapes what Markdown or HTML would read as markup in a cell’s text', () => {
    expect(toMarkdown(rstToMdast('<img src=x onerror=alert(1)> \\*a\\* [b](c) &amp;'))).toBe(
      '\\<img src=x onerror=alert(1)> \\*a\\* \\[b]\\(c) \\&amp;',
    );
  });

  it('gives an empty cell an empty text', () => {
    expect(toMarkdown(rstToMdast(''))).toBe('');
  });
});

describe('toInlineHtml', () => {
  it('renders a single paragraph without its <p>', () => {
    expect(toInlineHtml(rstToMdast('The token role contains **op_suspended**.'))).toBe(
      'The token role contains <strong>op_suspended</strong>.',
    );
  });

  it('renders inline literals and emphasis', () => {
    expect(toInlineHtml(rstToMdast('Use ``a<b`` *now*.'))).toBe('Use <code>a&#x3C;b</code> <em>now</em>.');
  });

  it('falls back to blocks for two paragraphs', () => {
    expect(toInlineHtml(rstToMdast('One.\n\nTwo.'))).toBe('<p>One.</p>\n<p>Two.</p>');
  });

  it('renders an empty cell as an empty string', () => {
    expect(toInlineHtml(rstToMdast(''))).toBe('');
  });
});

describe('toPlainText', () => {
  it('joins paragraphs with a blank line and drops inline markup', () => {
    expect(toPlainText(rstToMdast('An internal **system** error.\n\nContact ``support``.'))).toBe(
      'An internal system error.\n\nContact support.',
    );
  });

  it('writes list items as "- item" lines, nested ones indented', () => {
    expect(toPlainText(rstToMdast('Reasons:\n\n- first\n  reason\n- second\n\n  * inner'))).toBe(
      'Reasons:\n\n- first reason\n- second\n  - inner',
    );
  });

  it('keeps every character as written: no smart quotes, no reflow', () => {
    const text = 'It\'s "quoted" -- 2*3 ... %s  __system__server_id [x] <y> &amp;';
    expect(toPlainText(rstToMdast(text))).toBe(text);
  });

  it('writes a note as its label and body', () => {
    expect(toPlainText(rstToMdast('Do it.\n\n.. note::\n\n   Mind it.'))).toBe('Do it.\n\nNote\n\nMind it.');
  });
});
