// Imports a service's error table and its dated history from a git repository of its documentation:
// `npm run import -- <checkout | bare repo | bundle | folder of them> [--service id] [--file path] [--content dir]`.
import './require-node.mjs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runImport } from '../src/lib/import/run-import';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

process.exitCode = runImport(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  // npm runs scripts from the project folder; INIT_CWD is where the user typed the command.
  cwd: process.env.INIT_CWD ?? process.cwd(),
  defaultContent: path.join(root, 'content'),
  interactive: process.stderr.isTTY,
});
