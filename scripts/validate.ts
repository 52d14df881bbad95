// Validates RST error-code tables: `npm run validate -- <file.rst> [more files]`, or, with no file, the whole
// content folder (`--content DIR`, default content/): every table and history version, history file names
// and dates, and categories.json, exactly as the build checks them.
import './require-node.mjs';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCatalogue, countRows } from '../src/lib/catalogue/catalogue';
import { formatDiagnostic, sortDiagnostics } from '../src/lib/core/diagnostics';
import { readErrorTable } from '../src/lib/rst/error-table';
import { loadServices } from '../src/lib/content/load-content';
import { readCommandLine } from './cli-args';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Every service's error-codes.rst and history/*.rst under a content folder, relative to the working directory. */
function listContentFiles(content: string): string[] {
  const files: string[] = [];
  for (const service of readdirSync(content, { withFileTypes: true })) {
    if (!service.isDirectory()) continue;
    const dir = path.join(content, service.name);
    const names = readdirSync(dir);
    if (names.includes('error-codes.rst')) files.push(path.join(dir, 'error-codes.rst'));
    if (names.includes('history')) {
      const history = path.join(dir, 'history');
      for (const name of readdirSync(history).sort()) {
        if (name.endsWith('.rst')) files.push(path.join(history, name));
      }
    }
  }
  return files.map((file) => path.relative(process.cwd(), file));
}

/** Validates one file; prints its summary or its diagnostics and says whether it passed. */
function validateFile(file: string, quiet = false): boolean {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    process.stderr.write(`${file}: cannot read file (${code})\n`);
    return false;
  }
  // The service id is the folder of a content file (content/evs/error-codes.rst), else the file's name.
  const id =
    path.basename(file) === 'error-codes.rst'
      ? path.basename(path.dirname(path.resolve(file)))
      : path.basename(file, '.rst');
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
  const warned = warnings.length > 0 ? `, ${warnings.length} warning${warnings.length === 1 ? '' : 's'}` : '';
  process.stdout.write(`${file}: ${rows} rows, ${codes} codes${tables}${warned}\n`);
  return true;
}

/** Validates a whole content folder: each file's summary, then every problem the build would report. */
function validateContent(content: string): boolean {
  for (const file of listContentFiles(content)) validateFile(file, true);
  const { diagnostics, warnings } = loadServices(content, process.cwd());
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
