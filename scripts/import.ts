// Imports a service's error table and its dated history from a git repository of its documentation:
// `npm run import -- <checkout | bare repo | bundle | folder of them> [--service id] [--file path] [--content dir]`.
import './require-node.mjs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runImport, SERVICE_ID } from '../src/lib/import/run-import.ts';
import { exitWithUsage, readCommandLine } from './cli-args.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const USAGE =
  'usage: npm run import -- <checkout | bare repository | bundle | folder of them> [--service <id>] ' +
  '[--file <path in repo>] [--content <dir>]';

const { values, positionals } = readCommandLine('import', USAGE, {
  allowPositionals: true,
  options: { service: { type: 'string' }, file: { type: 'string' }, content: { type: 'string' } },
});
if (positionals.length !== 1)
  exitWithUsage(
    'import',
    positionals.length === 0 ? 'no repository given' : `one path expected, got ${positionals.length}`,
    USAGE,
  );
if (values.service !== undefined && !SERVICE_ID.test(values.service))
  exitWithUsage(
    'import',
    `--service "${values.service}" is not a service id: use lower-case letters, digits, - and _ (it becomes the URL segment)`,
    USAGE,
  );

process.exitCode = runImport(
  { path: positionals[0], service: values.service, file: values.file, content: values.content },
  {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    // npm runs scripts from the project folder; INIT_CWD is where the user typed the command.
    cwd: process.env.INIT_CWD ?? process.cwd(),
    defaultContent: path.join(root, 'content'),
    interactive: process.stderr.isTTY,
  },
);
