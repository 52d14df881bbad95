import { parseArgs } from 'node:util';
import type { CodeEntry } from '../catalogue/catalogue';
import { anchoredPath, codePath } from '../core/urls';
import type { CodePageData } from '../pages/code-pages';
import { exportCode, exportMessage, normalizeSiteUrl, type ExportMessage, type ExportVariant } from '../export/export';
import { formatPublished } from '../core/dates';
import { describeStatus } from '../core/http-status';
import { fullServiceName, listedServiceName, shortServiceName } from '../core/service-name';
import type { ServiceModel } from '../content/load-content';
import { lookupSource } from '../export/data-files';
import { buildLookupIndex, type DirectHit } from './direct-hits';
import { buildSiteLookup } from './lookup-data';
import { MAX_INPUT, type MatchResult } from './matcher';
import { resolveLookup, type LookupOutcome, type NearCode, type PointedService } from './resolve';

/** The site URL when SITE_URL is unset; astro.config.mjs has the same default (a test keeps them equal). */
export const DEFAULT_SITE_URL = 'https://error-codes.example.org';

/** Input characters quoted back in the "no match" message. */
export const QUOTE_LIMIT = 80;

/** What `npm run explain` was asked to do. */
export type ExplainCommand =
  | {
      kind: 'explain';
      input: string;
      readStdin: boolean;
      status?: number;
      service?: string;
      content?: string;
      json: boolean;
    }
  | { kind: 'help' }
  | { kind: 'usage-error'; message: string };

/**
 * A table row of a hit, with the values the pasted message filled in (none when it was not matched). When the
 * input matched an earlier wording of the code, the row is that wording (anchor `v<n>`, no `line`; description
 * and solution of the row that replaced it) and `earlier` says when it was published and what replaced it.
 */
export type ExplainRow = Omit<ExportVariant, 'line'> & {
  /** Line of the row in the service's source file; absent for an earlier wording. */
  line?: number;
  values: string[];
  earlier?: {
    /** Dates of the first and last version of the table with this wording. */
    first: string;
    last: string;
    /** The row the code page shows for the same status (else its first row): today's wording, or a retired code's last. */
    today: { status?: number; anchor: string; url: string; message: ExportMessage };
  };
};

/** A code the input names or whose message it holds, with the rows that explain it. */
export interface ExplainHit {
  service: { id: string; name: string; short: string };
  code: string;
  /** The code page; each row also has its own URL. */
  url: string;
  json: string;
  /** How the input points at the code: its code, its message, or both (a JSON body). */
  via: MatchResult['via'];
  /** The rows to show: the matched ones, else those with the asked status, else all. */
  rows: ExplainRow[];
  /** How many rows the table has for the code (rows can show fewer). */
  tableRows: number;
  /** Said when a status was asked for and no shown row has it. */
  note?: string;
  /** Set when the newest version of the table no longer has the code: when it was last published, and the newest date. */
  retired?: { lastPublished: string; current: string };
  /** Other services that have the code with rows reading the same: one answer, published by each. */
  alsoIn?: { service: string; short: string; url: string }[];
}

/** The usage text: options and examples. */
export const USAGE = `Usage: npm run explain -- [options] <code or message>

Explains an error code, or finds the code behind an error message, a JSON error body or a log line.
Matching is the same as the site's search.

Examples:
  npm run explain -- Ecs.0010
  npm run explain -- "Private IP address 10.0.0.1 is already in use."
  npm run explain -- '{"error": {"code": "Ecs.0010", "message": "Private IP address 10.0.0.1 is already in use."}}'
  some-command 2>&1 | npm run explain -- -

Options:
  --status <status>  prefer the table row with this HTTP status (404)
  --service <id>     look only in this service (ecs)
  --json             print the hits as JSON
  --content <dir>    read the tables from another content folder (default: the project's content/)
  -                  read the input from standard input
  -h, --help         show this help

Exit status: 0 when something matches, 1 when nothing does (or the content has problems), 2 on a usage error.`;

