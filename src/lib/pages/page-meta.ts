import type { CodePageView } from './code-pages.ts';
import { labelRows } from './row-labels.ts';
import { shortServiceName } from '../core/service-name.ts';

/** A heading for Starlight's table of contents. */
export interface TocHeading {
  depth: number;
  slug: string;
  text: string;
}

/** Meta description and table of contents of a code page. */
export function describeCodePage(
  page: CodePageView,
  service: { short: string; name: string; tables?: readonly { caption?: string }[] },
): { description: string; headings: TocHeading[] } {
  const first = page.entry.variants[0];
  const statuses = page.entry.variants.flatMap((v) => v.statuses);
  const description = truncate(
    `${page.entry.code} (${shortServiceName(service)}${statuses.length > 0 ? `, HTTP ${statuses.join('/')}` : ''}): ` +
      `${first.message.text} ${first.description.text}`.replace(/\s+/g, ' '),
    200,
  );
  const labels = labelRows(
    page.entry.variants,
    service.tables?.map((t) => t.caption),
  );
  const headings: TocHeading[] = page.entry.variants.map((v, i) => ({
    depth: 2,
    slug: v.anchor,
    text: labels[i].text,
  }));
  if (page.history && page.history.earlier.length > 0) {
    headings.push({ depth: 2, slug: 'earlier-wordings', text: 'Earlier wordings' });
  }
  if (page.sameMessage.length > 0 || page.related.length > 0) {
    headings.push({ depth: 2, slug: 'related-codes', text: 'Related codes' });
  }
  return { description, headings };
}

/** Cuts text at a word boundary, adding an ellipsis when it was longer than `max`. */
function truncate(text: string, max: number): string {
  const clean = text.trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2))}…`;
}
