import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadServices } from '../../src/lib/assembly/load-site.ts';
import { SITE_URL } from '../../src/lib/core/urls.ts';
import {
  createToolContext,
  explainError,
  ExplainErrorInput,
  ExplainErrorOutput,
  getCode,
  GetCodeInput,
  GetCodeOutput,
  resolveService,
  searchCodes,
  SearchCodesInput,
  SearchCodesOutput,
  type ToolAnswer,
} from '../../src/lib/mcp/tools.ts';
import { ECS_0010_FILLED } from './expected.ts';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SITE = SITE_URL;
const load = (content: string) => loadServices(path.join(REPO, content), REPO).services;
const ecs = createToolContext(load('content'), SITE);
const two = createToolContext(load('tests/fixtures/multi-service/content'), SITE);
const history = createToolContext(load('tests/fixtures/history-site/content'), SITE);

/** The structured part of an answer that is not a refusal. */
function structured(answer: ToolAnswer): Record<string, unknown> {
  if (answer.isError) throw new Error(`refused: ${answer.text}`);
  return answer.structured;
}

describe('explain_error', () => {
  it('answers a code with its filled-in message: the code, its row, the value in bold', () => {
    const answer = explainError(ecs, { text: 'Ecs.0010 Private IP address 192.168.0.12 is already in use.' });
    expect(answer.text).toBe(ECS_0010_FILLED);
    expect(structured(answer)).toMatchObject({
      outcome: 'go',
      hits: [{ code: 'Ecs.0010', via: 'code+message', rows: [{ anchor: 'http-400', values: ['192.168.0.12'] }] }],
    });
  });

  it('finds the code of a filled-in message without its code', () => {
    const answer = explainError(ecs, { text: 'Private IP address 192.168.0.12 is already in use.' });
    expect(answer.text).toBe(ECS_0010_FILLED);
    expect(structured(answer)).toMatchObject({ outcome: 'go', hits: [{ code: 'Ecs.0010', via: 'message' }] });
  });

  it('says that a code no table lists is not listed, with what the lookup knows of it', () => {
    const nearest = ['1001', '1002', '1100', '1200', '1201', '1300'].map(
      (n) => `Ecs.${n} (ECS, ${SITE}/ecs/ecs-${n}/)`,
    );
    const answer = explainError(ecs, { text: 'Ecs.9999 something' });
    expect(answer.text).toBe(
      [
        '**Ecs.9999 is not listed in this reference.**',
        '',
        '- It points to Elastic Cloud Server (ECS): its codes of the prefix Ecs.',
        '- The message it carried: “something”',
        `- Codes nearest to it: ${nearest.join(', ')}`,
        '',
      ].join('\n'),
    );
    expect(structured(answer)).toMatchObject({
      outcome: 'unknown-code',
      hits: [],
      unknown: { code: 'Ecs.9999', message: 'something' },
    });
  });

  it('says when nothing matches, and points to search_codes', () => {
    const answer = explainError(ecs, { text: 'hello world' });
    expect(answer.text).toBe(
      'No error code matches "hello world". Try a code such as Ecs.0010, or words of the message. ' +
        'To look for codes by what they are about, use search_codes.\n',
    );
    expect(structured(answer)).toEqual({ outcome: 'search', hits: [] });
  });

  it('gives the chooser when the text cannot tell services apart, and one answer when told the service', () => {
    const answer = explainError(two, { text: 'Common.0024' });
    expect(answer.text.split('\n\n').slice(0, 2)).toEqual([
      'Common.0024 exists in 2 services (EVS, ECS), each with its own wording, and the text does not say which ' +
        'answered. The codes: Common.0024 (EVS), Common.0024 (ECS).',
      '## Common.0024 (EVS: Elastic Volume Service)',
    ]);
    expect(structured(answer)).toMatchObject({
      outcome: 'choose',
      hits: [{ service: { id: 'evs' } }, { service: { id: 'ecs' } }],
    });
    const told = explainError(two, { text: 'Common.0024', service: 'EVS' });
    expect(structured(told)).toMatchObject({ outcome: 'go', hits: [{ service: { id: 'evs' } }] });
  });

  it('keeps to the row of the asked status, and says when the code has none', () => {
    expect(explainError(ecs, { text: 'Ecs.1000', status: 404 }).text).toBe(
      [
        '## Ecs.1000 (ECS: Elastic Cloud Server)',
        '',
        '- HTTP status: 404 Not Found',
        '- Message: itemNotFound: xxx could not be found.',
        '- Description: The resource does not exist.',
        '- Solution: Check whether the resource exists.',
        `- Page: ${SITE}/ecs/ecs-1000/#http-404`,
        '',
      ].join('\n'),
    );
    expect(explainError(ecs, { text: 'Ecs.0010', status: 404 }).text.split('\n\n')[1]).toBe(
      'The table has no HTTP 404 row for Ecs.0010; showing its only row.',
    );
  });

  it('says when the text matched an earlier wording, and when a code is retired', () => {
    expect(explainError(history, { text: 'Private IP address 10.0.0.1 is already in use.' }).text).toBe(
      [
        '## Ecs.0010 (ECS: Elastic Cloud Server)',
        '',
        'Matched an earlier wording (published 2022-03-28); today the table says: “The private IP address %s is ' +
          'already used by another port.”',
        '',
        '- HTTP status: 400 Bad Request',
        '- Message: Private IP address **10.0.0.1** is already in use.',
        '- Description: The private IP address is already in use.',
        '- Solution: Use another private IP address.',
        `- Page: ${SITE}/ecs/ecs-0010/#v1`,
        '',
      ].join('\n'),
    );
    expect(explainError(history, { text: 'Ecs.0910' }).text.split('\n\n')[1]).toBe(
      'Retired: last published 2022-07-15; the table of 2023-02-21 no longer has it.',
    );
  });

  it('shows the table’s text as written: markup characters escaped, lists kept as lists', () => {
    expect(explainError(two, { text: 'Evs.0001' }).text).toBe(
      [
        '## Evs.0001 (EVS: Elastic Volume Service)',
        '',
        '- HTTP status: 400 Bad Request',
        '- Message: Value \\<size\\> must be \\> 0 \\& \\*even\\*',
        '- Description: The disk size \\<img src=x onerror=alert(1)\\> is invalid.',
        '- Solution: Check the requested size:',
        '',
        '  - It must be greater than 0.',
        '  - It must be an even number of GB.',
        `- Page: ${SITE}/evs/evs-0001/`,
        '',
      ].join('\n'),
    );
  });

  it('refuses an unknown service, listing the services', () => {
    expect(explainError(two, { text: 'Ecs.0010', service: 'vpc' })).toEqual({
      text: 'Unknown service “vpc”. The services are: ecs (ECS: Elastic Cloud Server), evs (EVS: Elastic Volume Service).',
      isError: true,
    });
  });

  it('gives structured content that its output schema describes whole', () => {
    for (const text of ['Ecs.0010 Private IP address 10.0.0.1 is already in use.', 'Ecs.9999 x', 'Ecs.1000', 'hi']) {
      const document = structured(explainError(ecs, { text }));
      expect(ExplainErrorOutput.parse(document), text).toEqual(document);
    }
    const earlier = structured(explainError(history, { text: 'Private IP address 10.0.0.1 is already in use.' }));
    expect(ExplainErrorOutput.parse(earlier)).toEqual(earlier);
  });
});

