import { describe, expect, it } from 'vitest';
import { CLOUD_CORPUS, CORPUS_KINDS, type CorpusEntry } from '../../scripts/harness/cloud-corpus.ts';
import { describeObservation, judgeLookup, outcomeOfStatus } from '../../scripts/harness/lookup-runner.ts';

const rds: CorpusEntry = { kind: 'json', text: '{"error_code":"DBS.280285"}', expect: ['/rds/dbs-280285/'] };
const unlisted: CorpusEntry = { kind: 'json', text: '{"code":"Ecs.0019"}', unlisted: 'Ecs.0019' };
const none: CorpusEntry = { kind: 'message', text: 'connection refused', none: true };

describe('judging what the lookup did', () => {
  it('counts a landing on an expected page as right, on any other as wrong', () => {
    expect(judgeLookup(rds, { kind: 'direct', path: '/rds/dbs-280285/', href: '/rds/dbs-280285/#http-400' })).toBe(
      'direct-right',
    );
    expect(judgeLookup(rds, { kind: 'direct', path: '/dds/dbs-280285/', href: '/dds/dbs-280285/' })).toBe('wrong');
    expect(judgeLookup(unlisted, { kind: 'direct', path: '/ecs/ecs-0010/', href: '/ecs/ecs-0010/' })).toBe('wrong');
    expect(judgeLookup(none, { kind: 'direct', path: '/ecs/ecs-0010/', href: '/ecs/ecs-0010/' })).toBe('wrong');
  });

  it('counts a chooser as right only when it lists an expected page', () => {
    expect(judgeLookup(rds, { kind: 'choose', paths: ['/taurusdb/dbs-280285/', '/rds/dbs-280285/'] })).toBe(
      'chooser-right',
    );
    expect(judgeLookup(rds, { kind: 'choose', paths: ['/taurusdb/dbs-280285/'] })).toBe('miss');
    expect(judgeLookup(unlisted, { kind: 'choose', paths: ['/ecs/ecs-0010/'] })).toBe('miss');
  });

  it('counts an unknown code as named when its code key is the unlisted code, in any spelling', () => {
    expect(judgeLookup(unlisted, { kind: 'unknown-code', code: 'ECS.0019' })).toBe('unlisted-named');
    expect(judgeLookup(unlisted, { kind: 'unknown-code', code: 'ecs 0019' })).toBe('unlisted-named');
    expect(judgeLookup(unlisted, { kind: 'unknown-code', code: 'Ecs.0016' })).toBe('miss');
    expect(judgeLookup(rds, { kind: 'unknown-code', code: 'DBS.280285' })).toBe('miss');
  });

  it('counts a search as right only for a text with no code', () => {
    expect(judgeLookup(none, { kind: 'search' })).toBe('none-right');
    expect(judgeLookup(rds, { kind: 'search' })).toBe('miss');
    expect(judgeLookup(unlisted, { kind: 'search' })).toBe('miss');
  });

  it('counts an empty page or a timeout as a miss, and says what happened', () => {
    const timeout = { kind: 'miss' as const, detail: 'timeout after 15 s on /lookup/' };
    expect(judgeLookup(rds, timeout)).toBe('miss');
    expect(describeObservation(timeout)).toBe('timeout after 15 s on /lookup/');
    expect(describeObservation({ kind: 'unknown-code', code: 'Ecs.0019' })).toBe(
      'said Ecs.0019 is not in this reference',
    );
  });
});

describe('reading the status line of the lookup page', () => {
  it('takes the outcome the page names', () => {
    expect(outcomeOfStatus({ outcome: 'choose', text: 'anything' })).toEqual({ kind: 'choose' });
    expect(outcomeOfStatus({ outcome: 'unknown-code', code: 'Ecs.0019', text: '' })).toEqual({
      kind: 'unknown-code',
      code: 'Ecs.0019',
    });
  });

  it('reads the wording of a build from before the page named its outcome', () => {
    expect(outcomeOfStatus({ text: 'DBS.280285 exists in 4 services. Choose one:' })).toEqual({ kind: 'choose' });
    expect(outcomeOfStatus({ text: '2 codes match equally. Choose one:' })).toEqual({ kind: 'choose' });
    expect(outcomeOfStatus({ text: 'Ecs.0019 is not in this reference. Try searching for the message.' })).toEqual({
      kind: 'unknown-code',
      code: 'Ecs.0019',
    });
    expect(outcomeOfStatus({ text: 'No message template matches this text. Pages that mention it:' })).toEqual({
      kind: 'search',
    });
    expect(
      outcomeOfStatus({ text: 'Nothing matches this text. Check the code or try a few words of the message.' }),
    ).toEqual({ kind: 'search' });
    expect(outcomeOfStatus({ text: '' })).toBeUndefined();
  });
});

