/**
 * The answers of `npm run mcp`'s tools as Markdown, for an assistant to read or show: the same content as
 * `npm run explain` prints (`assembly/explain-text.ts`), as headings and lists. Every text from a table or from the
 * caller is escaped, so none of it becomes a link, an image or HTML.
 */
import type { ExplainAnswer, ExplainHit, ExplainRow } from '../assembly/explain.ts';
import { describeRowStatus, fillTemplate, formatNoMatch } from '../assembly/explain-text.ts';
import { formatPublished } from '../core/dates.ts';
import { countOf } from '../core/plural.ts';
import { fullServiceName, listedServiceName, shortServiceName } from '../core/service-name.ts';
import type { NearCode } from '../lookup/resolve.ts';

// Characters that would start markup inline: emphasis, code, links and images, HTML and entities, strikethrough.
const INLINE_MARKUP = /[\\`*_[\]<>&~]/g;

/** Text as Markdown that shows it as written: each character that would start markup escaped with `\`. */
export function escapeMarkdown(text: string): string {
  return text.replace(INLINE_MARKUP, '\\$&');
}

/** A filled-in value: bold, on one line. */
function value(text: string): string {
  return `**${escapeMarkdown(text.replace(/\s+/g, ' '))}**`;
}

/** A cell's text as the rest of a list item: escaped, its later lines (paragraphs, list items) indented under it. */
function cell(text: string): string {
  return escapeMarkdown(text)
    .split('\n')
    .map((line, i) => (i === 0 || line === '' ? line : `  ${line}`))
    .join('\n');
}

/** A row as a list: status, message with its filled values in bold, description, solution, its page. */
function formatRow(hit: ExplainHit, row: ExplainRow): string {
  const lines: string[] = [];
  if (row.earlier) {
    const { today } = row.earlier;
    const says = hit.retired ? 'its last wording says' : 'today the table says';
    const status = today.status === row.status || today.status === undefined ? '' : ` (HTTP ${today.status})`;
    lines.push(
      `Matched an earlier wording (${formatPublished(row.earlier.first, row.earlier.last)}); ` +
        `${says}${status}: “${escapeMarkdown(today.message.template)}”`,
      '',
    );
  }
  lines.push(
    `- HTTP status: ${escapeMarkdown(describeRowStatus(row))}`,
    `- Message: ${fillTemplate(row, value, escapeMarkdown) || '(none)'}`,
    `- Description: ${cell(row.description.text) || '(none)'}`,
    `- Solution: ${cell(row.solution.text) || '(none)'}`,
    ...(row.other ?? []).map((o) => `- ${escapeMarkdown(o.header)}: ${cell(o.text)}`),
    // The page URL is enough for a one-row code; otherwise the row's (an earlier wording's always).
    `- Page: ${hit.tableRows > 1 || row.earlier ? row.url : hit.url}`,
  );
  return lines.join('\n');
}

/** A hit: a heading with the code and its service, what else is known of it, then each of its rows. */
export function formatHitMarkdown(hit: ExplainHit): string {
  const rowCount = hit.rows.length > 1 ? `, ${hit.rows.length} rows` : '';
  const blocks = [`## ${escapeMarkdown(hit.code)} (${escapeMarkdown(listedServiceName(hit.service))}${rowCount})`];
  if (hit.alsoIn)
    blocks.push(
      `Also in ${hit.alsoIn.map((a) => `${escapeMarkdown(a.short)} (${a.url})`).join(', ')}, reading the same.`,
    );
  if (hit.retired)
    blocks.push(
      `Retired: last published ${hit.retired.lastPublished}; the table of ${hit.retired.current} no longer has it.`,
    );
  if (hit.note) blocks.push(escapeMarkdown(hit.note));
  for (const row of hit.rows) blocks.push(formatRow(hit, row));
  return blocks.join('\n\n');
}

/** Codes near one no table lists, with their pages: `Ecs.0014 (ECS, https://…)`. */
function formatNearest(nearest: readonly NearCode[], site: string): string {
  return nearest
    .map((n) => `${escapeMarkdown(n.code)} (${escapeMarkdown(n.serviceShort)}, ${site}${n.path})`)
    .join(', ');
}

/**
 * The lookup's answer for a pasted text: for several services one answer, what chose it; for a chooser, what the
 * text could not tell apart; for a code no table lists, that first, with what is known of it; then each hit.
 */
export function formatAnswerMarkdown(answer: ExplainAnswer, input: string, site: string): string {
  const blocks: string[] = [];
  if (answer.unknown) {
    const { unknown } = answer;
    blocks.push(`**${escapeMarkdown(unknown.code)} is not listed in this reference.**`);
    const known = [
      ...unknown.services.map(
        (s) => `- It points to ${escapeMarkdown(fullServiceName(s))}: ${escapeMarkdown(s.because.join(', '))}.`,
      ),
      ...(unknown.message ? [`- The message it carried: “${escapeMarkdown(unknown.message)}”`] : []),
      ...(unknown.nearest.length > 0 ? [`- Codes nearest to it: ${formatNearest(unknown.nearest, site)}`] : []),
    ];
    if (known.length > 0) blocks.push(known.join('\n'));
    if (answer.hits.length > 0) blocks.push('Rows whose message reads like the text, under other codes:');
  } else if (answer.hits.length === 0) {
    blocks.push(
      answer.kind === 'empty'
        ? 'There is no text to explain: give the error code, message or body.'
        : `${escapeMarkdown(formatNoMatch(input))} To look for codes by what they are about, use search_codes.`,
    );
  }
  if (answer.kind === 'choose' && answer.undecided)
    blocks.push(
      `${escapeMarkdown(answer.undecided)} The codes: ${answer.hits
        .map((h) => `${escapeMarkdown(h.code)} (${escapeMarkdown(shortServiceName(h.service))})`)
        .join(', ')}.`,
    );
  if (answer.because)
    blocks.push(
      `${escapeMarkdown(shortServiceName(answer.hits[0].service))}, by ${escapeMarkdown(answer.because.join(', '))}.`,
    );
  for (const hit of answer.hits) blocks.push(formatHitMarkdown(hit));
  return `${blocks.join('\n\n')}\n`;
}

/**
 * get_code's answer: each service's code as the site publishes it in Markdown (`documents`, one per hit), after a
 * line naming the services when several have it; or that no table lists the code, with the codes nearest to it.
 */
export function formatCodeMarkdown(
  code: string,
  hits: readonly ExplainHit[],
  documents: readonly string[],
  nearest: readonly NearCode[],
  site: string,
): string {
  const blocks: string[] = [];
  if (hits.length === 0) {
    blocks.push(`**No code ${escapeMarkdown(code)} in this reference.**`);
    if (nearest.length > 0) blocks.push(`Codes nearest to it: ${formatNearest(nearest, site)}`);
    blocks.push(
      'To find the code behind an error message, use explain_error; to find codes by their subject, search_codes.',
    );
  } else if (hits.length > 1) {
    blocks.push(
      `${escapeMarkdown(hits[0].code)} is in ${countOf(hits.length, 'service')}: ` +
        `${hits.map((h) => escapeMarkdown(shortServiceName(h.service))).join(', ')}.`,
    );
  }
  blocks.push(...documents.map((d) => d.trimEnd()));
  return `${blocks.join('\n\n')}\n`;
}
