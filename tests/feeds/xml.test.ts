import { describe, expect, it } from 'vitest';
import { escapeXml } from '../../src/lib/core/xml-text.ts';
import { element, emptyElement } from '../../src/lib/feeds/xml.ts';
import { parseXml } from '../support/xml.ts';

describe('escapeXml', () => {
  it('escapes the characters markup is made of, and leaves apostrophes and other text as they are', () => {
    expect(escapeXml(`<a href="x">Tom's & Jerry's</a> ]]> é 🙂`)).toBe(
      `&lt;a href=&quot;x&quot;&gt;Tom's &amp; Jerry's&lt;/a&gt; ]]&gt; é 🙂`,
    );
  });

  it('replaces what XML cannot hold even escaped (controls, lone surrogates, U+FFFE) by U+FFFD, keeping tab and newline', () => {
    expect(escapeXml('a\u0000b\u0008c\u000Bd\u001Fe\tf\ng\r\uFFFE\uD800x\uDC00 🙂')).toBe(
      'a\uFFFDb\uFFFDc\uFFFDd\uFFFDe\tf\ng\r\uFFFD\uFFFDx\uFFFD 🙂',
    );
  });

  it('gives text a strict XML parser reads back as it was, whatever it held', () => {
    const hostile = '</t><t a="1">&amp; &#0; <![CDATA[x]]> <!-- c --> <?pi?> \u0001';
    const xml = `<r>${element('t', hostile, { a: hostile })}${emptyElement('e', { b: hostile })}</r>`;
    const root = parseXml(xml);
    const readable = hostile.replace('\u0001', '\uFFFD');
    expect(root.children.map((c) => [c.name, c.text, c.attributes])).toEqual([
      ['t', readable, { a: readable }],
      ['e', '', { b: readable }],
    ]);
  });
});

describe('the tests’ XML reader', () => {
  it.each([
    ['an unescaped ampersand', '<r>a & b</r>'],
    ['an HTML entity', '<r>&nbsp;</r>'],
    ['a tag left open', '<r><a></r>'],
    ['two root elements', '<r/><s/>'],
    ['text after the root', '<r/>x'],
    ['an unquoted attribute', '<r a=1/>'],
    ['a control character', '<r>\u0001</r>'],
  ])('refuses %s', (_, xml) => {
    expect(() => parseXml(xml)).toThrow();
  });
});
