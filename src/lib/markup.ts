import type { List, ListItem, Paragraph, Root, RootContent } from 'mdast';
import { toHtml as hastToHtml } from 'hast-util-to-html';
import { toHast } from 'mdast-util-to-hast';
import { toString } from 'mdast-util-to-string';

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

/** Renders a tree as plain text: paragraphs split by a blank line, list items as `- item` lines, characters kept as written. */
export function toPlainText(root: Root): string {
  return root.children.map(renderBlock).join('\n\n');
}

function renderBlock(node: RootContent): string {
  if (node.type === 'paragraph') return renderParagraph(node);
  if (node.type === 'list') return renderList(node);
  if (node.type === 'blockquote') return node.children.map(renderBlock).join('\n\n');
  return toString(node);
}

function renderParagraph(node: Paragraph): string {
  return toString(node);
}

function renderList(list: List): string {
  return list.children.map(renderItem).join('\n');
}

function renderItem(item: ListItem): string {
  const body = item.children.map(renderBlock).join('\n');
  return `- ${body.replace(/\n/g, '\n  ')}`;
}
