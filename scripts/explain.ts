// Explains an error code or message: `npm run explain -- Ecs.0010` (see `npm run explain -- --help`).
import './require-node.mjs';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatDiagnostic, sortDiagnostics } from '../src/lib/core/diagnostics';
import {
  DEFAULT_SITE_URL,
  explainAnswer,
  formatAnswer,
  formatAnswerJson,
  formatNoMatch,
  parseExplainArgs,
  USAGE,
} from '../src/lib/lookup/explain';
import { loadServices } from '../src/lib/content/load-content';
import { exitWithUsage } from './cli-args';

const CONTENT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'content');

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
      `explain: ${diagnostics.length} problem${diagnostics.length === 1 ? '' : 's'} in ${path.relative(process.cwd(), contentDir) || '.'}/; fix them, then try again\n`,
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

  const answer = explainAnswer(input, services, process.env.SITE_URL || DEFAULT_SITE_URL, {
    status: command.status,
    service: command.service,
  });
  if (command.json) process.stdout.write(formatAnswerJson(input, answer));
  // NO_COLOR (https://no-color.org): any non-empty value turns colour off.
  const color = process.stdout.isTTY === true && !process.env.NO_COLOR;
  if (answer.kind === 'unknown-code') {
    if (!command.json) process.stdout.write(formatAnswer(answer, { color }));
    return 1;
  }
  if (answer.hits.length === 0) {
    process.stderr.write(`${formatNoMatch(input)}\n`);
    return 1;
  }
  if (!command.json) process.stdout.write(formatAnswer(answer, { color }));
  return 0;
}

try {
  process.exitCode = main();
} catch (error) {
  process.stderr.write(`explain: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