describe('the cloud corpus', () => {
  it('has at least 60 texts, each with a text and exactly one kind of expectation', () => {
    expect(CLOUD_CORPUS.length).toBeGreaterThanOrEqual(60);
    for (const entry of CLOUD_CORPUS) {
      expect(entry.text.trim(), JSON.stringify(entry)).not.toBe('');
      const kinds = [entry.expect !== undefined, entry.unlisted !== undefined, entry.none === true].filter(Boolean);
      expect(kinds, entry.text).toHaveLength(1);
      if (entry.expect) expect(entry.expect.length, entry.text).toBeGreaterThan(0);
    }
  });

  it('gives expected pages as code page paths: /<service>/<slug>/ in lower case', () => {
    for (const path of CLOUD_CORPUS.flatMap((e) => e.expect ?? []))
      expect(path).toMatch(/^\/[a-z0-9-]+\/[a-z0-9]+(?:-[a-z0-9]+)*\/$/);
  });

  it('marks as ambiguous only entries that accept more than one page', () => {
    for (const entry of CLOUD_CORPUS.filter((e) => e.ambiguous))
      expect(entry.expect?.length ?? 0, entry.text).toBeGreaterThan(1);
  });

  it('has every kind of text, every kind of expectation, and no text twice', () => {
    expect(new Set(CLOUD_CORPUS.map((e) => e.kind))).toEqual(new Set(CORPUS_KINDS));
    expect(CLOUD_CORPUS.some((e) => e.unlisted)).toBe(true);
    expect(CLOUD_CORPUS.some((e) => e.none)).toBe(true);
    expect(CLOUD_CORPUS.some((e) => (e.expect?.length ?? 0) > 1)).toBe(true);
    expect(new Set(CLOUD_CORPUS.map((e) => e.text)).size).toBe(CLOUD_CORPUS.length);
  });

  it('holds the examples of the issue with their expectations', () => {
    const find = (start: string) => CLOUD_CORPUS.find((e) => e.text.startsWith(start));
    expect(
      find('Error: error creating OpenTelekomCloud server: Bad request with: [POST https://ecs.eu-de')?.unlisted,
    ).toBe('Ecs.0019');
    expect(find('│ Error: error creating RDS instance')?.expect).toEqual(['/rds/dbs-280285/']);
    expect(find('│ Error: error allocating EIP')?.expect).toEqual(['/eip/vpc-0501/']);
    expect(find(' {"error":{"message":"request parameter is not valid"')?.expect).toEqual([
      '/elb/elb-1001/',
      '/lb/elb-1001/',
    ]);
    expect(find('Error: error creating bucket ssl-storage')?.expect).toEqual(['/obs/accessdenied/']);
    expect(find('openstack.exceptions.HttpException')?.unlisted).toBe('APIGW.0301');
    expect(find('Error: error creating opentelekomcloud Cluster')?.unlisted).toBe('CCE_CM.0201');
  });
});

describe('the clues of the cloud’s services that the whole-cloud bench declares', () => {
  it('each fits service.json’s schema', async () => {
    const { readFileSync } = await import('node:fs');
    const { ServiceMetaSchema } = await import('../../src/lib/catalogue/service-meta.ts');
    const clues = JSON.parse(
      readFileSync(new URL('../../scripts/bench/cloud-clues.json', import.meta.url), 'utf8'),
    ) as Record<string, unknown>;
    const problems = Object.entries(clues)
      .filter(([id]) => !id.startsWith('$'))
      .flatMap(([id, value]) => {
        const parsed = ServiceMetaSchema.safeParse(value);
        return parsed.success
          ? []
          : [`${id}: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`];
      });
    expect(problems).toEqual([]);
    expect(Object.keys(clues).length).toBeGreaterThan(10);
  });
});
