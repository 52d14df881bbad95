import type { BlockContent, List, ListItem, Paragraph, PhrasingContent, RootContent } from 'mdast';

// Block structure of a table cell, read with docutils' body rules: paragraphs, bullet and enumerated lists,
// definition and field lists, line blocks, literal blocks, block quotes, doctest blocks and explicit markup
// (directives, comments, targets). Inline text is handed to the reader passed in.

/** Reads the inline markup of one run of text. */
export type ReadPhrasing = (text: string) => PhrasingContent[];

// Admonition directives become a block quote headed by their name; other directives keep just their body.
const ADMONITIONS = ['attention', 'caution', 'danger', 'error', 'hint', 'important', 'note', 'tip', 'warning'];
const CODE_DIRECTIVES = ['code', 'code-block', 'sourcecode'];

const BULLET = /^[-+*\u2022\u2023\u2043]( +|$)/;
const ENUM = '([0-9]+|[a-z]|[A-Z]|[ivxlcdm]+|[IVXLCDM]+|#)';
const ENUMERATOR = new RegExp(`^(?:\\(${ENUM}\\)|${ENUM}\\)|${ENUM}\\.)( +|$)`);
const FIELD_MARKER = /^:(?![: ])(?:[^:\\]|\\.|:(?!(?:[ `]|$)))*(?<! ):( +|$)/;
const LINE_BLOCK = /^\|( +|$)/;
const DOCTEST = /^>>>( +|$)/;
const EXPLICIT = /^\.\.( +|$)/;
const ANONYMOUS_TARGET = /^__( +|$)/;
const DIRECTIVE = /^\.\. +([\p{L}\p{N}]+(?:[\-._+:][\p{L}\p{N}]+)*) ?::( +|$)/u;
const FOOTNOTE = /^\.\. +\[(?:[0-9]+|#[^\]]*|\*|[\p{L}\p{N}][^\]]*)\]( +|$)/u;
const UNDERLINE = /^([!-/:-@[-`{-~])\1* *$/;

type Sequence = 'arabic' | 'loweralpha' | 'upperalpha' | 'lowerroman' | 'upperroman' | '#';
const SEQUENCES: [Exclude<Sequence, '#'>, RegExp][] = [
  ['arabic', /^[0-9]+$/],
  ['loweralpha', /^[a-z]$/],
  ['upperalpha', /^[A-Z]$/],
  ['lowerroman', /^[ivxlcdm]+$/],
  ['upperroman', /^[IVXLCDM]+$/],
];
const HTML_TYPE: Record<string, string> = { loweralpha: 'a', upperalpha: 'A', lowerroman: 'i', upperroman: 'I' };

interface Indented {
  block: string[];
  end: number;
  blankFinish: boolean;
}

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

function trimBlankEnds(block: string[]): string[] {
  let start = 0;
  let end = block.length;
  while (start < end && block[start] === '') start++;
  while (end > start && block[end - 1] === '') end--;
  return block.slice(start, end);
}

/**
 * docutils' get_indented: the lines from `start` that are blank or indented (by at least `blockIndent`, when
 * given), with their common indentation removed; `firstIndent` cuts the first line at a known column.
 */
function takeIndented(
  lines: string[],
  start: number,
  blockIndent?: number,
  firstIndent = blockIndent,
  keepTop = false,
): Indented {
  let indent = blockIndent;
  let end = firstIndent === undefined ? start : start + 1;
  let blankFinish = true;
  for (; end < lines.length; end++) {
    const line = lines[end];
    if (line !== '' && (!/^\s/.test(line) || (blockIndent !== undefined && indentOf(line) < blockIndent))) {
      blankFinish = end > start && lines[end - 1] === '';
      break;
    }
    if (line !== '' && blockIndent === undefined) indent = Math.min(indent ?? Infinity, indentOf(line));
  }
  const block = lines.slice(start, end).map((line, k) => {
    if (k === 0 && firstIndent !== undefined) return line.slice(firstIndent);
    return indent ? line.slice(indent) : line;
  });
  if (keepTop) while (block.length && block[block.length - 1] === '') block.pop();
  return { block: keepTop ? block : trimBlankEnds(block), end, blankFinish };
}

// The RST lines each list item was read from, for readers that want an item's source (the notes above a table).
const itemSource = new WeakMap<ListItem, string[]>();

/** The RST lines of a list item's body as `readBlocks` read them: unindented, without its marker. */
export function listItemSource(item: ListItem): string[] {
  return itemSource.get(item) ?? [];
}

/** Reads lines of RST body elements into mdast blocks. */
export function readBlocks(lines: string[], readPhrasing: ReadPhrasing): RootContent[] {
  const paragraph = (text: string): Paragraph[] => {
    const children = readPhrasing(text);
    return children.length ? [{ type: 'paragraph', children }] : [];
  };

  const readBody = (lines: string[]): BlockContent[] => {
    const blocks: BlockContent[] = [];
    let i = 0;
    while (i < lines.length) {
      const line = lines[i];
      if (line === '') {
        i++;
        continue;
      }
      if (/^\s/.test(line)) {
        const quote = takeIndented(lines, i);
        const children = readBody(quote.block);
        if (children.length) blocks.push({ type: 'blockquote', children });
        i = quote.end;
        continue;
      }
      const bullet = BULLET.exec(line);
      if (bullet) {
        i = readBulletList(lines, i, line[0], blocks);
        continue;
      }
      const enumerator = ENUMERATOR.exec(line);
      if (enumerator) {
        const next = readEnumeratedList(lines, i, blocks);
        if (next !== undefined) {
          i = next;
          continue;
        }
      }
      const field = FIELD_MARKER.exec(line);
      if (field) {
        i = readFieldList(lines, i, blocks);
        continue;
      }
      if (DOCTEST.test(line)) {
        let end = i;
        while (end < lines.length && lines[end] !== '') end++;
        blocks.push(codeBlock(lines.slice(i, end)));
        i = end;
        continue;
      }
      if (LINE_BLOCK.test(line)) {
        i = readLineBlock(lines, i, blocks);
        continue;
      }
      const explicit = EXPLICIT.exec(line) ?? ANONYMOUS_TARGET.exec(line);
      if (explicit) {
        i = readExplicit(lines, i, explicit[0].length, blocks);
        continue;
      }
      i = readText(lines, i, blocks);
    }
    return blocks;
  };

  /** Reads an item's body: the text after its marker and the lines indented under it. */
  const readItem = (lines: string[], i: number, markerEnd: number): { item: ListItem; end: number } => {
    const body =
      lines[i].slice(markerEnd) !== ''
        ? takeIndented(lines, i, markerEnd)
        : takeIndented(lines, i, undefined, markerEnd);
    const source = trimBlankEnds(body.block);
    const children = readBody(source);
    const item: ListItem = { type: 'listItem', spread: children.length > 1, checked: null, children };
    itemSource.set(item, source);
    return { item, end: body.end };
  };

  const toList = (items: ListItem[], ordered: boolean, start: number | null): List => ({
    type: 'list',
    ordered,
    start,
    spread: items.some((item) => item.spread),
    children: items,
  });

  const skipBlank = (lines: string[], i: number) => {
    while (i < lines.length && lines[i] === '') i++;
    return i;
  };

  const readBulletList = (lines: string[], i: number, bullet: string, blocks: BlockContent[]): number => {
    const items: ListItem[] = [];
    for (;;) {
      const { item, end } = readItem(lines, i, BULLET.exec(lines[i])![0].length);
      items.push(item);
      const next = skipBlank(lines, end);
      if (next >= lines.length || lines[next][0] !== bullet || !BULLET.test(lines[next])) {
        blocks.push(toList(items, false, null));
        return end;
      }
      i = next;
    }
  };

  /** Reads an enumerated list, or returns undefined when docutils would read the line as text. */
  const readEnumeratedList = (lines: string[], i: number, blocks: BlockContent[]): number | undefined => {
    const first = parseEnumerator(lines[i]);
    if (!first || !isEnumeratedItem(lines, i, first)) return undefined;
    const sequence = first.sequence === '#' ? 'arabic' : first.sequence;
    let auto = first.sequence === '#';
    let last = first.ordinal;
    const items: ListItem[] = [];
    let at = i;
    let markerEnd = first.end;
    for (;;) {
      const { item, end } = readItem(lines, at, markerEnd);
      items.push(item);
      const next = skipBlank(lines, end);
      const following = next < lines.length ? parseEnumerator(lines[next], sequence) : undefined;
      const fits =
        following &&
        following.format === first.format &&
        (following.sequence === '#' || (following.sequence === sequence && !auto && following.ordinal === last + 1)) &&
        isEnumeratedItem(lines, next, following);
      if (!fits) {
        const list = toList(items, true, first.ordinal);
        if (HTML_TYPE[sequence]) list.data = { hProperties: { type: HTML_TYPE[sequence] } };
        blocks.push(list);
        return end;
      }
      if (following.sequence === '#') auto = true;
      last = following.ordinal;
      at = next;
      markerEnd = following.end;
    }
  };

  const readFieldList = (lines: string[], i: number, blocks: BlockContent[]): number => {
    for (;;) {
      const marker = FIELD_MARKER.exec(lines[i])!;
      const name = marker[0].slice(1, marker[0].trimEnd().length - 1);
      const body = takeIndented(lines, i, undefined, marker[0].length);
      blocks.push(strongParagraph(name), ...readBody(body.block));
      const next = skipBlank(lines, body.end);
      if (next >= lines.length || !FIELD_MARKER.test(lines[next])) return body.end;
      i = next;
    }
  };

  const strongParagraph = (text: string): Paragraph => ({
    type: 'paragraph',
    children: [{ type: 'strong', children: readPhrasing(text) }],
  });

  /** A line block keeps its lines: one paragraph, the lines split by line breaks. */
  const readLineBlock = (lines: string[], i: number, blocks: BlockContent[]): number => {
    const children: PhrasingContent[] = [];
    while (i < lines.length && LINE_BLOCK.test(lines[i])) {
      const marker = LINE_BLOCK.exec(lines[i])!;
      const line = takeIndented(lines, i, undefined, marker[0].length);
      let end = i + 1;
      while (end < line.end && lines[end] !== '') end++;
      const text = [lines[i].slice(marker[0].length), ...line.block.slice(1, end - i)].map((l) => l.trim()).join(' ');
      if (children.length) children.push({ type: 'break' });
      children.push(...readPhrasing(text));
      i = end;
    }
    if (children.some((child) => child.type !== 'break')) blocks.push({ type: 'paragraph', children });
    return i;
  };

  /** Directives, comments, targets, footnotes: `.. ` and the lines indented under it. */
  const readExplicit = (lines: string[], i: number, markerEnd: number, blocks: BlockContent[]): number => {
    const line = lines[i];
    const directive = DIRECTIVE.exec(line);
    const start = directive ? directive[0].length : markerEnd;
    const { block, end } = takeIndented(lines, i, undefined, start, true);
    if (FOOTNOTE.test(line)) {
      const label = FOOTNOTE.exec(line)!;
      const body = takeIndented(lines, i, undefined, label[0].length);
      blocks.push(...readBody(body.block));
      return body.end;
    }
    // A comment, a link target or a substitution definition prints nothing.
    if (!directive) return end;
    const name = directive[1].toLowerCase();
    const { argument, content } = splitDirective(block, name !== 'admonition' && ADMONITIONS.includes(name));
    if (ADMONITIONS.includes(name) || name === 'admonition') {
      const label = name === 'admonition' ? argument.join(' ') : name[0].toUpperCase() + name.slice(1);
      blocks.push({ type: 'blockquote', children: [strongParagraph(label), ...readBody(content)].filter(Boolean) });
    } else if (CODE_DIRECTIVES.includes(name)) {
      if (content.length) blocks.push(codeBlock(content, argument.join(' ').trim() || null));
    } else {
      blocks.push(...readBody(content));
    }
    return end;
  };

  const readText = (lines: string[], i: number, blocks: BlockContent[]): number => {
    const next = lines[i + 1];
    if (next !== undefined && next !== '' && /^\s/.test(next)) return readDefinitionList(lines, i, blocks);
    if (next !== undefined && UNDERLINE.test(next)) {
      const underline = next.trimEnd();
      // A section title cannot stand in a table cell: docutils drops it with an error (a short underline is text).
      if (!(lines[i].length > underline.length && underline.length < 4)) return i + 2;
    }
    let end = i + 1;
    while (end < lines.length && lines[end] !== '' && !/^\s/.test(lines[end])) end++;
    const data = lines.slice(i, end).join(' ').trimEnd();
    const literal = /(?<!\\)(?:\\\\)*::$/.test(data);
    if (!literal) {
      blocks.push(...paragraph(data));
      return end;
    }
    // `text::` ends in `:`, `text ::` loses the marker, `::` alone prints nothing; a literal block follows.
    if (data.length > 2)
      blocks.push(...paragraph(/\s/.test(data[data.length - 3]) ? data.slice(0, -3).trimEnd() : data.slice(0, -1)));
    const start = skipBlank(lines, end);
    if (start < lines.length && /^\s/.test(lines[start])) {
      const literalBlock = takeIndented(lines, start);
      blocks.push(codeBlock(literalBlock.block));
      return literalBlock.end;
    }
    // A quoted literal block: unindented lines that all start with the same punctuation character.
    const quote = lines[start]?.[0];
    if (start > end && quote !== undefined && /[!-/:-@[-`{-~]/.test(quote)) {
      let stop = start;
      while (stop < lines.length && lines[stop] !== '' && lines[stop][0] === quote) stop++;
      blocks.push(codeBlock(lines.slice(start, stop)));
      return stop;
    }
    return end;
  };

  /** A term line with an indented definition: a strong term paragraph, then the definition's blocks. */
  const readDefinitionList = (lines: string[], i: number, blocks: BlockContent[]): number => {
    for (;;) {
      const term = lines[i].split(/ +: +/)[0];
      const definition = takeIndented(lines, i + 1);
      blocks.push(strongParagraph(term), ...readBody(definition.block));
      const next = skipBlank(lines, definition.end);
      const isItem =
        next + 1 < lines.length && !/^\s/.test(lines[next]) && lines[next + 1] !== '' && /^\s/.test(lines[next + 1]);
      if (!isItem || startsOtherBlock(lines[next])) return definition.end;
      i = next;
    }
  };

  return readBody(lines);
}

/** Whether a line starts some construct other than text (then it cannot be a definition term). */
function startsOtherBlock(line: string): boolean {
  return [BULLET, ENUMERATOR, FIELD_MARKER, LINE_BLOCK, DOCTEST, EXPLICIT, ANONYMOUS_TARGET].some((p) => p.test(line));
}

function codeBlock(lines: string[], lang: string | null = null): BlockContent {
  return { type: 'code', lang, meta: null, value: lines.join('\n') };
}

/**
 * Splits a directive block into its argument and content as docutils does: options (`:name: value` lines)
 * are dropped; a directive without arguments takes the lines before the first blank line as content too.
 */
function splitDirective(block: string[], contentOnly: boolean): { argument: string[]; content: string[] } {
  // Only one blank line after the directive line belongs to it; the lines up to the next blank are its arguments.
  const lines = block[0] === '' ? block.slice(1) : block;
  let blank = lines.indexOf('');
  if (blank < 0) blank = lines.length;
  let argument = lines.slice(0, blank);
  const option = argument.findIndex((line) => FIELD_MARKER.test(line));
  if (option >= 0) argument = argument.slice(0, option);
  if (contentOnly && argument.length)
    return { argument: [], content: trimBlankEnds([...argument, ...lines.slice(blank)]) };
  return { argument, content: trimBlankEnds(lines.slice(blank + 1)) };
}

interface Enumerator {
  format: 'parens' | 'rparen' | 'period';
  sequence: Sequence;
  ordinal: number;
  text: string;
  end: number;
}

/** Reads an enumerator (`1.`, `(a)`, `iv)`, `#.`): its format, sequence and ordinal (undefined if invalid). */
function parseEnumerator(line: string, expected?: Sequence): Enumerator | undefined {
  const match = ENUMERATOR.exec(line);
  if (!match) return undefined;
  const format = match[1] !== undefined ? 'parens' : match[2] !== undefined ? 'rparen' : 'period';
  const text = match[1] ?? match[2] ?? match[3];
  let sequence: Sequence | undefined;
  if (text === '#') sequence = '#';
  else if (expected && expected !== '#')
    sequence = SEQUENCES.find(([name]) => name === expected)![1].test(text) ? expected : undefined;
  else if (text === 'i') sequence = 'lowerroman';
  else if (text === 'I') sequence = 'upperroman';
  sequence ??= SEQUENCES.find(([, pattern]) => pattern.test(text))![0];
  const ordinal = sequence === '#' ? 1 : toOrdinal(text, sequence);
  if (ordinal === undefined) return undefined;
  return { format, sequence, ordinal, text, end: match[0].length };
}

const ROMAN: [string, number][] = [
  ['M', 1000],
  ['CM', 900],
  ['D', 500],
  ['CD', 400],
  ['C', 100],
  ['XC', 90],
  ['L', 50],
  ['XL', 40],
  ['X', 10],
  ['IX', 9],
  ['V', 5],
  ['IV', 4],
  ['I', 1],
];

function toRoman(n: number): string | undefined {
  if (n < 1 || n > 4999) return undefined;
  let out = '';
  for (const [letters, value] of ROMAN) {
    while (n >= value) {
      out += letters;
      n -= value;
    }
  }
  return out;
}

function toOrdinal(text: string, sequence: Sequence): number | undefined {
  if (sequence === 'arabic') return Number(text);
  if (sequence === 'loweralpha' || sequence === 'upperalpha') return text.toLowerCase().charCodeAt(0) - 96;
  // Only well-formed Roman numerals count (docutils rejects `iiii` or `vx`).
  const upper = text.toUpperCase();
  for (let n = 1; n < 5000; n++) if (toRoman(n) === upper) return n;
  return undefined;
}

/** The marker docutils expects for an ordinal, or undefined when the sequence has none (past `z`). */
function formatEnumerator(ordinal: number, sequence: Sequence): string | undefined {
  if (sequence === '#') return '#';
  if (sequence === 'arabic') return String(ordinal);
  if (sequence.endsWith('alpha')) {
    if (ordinal > 26) return undefined;
    const letter = String.fromCharCode(96 + ordinal);
    return sequence === 'upperalpha' ? letter.toUpperCase() : letter;
  }
  const roman = toRoman(ordinal);
  return roman && (sequence === 'lowerroman' ? roman.toLowerCase() : roman);
}

/** docutils' test that an enumerator starts a list: the next line is blank, indented, or the next item. */
function isEnumeratedItem(lines: string[], i: number, enumerator: Enumerator): boolean {
  const next = lines[i + 1];
  if (next === undefined || next === '' || /^\s/.test(next)) return true;
  const marker = formatEnumerator(enumerator.ordinal + 1, enumerator.sequence);
  if (marker === undefined) return false;
  const [prefix, suffix] =
    enumerator.format === 'parens' ? ['(', ')'] : enumerator.format === 'rparen' ? ['', ')'] : ['', '.'];
  return next.startsWith(`${prefix}${marker}${suffix} `) || next.startsWith(`${prefix}#${suffix} `);
}
