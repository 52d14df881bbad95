import type { Root, RootContent } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

// RST is translated to CommonMark by hand (no RST library runs in the browser), then remark builds the tree.

type Block =
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; items: Block[][] }
  | { kind: 'admonition'; label: string; blocks: Block[] };

// Admonition directives become a block quote headed by their name; other directives keep just their body.
const ADMONITIONS = ['attention', 'caution', 'danger', 'error', 'hint', 'important', 'note', 'tip', 'warning'];

type Inline =
  | { kind: 'text'; text: string }
  | { kind: 'strong' | 'emphasis'; text: string }
  | { kind: 'literal'; text: string };

/** One source character after backslash escapes: what it prints, what the markup rules see, and its source. */
interface Unit {
  out: string;
  rule: string;
  raw: string;
  escaped: boolean;
}

const BULLET = /^([-*+])( +|$)(.*)$/;

// Characters allowed before a start-string and after an end-string (docutils' ASCII sets plus Unicode classes).
const BEFORE_START = /[\s'"<([{\-/:\p{Ps}\p{Pi}\p{Pf}\p{Pd}]/u;
const AFTER_END = /[\s'")>\]}\-/:.,;!?\\\p{Pe}\p{Pi}\p{Pf}\p{Pd}]/u;
const CLOSERS: Record<string, string> = { "'": "'", '"': '"', '<': '>', '(': ')', '[': ']', '{': '}' };

/** Converts the RST text of a table cell (paragraphs, bullet lists, admonitions, inline markup) into an mdast tree. */
export function rstToMdast(text: string): Root {
  const lines = text.replace(/\r\n?/g, '\n').split('\n').map((line) => line.trimEnd());
  const plain = plainParagraph(lines);
  if (plain !== undefined) return plain;
  const deferred: Inline[] = [];
  const markdown = blocksToMarkdown(readBlocks(dedent(lines)), deferred);
  const root = unified().use(remarkParse).parse(markdown);
  return cleanTree(root, deferred) as Root;
}

// Text with no markup character, directive, bullet or blank line is one paragraph of plain text: that is
// most cells, and building it directly keeps large tables fast. The result equals remark's.
const MARKUP = /[*`\\|_\[\]<>&]/;

function plainParagraph(lines: string[]): Root | undefined {
  const words = lines.map((line) => line.trim());
  if (words.some((line) => line === '' || MARKUP.test(line) || BULLET.test(line) || /^(\.\.|#|\d+[.)]|=)/.test(line))) return undefined;
  const value = words.join(' ');
  return { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', value }] }] };
}

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

function dedent(lines: string[]): string[] {
  const filled = lines.filter((l) => l !== '');
  const by = filled.length ? Math.min(...filled.map(indentOf)) : 0;
  return lines.map((l) => l.slice(by));
}

/** Splits lines into paragraphs, bullet lists (RST: a list needs a blank line before it) and admonitions. */
function readBlocks(lines: string[]): Block[] {
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    if (lines[i] === '') {
      i++;
      continue;
    }
    if (/^\.\.(\s|$)/.test(lines[i])) {
      const directive = /^\.\.\s+([A-Za-z][\w-]*)::\s*(.*)$/.exec(lines[i]);
      const body: string[] = [];
      i++;
      while (i < lines.length && (lines[i] === '' || indentOf(lines[i]) > 0)) body.push(lines[i++]);
      // A comment or link target (`.. text`, `.. _label:`) prints nothing.
      if (!directive) continue;
      const name = directive[1].toLowerCase();
      if (ADMONITIONS.includes(name)) {
        const inner = readBlocks([directive[2], '', ...dedent(body)]);
        blocks.push({ kind: 'admonition', label: name[0].toUpperCase() + name.slice(1), blocks: inner });
      } else blocks.push(...readBlocks(dedent(body)));
      continue;
    }
    const bullet = indentOf(lines[i]) === 0 ? BULLET.exec(lines[i]) : null;
    if (bullet) {
      const items: Block[][] = [];
      const marker = bullet[1];
      while (i < lines.length) {
        const item = indentOf(lines[i]) === 0 ? BULLET.exec(lines[i]) : null;
        if (!item || item[1] !== marker) break;
        const body = [item[3]];
        i++;
        while (i < lines.length && (lines[i] === '' || indentOf(lines[i]) > 0)) body.push(lines[i++]);
        items.push(readBlocks([body[0], ...dedent(body.slice(1))]));
        while (i < lines.length && lines[i] === '') i++;
      }
      blocks.push({ kind: 'list', items });
      continue;
    }
    const paragraph: string[] = [];
    while (i < lines.length && lines[i] !== '') paragraph.push(lines[i++].trim());
    blocks.push({ kind: 'paragraph', text: paragraph.join(' ') });
  }
  return blocks;
}

function blocksToMarkdown(blocks: Block[], deferred: Inline[]): string {
  let previousMarker = '*';
  return blocks
    .map((block) => {
      if (block.kind === 'paragraph') return inlinesToMarkdown(readInlines(block.text), deferred);
      if (block.kind === 'admonition') {
        const inner = [`**${escapeMarkdown(block.label)}**`, blocksToMarkdown(block.blocks, deferred)].filter(Boolean);
        return inner.join('\n\n').replace(/^/gm, '> ').replace(/^> $/gm, '>');
      }
      // Adjacent lists must not merge, so each one takes the other bullet character.
      const marker = previousMarker === '-' ? '*' : '-';
      previousMarker = marker;
      return block.items
        .map((item) => {
          const body = blocksToMarkdown(item, deferred).replace(/\n/g, '\n  ').replace(/\n {2}\n/g, '\n\n');
          return body === '' ? marker : `${marker} ${body}`;
        })
        .join('\n');
    })
    .join('\n\n');
}

/** Backslash-escapes every ASCII punctuation character, so Markdown reads the text literally. */
function escapeMarkdown(text: string): string {
  return text.replace(/[!-/:-@[-`{-~]/g, '\\$&');
}

const isSpace = (c: string | undefined) => c === undefined || /\s/.test(c);
const isPunctuation = (c: string | undefined) => c !== undefined && /[\p{P}\p{S}]/u.test(c);

/** Whether `*` delimiters around `inner` open and close by CommonMark's flanking rules, given the characters outside. */
function canDelimit(before: string | undefined, inner: string, after: string | undefined): boolean {
  const first = inner[0];
  const last = inner[inner.length - 1];
  const opens = !isSpace(first) && (!isPunctuation(first) || isSpace(before) || isPunctuation(before));
  const closes = !isSpace(last) && (!isPunctuation(last) || isSpace(after) || isPunctuation(after));
  return opens && closes;
}

/**
 * Writes inline pieces as Markdown. Strong or emphasis that CommonMark could not delimit there
 * (`**foo.**\ bar`) becomes a private-use placeholder that cleanTree swaps for the node.
 */
function inlinesToMarkdown(inlines: Inline[], deferred: Inline[]): string {
  const parts = inlines.map((piece) => {
    if (piece.kind === 'text') return escapeMarkdown(piece.text);
    if (piece.kind === 'strong' || piece.kind === 'emphasis') return escapeMarkdown(piece.text);
    const longestRun = Math.max(0, ...(piece.text.match(/`+/g) ?? []).map((run) => run.length));
    const fence = '`'.repeat(longestRun + 1);
    const pad = piece.text.startsWith('`') || piece.text.endsWith('`') ? ' ' : '';
    return `${fence}${pad}${piece.text}${pad}${fence}`;
  });
  inlines.forEach((piece, i) => {
    if (piece.kind !== 'strong' && piece.kind !== 'emphasis') return;
    const before = parts.slice(0, i).join('').slice(-1) || undefined;
    const after = parts.slice(i + 1).join('')[0];
    if (canDelimit(before, parts[i], after)) {
      const delimiter = piece.kind === 'strong' ? '**' : '*';
      parts[i] = `${delimiter}${parts[i]}${delimiter}`;
    } else {
      parts[i] = `\uE000${deferred.length}\uE001`;
      deferred.push(piece);
    }
  });
  return parts.join('');
}

/** Turns text into units: `\x` is a literal x that cannot start or end markup; `\ ` disappears. */
function readUnits(text: string): Unit[] {
  const units: Unit[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\\' && i + 1 < text.length) {
      const next = text[++i];
      units.push({ out: /\s/.test(next) ? '' : next, rule: next, raw: ch + next, escaped: true });
    } else {
      units.push({ out: ch, rule: ch, raw: ch, escaped: false });
    }
  }
  return units;
}

/** Reads RST inline markup (strong, emphasis, inline literals) following RST's start- and end-string rules. */
function readInlines(text: string): Inline[] {
  const units = readUnits(text);
  const result: Inline[] = [];
  let plain = '';
  const is = (at: number, s: string) =>
    s.split('').every((c, k) => units[at + k] !== undefined && !units[at + k].escaped && units[at + k].rule === c);

  const canStart = (at: number, length: number) => {
    const before = units[at - 1]?.rule;
    const after = units[at + length]?.rule;
    if (after === undefined || /\s/.test(after)) return false;
    if (before === undefined) return true;
    return BEFORE_START.test(before) && CLOSERS[before] !== after;
  };
  const canEnd = (at: number, length: number) => {
    const before = units[at - 1];
    const after = units[at + length];
    if (/\s/.test(before.rule) || (before.escaped && before.out === '')) return false;
    // An escaped character may follow an end-string (`*word*\ s`), as docutils allows.
    return after === undefined || after.escaped || AFTER_END.test(after.rule);
  };
  const findEnd = (from: number, delimiter: string) => {
    for (let j = from; j < units.length; j++) {
      if (is(j, delimiter) && canEnd(j, delimiter.length)) return j;
    }
    return -1;
  };

  let i = 0;
  while (i < units.length) {
    const delimiter = is(i, '``') ? '``' : is(i, '**') ? '**' : is(i, '*') ? '*' : undefined;
    if (delimiter && canStart(i, delimiter.length)) {
      const contentStart = i + delimiter.length;
      const end = findEnd(contentStart + 1, delimiter);
      if (end >= 0) {
        if (plain) result.push({ kind: 'text', text: plain });
        plain = '';
        const content = units.slice(contentStart, end);
        result.push(
          delimiter === '``'
            ? { kind: 'literal', text: content.map((u) => u.raw).join('') }
            : { kind: delimiter === '**' ? 'strong' : 'emphasis', text: content.map((u) => u.out).join('') },
        );
        i = end + delimiter.length;
        continue;
      }
    }
    // A start-string without a matching end-string is plain text, as in docutils.
    const step = delimiter && canStart(i, delimiter.length) ? delimiter.length : 1;
    for (let k = 0; k < step; k++) plain += units[i + k].out;
    i += step;
  }
  if (plain) result.push({ kind: 'text', text: plain });
  return result;
}

/** Drops positions (they point into the generated Markdown, not the RST file), turns raw HTML into text, fills placeholders. */
function cleanTree(node: Root | RootContent, deferred: Inline[]): Root | RootContent {
  delete (node as { position?: unknown }).position;
  if (node.type === 'html') return { type: 'text', value: node.value };
  if ('children' in node) {
    (node as { children: RootContent[] }).children = node.children.flatMap((child) =>
      child.type === 'text' && deferred.length > 0
        ? fillPlaceholders(child.value, deferred)
        : [cleanTree(child, deferred) as RootContent],
    );
  }
  return node;
}

/** Splits a text value at placeholders, putting back the strong or emphasis node each one stands for. */
function fillPlaceholders(value: string, deferred: Inline[]): RootContent[] {
  return value
    .split(/\uE000(\d+)\uE001/)
    .map((part, k): RootContent | undefined => {
      if (k % 2 === 0) return part === '' ? undefined : { type: 'text', value: part };
      const piece = deferred[Number(part)];
      if (!piece) return { type: 'text', value: `\uE000${part}\uE001` };
      return { type: piece.kind === 'strong' ? 'strong' : 'emphasis', children: [{ type: 'text', value: piece.text }] };
    })
    .filter((n): n is RootContent => n !== undefined);
}
