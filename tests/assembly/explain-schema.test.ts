import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createExplainer, explainAnswer } from '../../src/lib/assembly/explain.ts';
import { explainDocument, ExplainDocumentSchema } from '../../src/lib/assembly/explain-schema.ts';
import { formatAnswerJson } from '../../src/lib/assembly/explain-text.ts';
import { loadServices } from '../../src/lib/assembly/load-site.ts';
import { SITE_URL } from '../../src/lib/core/urls.ts';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const load = (content: string) => loadServices(path.join(REPO, content), REPO).services;

/** Inputs that give every part of an answer: each outcome, filled values, history, several services. */
const CASES: [content: string, input: string][] = [
  ['content', 'Ecs.0010 Private IP address 192.168.0.12 is already in use.'],
  ['content', 'Failed to create volume vol-1 because of quota.'],
  ['content', 'hello world'],
  ['tests/fixtures/history-site/content', 'Private IP address 10.0.0.1 is already in use.'],
  ['tests/fixtures/history-site/content', 'Ecs.0910'],
  [
    'tests/fixtures/cloud/content',
    '{"code":"VPC.0501","message":"Invalid limit."} from https://vpc.eu-de.otc.t-systems.com/v1/3/publicips',
  ],
  ['tests/fixtures/cloud/content', '{"error":{"message":"Flavor s3.xlarge.1 is abandoned","code":"Ecs.0019"}}'],
  ['tests/fixtures/cloud/content', 'ELB.0002'],
];

describe('the JSON of an explain answer', () => {
  it.each(CASES)('is described whole by its schema (%s: %s)', (content, input) => {
    const document = JSON.parse(formatAnswerJson(input, explainAnswer(input, load(content), SITE_URL)));
    expect(ExplainDocumentSchema.parse(document)).toEqual(document);
  });

  it('names the outcome `outcome`, and carries the input only when given', () => {
    const answer = explainAnswer('hello', load('content'), SITE_URL);
    expect(explainDocument(answer)).toEqual({ outcome: 'search', hits: [] });
    expect(explainDocument(answer, 'hello')).toEqual({ input: 'hello', outcome: 'search', hits: [] });
  });
});

describe('createExplainer', () => {
  const explainer = createExplainer(load('tests/fixtures/multi-service/content'), SITE_URL);

  it('answers as explainAnswer does, from lookup data built once', () => {
    const services = load('tests/fixtures/multi-service/content');
    for (const input of ['Common.0024', 'Evs.0003', 'The disk vol-1 could not be found.'])
      expect(explainer.answer(input), input).toEqual(explainAnswer(input, services, SITE_URL));
  });

  it('gives the rows of a code in any spelling in each service that has it, or of the one asked for', () => {
    expect(explainer.rowsOfCode('COMMON_0024').map((h) => [h.service.id, h.code, h.via, h.tableRows])).toEqual([
      ['ecs', 'Common.0024', 'code', 1],
      ['evs', 'Common.0024', 'code', 1],
    ]);
    expect(explainer.rowsOfCode('evs0003', { service: 'evs' }).map((h) => h.rows.map((r) => r.anchor))).toEqual([
      ['http-400', 'http-404', 'http-409'],
    ]);
    expect(explainer.rowsOfCode('Evs.0003', { service: 'ecs' })).toEqual([]);
    expect(explainer.rowsOfCode('Evs.9999')).toEqual([]);
  });
});
