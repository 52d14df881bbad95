import { formatPublished } from '../core/dates.ts';
import { describeStatus } from '../core/http-status.ts';
import { fullServiceName, listedServiceName, shortServiceName } from '../core/service-name.ts';
import { rowStatuses, type ExplainAnswer, type ExplainHit, type ExplainRow } from './explain.ts';
import type { ExportVariant } from '../export/export.ts';
import { explainDocument } from './explain-schema.ts';

/** Input characters quoted back in the "no match" message. */
export const QUOTE_LIMIT = 80;

/** How the text marks a code and a filled-in value: plain by default; `npm run explain` adds colour on a terminal. */
export interface TextStyle {
  bold: (text: string) => string;
  value: (text: string) => string;
}

const PLAIN: TextStyle = { bold: (text) => text, value: (text) => text };

/** A row's status as explain prints it: `404 Not Found`, `400/404 Bad Request / Not Found`, or the cell's text. */
export function describeRowStatus(row: Pick<ExportVariant, 'status' | 'statuses' | 'statusText'>): string {
  const statuses = rowStatuses(row);
  if (statuses.length === 0) return row.statusText ?? 'none given';
  return `${statuses.join('/')} ${[...new Set(statuses.map(describeStatus))].join(' / ')}`;
}

const LABEL_WIDTH = 13;

/**
 * Formats an answer as the text `npm run explain` prints: for a chooser, a line saying what the input could not
 * tell apart; for one answer of several services, what chose it; then each hit. A code no table lists is said
 * first, with what the lookup knows of it, then any rows whose message reads like the input.
 */
export function formatAnswer(answer: ExplainAnswer, style: TextStyle = PLAIN): string {
  const blocks = answer.hits.map((hit) => formatHit(hit, style));
  if (answer.kind === 'choose' && answer.undecided)
    blocks.unshift(
      `${answer.undecided} The codes: ${answer.hits.map((h) => `${h.code} (${shortServiceName(h.service)})`).join(', ')}.`,
    );
  if (answer.because) blocks.unshift(`${shortServiceName(answer.hits[0].service)}, by ${answer.because.join(', ')}.`);
  if (answer.unknown) blocks.unshift(formatUnknown(answer.unknown, answer.hits.length > 0));
  return `${blocks.join('\n\n')}\n`;
}

/** What the lookup knows of a code no table lists, as lines of text. */
function formatUnknown(unknown: NonNullable<ExplainAnswer['unknown']>, similar: boolean): string {
  const lines = [`${unknown.code} is not in this reference.`];
  for (const s of unknown.services) lines.push(`  It points to ${fullServiceName(s)}: ${s.because.join(', ')}.`);
  if (unknown.message) lines.push(`  The message it carried: "${unknown.message}"`);
  if (unknown.nearest.length > 0)
    lines.push(`  Codes nearest to it: ${unknown.nearest.map((n) => `${n.code} (${n.serviceShort})`).join(', ')}`);
  if (similar) lines.push('  Rows whose message reads like the input, under other codes:');
  return lines.join('\n');
}

/** Formats one hit: code and service, then per row its status, message (filled values in brackets), description, solution and URL. */
export function formatHit(hit: ExplainHit, style: TextStyle = PLAIN): string {
  const rowCount = hit.rows.length > 1 ? `, ${hit.rows.length} rows` : '';
  const lines = [`${style.bold(hit.code)} (${listedServiceName(hit.service)}${rowCount})`];
  if (hit.alsoIn)
    lines.push(
      `  Also in ${hit.alsoIn.map((a) => a.short).join(', ')}, reading the same: ${hit.alsoIn.map((a) => a.url).join(' ')}`,
    );
  if (hit.retired)
    lines.push(
      `  Retired: last published ${hit.retired.lastPublished}; the table of ${hit.retired.current} no longer has it.`,
    );
  if (hit.note) lines.push(`  ${hit.note}`);
  hit.rows.forEach((row, i) => {
    if (i > 0) lines.push('');
    if (row.earlier) {
      const { today } = row.earlier;
      const says = hit.retired ? 'its last wording says' : 'today the table says';
      const status = today.status === row.status || today.status === undefined ? '' : ` (HTTP ${today.status})`;
      lines.push(
        `  Matched an earlier wording (${formatPublished(row.earlier.first, row.earlier.last)}); ` +
          `${says}${status}: "${today.message.template}"`,
      );
    }
    lines.push(
      field('HTTP status', describeRowStatus(row)),
      field(
        'Message',
        fillTemplate(row, (value) => style.value(`[${value}]`)),
      ),
      field('Description', row.description.text),
      field('Solution', row.solution.text),
      // The page URL is enough for a one-row code; otherwise point at the row (an earlier wording always).
      field('URL', hit.tableRows > 1 || row.earlier ? row.url : hit.url),
    );
  });
  return lines.join('\n');
}

/**
 * A message template with each slot replaced by its value, marked by `mark`; slots without a value stay as written.
 * `literal` transforms the template's own text (a Markdown caller escapes it).
 */
export function fillTemplate(
  row: Pick<ExplainRow, 'message' | 'values'>,
  mark: (value: string) => string = (v) => `[${v}]`,
  literal: (text: string) => string = (t) => t,
): string {
  const { template, slots } = row.message;
  let text = '';
  let last = 0;
  for (const slot of slots) {
    const value = row.values[slot.index];
    text +=
      literal(template.slice(last, slot.start)) +
      (value === undefined ? literal(template.slice(slot.start, slot.end)) : mark(value));
    last = slot.end;
  }
  return text + literal(template.slice(last));
}

/** The message printed when nothing matches: the input on one line, cut to 80 characters. */
export function formatNoMatch(input: string): string {
  const oneLine = input.replace(/\s+/g, ' ').trim();
  const quoted = [...oneLine].length > QUOTE_LIMIT ? `${[...oneLine].slice(0, QUOTE_LIMIT - 1).join('')}…` : oneLine;
  return `No error code matches "${quoted}". Try a code such as Ecs.0010, or words of the message.`;
}

/** The answer as the JSON `npm run explain -- --json` prints: the input, what the lookup decided, and the hits. */
export function formatAnswerJson(input: string, answer: ExplainAnswer): string {
  return `${JSON.stringify(explainDocument(answer, input), null, 2)}\n`;
}

function field(label: string, text: string): string {
  const indent = ' '.repeat(2 + LABEL_WIDTH);
  return `  ${label.padEnd(LABEL_WIDTH)}${text.split('\n').join(`\n${indent}`)}`;
}