describe('get_code', () => {
  it('gives every row of a code in each service that has it, in any spelling', () => {
    const answer = getCode(two, { code: 'common-0024' });
    expect(answer.text.split('\n\n').slice(0, 3)).toEqual([
      'Common.0024 is in 2 services: ECS, EVS.',
      '# Common.0024',
      [
        `- Service: [Elastic Cloud Server (ECS)](${SITE}/ecs/)`,
        `- Page: <${SITE}/ecs/common-0024/>`,
        `- JSON: <${SITE}/ecs/errors/ecs-0000--common-0024.json#/codes/Common.0024>`,
      ].join('\n'),
    ]);
    // Each service's code as the site publishes it in Markdown, one after the other.
    expect(answer.text).toBe(
      `Common.0024 is in 2 services: ECS, EVS.\n\n${two.codeMarkdown('ecs', 'Common.0024')}\n${two.codeMarkdown('evs', 'Common.0024')}`,
    );
    const document = structured(answer);
    expect(document).toMatchObject({
      code: 'common-0024',
      hits: [
        { service: { id: 'ecs' }, code: 'Common.0024', via: 'code', rows: [{ status: 202, values: [] }] },
        { service: { id: 'evs' }, code: 'Common.0024', via: 'code', rows: [{ status: 429, values: [] }] },
      ],
    });
    expect(GetCodeOutput.parse(document)).toEqual(document);
    expect(structured(getCode(two, { code: 'Common.0024', service: 'evs' }))).toMatchObject({
      hits: [{ service: { id: 'evs' } }],
    });
    expect(structured(getCode(ecs, { code: 'Ecs.1000' }))).toMatchObject({
      hits: [{ tableRows: 2, rows: [{ anchor: 'http-400' }, { anchor: 'http-404' }] }],
    });
  });

  it('says when no table lists the code, with the codes nearest to it when it has a known shape', () => {
    const nearest = ['1001', '1002', '1100', '1200', '1201', '1300'];
    const missing = getCode(ecs, { code: 'Ecs.9999' });
    expect(missing.text).toBe(
      [
        '**No code Ecs.9999 in this reference.**',
        '',
        `Codes nearest to it: ${nearest.map((n) => `Ecs.${n} (ECS, ${SITE}/ecs/ecs-${n}/)`).join(', ')}`,
        '',
        'To find the code behind an error message, use explain_error; to find codes by their subject, search_codes.',
        '',
      ].join('\n'),
    );
    const document = structured(missing);
    expect(document).toMatchObject({ code: 'Ecs.9999', hits: [] });
    expect((document.nearest as { code: string }[]).map((n) => n.code)).toEqual(nearest.map((n) => `Ecs.${n}`));
    expect(GetCodeOutput.parse(document)).toEqual(document);
    expect(structured(getCode(ecs, { code: 'hello' }))).toEqual({ code: 'hello', hits: [], nearest: [] });
  });
});

