// Explains an error code or message: `npm run explain -- Ecs.0010` (see `npm run explain -- --help`).
import './require-node.mjs';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { formatDiagnostic, sortDiagnostics } from '../src/lib/core/diagnostics.ts';
import { explainAnswer } from '../src/lib/assembly/explain.ts';
import { SITE_URL } from '../src/lib/core/urls.ts';
import { formatAnswer, formatAnswerJson, formatNoMatch, type TextStyle } from '../src/lib/assembly/explain-text.ts';
import { loadServices } from '../src/lib/assembly/load-site.ts';
import { exitWithUsage } from './cli-args.ts';
import { countOf } from '../src/lib/core/plural.ts';

const CONTENT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'content');

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

/** ANSI bold and cyan for a terminal; plain text otherwise. */
export function terminalStyle(enabled: boolean): TextStyle {
  const wrap = (open: string, close: string) => (text: string) =>
    enabled ? `\x1b[${open}m${text}\x1b[${close}m` : text;
  const bold = wrap('1', '22');
  const cyan = wrap('36', '39');
  return { bold, value: (text: string) => bold(cyan(text)) };
}

function main(): number {
  const command = parseExplainArgs(process.argv.slice(2));
  if (command.kind === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  // explain reads free text (`Quota -1 exceeded`) with its own reader; bad usage ends as it does for every command.
  if (command.kind === 'usage-error') exitWithUsage('explain', command.message, USAGE);
  const input = command.readStdin ? readFileSync(0, 'utf8') : command.input;
  if (input.trim() === '') exitWithUsage('explain', 'standard input is empty', USAGE);

  const contentDir = command.content ? path.resolve(command.content) : CONTENT_DIR;
  const { services, diagnostics } = loadServices(contentDir);
  if (diagnostics.length > 0) {
    for (const d of sortDiagnostics(diagnostics)) process.stderr.write(`${formatDiagnostic(d)}\n`);
    process.stderr.write(
      `explain: ${countOf(diagnostics.length, 'problem')} in ${path.relative(process.cwd(), contentDir) || '.'}/; fix them, then try again\n`,
    );
    return 1;
  }
  if (services.length === 0) {
    process.stderr.write(
      `explain: no error tables in ${path.relative(process.cwd(), contentDir) || '.'}/ (each service is a folder with an error-codes.rst)\n`,
    );
    return 1;
  }
  if (command.service && !services.some((s) => s.catalogue.id === command.service)) {
    process.stderr.write(
      `explain: unknown service "${command.service}"; the services are ${services.map((s) => s.catalogue.id).join(', ')}\n`,
    );
    return 2;
  }

  const answer = explainAnswer(input, services, SITE_URL, {
    status: command.status,
    service: command.service,
  });
  if (command.json) process.stdout.write(formatAnswerJson(input, answer));
  // NO_COLOR (https://no-color.org): any non-empty value turns colour off.
  const color = process.stdout.isTTY === true && !process.env.NO_COLOR;
  if (answer.kind === 'unknown-code') {
    if (!command.json) process.stdout.write(formatAnswer(answer, terminalStyle(color)));
    return 1;
  }
  if (answer.hits.length === 0) {
    process.stderr.write(`${formatNoMatch(input)}\n`);
    return 1;
  }
  if (!command.json) process.stdout.write(formatAnswer(answer, terminalStyle(color)));
  return 0;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    process.exitCode = main();
  } catch (error) {
    process.stderr.write(`explain: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}