const EXPLAIN_OPTIONS = {
  status: { type: 'string' },
  service: { type: 'string' },
  content: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/**
 * Reads the command line of `npm run explain` (without `node` and the script) with node:util's parseArgs. It reads
 * loosely and checks each option token itself, so a problem keeps its own message and a word such as `-1` is input.
 */
export function parseExplainArgs(argv: readonly string[]): ExplainCommand {
  const { values, tokens } = parseArgs({
    args: [...argv],
    options: EXPLAIN_OPTIONS,
    allowPositionals: true,
    strict: false,
    tokens: true,
  });
  const words: string[] = [];
  let readStdin = false;
  let afterTerminator = false;
  // One argument such as `-10` is several short-option tokens with the same index: count it once.
  const seen = new Set<number>();
  for (const token of tokens) {
    if (token.kind === 'option-terminator') afterTerminator = true;
    else if (token.kind === 'positional') {
      if (token.value === '-' && !afterTerminator) readStdin = true;
      else words.push(token.value);
    } else if (/^-\d/.test(argv[token.index])) {
      if (!seen.has(token.index)) words.push(argv[token.index]);
      seen.add(token.index);
    } else if (token.name === 'help' && token.value === undefined) {
      return { kind: 'help' };
    } else if (token.name === 'status' && (token.value === undefined || !/^[1-5]\d\d$/.test(token.value))) {
      return {
        kind: 'usage-error',
        message: `--status needs an HTTP status such as 404, not ${token.value === undefined ? 'nothing' : `"${token.value}"`}`,
      };
    } else if (token.name === 'service' && !token.value) {
      return { kind: 'usage-error', message: '--service needs a service id such as ecs' };
    } else if (token.name === 'content' && !token.value) {
      return { kind: 'usage-error', message: '--content needs a folder such as content' };
    } else if (
      !(token.name in EXPLAIN_OPTIONS) ||
      (EXPLAIN_OPTIONS[token.name as keyof typeof EXPLAIN_OPTIONS].type === 'boolean' && token.value !== undefined)
    ) {
      return { kind: 'usage-error', message: `unknown option "${argv[token.index]}"` };
    }
  }
  const input = words.join(' ');
  if (input.trim() === '' && !readStdin)
    return { kind: 'usage-error', message: 'give an error code or an error message' };
  if (input.trim() !== '' && readStdin)
    return { kind: 'usage-error', message: 'give the input as arguments or as "-" (standard input), not both' };
  const status = typeof values.status === 'string' ? Number(values.status) : undefined;
  const service = typeof values.service === 'string' ? values.service.toLowerCase() : undefined;
  const content = typeof values.content === 'string' ? values.content : undefined;
  return { kind: 'explain', input, readStdin, status, service, content, json: values.json === true };
}

/** What `npm run explain` answers: the site's lookup answer for the input, with each hit's rows in full. */
export interface ExplainAnswer {
  /** The lookup's outcome: one answer (`go`), a chooser (`choose`), a code no table lists, or no match (`search`). */
  kind: LookupOutcome['kind'];
  hits: ExplainHit[];
  /** For `go`: what in the text chose the service among others that have the code. */
  because?: string[];
  /** For `choose`: what the text could not tell apart. */
  undecided?: string;
  /** For `unknown-code`: the code, the services it points to, the message the text carried, the codes nearest to it. */
  unknown?: { code: string; services: PointedService[]; message?: string; nearest: NearCode[] };
}

/**
 * Answers an input as the site's lookup does (`resolveLookup` over the same lookup data: every wording of a table
 * with history, the services' clues), with the rows of each hit as the export gives them.
 */
export function explainAnswer(
  input: string,
  services: readonly ServiceModel[],
  siteUrl: string,
  options: { status?: number; service?: string } = {},
): ExplainAnswer {
  const site = normalizeSiteUrl(siteUrl);
  const byPath = new Map<string, { service: ServiceModel; entry: CodeEntry; page?: CodePageData }>();
  for (const service of services) {
    const pages = new Map(service.pages.map((p) => [p.entry.code, p]));
    for (const entry of service.catalogue.entries)
      byPath.set(codePath(entry), { service, entry, page: pages.get(entry.code) });
  }
  const lookup = buildSiteLookup(services.map(lookupSource));
  const index = buildLookupIndex(lookup.data, undefined, lookup.clues);
  const outcome = resolveLookup(
    { q: input.slice(0, MAX_INPUT), status: options.status, service: options.service },
    index,
  );
  const hitsOf = (hits: readonly DirectHit[]) =>
    hits.flatMap((hit) => {
      const found = byPath.get(hit.path);
      return found ? [toHit(found.service, found.entry, found.page, hit, site, options.status)] : [];
    });
  switch (outcome.kind) {
    case 'go':
      return { kind: 'go', hits: hitsOf([outcome.hit]), ...(outcome.because ? { because: outcome.because } : {}) };
    case 'choose':
      return { kind: 'choose', hits: hitsOf(outcome.hits), undecided: outcome.undecided };
    case 'unknown-code': {
      const { kind, hits, ...unknown } = outcome;
      return { kind, hits: hitsOf(hits), unknown };
    }
    default:
      return { kind: outcome.kind, hits: [] };
  }
}

/** The hits of `explainAnswer`: the codes an input points at, best first. */
export function explain(
  input: string,
  services: readonly ServiceModel[],
  siteUrl: string,
  options: { status?: number; service?: string } = {},
): ExplainHit[] {
  return explainAnswer(input, services, siteUrl, options).hits;
}

/**
 * One hit with the rows to show: the row the input selects (the matched message, or the asked status among
 * several), else the rows with the asked status, else every row. An earlier wording shows with today's row.
 */
function toHit(
  service: ServiceModel,
  entry: CodeEntry,
  page: CodePageData | undefined,
  hit: DirectHit,
  site: string,
  status?: number,
): ExplainHit {
  const exported = exportCode(entry, [], site);
  const values = hit.values;
  const selected = hit.anchor === undefined ? undefined : exported.variants.find((v) => v.anchor === hit.anchor);
  const wording =
    hit.anchor === undefined || selected ? undefined : page?.history?.earlier.find((w) => w.id === hit.anchor);
  let rows: ExplainRow[];
  if (selected) rows = [{ ...selected, values }];
  else if (wording) {
    const today = exported.variants.find((v) => v.status === wording.statuses[0]) ?? exported.variants[0];
    const { line: _line, status: _status, statuses: _statuses, ...rest } = today;
    rows = [
      {
        ...(wording.statuses.length > 0 ? { status: wording.statuses[0] } : {}),
        ...(wording.statuses.length > 1 ? { statuses: wording.statuses } : {}),
        ...rest,
        anchor: wording.id,
        url: anchoredPath(exported.url, wording.id),
        message: exportMessage(wording),
        values,
        earlier: {
          first: wording.first,
          last: wording.last,
          today: { status: today.status, anchor: today.anchor, url: today.url, message: today.message },
        },
      },
    ];
  } else {
    const withStatus = exported.variants.filter((v) => status !== undefined && rowStatuses(v).includes(status));
    rows = (withStatus.length > 0 ? withStatus : exported.variants).map((v) => ({ ...v, values: [] }));
  }
  const explained: ExplainHit = {
    service: { id: service.catalogue.id, name: service.catalogue.name, short: service.catalogue.short },
    code: entry.code,
    url: exported.url,
    json: exported.json,
    via: hit.reason,
    rows,
    tableRows: entry.variants.length,
    ...(hit.alsoIn
      ? { alsoIn: hit.alsoIn.map((a) => ({ service: a.service, short: a.serviceShort, url: `${site}${a.path}` })) }
      : {}),
  };
  if (status !== undefined && !rows.some((r) => rowStatuses(r).includes(status))) {
    const shown =
      selected || wording ? 'the row the message matches' : rows.length === 1 ? 'its only row' : 'every row';
    explained.note = `The table has no HTTP ${status} row for ${entry.code}; showing ${shown}.`;
  }
  if (page?.history?.retired && service.history)
    explained.retired = { lastPublished: page.history.lastPublished, current: service.history.current };
  return explained;
}

/** Every status of an exported row. */
function rowStatuses(row: Pick<ExportVariant, 'status' | 'statuses'>): number[] {
  return row.statuses ?? (row.status === undefined ? [] : [row.status]);
}

/** A row's status as explain prints it: `404 Not Found`, `400/404 Bad Request / Not Found`, or the cell's text. */
function describeRowStatus(row: Pick<ExportVariant, 'status' | 'statuses' | 'statusText'>): string {
  const statuses = rowStatuses(row);
  if (statuses.length === 0) return row.statusText ?? 'none given';
  return `${statuses.join('/')} ${[...new Set(statuses.map(describeStatus))].join(' / ')}`;
}

/** "published 2022-03-28", or "published 2022-03-28 to 2022-07-15" for a wording kept over several versions. */
function describePublished(first: string, last: string): string {
  return formatPublished(first, last);
}

/** Options for the text report. */
export interface FormatOptions {
  /** ANSI bold and colour: only for a terminal, and not when NO_COLOR is set. */
  color?: boolean;
}

const LABEL_WIDTH = 13;

/**
 * Formats an answer as the text `npm run explain` prints: for a chooser, a line saying what the input could not
 * tell apart; for one answer of several services, what chose it; then each hit. A code no table lists is said
 * first, with what the lookup knows of it, then any rows whose message reads like the input.
 */
export function formatAnswer(answer: ExplainAnswer, options: FormatOptions = {}): string {
  const blocks = answer.hits.map((hit) => formatHit(hit, options));
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
export function formatHit(hit: ExplainHit, options: FormatOptions = {}): string {
  const style = ansi(options.color ?? false);
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
        `  Matched an earlier wording (${describePublished(row.earlier.first, row.earlier.last)}); ${says}${status}: "${today.message.template}"`,
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

/** A message template with each slot replaced by its value, marked by `mark`; slots without a value stay as written. */
export function fillTemplate(
  row: Pick<ExplainRow, 'message' | 'values'>,
  mark: (value: string) => string = (v) => `[${v}]`,
): string {
  const { template, slots } = row.message;
  let text = '';
  let last = 0;
  for (const slot of slots) {
    const value = row.values[slot.index];
    text +=
      template.slice(last, slot.start) + (value === undefined ? template.slice(slot.start, slot.end) : mark(value));
    last = slot.end;
  }
  return text + template.slice(last);
}

/** The message printed when nothing matches: the input on one line, cut to 80 characters. */
export function formatNoMatch(input: string): string {
  const oneLine = input.replace(/\s+/g, ' ').trim();
  const quoted = [...oneLine].length > QUOTE_LIMIT ? `${[...oneLine].slice(0, QUOTE_LIMIT - 1).join('')}…` : oneLine;
  return `No error code matches "${quoted}". Try a code such as Ecs.0010, or words of the message.`;
}

/** The answer as the JSON `npm run explain -- --json` prints: the input, what the lookup decided, and the hits. */
export function formatAnswerJson(input: string, answer: ExplainAnswer): string {
  const { kind: outcome, ...rest } = answer;
  return `${JSON.stringify({ input, outcome, ...rest }, null, 2)}\n`;
}

function field(label: string, text: string): string {
  const indent = ' '.repeat(2 + LABEL_WIDTH);
  return `  ${label.padEnd(LABEL_WIDTH)}${text.split('\n').join(`\n${indent}`)}`;
}

function ansi(enabled: boolean) {
  const wrap = (open: string, close: string) => (text: string) =>
    enabled ? `\x1b[${open}m${text}\x1b[${close}m` : text;
  const bold = wrap('1', '22');
  const cyan = wrap('36', '39');
  return { bold, value: (text: string) => bold(cyan(text)) };
}
