import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadServices } from '../../src/lib/assembly/load-site.ts';
import { SITE_URL } from '../../src/lib/core/urls.ts';
import { escapeMarkdown } from '../../src/lib/mcp/answer-markdown.ts';
import { createToolContext, explainError } from '../../src/lib/mcp/tools.ts';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SITE = SITE_URL;
const cloud = createToolContext(loadServices(path.join(REPO, 'tests/fixtures/cloud/content'), REPO).services, SITE);

describe('escapeMarkdown', () => {
  it('escapes every character that would start inline markup, and nothing else', () => {
    expect(escapeMarkdown('[link](x) ![img](y) <b>&amp; *em* _em_ `code` ~~s~~ \\')).toBe(
      '\\[link\\](x) !\\[img\\](y) \\<b\\>\\&amp; \\*em\\* \\_em\\_ \\`code\\` \\~\\~s\\~\\~ \\\\',
    );
    expect(escapeMarkdown('Ecs.0010: Private IP address 10.0.0.1 is already in use.')).toBe(
      'Ecs.0010: Private IP address 10.0.0.1 is already in use.',
    );
  });
});

describe('an answer of the whole cloud as Markdown', () => {
  it('says what chose the service, and names the services that read the same', () => {
    const text = explainError(cloud, {
      text: 'POST https://vpc.eu-de.otc.t-systems.com/v1/3/publicips {"code":"VPC.0501","message":"Invalid limit."}',
    }).text;
    expect(text).toBe(
      [
        'EIP, by the endpoint vpc.eu-de.otc.t-systems.com, the API path /v1/{project\\_id}/publicips.',
        '',
        '## VPC.0501 (EIP: Elastic IP)',
        '',
        `Also in VPC (${SITE}/vpc/vpc-0501/), reading the same.`,
        '',
        '- HTTP status: 400 Bad Request',
        '- Message: Invalid limit.',
        '- Description: Invalid EIP parameters.',
        '- Solution: Check the parameter values.',
        '- Module: Querying EIPs',
        `- Page: ${SITE}/eip/vpc-0501/#http-400-2`,
        '',
      ].join('\n'),
    );
  });

  it('names the nearest codes of a code no table lists, with their pages', () => {
    const text = explainError(cloud, {
      text: '{"error":{"message":"Flavor s3.xlarge.1 is abandoned","code":"Ecs.0019"}}',
    }).text;
    expect(text).toBe(
      [
        '**Ecs.0019 is not listed in this reference.**',
        '',
        '- It points to Elastic Cloud Server (ECS): its codes of the prefix Ecs.',
        '- The message it carried: “Flavor s3.xlarge.1 is abandoned”',
        `- Codes nearest to it: Ecs.0010 (ECS, ${SITE}/ecs/ecs-0010/), Ecs.0014 (ECS, ${SITE}/ecs/ecs-0014/), ` +
          `Ecs.0021 (ECS, ${SITE}/ecs/ecs-0021/)`,
        '',
      ].join('\n'),
    );
  });
});