describe('search_codes', () => {
  it('lists the codes with the most of the words, best first, with how the query was read', () => {
    const answer = searchCodes(ecs, { query: 'elastic ip quota', limit: 3 });
    expect(answer.text).toBe(
      [
        '3 of 24 codes for “elastic ip quota”, best first:',
        '',
        `1. **Ecs.0013** (ECS): Insufficient EIP quota. (${SITE}/ecs/ecs-0013/; matches eip, quota)`,
        `2. **Ecs.0012** (ECS): Insufficient IP addresses. (${SITE}/ecs/ecs-0012/; matches ip, insufficient)`,
        `3. **Ecs.0210** (ECS): Failed to call the VPC API to assign an FIP to port %s: %s. (${SITE}/ecs/ecs-0210/; matches floating, ip)`,
        '',
      ].join('\n'),
    );
    const document = structured(answer);
    expect(SearchCodesOutput.parse(document)).toEqual(document);
    expect((document.results as unknown[])[0]).toEqual({
      service: { id: 'ecs', name: 'Elastic Cloud Server', short: 'ECS' },
      code: 'Ecs.0013',
      url: `${SITE}/ecs/ecs-0013/`,
      uri: 'error-code://ecs/ecs-0013',
      score: 0.9,
      matched: ['eip', 'quota'],
      via: 'synonym',
      rows: [{ statuses: [400], message: 'Insufficient EIP quota.', description: 'Insufficient EIP quota.' }],
    });
  });

  it('says how it read a typo, a code, stop words, and words no code has', () => {
    expect(searchCodes(ecs, { query: 'quoat exceded', limit: 1 }).text.split('\n')[0]).toBe(
      '1 of 19 codes for “quoat exceded”, read as “quota exceeded”, best first:',
    );
    expect(searchCodes(ecs, { query: 'Ecs.9999', limit: 3 }).text).toBe(
      '“Ecs.9999” is a code no table lists: explain_error and get_code say what is known of it.\n',
    );
    expect(searchCodes(ecs, { query: 'the', limit: 3 }).text).toBe(
      '“the” has no word to search for (only words such as “the” or “not”): say what the error is about.\n',
    );
    expect(searchCodes(ecs, { query: 'zzzz qqqq', limit: 3 }).text).toBe(
      'No code has any of the words “zzzz”, “qqqq”.\n',
    );
  });
});

describe('the inputs', () => {
  it('refuse text longer than the lookup reads, saying the limit', () => {
    const result = ExplainErrorInput.safeParse({ text: 'x'.repeat(40_000) });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message)).toEqual([
      'too long: 40,000 characters, where the most is 32,768; send the part of the error with its code and message',
    ]);
    expect(ExplainErrorInput.safeParse({ text: 'x'.repeat(32_768) }).success).toBe(true);
  });

  it('refuse blank text, unknown fields, a status that is none and a limit past 50', () => {
    const messages = (
      schema: typeof ExplainErrorInput | typeof GetCodeInput | typeof SearchCodesInput,
      input: unknown,
    ) => schema.safeParse(input).error?.issues.map((i) => i.message);
    expect(messages(ExplainErrorInput, { text: '  ' })).toEqual([
      'text is empty: give the error code, message, JSON body or log line',
    ]);
    expect(messages(ExplainErrorInput, { text: 'x', servce: 'ecs' })).toEqual(['Unrecognized key: "servce"']);
    expect(messages(ExplainErrorInput, { text: 'x', status: 4040 })).toHaveLength(1);
    expect(messages(GetCodeInput, { code: 'x'.repeat(201) })).toEqual([
      'too long: 201 characters, where the most is 200; give one error code such as Ecs.0010',
    ]);
    expect(messages(SearchCodesInput, { query: 'quota', limit: 51 })).toEqual(['limit is at most 50']);
    expect(SearchCodesInput.parse({ query: 'quota' })).toEqual({ query: 'quota', limit: 10 });
  });
});

describe('resolveService', () => {
  it('takes a service by id or short name in any case, and lists the services for any other', () => {
    expect(resolveService(undefined, two.services)).toEqual({});
    expect(resolveService('EVS', two.services)).toEqual({ id: 'evs' });
    expect(resolveService(' ecs ', two.services)).toEqual({ id: 'ecs' });
    expect(resolveService('cloud', two.services)).toEqual({
      error:
        'Unknown service “cloud”. The services are: ecs (ECS: Elastic Cloud Server), evs (EVS: Elastic Volume Service).',
    });
  });
});
