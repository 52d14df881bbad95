// The error-code reference as an MCP server on standard input and output: `npm run mcp` (see `--help`). It reads the
// content folder once, then answers an assistant's tool calls and resource reads (src/lib/mcp/) until its input ends.
import './require-node.mjs';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { loadServices } from '../src/lib/assembly/load-site.ts';
import { formatDiagnostic, sortDiagnostics } from '../src/lib/core/diagnostics.ts';
import { countOf } from '../src/lib/core/plural.ts';
import { shortServiceName } from '../src/lib/core/service-name.ts';
import { createMcpServer } from '../src/lib/mcp/server.ts';
import { readCommandLine, runMain } from './cli-args.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const USAGE = `usage: npm run mcp [-- --content <dir>]

Serves the error codes to an assistant as an MCP server over standard input and output (stdio): the tools
explain_error, get_code and search_codes, and every code as a resource error-code://<service>/<slug>.
An MCP client starts it; run by hand, it waits for JSON-RPC messages on standard input.

Options:
  --content <dir>  read the tables from this content folder (default: the project's content/)
  -h, --help       show this help

It exits 1, with one line on standard error, when the content has problems (npm run validate names them all).`;

async function main(): Promise<number> {
  const { values } = readCommandLine('mcp', USAGE, { options: { content: { type: 'string' } } });
  const contentDir = path.resolve(values.content ?? path.join(ROOT, 'content'));
  const relative = path.relative(process.cwd(), contentDir);
  const shown = `${relative.startsWith('..') ? contentDir : relative || '.'}/`;
  if (!existsSync(contentDir)) {
    process.stderr.write(`mcp: there is no folder ${shown}\n`);
    return 1;
  }
  const { services, diagnostics } = loadServices(contentDir);
  if (diagnostics.length > 0) {
    const [first] = sortDiagnostics(diagnostics);
    process.stderr.write(
      `mcp: ${countOf(diagnostics.length, 'problem')} in ${shown}, the first: ${formatDiagnostic(first)}; ` +
        `npm run validate -- --content ${shown} lists them all\n`,
    );
    return 1;
  }
  if (services.length === 0) {
    process.stderr.write(`mcp: no error tables in ${shown} (each service is a folder with an error-codes.rst)\n`);
    return 1;
  }
  const { version } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
  const server = createMcpServer(services, { version });
  await server.connect(new StdioServerTransport());
  const codes = services.reduce((sum, s) => sum + s.catalogue.entries.length, 0);
  const names = services.map((s) => shortServiceName(s.catalogue)).join(', ');
  // Standard output carries the protocol: everything else goes to standard error.
  process.stderr.write(
    `mcp: serving ${countOf(codes, 'code')} of ${names} from ${shown} on standard input and output\n`,
  );
  return 0;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) runMain('mcp', main);
