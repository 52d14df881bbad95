import type { Heading, Html, List, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import { toMarkdown } from 'mdast-util-to-markdown';
import type { RichText } from '../catalogue/catalogue.ts';
import { formatPublished } from '../core/dates.ts';
import { countOf } from '../core/plural.ts';
import { statusBadge } from '../core/http-status.ts';
import { fullServiceName, shortServiceName } from '../core/service-name.ts';
import {
  anchoredPath,
  codeJsonPath,
  LLMS_FULL_TXT_PATH,
  normalizeSiteUrl,
  serviceJsonPath,
  servicePath,
} from '../core/urls.ts';
import type { CodePageView } from '../pages/code-pages.ts';
import { labelRows } from '../pages/row-labels.ts';
import { describeServices } from '../pages/site-data.ts';
import { planExportShards } from './export-shards.ts';

// The Markdown twins of the code pages: what a page shows of a code (its rows, the table's notes, its earlier
// wordings, the same code in other services, the codes that share its message, its index pages), as Markdown for
// language models and other tools, served as files of at most 100 codes beside the JSON files of the same codes,
// and /llms.txt, the site's index for them. Cells come as Markdown already (`RichText.markdown`, escaped by the
// catalogue); every other text from the tables (codes, captions, messages in lists) is escaped here, by building it
// as mdast and letting mdast-util-to-markdown write it.

/** What the Markdown of a code needs of its service. */
export interface MarkdownService {
  id: string;
  name: string;
  short: string;
  /** The bullet notes above the table. */
  notes: readonly Pick<RichText, 'markdown'>[];
  /** The file's error tables, when it has several. */
  tables?: readonly { caption?: string }[];
}

/** A code page as its Markdown shows it: the page's rows and links (`viewCodePages`). */
export type MarkdownPage = Pick<
  CodePageView,
  'entry' | 'path' | 'categories' | 'sameMessage' | 'history' | 'elsewhere'
>;

/** One code for `renderCodeMarkdown`: its page, its service, the site URL and the site path of its JSON. */
export interface CodeMarkdownInput {
  page: MarkdownPage;
  service: MarkdownService;
  /** The site URL (`SITE_URL`, or the build's `site`); every link of the Markdown is absolute. */
  site: string;
  /** The site path of the code's JSON document (`indexCodeJsonPaths`, `codeJsonPath`). */
  jsonPath: string;
}

/** How `renderCodeMarkdown` places a code. */
export interface CodeMarkdownOptions {
  /**
   * A section of a file of the service's codes rather than a document of its own: its heading is of level 2, and
   * it leaves out what the file says once at its top (the service, the table's notes).
   */
  section?: boolean;
}

/**
 * The Markdown of one code, with what its page shows: the service, the page and JSON URLs, every row (status,
 * message, description, solution, other columns) with its cells' markup, the wordings it had in earlier versions of
 * the table, the same code in other services, its topics and family (the index pages that say something of it), the
 * table's notes and the codes that share its message. Placeholders (`%s`) stay as written; text that would be
 * Markdown or HTML is escaped. Ends with a newline.
 */
export function renderCodeMarkdown(input: CodeMarkdownInput, options: CodeMarkdownOptions = {}): string {
  const { page, service, jsonPath } = input;
  const { entry, history } = page;
  const depth = options.section ? 2 : 1;
  const site = normalizeSiteUrl(input.site);
  const pageUrl = `${site}${page.path}`;
  const blocks: RootContent[] = [
    heading(depth, [text(entry.code)]),
    list([
      ...(options.section
        ? []
        : [[text('Service: '), link(`${site}${servicePath(service.id)}`, fullServiceName(service))]]),
      [text('Page: '), autolink(pageUrl)],
      [text('JSON: '), autolink(`${site}${jsonPath}`)],
    ]),
  ];
  if (history?.retired)
    blocks.push(
      paragraph(
        `Retired: last published ${history.lastPublished}. The current table no longer lists this code; ` +
          'older API responses may still return it.',
      ),
    );
  else if (history?.added)
    blocks.push(paragraph(`New since ${history.introduced}: earlier versions of the table do not list this code.`));
  const labels = labelRows(
    entry.variants,
    service.tables?.map((t) => t.caption),
  );
  entry.variants.forEach((variant, i) => {
    const label = labels[i];
    const caption = variant.table === undefined ? undefined : service.tables?.[variant.table]?.caption;
    const title = label.from !== 'table' && caption ? `${label.text} (${caption})` : label.text;
    blocks.push(heading(depth + 1, [text(title)]));
    const dates = history?.shown[variant.anchor];
    // The row's own link when the code has several; the versions of the table that had it, with history.
    const published = dates && formatPublished(dates.first, dates.last);
    if (entry.variants.length > 1) {
      const url = autolink(anchoredPath(pageUrl, variant.anchor));
      blocks.push({
        type: 'paragraph',
        children: [text('Row: '), url, ...(published ? [text(`, ${published}`)] : []), text('.')],
      });
    } else if (published) blocks.push(paragraph(`${capitalize(published)}.`));
    if (variant.message.text) blocks.push(...field('Message', variant.message.markdown));
    if (variant.description.text) blocks.push(...field('Description', variant.description.markdown));
    if (variant.solution.text) blocks.push(...field('Solution', variant.solution.markdown));
    for (const other of variant.other ?? [])
      if (other.value.text) blocks.push(...field(other.header, other.value.markdown));
  });
  if (history && history.earlier.length > 0) {
    blocks.push(
      heading(depth + 1, [text('Earlier wordings')]),
      paragraph('Older versions of the table gave this code other messages. API responses may still carry them.'),
    );
    for (const wording of history.earlier) {
      const { badge, reason } = statusBadge(wording);
      const when = [reason, formatPublished(wording.first, wording.last)].filter(Boolean).join(', ');
      blocks.push(
        heading(depth + 2, [text(`${badge} ${when}`)]),
        { type: 'paragraph', children: [text('Link: '), autolink(anchoredPath(pageUrl, wording.id)), text('.')] },
        ...field('Message', wording.message.markdown),
      );
    }
  }
  if (page.elsewhere && page.elsewhere.length > 0) {
    const others = page.elsewhere.flatMap((other, i): PhrasingContent[] => [
      text(i > 0 ? ', ' : ''),
      link(`${site}${other.path}`, other.short),
      text(` (${other.same ? 'the same rows' : 'other wording'})`),
    ]);
    blocks.push({ type: 'paragraph', children: [text(`${entry.code} is also in `), ...others, text('.')] });
  }
  // The index pages that say something of the code; its status and prefix pages only repeat its rows and name.
  const listedIn = page.categories
    .filter((c) => c.kind === 'table' || c.kind === 'family' || c.kind === 'topic')
    .flatMap((c, i): PhrasingContent[] => [text(i > 0 ? ', ' : ''), link(`${site}${c.path}`, c.title)]);
  if (listedIn.length > 0) blocks.push({ type: 'paragraph', children: [text('Listed in: '), ...listedIn, text('.')] });
  if (!options.section) blocks.push(...notesBlocks(service, depth + 1));
  if (page.sameMessage.length > 0) {
    blocks.push(
      heading(depth + 1, [text('Same message')]),
      list(page.sameMessage.map((other) => [link(`${site}${other.path}`, other.code), text(`: ${other.message}`)])),
    );
  }
  return serialize(blocks);
}

/** A file of a service's codes as Markdown, at its site path, and the run of codes it holds. */
export interface MarkdownFile {
  path: string;
  body: string;
  /** The first and last code of the file, and how many it holds. */
  first: string;
  last: string;
  count: number;
}

/** A service with its code pages as `buildServiceMarkdown` needs them. */
export interface ServiceMarkdownInput {
  service: MarkdownService;
  /** The service's code pages in table order, with their links (`viewCodePages`). */
  pages: readonly MarkdownPage[];
  site: string;
}

/**
 * A service's codes as Markdown, in the files the JSON export is cut into (at most 100 consecutive codes, named by
 * their first and last code, with `.md` for `.json`): each file starts with the service, where it stands among the
 * service's files and the table's notes, then every code as a section (`renderCodeMarkdown`, `section`) after an
 * anchor with its slug as id, and ends with the link to the next file. Together they are the service's full text.
 */
export function buildServiceMarkdown({ service, pages, site: siteUrl }: ServiceMarkdownInput): MarkdownFile[] {
  const site = normalizeSiteUrl(siteUrl);
  const shards = planExportShards(
    service.id,
    pages.map((page) => ({ slug: page.entry.slug, page })),
  );
  const title = (shard: (typeof shards)[number]) =>
    `${shard.entries[0].page.entry.code} to ${shard.entries[shard.entries.length - 1].page.entry.code}`;
  return shards.map((shard, i): MarkdownFile => {
    const { entries } = shard;
    const name = shortServiceName(service);
    const next = shards[i + 1];
    const lead: PhrasingContent[] = [
      text(
        `${fullServiceName(service)} error codes, ${partOf(i, shards.length)}: ${countCodes(entries.length)} in table order, `,
      ),
      text(
        `each under a heading after an anchor with its slug as id (#${entries[0].slug} for ${entries[0].page.entry.code}). `,
      ),
      text('Every code as JSON: '),
      autolink(`${site}${serviceJsonPath(service.id)}`),
      text('; the service: '),
      autolink(`${site}${servicePath(service.id)}`),
      text('.'),
    ];
    if (i > 0)
      lead.push(text(' Previous: '), link(`${site}${shards[i - 1].markdown}`, title(shards[i - 1])), text('.'));
    if (next) lead.push(text(' Next: '), link(`${site}${next.markdown}`, title(next)), text('.'));
    const head = serialize([
      heading(1, [text(`${name} error codes: ${title(shard)}`)]),
      { type: 'paragraph', children: lead },
      ...notesBlocks(service, 2),
    ]);
    const codes = entries.map(
      ({ page, slug }) =>
        `<a id="${slug}"></a>\n\n${renderCodeMarkdown(
          { page, service, site, jsonPath: codeJsonPath(shard.path, page.entry.code) },
          { section: true },
        )}`,
    );
    const tail = next ? [serialize([paragraph(`Continued in ${site}${next.markdown} (${title(next)}).`)])] : [];
    return {
      path: shard.markdown,
      body: [head, ...codes, ...tail].join('\n'),
      first: entries[0].page.entry.code,
      last: entries[entries.length - 1].page.entry.code,
      count: entries.length,
    };
  });
}

/** What /llms.txt says of a service: its names, summary, code count and Markdown files. */
export interface LlmsService {
  service: MarkdownService & { summary?: string };
  codes: number;
  files: readonly Pick<MarkdownFile, 'path' | 'first' | 'last' | 'count'>[];
}

/** What /llms.txt says of the site. */
export interface LlmsSite {
  title: string;
  site: string;
  services: readonly LlmsService[];
  /** Whether /llms-full.txt is written (`buildLlmsFullText` gave a text). */
  fullText: boolean;
}

/**
 * The site's /llms.txt (https://llmstxt.org): the title, a summary in a block quote, how to read the files, then a
 * section per service with a list of links: its page, each Markdown file of its codes, its errors.json; and, when
 * /llms-full.txt is written, an Optional section naming it.
 */
export function buildLlmsTxt({ title, site: siteUrl, services, fullText }: LlmsSite): string {
  const site = normalizeSiteUrl(siteUrl);
  const codes = services.reduce((n, s) => n + s.codes, 0);
  const blocks: RootContent[] = [
    heading(1, [text(title)]),
    {
      type: 'blockquote',
      children: [
        paragraph(
          `Every error code of ${describeServices(services.map((s) => s.service))} of Open Telekom Cloud and ` +
            `Huawei Cloud (${countCodes(codes)}), from the official error tables: for each code its HTTP status, ` +
            'its message, what it means and what to do about it.',
        ),
      ],
    },
    {
      type: 'paragraph',
      children: [
        text(
          'Each service lists its codes as Markdown, in files of at most 100 codes in table order. In a file, each ' +
            'code is a section under a heading, after an anchor whose id is the code slug: lower case, each run of ' +
            'other characters than letters and digits as one hyphen (Ecs.0010 is #ecs-0010). Each code page names ' +
            'its Markdown and its JSON in its head: ',
        ),
        code('<link rel="alternate" type="text/markdown">'),
        text(' and '),
        code('type="application/json"'),
        text('. A placeholder in a message ('),
        code('%s'),
        text(', '),
        code('%d'),
        text(', '),
        code('xxx'),
        text(') stands for text the API fills in.'),
      ],
    },
  ];
  for (const { service, files } of services) {
    const items: PhrasingContent[][] = [
      [
        link(`${site}${servicePath(service.id)}`, `${shortServiceName(service)} error codes`),
        text(service.summary ? `: ${service.summary}` : ': the service page, its notes and index pages'),
      ],
      ...files.map((file) => [
        link(`${site}${file.path}`, `${file.first} to ${file.last}`),
        text(`: ${countCodes(file.count)} as Markdown`),
      ]),
      [link(`${site}${serviceJsonPath(service.id)}`, 'errors.json'), text(': every code as JSON')],
    ];
    blocks.push(heading(2, [text(fullServiceName(service))]), list(items));
  }
  if (fullText) {
    blocks.push(
      heading(2, [text('Optional')]),
      list([[link(`${site}${LLMS_FULL_TXT_PATH}`, 'Full text'), text(': every code of every service in one file')]]),
    );
  }
  return serialize(blocks);
}

/**
 * Most bytes of /llms-full.txt: 512 KiB, about 130,000 tokens, what a large context window takes with room to
 * spare. A site whose Markdown is larger (the whole cloud's is many megabytes) gets no /llms-full.txt: /llms.txt
 * links each service's files instead.
 */
export const MAX_FULL_TEXT_BYTES = 512 * 1024;

const UTF8 = new TextEncoder();

/**
 * /llms-full.txt: the Markdown files of every service (their bodies, in site order) one after the other, when together
 * they stay within `limit` bytes (`MAX_FULL_TEXT_BYTES`); otherwise undefined, and the site has no such file.
 */
export function buildLlmsFullText(bodies: readonly string[], limit = MAX_FULL_TEXT_BYTES): string | undefined {
  let bytes = 0;
  for (const [i, body] of bodies.entries()) {
    bytes += UTF8.encode(body).length + (i > 0 ? 1 : 0);
    if (bytes > limit) return undefined;
  }
  return bodies.join('\n');
}

/** A cell under its label: `**Solution:** text` when the cell starts with a paragraph, else the label above it. */
function field(label: string, markdown: string): RootContent[] {
  const strong: PhrasingContent = { type: 'strong', children: [text(`${label}:`)] };
  if (startsWithParagraph(markdown)) return [{ type: 'paragraph', children: [strong, text(' '), raw(markdown)] }];
  return [{ type: 'paragraph', children: [strong] }, raw(markdown)];
}

/**
 * Whether Markdown written by mdast-util-to-markdown starts with a paragraph: it escapes whatever would start
 * another block at the start of a paragraph (`\- `, `1\. `), so a list, quote or fence is one at the start.
 */
function startsWithParagraph(markdown: string): boolean {
  return !/^(?:[-*+](?: |$)|\d{1,9}[.)](?: |$)|>|```|~~~| {4})/.test(markdown);
}

/** The table's notes as a list under a heading, or nothing when it has none. */
function notesBlocks(service: MarkdownService, depth: number): RootContent[] {
  if (service.notes.length === 0) return [];
  return [
    heading(depth, [text(`About ${shortServiceName(service)} error codes`)]),
    {
      type: 'list',
      ordered: false,
      spread: false,
      children: service.notes.map((note) => ({ type: 'listItem', spread: false, children: [raw(note.markdown)] })),
    },
  ];
}

function serialize(blocks: RootContent[]): string {
  const root: Root = { type: 'root', children: blocks };
  return toMarkdown(root, { bullet: '-', emphasis: '_', fences: true, listItemIndent: 'one' });
}

function heading(depth: number, children: PhrasingContent[]): Heading {
  return { type: 'heading', depth: depth as Heading['depth'], children };
}

function paragraph(value: string): Paragraph {
  return { type: 'paragraph', children: [text(value)] };
}

function text(value: string): PhrasingContent {
  return { type: 'text', value };
}

function code(value: string): PhrasingContent {
  return { type: 'inlineCode', value };
}

function link(url: string, label: string): PhrasingContent {
  return { type: 'link', url, children: [text(label)] };
}

/** A URL written as itself: `<https://…>`. */
function autolink(url: string): PhrasingContent {
  return { type: 'link', url, children: [text(url)] };
}

/** Markdown that is already written (a cell's, escaped by the catalogue), passed through as it is. */
function raw(markdown: string): Html {
  return { type: 'html', value: markdown };
}

function list(items: PhrasingContent[][]): List {
  return {
    type: 'list',
    ordered: false,
    spread: false,
    children: items.map((children) => ({
      type: 'listItem',
      spread: false,
      children: [{ type: 'paragraph', children }],
    })),
  };
}

function capitalize(value: string): string {
  return value.charAt(0).toUpperCase() + value.slice(1);
}

/** `1 code`, `6,576 codes`. */
function countCodes(n: number): string {
  return countOf(n, 'code').replace(/^\d+/, (digits) => Number(digits).toLocaleString('en-US'));
}

function partOf(index: number, count: number): string {
  return count === 1 ? 'all of them' : `part ${index + 1} of ${count}`;
}
