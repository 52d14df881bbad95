/**
 * The MCP server of `npm run mcp`: the tools of `tools.ts` and the resources of `resources.ts` registered with the
 * SDK's McpServer, over services read once. Any transport: `scripts/mcp.ts` connects it to standard input and
 * output, the tests also in memory.
 */
import { McpServer, ResourceTemplate } from '@modelcontextprotocol/sdk/server/mcp.js';
import { McpError, type CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { ServiceModel } from '../assembly/assemble.ts';
import { shortServiceName } from '../core/service-name.ts';
import { SITE_URL } from '../core/urls.ts';
import { CODE_URI_TEMPLATE, createCodeResources } from './resources.ts';
import {
  createToolContext,
  explainError,
  ExplainErrorInput,
  ExplainErrorOutput,
  getCode,
  GetCodeInput,
  GetCodeOutput,
  searchCodes,
  SearchCodesInput,
  SearchCodesOutput,
  type ToolAnswer,
} from './tools.ts';

/** The server's name, as clients list it. */
export const SERVER_NAME = 'error-code-reference';

/** Most elements (array items and object properties, at any depth) a tool call's arguments may hold. */
export const MAX_ARGUMENT_ELEMENTS = 64;

/** The protocol's error for a resource that does not exist (the SDK's ErrorCode has no name for it). */
export const RESOURCE_NOT_FOUND = -32002;

/** The tools only read the tables: a call changes nothing, and the same call gives the same answer. */
const READ_ONLY = { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false };

/** A tool's answer as the protocol carries it: Markdown as text content, the JSON document as structured content. */
function toResult(answer: ToolAnswer): CallToolResult {
  const content = [{ type: 'text' as const, text: answer.text }];
  return answer.isError ? { content, isError: true } : { content, structuredContent: answer.structured };
}

/** Creates the server over these services; its URLs are those of the site at `siteUrl`. */
export function createMcpServer(
  services: readonly ServiceModel[],
  { siteUrl = SITE_URL, version = '0.0.0' }: { siteUrl?: string; version?: string } = {},
): McpServer {
  const context = createToolContext(services, siteUrl);
  const resources = createCodeResources(context);
  const names = services.map((s) => shortServiceName(s.catalogue)).join(', ');
  const server = new McpServer(
    { name: SERVER_NAME, title: 'Cloud API error-code reference', version },
    {
      instructions:
        `Error codes of Open Telekom Cloud / Huawei Cloud APIs (${names}), from the services' published tables: ` +
        'what a code means and what to do about it. Give explain_error the error as it came (a code, the message ' +
        'with its values, a JSON error body or a log line); get_code gives every row of a code; search_codes finds ' +
        'codes by what they are about. Each code is also a resource, error-code://<service>/<slug>.',
      maxToolInputElements: MAX_ARGUMENT_ELEMENTS,
    },
  );

  server.registerTool(
    'explain_error',
    {
      title: 'Explain an error',
      description:
        'Finds the error code behind a pasted error and explains it, as the reference site’s lookup does: a code in ' +
        'any spelling, a message with its values filled in (the values are given back), a JSON error body or a ' +
        'log line. Gives the code with its service, HTTP status, message, description, solution and page; several ' +
        'codes when the text cannot tell them apart (say which service or status, if known); or that a code it ' +
        'carries is not listed, with the nearest codes.',
      inputSchema: ExplainErrorInput,
      outputSchema: ExplainErrorOutput,
      annotations: READ_ONLY,
    },
    (input) => toResult(explainError(context, input)),
  );

  server.registerTool(
    'get_code',
    {
      title: 'Get an error code',
      description:
        'Every row of an error code (any spelling: Ecs.0010, ECS-0010) in each service whose table has it: HTTP ' +
        'status, message, description, solution and page. Says so when no table lists the code, with the nearest codes.',
      inputSchema: GetCodeInput,
      outputSchema: GetCodeOutput,
      annotations: READ_ONLY,
    },
    (input) => toResult(getCode(context, input)),
  );

  server.registerTool(
    'search_codes',
    {
      title: 'Search error codes',
      description:
        'Finds the error codes whose message, description or solution have the most of the given words ' +
        '(synonyms of the domain and typos understood), best first. For a code or a whole error message, ' +
        'explain_error answers better.',
      inputSchema: SearchCodesInput,
      outputSchema: SearchCodesOutput,
      annotations: READ_ONLY,
    },
    (input) => toResult(searchCodes(context, input)),
  );

  server.registerResource(
    'error-code',
    new ResourceTemplate(CODE_URI_TEMPLATE, {
      list: () => ({ resources: resources.list() }),
      complete: {
        service: (typed) => resources.completeService(typed),
        slug: (typed, completion) => resources.completeSlug(typed, completion?.arguments?.service),
      },
    }),
    {
      title: 'An error code',
      description: 'One error code of a service, with every row its table has: error-code://<service>/<slug>.',
    },
    (uri, variables) => {
      const [service, slug] = [variables.service, variables.slug].map((v) => (Array.isArray(v) ? v[0] : v));
      const found = service && slug ? resources.read(service, slug) : undefined;
      if (!found)
        throw new McpError(
          RESOURCE_NOT_FOUND,
          `No error code at ${uri.href}: resources are error-code://<service>/<slug>, as listed`,
        );
      return { contents: [{ uri: uri.href, mimeType: found.mimeType, text: found.text }] };
    },
  );
  return server;
}
