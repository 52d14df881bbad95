import type { Root, RootContent, Text } from 'mdast';
import { SLOT_PATTERN } from '../core/template.ts';

/**
 * Returns a copy of a message tree in which every slot inside text is its own node that renders as
 * `<var class="slot">%s</var>`, so pages can show slots as slots while the text stays verbatim.
 */
export function markSlots(root: Root): Root {
  return { ...root, children: root.children.map(markNode) as Root['children'] };
}

function markNode(node: RootContent): RootContent {
  if ('children' in node) {
    const children = node.children.flatMap((child) =>
      child.type === 'text' ? splitText(child) : [markNode(child as RootContent)],
    );
    return { ...node, children } as RootContent;
  }
  return node;
}

function splitText(node: Text): Text[] {
  const parts: Text[] = [];
  let last = 0;
  for (const match of node.value.matchAll(SLOT_PATTERN)) {
    const at = match.index ?? 0;
    if (at > last) parts.push({ type: 'text', value: node.value.slice(last, at) });
    parts.push({
      type: 'text',
      value: match[0],
      data: {
        hName: 'var',
        hProperties: { className: ['slot'], title: slotTitle(match[0]) },
        hChildren: [{ type: 'text', value: match[0] }],
      },
    });
    last = at + match[0].length;
  }
  if (parts.length === 0) return [node];
  if (last < node.value.length) parts.push({ type: 'text', value: node.value.slice(last) });
  return parts;
}

function slotTitle(slot: string): string {
  if (slot === '%d') return 'Placeholder: a number filled in by the API';
  return 'Placeholder: text filled in by the API';
}
