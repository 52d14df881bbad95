// Validates RST error-code tables: `npm run validate -- <file.rst> [more files]`, or, with no file, the whole
// content folder (`--content DIR`, default content/): every table and history version, history file names
// and dates, and categories.json, exactly as the build checks them.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatDiagnostic, sortDiagnostics } from '../src/lib/diagnostics';
import { readErrorTable } from '../src/lib/rst/error-table';
import { loadServices } from '../src/lib/load-content';

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
  const { table, diagnostics } = readErrorTable(text, file);
  if (diagnostics.length > 0 || !table) {
    if (!quiet) for (const d of sortDiagnostics(diagnostics)) process.stderr.write(`${formatDiagnostic(d)}\n`);
    return false;
  }
  const codes = new Set(table.rows.map((row) => row.code)).size;
  process.stdout.write(`${file}: ${table.rows.length} rows, ${codes} codes\n`);
  return true;
}

/** Validates a whole content folder: each file's summary, then every problem the build would report. */
function validateContent(content: string): boolean {
  for (const file of listContentFiles(content)) validateFile(file, true);
  const { diagnostics } = loadServices(content, process.cwd());
  for (const d of sortDiagnostics(diagnostics)) process.stderr.write(`${formatDiagnostic(d)}\n`);
  return diagnostics.length === 0;
}

function main(): number {
  const args = process.argv.slice(2);
  const at = args.indexOf('--content');
  if (at >= 0) return validateContent(path.resolve(args[at + 1] ?? 'content')) ? 0 : 1;
  if (args.length === 0) return validateContent(path.join(root, 'content')) ? 0 : 1;
  let ok = true;
  for (const file of args) ok = validateFile(file) && ok;
  return ok ? 0 : 1;
}

try {
  process.exitCode = main();
} catch (error) {
  process.stderr.write(`validate: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
