import type { BlockContent, List, ListItem, Paragraph, PhrasingContent, RootContent } from 'mdast';
import { ENUMERATOR, isEnumeratedItem, listType, parseEnumerator } from './enumerators.ts';
import { indentOf } from './text.ts';

// Block structure of a table cell, read with docutils' body rules: paragraphs, bullet and enumerated lists,
// definition and field lists, line blocks, literal blocks, block quotes, doctest blocks and explicit markup
// (directives, comments, targets). Inline text is handed to the reader passed in. `readBlock` looks at a block's
// first line and hands the block to the reader of its kind; each reader returns the index of the line after it.

/** Reads the inline markup of one run of text. */
export type ReadPhrasing = (text: string) => PhrasingContent[];

// Admonition directives become a block quote headed by their name; other directives keep just their body.
const ADMONITIONS = ['attention', 'caution', 'danger', 'error', 'hint', 'important', 'note', 'tip', 'warning'];
const CODE_DIRECTIVES = ['code', 'code-block', 'sourcecode'];

const BULLET = /^[-+*\u2022\u2023\u2043]( +|$)/;
const FIELD_MARKER = /^:(?![: ])(?:[^:\\]|\\.|:(?!(?:[ `]|$)))*(?<! ):( +|$)/;
const LINE_BLOCK = /^\|( +|$)/;
const DOCTEST = /^>>>( +|$)/;
const EXPLICIT = /^\.\.( +|$)/;
const ANONYMOUS_TARGET = /^__( +|$)/;
const DIRECTIVE = /^\.\. +([\p{L}\p{N}]+(?:[\-._+:][\p{L}\p{N}]+)*) ?::( +|$)/u;
const FOOTNOTE = /^\.\. +\[(?:[0-9]+|#[^\]]*|\*|[\p{L}\p{N}][^\]]*)\]( +|$)/u;
const UNDERLINE = /^([!-/:-@[-`{-~])\1* *$/;

interface Indented {
  block: string[];
  end: number;
  blankFinish: boolean;
}

function trimBlankEnds(block: string[]): string[] {
  let start = 0;
  let end = block.length;
  while (start < end && block[start] === '') start++;
  while (end > start && block[end - 1] === '') end--;
  return block.slice(start, end);
}

function skipBlank(lines: string[], i: number): number {
  while (i < lines.length && lines[i] === '') i++;
  return i;
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
  return readBody(lines, readPhrasing);
}

/** Reads a body (a cell, a list item, a directive's content) block by block, skipping blank lines. */
function readBody(lines: string[], readPhrasing: ReadPhrasing): BlockContent[] {
  const blocks: BlockContent[] = [];
  let i = 0;
  while (i < lines.length) i = lines[i] === '' ? i + 1 : readBlock(lines, i, blocks, readPhrasing);
  return blocks;
}

/** Reads the block that starts at line `i`, by what its first line starts with; returns the line after it. */
function readBlock(lines: string[], i: number, blocks: BlockContent[], readPhrasing: ReadPhrasing): number {
  const line = lines[i];
  if (/^\s/.test(line)) return readBlockQuote(lines, i, blocks, readPhrasing);
  if (BULLET.test(line)) return readBulletList(lines, i, blocks, readPhrasing);
  if (ENUMERATOR.test(line)) {
    const next = readEnumeratedList(lines, i, blocks, readPhrasing);
    if (next !== undefined) return next;
  }
  if (FIELD_MARKER.test(line)) return readFieldList(lines, i, blocks, readPhrasing);
  if (DOCTEST.test(line)) return readDoctestBlock(lines, i, blocks);
  if (LINE_BLOCK.test(line)) return readLineBlock(lines, i, blocks, readPhrasing);
  const explicit = EXPLICIT.exec(line) ?? ANONYMOUS_TARGET.exec(line);
  if (explicit) return readExplicit(lines, i, explicit[0].length, blocks, readPhrasing);
  return readText(lines, i, blocks, readPhrasing);
}

/** Whether a line starts some construct other than text (then it cannot be a definition term). */
function startsOtherBlock(line: string): boolean {
  return [BULLET, ENUMERATOR, FIELD_MARKER, LINE_BLOCK, DOCTEST, EXPLICIT, ANONYMOUS_TARGET].some((p) => p.test(line));
}

function paragraph(text: string, readPhrasing: ReadPhrasing): Paragraph[] {
  const children = readPhrasing(text);
  return children.length ? [{ type: 'paragraph', children }] : [];
}

function strongParagraph(text: string, readPhrasing: ReadPhrasing): Paragraph {
  return { type: 'paragraph', children: [{ type: 'strong', children: readPhrasing(text) }] };
}

function codeBlock(lines: string[], lang: string | null = null): BlockContent {
  return { type: 'code', lang, meta: null, value: lines.join('\n') };
}

/** Indented lines: a block quote of the body they hold. */
function readBlockQuote(lines: string[], i: number, blocks: BlockContent[], readPhrasing: ReadPhrasing): number {
  const quote = takeIndented(lines, i);
  const children = readBody(quote.block, readPhrasing);
  if (children.length) blocks.push({ type: 'blockquote', children });
  return quote.end;
}

/** A doctest block (`>>> ...`): the lines up to the next blank line, as code. */
function readDoctestBlock(lines: string[], i: number, blocks: BlockContent[]): number {
  let end = i;
  while (end < lines.length && lines[end] !== '') end++;
  blocks.push(codeBlock(lines.slice(i, end)));
  return end;
}

/** Reads an item's body: the text after its marker and the lines indented under it. */
function readItem(
  lines: string[],
  i: number,
  markerEnd: number,
  readPhrasing: ReadPhrasing,
): { item: ListItem; end: number } {
  const body =
    lines[i].slice(markerEnd) !== '' ? takeIndented(lines, i, markerEnd) : takeIndented(lines, i, undefined, markerEnd);
  const source = trimBlankEnds(body.block);
  const children = readBody(source, readPhrasing);
  const item: ListItem = { type: 'listItem', spread: children.length > 1, checked: null, children };
  itemSource.set(item, source);
  return { item, end: body.end };
}

function toList(items: ListItem[], ordered: boolean, start: number | null): List {
  return { type: 'list', ordered, start, spread: items.some((item) => item.spread), children: items };
}

/** A bullet list: items that start with the same bullet character, blank lines between them allowed. */
function readBulletList(lines: string[], i: number, blocks: BlockContent[], readPhrasing: ReadPhrasing): number {
  const bullet = lines[i][0];
  const items: ListItem[] = [];
  for (;;) {
    const { item, end } = readItem(lines, i, BULLET.exec(lines[i])![0].length, readPhrasing);
    items.push(item);
    const next = skipBlank(lines, end);
    if (next >= lines.length || lines[next][0] !== bullet || !BULLET.test(lines[next])) {
      blocks.push(toList(items, false, null));
      return end;
    }
    i = next;
  }
}

/** Reads an enumerated list, or returns undefined when docutils would read the line as text. */
function readEnumeratedList(
  lines: string[],
  i: number,
  blocks: BlockContent[],
  readPhrasing: ReadPhrasing,
): number | undefined {
  const first = parseEnumerator(lines[i]);
  if (!first || !isEnumeratedItem(lines, i, first)) return undefined;
  const sequence = first.sequence === '#' ? 'arabic' : first.sequence;
  let auto = first.sequence === '#';
  let last = first.ordinal;
  const items: ListItem[] = [];
  let at = i;
  let markerEnd = first.end;
  for (;;) {
    const { item, end } = readItem(lines, at, markerEnd, readPhrasing);
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
      const type = listType(sequence);
      if (type) list.data = { hProperties: { type } };
      blocks.push(list);
      return end;
    }
    if (following.sequence === '#') auto = true;
    last = following.ordinal;
    at = next;
    markerEnd = following.end;
  }
}

/** A field list (`:name: body`): each field as a strong paragraph of its name, then its body's blocks. */
function readFieldList(lines: string[], i: number, blocks: BlockContent[], readPhrasing: ReadPhrasing): number {
  for (;;) {
    const marker = FIELD_MARKER.exec(lines[i])!;
    const name = marker[0].slice(1, marker[0].trimEnd().length - 1);
    const body = takeIndented(lines, i, undefined, marker[0].length);
    blocks.push(strongParagraph(name, readPhrasing), ...readBody(body.block, readPhrasing));
    const next = skipBlank(lines, body.end);
    if (next >= lines.length || !FIELD_MARKER.test(lines[next])) return body.end;
    i = next;
  }
}

/** A line block keeps its lines: one paragraph, the lines split by line breaks. */
function readLineBlock(lines: string[], i: number, blocks: BlockContent[], readPhrasing: ReadPhrasing): number {
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
}

/** Directives, comments, targets, footnotes: `.. ` and the lines indented under it. */
function readExplicit(
  lines: string[],
  i: number,
  markerEnd: number,
  blocks: BlockContent[],
  readPhrasing: ReadPhrasing,
): number {
  const line = lines[i];
  const footnote = FOOTNOTE.exec(line);
  if (footnote) {
    const body = takeIndented(lines, i, undefined, footnote[0].length);
    blocks.push(...readBody(body.block, readPhrasing));
    return body.end;
  }
  const directive = DIRECTIVE.exec(line);
  const { block, end } = takeIndented(lines, i, undefined, directive ? directive[0].length : markerEnd, true);
  // A comment, a link target or a substitution definition prints nothing.
  if (directive) blocks.push(...readDirective(directive[1].toLowerCase(), block, readPhrasing));
  return end;
}

/** A directive's output: an admonition as a block quote headed by its name, code as code, any other its body. */
function readDirective(name: string, block: string[], readPhrasing: ReadPhrasing): BlockContent[] {
  const admonition = ADMONITIONS.includes(name);
  const { argument, content } = splitDirective(block, admonition);
  if (admonition || name === 'admonition') {
    const label = name === 'admonition' ? argument.join(' ') : name[0].toUpperCase() + name.slice(1);
    const children = [strongParagraph(label, readPhrasing), ...readBody(content, readPhrasing)].filter(Boolean);
    return [{ type: 'blockquote', children }];
  }
  if (CODE_DIRECTIVES.includes(name))
    return content.length ? [codeBlock(content, argument.join(' ').trim() || null)] : [];
  return readBody(content, readPhrasing);
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

/** Unindented text: a definition list, a section title (dropped), or a paragraph, maybe opening a literal block. */
function readText(lines: string[], i: number, blocks: BlockContent[], readPhrasing: ReadPhrasing): number {
  const next = lines[i + 1];
  if (next !== undefined && next !== '' && /^\s/.test(next)) return readDefinitionList(lines, i, blocks, readPhrasing);
  if (next !== undefined && isSectionUnderline(lines[i], next)) return i + 2;
  let end = i + 1;
  while (end < lines.length && lines[end] !== '' && !/^\s/.test(lines[end])) end++;
  const data = lines.slice(i, end).join(' ').trimEnd();
  const literal = /(?<!\\)(?:\\\\)*::$/.test(data);
  if (!literal) {
    blocks.push(...paragraph(data, readPhrasing));
    return end;
  }
  // `text::` ends in `:`, `text ::` loses the marker, `::` alone prints nothing; a literal block follows.
  if (data.length > 2) {
    const text = /\s/.test(data[data.length - 3]) ? data.slice(0, -3).trimEnd() : data.slice(0, -1);
    blocks.push(...paragraph(text, readPhrasing));
  }
  return readLiteralBlock(lines, end, blocks);
}

/** Whether a line under a title is its section underline (a short underline under longer text is text). */
function isSectionUnderline(title: string, next: string): boolean {
  if (!UNDERLINE.test(next)) return false;
  const underline = next.trimEnd();
  // A section title cannot stand in a table cell: docutils drops it with an error.
  return !(title.length > underline.length && underline.length < 4);
}

/** The literal block after a paragraph that ends in `::`, from line `end` on; without one, nothing is read. */
function readLiteralBlock(lines: string[], end: number, blocks: BlockContent[]): number {
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
}

/** A term line with an indented definition: a strong term paragraph, then the definition's blocks. */
function readDefinitionList(lines: string[], i: number, blocks: BlockContent[], readPhrasing: ReadPhrasing): number {
  for (;;) {
    const term = lines[i].split(/ +: +/)[0];
    const definition = takeIndented(lines, i + 1);
    blocks.push(strongParagraph(term, readPhrasing), ...readBody(definition.block, readPhrasing));
    const next = skipBlank(lines, definition.end);
    const isItem =
      next + 1 < lines.length && !/^\s/.test(lines[next]) && lines[next + 1] !== '' && /^\s/.test(lines[next + 1]);
    if (!isItem || startsOtherBlock(lines[next])) return definition.end;
    i = next;
  }
}
