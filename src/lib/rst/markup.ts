import type { Emphasis, List, ListItem, Paragraph, Parents, Root, RootContent } from 'mdast';
import { toHtml as hastToHtml } from 'hast-util-to-html';
import { toHast } from 'mdast-util-to-hast';
import {
  defaultHandlers,
  toMarkdown as mdastToMarkdown,
  type Info,
  type Options,
  type State,
} from 'mdast-util-to-markdown';
import { toString } from 'mdast-util-to-string';
import { toRoman } from './text.ts';

/** Renders an mdast tree as HTML blocks (raw HTML is never passed through). */
export function toHtml(root: Root): string {
  return hastToHtml(toHast(root));
}

/** Renders a tree that is one paragraph as its inline HTML only (no `<p>`); anything else as `toHtml` does. */
export function toInlineHtml(root: Root): string {
  const [only] = root.children;
  if (root.children.length !== 1 || only.type !== 'paragraph') return toHtml(root);
  // Render the paragraph, then keep its children: a root of phrasing nodes would get newlines between them.
  const paragraph = toHast(only);
  return paragraph.type === 'element' ? hastToHtml({ type: 'root', children: paragraph.children }) : toHtml(root);
}

/**
 * Renders a tree as Markdown (CommonMark), without a final newline: its markup as Markdown, every character of its
 * text that Markdown would read as markup (`*`, `_`, `[`, `<tag`, `#` or `1.` at a line's start) escaped, so a cell
 * that says `*not bold*` as literal text stays text. Superscript and subscript (`:sup:`), which Markdown lacks, are
 * `<sup>` and `<sub>` around their escaped text; lists are numbered whatever their RST enumerator (`a.`, `i.`).
 */
export function toMarkdown(root: Root): string {
  return mdastToMarkdown(root, MARKDOWN_OPTIONS).replace(/\n+$/, '');
}

const ESCAPED_HTML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/** `:sup:` and `:sub:` (emphasis that renders as `<sup>`, `<sub>`) as those elements; other emphasis as Markdown. */
function emphasis(node: Emphasis, parent: Parents | undefined, state: State, info: Info): string {
  const element = htmlElement(node);
  if (!element) return defaultHandlers.emphasis(node, parent, state, info);
  return `<${element}>${toString(node).replace(/[&<>]/g, (c) => ESCAPED_HTML[c])}</${element}>`;
}
// What the node starts with, which decides how the text before it is escaped.
emphasis.peek = (node: Emphasis, _parent: Parents | undefined, state: State): string =>
  htmlElement(node) ? '<' : (state.options.emphasis ?? '*');

function htmlElement(node: Emphasis): 'sup' | 'sub' | undefined {
  const element = (node.data as { hName?: string } | undefined)?.hName;
  return element === 'sup' || element === 'sub' ? element : undefined;
}

const MARKDOWN_OPTIONS: Options = {
  bullet: '-',
  emphasis: '_',
  fences: true,
  listItemIndent: 'one',
  handlers: { emphasis },
};

/**
 * Renders a tree as plain text: paragraphs split by a blank line, list items as `- item` or `1. item` lines,
 * characters kept as written.
 */
export function toPlainText(root: Root): string {
  return root.children.map(renderBlock).join('\n\n');
}

function renderBlock(node: RootContent): string {
  if (node.type === 'paragraph') return renderParagraph(node);
  if (node.type === 'list') return renderList(node);
  if (node.type === 'blockquote') return node.children.map(renderBlock).join('\n\n');
  return toString(node);
}

/** A paragraph's text; a line break (line blocks) starts a new line. */
function renderParagraph(node: Paragraph): string {
  return node.children.map((child) => (child.type === 'break' ? '\n' : toString(child))).join('');
}

function renderList(list: List): string {
  const start = list.start ?? 1;
  const type = (list.data as { hProperties?: { type?: string } } | undefined)?.hProperties?.type;
  return list.children
    .map((item, k) => renderItem(item, list.ordered ? `${formatOrdinal(start + k, type)}. ` : '- '))
    .join('\n');
}

function renderItem(item: ListItem, marker: string): string {
  const body = item.children.map(renderBlock).join('\n');
  return `${marker}${body.replace(/\n/g, `\n${' '.repeat(marker.length)}`)}`;
}

/** An ordered list's marker: a number, or a letter or Roman numeral for `type` a, A, i, I. */
function formatOrdinal(n: number, type: string | undefined): string {
  if (type === 'a' || type === 'A') {
    const letter = String.fromCharCode(96 + Math.min(Math.max(n, 1), 26));
    return type === 'A' ? letter.toUpperCase() : letter;
  }
  if (type === 'i' || type === 'I') {
    const roman = toRoman(n);
    return type === 'I' ? roman : roman.toLowerCase();
  }
  return String(n);
}
