// Validates RST error-code tables: `npm run validate -- <file.rst> [more files]`, or, with no file, the whole
// content folder (`--content DIR`, default content/): every table and history version, history file names
// and dates, and categories.json, exactly as the build checks them.
import './require-node.mjs';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCatalogue, countRows } from '../src/lib/catalogue/catalogue.ts';
import { formatDiagnostic, sortDiagnostics } from '../src/lib/core/diagnostics.ts';
import { readErrorTable } from '../src/lib/rst/error-table.ts';
import { assembleSite } from '../src/lib/assembly/assemble.ts';
import { TABLE_FILE } from '../src/lib/content/layout.ts';
import { readContent } from '../src/lib/content/read-content.ts';
import { readCommandLine } from './cli-args.ts';
import { countOf } from '../src/lib/core/plural.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Validates one file given on the command line; prints its summary or its diagnostics and says whether it passed. */
function validateFile(file: string): boolean {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    process.stderr.write(`${file}: cannot read file (${code})\n`);
    return false;
  }
  return validateTable(file, text);
}

/** Validates a table's text; prints its summary, and its diagnostics unless `quiet`, and says whether it passed. */
function validateTable(file: string, text: string, quiet = false): boolean {
  // The service id is the folder of a content file (content/evs/error-codes.rst), else the file's name.
  const id =
    path.basename(file) === TABLE_FILE ? path.basename(path.dirname(path.resolve(file))) : path.basename(file, '.rst');
  const { catalogue, diagnostics, warnings } = buildCatalogue({ id, file, text });
  if (!quiet)
    for (const d of sortDiagnostics([...diagnostics, ...warnings])) process.stderr.write(`${formatDiagnostic(d)}\n`);
  if (diagnostics.length > 0 || !catalogue) return false;
  // Grid tables without an error-code column (a table of response elements) are named, not read.
  for (const skipped of readErrorTable(text, file).table?.skipped ?? []) {
    process.stdout.write(`${file}: skipped table at line ${skipped.line}: ${skipped.reason}\n`);
  }
  const { rows, codes } = countRows(catalogue);
  const tables = catalogue.tables ? `, ${catalogue.tables.length} tables` : '';
  const warned = warnings.length > 0 ? `, ${countOf(warnings.length, 'warning')}` : '';
  process.stdout.write(`${file}: ${rows} rows, ${codes} codes${tables}${warned}\n`);
  return true;
}

/** Validates a whole content folder: each file's summary, then every problem the build would report. */
function validateContent(content: string): boolean {
  const folder = readContent(content, process.cwd());
  for (const service of folder.services) {
    for (const file of [service.table, ...service.history])
      if (file.text !== undefined) validateTable(file.path, file.text, true);
  }
  const { diagnostics, warnings } = assembleSite(folder);
  for (const d of sortDiagnostics([...diagnostics, ...warnings])) process.stderr.write(`${formatDiagnostic(d)}\n`);
  return diagnostics.length === 0;
}

const USAGE = 'usage: npm run validate [-- <file.rst> [more files] | -- --content <dir>]';

function main(): number {
  const { values, positionals } = readCommandLine('validate', USAGE, {
    options: { content: { type: 'string' } },
    allowPositionals: true,
  });
  if (values.content !== undefined) return validateContent(path.resolve(values.content)) ? 0 : 1;
  if (positionals.length === 0) return validateContent(path.join(root, 'content')) ? 0 : 1;
  let ok = true;
  for (const file of positionals) ok = validateFile(file) && ok;
  return ok ? 0 : 1;
}

try {
  process.exitCode = main();
} catch (error) {
  process.stderr.write(`validate: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
