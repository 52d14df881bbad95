import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SITE_URL } from '../../src/lib/core/urls.ts';
import { ECS_0010_FILLED } from './expected.ts';

// `npm run mcp` as an assistant runs it: a child process on the project's Node, spoken to over its standard input and
// output by the SDK's own client.

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SITE = SITE_URL;
/** What `npm run mcp` runs (`tsx scripts/mcp.ts`), on the Node these tests run on. */
const COMMAND = { command: process.execPath, args: ['--import', 'tsx', 'scripts/mcp.ts'], cwd: REPO };

let client: Client;
let stderr = '';

beforeAll(async () => {
  const transport = new StdioClientTransport({ ...COMMAND, stderr: 'pipe' });
  transport.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  client = new Client({ name: 'error-code-reference-test', version: '1.0.0' });
  await client.connect(transport);
});

afterAll(async () => {
  await client?.close();
});

/** Calls a tool and gives its result: Markdown as its one text content, structured content, whether it refused. */
async function call(name: string, args: Record<string, unknown>) {
  const result = (await client.callTool({ name, arguments: args })) as CallToolResult;
  expect(result.content).toHaveLength(1);
  const [content] = result.content;
  if (content.type !== 'text') throw new Error(`${name} answered ${content.type} content`);
  return { text: content.text, structured: result.structuredContent, isError: result.isError ?? false };
}

describe('npm run mcp, spoken to by an MCP client over stdio', () => {
  it('says on standard error what it serves (standard output carries the protocol)', () => {
    expect(stderr).toBe('mcp: serving 147 codes of ECS from content/ on standard input and output\n');
  });

  it('lists its three tools with their inputs', async () => {
    const { tools } = await client.listTools();
    expect(
      tools.map((t) => ({
        name: t.name,
        required: t.inputSchema.required,
        properties: Object.keys(t.inputSchema.properties ?? {}),
        output: t.outputSchema?.type,
        readOnly: t.annotations?.readOnlyHint,
      })),
    ).toEqual([
      {
        name: 'explain_error',
        required: ['text'],
        properties: ['text', 'service', 'status'],
        output: 'object',
        readOnly: true,
      },
      { name: 'get_code', required: ['code'], properties: ['code', 'service'], output: 'object', readOnly: true },
      {
        name: 'search_codes',
        required: ['query'],
        properties: ['query', 'service', 'limit'],
        output: 'object',
        readOnly: true,
      },
    ]);
    expect(tools[0].inputSchema.properties?.text).toMatchObject({ type: 'string', maxLength: 32_768 });
  });

  it('explains a code with its filled-in message, as text and as structured content', async () => {
    const answer = await call('explain_error', { text: 'Ecs.0010 Private IP address 192.168.0.12 is already in use.' });
    expect(answer.text).toBe(ECS_0010_FILLED);
    expect(answer.isError).toBe(false);
    expect(answer.structured).toMatchObject({
      outcome: 'go',
      hits: [
        {
          service: { id: 'ecs', name: 'Elastic Cloud Server', short: 'ECS' },
          code: 'Ecs.0010',
          url: `${SITE}/ecs/ecs-0010/`,
          via: 'code+message',
          rows: [{ status: 400, values: ['192.168.0.12'], solution: { text: 'Change the port.' } }],
        },
      ],
    });
  });

  it('finds the code of a filled-in message without the code', async () => {
    const answer = await call('explain_error', { text: 'Private IP address 192.168.0.12 is already in use.' });
    expect(answer.text).toBe(ECS_0010_FILLED);
    expect(answer.structured).toMatchObject({ outcome: 'go', hits: [{ code: 'Ecs.0010', via: 'message' }] });
  });

  it('says that a code no table lists is not listed', async () => {
    const answer = await call('explain_error', { text: 'Ecs.9999 something' });
    expect(answer.text.split('\n').slice(0, 4)).toEqual([
      '**Ecs.9999 is not listed in this reference.**',
      '',
      '- It points to Elastic Cloud Server (ECS): its codes of the prefix Ecs.',
      '- The message it carried: “something”',
    ]);
    expect(answer.structured).toMatchObject({ outcome: 'unknown-code', hits: [], unknown: { code: 'Ecs.9999' } });
  });

  it('refuses a 1 MB text with a message that says the limit, and answers the next call', async () => {
    const refused = await call('explain_error', { text: `Ecs.0010 ${'x'.repeat(1024 * 1024)}` });
    expect(refused).toEqual({
      text:
        'MCP error -32602: Input validation error: Invalid arguments for tool explain_error: too long: 1,048,585 ' +
        'characters, where the most is 32,768; send the part of the error with its code and message at text',
      structured: undefined,
      isError: true,
    });
    expect((await call('explain_error', { text: 'Private IP address 192.168.0.12 is already in use.' })).text).toBe(
      ECS_0010_FILLED,
    );
  });

  it('refuses an unknown service by listing the services', async () => {
    expect(await call('explain_error', { text: 'Ecs.0010', service: 'vpc' })).toEqual({
      text: 'Unknown service “vpc”. The services are: ecs (ECS: Elastic Cloud Server).',
      structured: undefined,
      isError: true,
    });
  });

  it('gets every row of a code, and says when there is no such code', async () => {
    const found = await call('get_code', { code: 'ECS-1000' });
    expect(found.text.split('\n\n').slice(0, 7)).toEqual([
      '# Ecs.1000',
      [
        `- Service: [Elastic Cloud Server (ECS)](${SITE}/ecs/)`,
        `- Page: <${SITE}/ecs/ecs-1000/>`,
        `- JSON: <${SITE}/ecs/errors/ecs-0216--common-1503.json#/codes/Ecs.1000>`,
      ].join('\n'),
      '## HTTP 400 Bad Request',
      `Row: <${SITE}/ecs/ecs-1000/#http-400>.`,
      '**Message:** Failed to call the Nova API because %s.',
      '**Description:** Failed to call the Nova API.',
      '**Solution:** Internal calling error. Try again later or contact customer service.',
    ]);
    expect(found.text).toContain('## HTTP 404 Not Found\n\n');
    expect(found.structured).toMatchObject({ code: 'ECS-1000', hits: [{ code: 'Ecs.1000', tableRows: 2 }] });
    const missing = await call('get_code', { code: 'Ecs.9999' });
    expect(missing.text.split('\n')[0]).toBe('**No code Ecs.9999 in this reference.**');
    expect(missing.structured).toMatchObject({ code: 'Ecs.9999', hits: [] });
    expect((missing.structured?.nearest as { code: string }[]).map((n) => n.code)).toEqual([
      'Ecs.1001',
      'Ecs.1002',
      'Ecs.1100',
      'Ecs.1200',
      'Ecs.1201',
      'Ecs.1300',
    ]);
  });

  it('searches codes by words', async () => {
    const answer = await call('search_codes', { query: 'elastic ip quota', limit: 2 });
    expect(answer.text).toBe(
      [
        '2 of 24 codes for “elastic ip quota”, best first:',
        '',
        `1. **Ecs.0013** (ECS): Insufficient EIP quota. (${SITE}/ecs/ecs-0013/; matches eip, quota)`,
        `2. **Ecs.0012** (ECS): Insufficient IP addresses. (${SITE}/ecs/ecs-0012/; matches ip, insufficient)`,
        '',
      ].join('\n'),
    );
    expect(answer.structured).toMatchObject({ total: 24, results: [{ code: 'Ecs.0013' }, { code: 'Ecs.0012' }] });
  });

  it('lists every code as a resource and reads one', async () => {
    const { resources } = await client.listResources();
    expect(resources).toHaveLength(147);
    expect(resources.find((r) => r.name === 'Ecs.0010')).toEqual({
      uri: 'error-code://ecs/ecs-0010',
      name: 'Ecs.0010',
      title: 'Ecs.0010 (ECS)',
      description: 'Private IP address %s is already in use.',
      mimeType: 'text/markdown',
    });
    const { contents } = await client.readResource({ uri: 'error-code://ecs/ecs-0010' });
    expect(contents).toHaveLength(1);
    const [content] = contents;
    expect(content).toMatchObject({ uri: 'error-code://ecs/ecs-0010', mimeType: 'text/markdown' });
    if (!('text' in content)) throw new Error('the resource has no text');
    expect(content.text.split('\n\n').slice(0, 6)).toEqual([
      '# Ecs.0010',
      [
        `- Service: [Elastic Cloud Server (ECS)](${SITE}/ecs/)`,
        `- Page: <${SITE}/ecs/ecs-0010/>`,
        `- JSON: <${SITE}/ecs/errors/ecs-0000--ecs-0214.json#/codes/Ecs.0010>`,
      ].join('\n'),
      '## HTTP 400 Bad Request',
      '**Message:** Private IP address %s is already in use.',
      '**Description:** The private IP address is already in use.',
      '**Solution:** Change the port.',
    ]);
    await expect(client.readResource({ uri: 'error-code://ecs/ecs-9999' })).rejects.toMatchObject({ code: -32002 });
  });

  it('names the resources’ URI template and completes its parts', async () => {
    expect((await client.listResourceTemplates()).resourceTemplates).toEqual([
      {
        name: 'error-code',
        title: 'An error code',
        uriTemplate: 'error-code://{service}/{slug}',
        description: 'One error code of a service, with every row its table has: error-code://<service>/<slug>.',
      },
    ]);
    const completed = await client.complete({
      ref: { type: 'ref/resource', uri: 'error-code://{service}/{slug}' },
      argument: { name: 'slug', value: 'ecs-001' },
      context: { arguments: { service: 'ecs' } },
    });
    expect(completed.completion.values).toEqual([
      'ecs-0010',
      'ecs-0011',
      'ecs-0012',
      'ecs-0013',
      'ecs-0014',
      'ecs-0015',
      'ecs-0017',
    ]);
  });
});

