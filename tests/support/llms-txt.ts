/** Checks a text against the shape https://llmstxt.org gives /llms.txt, read as Markdown (CommonMark). */
import type { List, RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toString } from 'mdast-util-to-string';

/** A link of an llms.txt list: its name, URL and the note after it (`- [name](url): note`). */
export interface LlmsLink {
  section: string;
  name: string;
  url: string;
  note: string;
}

/**
 * Reads an llms.txt: an H1 title first, then a block quote (the summary), then any blocks but headings, then H2
 * sections, each holding only lists whose every item is a link, optionally followed by `: note`. Returns every
 * problem with that shape (none for a good file) and the links of every section.
 */
export function readLlmsTxt(text: string): { problems: string[]; title: string; summary: string; links: LlmsLink[] } {
  const problems: string[] = [];
  const links: LlmsLink[] = [];
  const nodes = fromMarkdown(text).children;
  const [title, summary] = nodes;
  if (title?.type !== 'heading' || title.depth !== 1) problems.push('the first block is not an H1 title');
  if (summary?.type !== 'blockquote') problems.push('the title is not followed by a block quote');
  let section: string | undefined;
  for (const node of nodes.slice(2)) {
    if (node.type === 'heading') {
      if (node.depth !== 2) problems.push(`a heading of level ${node.depth}: ${toString(node)}`);
      section = toString(node);
    } else if (section !== undefined) {
      if (node.type !== 'list') problems.push(`section ${section} has a ${node.type}, not a list`);
      else links.push(...readLinks(node, section, problems));
    }
  }
  return { problems, title: title ? toString(title) : '', summary: summary ? toString(summary) : '', links };
}

function readLinks(list: List, section: string, problems: string[]): LlmsLink[] {
  return list.children.flatMap((item): LlmsLink[] => {
    const [paragraph, ...rest] = item.children as RootContent[];
    const [link, ...after] = paragraph?.type === 'paragraph' ? paragraph.children : [];
    const note = after.map((node) => toString(node)).join('');
    if (rest.length > 0 || link?.type !== 'link' || (note !== '' && !note.startsWith(': '))) {
      problems.push(`section ${section}: an item is not "[name](url): note": ${toString(item)}`);
      return [];
    }
    return [{ section, name: toString(link), url: link.url, note: note.slice(2) }];
  });
}
