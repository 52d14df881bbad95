// Holds the project against reference data that is never committed (the team keeps it beside the
// repository): `npm run check:reference -- path/to/data`. The folder may hold
//   ecs-error-codes.rst   the published ECS table: content/ecs/error-codes.rst must be its byte-for-byte copy;
//   ecs-history/*.rst     dated later versions of it: each must read without an error, and all of them load as
//                         the history of content/ecs (in a temporary copy);
//   real-tables/*.rst     other services' tables: each must read without an error.
// It prints a line per check and a table per file, and exits 1 when any check fails.
import '../require-node.mjs';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCatalogue, countRows } from '../../src/lib/catalogue/catalogue.ts';
import { formatDiagnostic } from '../../src/lib/core/diagnostics.ts';
import { loadServices } from '../../src/lib/assembly/load-site.ts';
import { exitWithUsage, readCommandLine } from '../cli-args.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const USAGE =
  'usage: npm run check:reference -- path/to/data  (a folder with ecs-error-codes.rst, ecs-history/, real-tables/)';
const { positionals } = readCommandLine('check:reference', USAGE, { allowPositionals: true });
if (positionals.length !== 1)
  exitWithUsage(
    'check:reference',
    positionals.length === 0 ? 'no data folder given' : `one data folder expected, got ${positionals.length}`,
    USAGE,
  );
const data = positionals[0];
if (!existsSync(data)) {
  console.error(`check:reference: ${data} does not exist`);
  process.exit(1);
}
let failed = false;
const say = (ok: boolean, text: string) => {
  failed ||= !ok;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${text}`);
};

const seed = path.join(data, 'ecs-error-codes.rst');
if (existsSync(seed)) {
  say(
    readFileSync(seed).equals(readFileSync(path.join(ROOT, 'content/ecs/error-codes.rst'))),
    'content/ecs/error-codes.rst is a byte-for-byte copy of ecs-error-codes.rst',
  );
}

/** Reads every table of a folder; prints a row per file and says whether each read without an error. */
function readAll(folder: string): void {
  const rows: string[][] = [['file', 'tables', 'rows', 'codes', 'warnings', 'errors']];
  for (const name of readdirSync(folder)
    .filter((n) => n.endsWith('.rst'))
    .sort()) {
    const file = path.join(folder, name);
    const { catalogue, diagnostics, warnings } = buildCatalogue({
      id: name.replace(/\.rst$/, ''),
      file,
      text: readFileSync(file, 'utf8'),
    });
    const counts = catalogue ? countRows(catalogue) : { rows: 0, codes: 0 };
    rows.push([
      name,
      String(catalogue?.tables?.length ?? (catalogue ? 1 : 0)),
      String(counts.rows),
      String(counts.codes),
      String(warnings.length),
      String(diagnostics.length),
    ]);
    for (const d of diagnostics) console.log(`     ${formatDiagnostic(d)}`);
    say(diagnostics.length === 0 && catalogue !== undefined, `${file} reads without an error`);
  }
  const widths = rows[0].map((_, k) => Math.max(...rows.map((r) => r[k].length)));
  for (const row of rows) console.log(`     ${row.map((c, k) => c.padEnd(widths[k])).join('  ')}`);
}

const history = path.join(data, 'ecs-history');
if (existsSync(history)) {
  readAll(history);
  const root = mkdtempSync(path.join(tmpdir(), 'check-reference-'));
  try {
    cpSync(path.join(ROOT, 'content/ecs'), path.join(root, 'content/ecs'), { recursive: true });
    cpSync(history, path.join(root, 'content/ecs/history'), { recursive: true });
    const loaded = loadServices(path.join(root, 'content'), root);
    const ecs = loaded.services.find((s) => s.catalogue.id === 'ecs');
    const versions = readdirSync(history).filter((n) => n.endsWith('.rst')).length + 1;
    say(
      loaded.diagnostics.length === 0 && ecs?.history?.dates.length === versions,
      `content/ecs with ecs-history/ loads ${versions} versions, ${ecs?.history?.changes.length ?? 0} changes, ${ecs?.catalogue.entries.length ?? 0} codes ever published`,
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

const real = path.join(data, 'real-tables');
if (existsSync(real)) readAll(real);
process.exitCode = failed ? 1 : 0;