describe('npm run mcp as the README configures a client', () => {
  it('starts with `npm run --silent mcp`, whose standard output is the protocol alone', async () => {
    const viaNpm = new Client({ name: 'error-code-reference-test', version: '1.0.0' });
    await viaNpm.connect(new StdioClientTransport({ command: 'npm', args: ['run', '--silent', 'mcp'], cwd: REPO }));
    try {
      expect(viaNpm.getServerVersion()).toMatchObject({ name: 'error-code-reference' });
      expect((await viaNpm.listTools()).tools.map((t) => t.name)).toEqual([
        'explain_error',
        'get_code',
        'search_codes',
      ]);
    } finally {
      await viaNpm.close();
    }
  });
});

describe('npm run mcp on a content folder with problems', () => {
  it('exits 1 with one line on standard error, never a stack trace', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mcp-content-'));
    try {
      mkdirSync(path.join(dir, 'ecs'));
      writeFileSync(path.join(dir, 'ecs', 'error-codes.rst'), 'Error Codes\n===========\n\n+----+\n| Error Code |\n');
      const result = spawnSync(COMMAND.command, [...COMMAND.args, '--content', dir], { cwd: REPO, encoding: 'utf8' });
      expect(result.status).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(
        new RegExp(
          `^mcp: \\d+ problems in ${dir}/, the first: [^\\n]*error-codes\\.rst:\\d+:\\d+: [^\\n]+; ` +
            `npm run validate -- --content ${dir}/ lists them all\\n$`,
        ),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
