import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { explain, explainAnswer } from '../../src/lib/assembly/explain.ts';
import { SITE_URL } from '../../src/lib/core/urls.ts';
import { fillTemplate, formatAnswer, formatHit, formatNoMatch } from '../../src/lib/assembly/explain-text.ts';
import { parseExplainArgs, terminalStyle } from '../../scripts/explain.ts';
import { loadServices } from '../../src/lib/assembly/load-site.ts';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The site URL of every answer here: the project's, which the CLI prints. */
const SITE = SITE_URL;
const { services } = loadServices(path.join(REPO, 'content'), REPO);

const ECS_0010_FILLED = [
  'Ecs.0010 (ECS: Elastic Cloud Server)',
  '  HTTP status  400 Bad Request',
  '  Message      Private IP address [10.0.0.1] is already in use.',
  '  Description  The private IP address is already in use.',
  '  Solution     Change the port.',
  `  URL          ${SITE}/ecs/ecs-0010/`,
  '',
].join('\n');

/** Runs the CLI the way `npm run explain -- ...` does, from the repository root, without a terminal. */
function runExplain(args: string[], options: { env?: Record<string, string>; cwd?: string; input?: string } = {}) {
  const result = spawnSync(path.join(REPO, 'node_modules/.bin/tsx'), [path.join(REPO, 'scripts/explain.ts'), ...args], {
    cwd: options.cwd ?? REPO,
    encoding: 'utf8',
    input: options.input,
    env: { ...process.env, ...options.env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('parseExplainArgs', () => {
  it('joins the words of an unquoted message and reads the options in any order', () => {
    expect(parseExplainArgs(['--status', '404', 'Private', 'IP', '--json', '--service=ECS', 'address'])).toEqual({
      kind: 'explain',
      input: 'Private IP address',
      readStdin: false,
      status: 404,
      service: 'ecs',
      content: undefined,
      json: true,
    });
  });

  it('takes everything after -- as input, even words that look like options', () => {
    expect(parseExplainArgs(['--', '--json', 'x'])).toMatchObject({ kind: 'explain', input: '--json x', json: false });
  });

  it('keeps a word that starts with a minus and a digit, such as -1, as input', () => {
    expect(parseExplainArgs(['Quota', '-1', 'exceeded', '-10.5'])).toMatchObject({
      kind: 'explain',
      input: 'Quota -1 exceeded -10.5',
    });
  });

  it('reads "-" as "take the input from standard input"', () => {
    expect(parseExplainArgs(['-'])).toMatchObject({ kind: 'explain', input: '', readStdin: true });
  });

  it('asks for help, and names the problem of a bad command line', () => {
    expect(parseExplainArgs(['--help'])).toEqual({ kind: 'help' });
    expect(parseExplainArgs([])).toEqual({ kind: 'usage-error', message: 'give an error code or an error message' });
    expect(parseExplainArgs(['--status', 'abc', 'x'])).toEqual({
      kind: 'usage-error',
      message: '--status needs an HTTP status such as 404, not "abc"',
    });
    expect(parseExplainArgs(['x', '--status'])).toEqual({
      kind: 'usage-error',
      message: '--status needs an HTTP status such as 404, not nothing',
    });
    expect(parseExplainArgs(['--colour', 'x'])).toEqual({ kind: 'usage-error', message: 'unknown option "--colour"' });
    expect(parseExplainArgs(['-vx', 'x'])).toEqual({ kind: 'usage-error', message: 'unknown option "-vx"' });
    expect(parseExplainArgs(['--json=yes', 'x'])).toEqual({
      kind: 'usage-error',
      message: 'unknown option "--json=yes"',
    });
    expect(parseExplainArgs(['-', 'x'])).toEqual({
      kind: 'usage-error',
      message: 'give the input as arguments or as "-" (standard input), not both',
    });
  });
});

describe('explain', () => {
  it('finds a code in any spelling, with every row the table has for it', () => {
    for (const spelling of ['Ecs.1000', 'ECS-1000', 'ecs1000']) {
      const hits = explain(spelling, services, SITE);
      expect(
        hits.map((h) => [h.code, h.via, h.rows.map((r) => r.anchor)]),
        spelling,
      ).toEqual([['Ecs.1000', 'code', ['http-400', 'http-404']]]);
    }
  });

  it('keeps to the row with the asked status, and says so when the code has no such row', () => {
    expect(explain('Ecs.1000', services, SITE, { status: 404 })[0].rows.map((r) => r.anchor)).toEqual(['http-404']);
    const hit = explain('Ecs.0010', services, SITE, { status: 404 })[0];
    expect(hit.rows.map((r) => r.status)).toEqual([400]);
    expect(hit.note).toBe('The table has no HTTP 404 row for Ecs.0010; showing its only row.');
  });

  it('finds the code of a filled-in message and the values that fill its slots', () => {
    const [hit, ...rest] = explain('Private IP address 10.0.0.1 is already in use', services, SITE);
    expect(rest).toEqual([]);
    expect(hit).toMatchObject({
      code: 'Ecs.0010',
      via: 'message',
      url: `${SITE}/ecs/ecs-0010/`,
      json: `${SITE}/ecs/errors/ecs-0000--ecs-0214.json#/codes/Ecs.0010`,
    });
    expect(hit.rows.map((r) => r.values)).toEqual([['10.0.0.1']]);
  });

  it('reads a JSON error body: the code it names and the row its message matches', () => {
    const body = '{"error": {"code": "Ecs.1000", "message": "itemNotFound: server-9 could not be found."}}';
    const [hit] = explain(body, services, SITE);
    expect(hit.code).toBe('Ecs.1000');
    expect(hit.via).toBe('code+message');
    expect(hit.rows.map((r) => [r.anchor, r.values])).toEqual([['http-404', ['server-9']]]);
  });

  it('returns every code whose template fits equally (Ecs.0202 and Ecs.0203 share theirs)', () => {
    const hits = explain('Failed to create volume vol-1 because the quota is exceeded.', services, SITE);
    expect(hits.map((h) => [h.code, h.rows[0].values])).toEqual([
      ['Ecs.0202', ['vol-1', 'the quota is exceeded']],
      ['Ecs.0203', ['vol-1', 'the quota is exceeded']],
    ]);
  });

  it('returns nothing for text that is no code and fits no template', () => {
    expect(explain('hello world', services, SITE)).toEqual([]);
    expect(explain('Ecs.9999', services, SITE)).toEqual([]);
  });
});

describe('formatting', () => {
  it('prints code, service, status, filled message, description, solution and URL', () => {
    const [hit] = explain('Private IP address 10.0.0.1 is already in use.', services, SITE);
    expect(formatAnswer({ kind: 'go', hits: [hit] })).toBe(ECS_0010_FILLED);
  });

  it('prints each row of a two-row code with its anchored URL', () => {
    expect(formatHit(explain('Ecs.1000', services, SITE)[0])).toBe(
      [
        'Ecs.1000 (ECS: Elastic Cloud Server, 2 rows)',
        '  HTTP status  400 Bad Request',
        '  Message      Failed to call the Nova API because %s.',
        '  Description  Failed to call the Nova API.',
        '  Solution     Internal calling error. Try again later or contact customer service.',
        `  URL          ${SITE}/ecs/ecs-1000/#http-400`,
        '',
        '  HTTP status  404 Not Found',
        '  Message      itemNotFound: xxx could not be found.',
        '  Description  The resource does not exist.',
        '  Solution     Check whether the resource exists.',
        `  URL          ${SITE}/ecs/ecs-1000/#http-404`,
      ].join('\n'),
    );
  });

  it('opens with a line saying that several hits tie', () => {
    const text = formatAnswer(explainAnswer('Failed to create volume vol-1 because of quota.', services, SITE));
    expect(text.split('\n')[0]).toBe('2 codes match equally. The codes: Ecs.0202 (ECS), Ecs.0203 (ECS).');
    expect(text).toContain('Failed to create the system disk.');
    expect(text).toContain('Failed to create the data disk.');
  });

  it('uses ANSI bold and colour only when asked to', () => {
    const [hit] = explain('Private IP address 10.0.0.1 is already in use.', services, SITE);
    expect(formatHit(hit)).not.toContain('\x1b[');
    expect(formatHit(hit, terminalStyle(false))).toBe(formatHit(hit));
    const coloured = formatHit(hit, terminalStyle(true));
    expect(coloured).toContain('\x1b[1mEcs.0010\x1b[22m');
    expect(coloured).toContain('Private IP address \x1b[1m\x1b[36m[10.0.0.1]\x1b[39m\x1b[22m is already in use.');
  });

  it('leaves slots without a value as the table writes them', () => {
    const message = {
      template: 'Failed to create volume %s because %s.',
      html: '',
      slots: [
        { index: 0, kind: '%s' as const, start: 24, end: 26 },
        { index: 1, kind: '%s' as const, start: 35, end: 37 },
      ],
    };
    expect(fillTemplate({ message, values: ['vol-1'] })).toBe('Failed to create volume [vol-1] because %s.');
  });

  it('quotes the input on one line, cut to 80 characters, when nothing matches', () => {
    expect(formatNoMatch('hello\n  world')).toBe(
      'No error code matches "hello world". Try a code such as Ecs.0010, or words of the message.',
    );
    const quoted = /"(.*)"/.exec(formatNoMatch('x'.repeat(200)))![1];
    expect(quoted).toBe(`${'x'.repeat(79)}…`);
    expect([...quoted]).toHaveLength(80);
  });
});

describe('scripts/explain.ts', () => {
  it('explains a code: exit 0, and stdout has the code, message, description, solution and URL', () => {
    const result = runExplain(['Ecs.0010']);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    for (const part of [
      'Ecs.0010',
      'Private IP address %s is already in use.',
      'The private IP address is already in use.',
      'Change the port.',
      `${SITE}/ecs/ecs-0010/`,
    ]) {
      expect(result.stdout).toContain(part);
    }
  });

  it('explains a filled-in message, marking the value it filled in, without colour when not on a terminal', () => {
    expect(runExplain(['Private IP address 10.0.0.1 is already in use.'])).toEqual({
      status: 0,
      stdout: ECS_0010_FILLED,
      stderr: '',
    });
  });

  it('explains a JSON error body, also from standard input', () => {
    const body = JSON.stringify(
      { error: { code: 'Ecs.0010', message: 'Private IP address 10.0.0.1 is already in use.' } },
      null,
      2,
    );
    expect(runExplain([body])).toEqual({ status: 0, stdout: ECS_0010_FILLED, stderr: '' });
    expect(runExplain(['-'], { input: body })).toEqual({ status: 0, stdout: ECS_0010_FILLED, stderr: '' });
  });

  it('prints machine-readable hits with --json', () => {
    const result = runExplain(['--json', '--status', '404', 'Ecs.1000']);
    expect(result.status).toBe(0);
    const output = JSON.parse(result.stdout);
    expect(output.input).toBe('Ecs.1000');
    expect(output.hits).toHaveLength(1);
    expect(output.hits[0]).toMatchObject({ code: 'Ecs.1000', via: 'code', url: `${SITE}/ecs/ecs-1000/`, tableRows: 2 });
    expect(output.hits[0].rows).toMatchObject([
      { status: 404, anchor: 'http-404', url: `${SITE}/ecs/ecs-1000/#http-404`, values: [] },
    ]);
  });

  it('prints the URLs of the site the project publishes, whatever the shell exports', () => {
    const { stdout } = runExplain(['Ecs.0010'], { env: { SITE: 'https://site.test', SITE_URL: 'https://url.test' } });
    expect(stdout).toContain(`  URL          ${SITE_URL}/ecs/ecs-0010/\n`);
    expect(stdout).not.toContain('.test');
  });

  it('exits 1 with the exact message when nothing matches', () => {
    expect(runExplain(['The moon is made of cheese'])).toEqual({
      status: 1,
      stdout: '',
      stderr:
        'No error code matches "The moon is made of cheese". Try a code such as Ecs.0010, or words of the message.\n',
    });
  });

  it('exits 2 with the usage when given no argument', () => {
    const result = runExplain([]);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(
      /^explain: give an error code or an error message\nUsage: npm run explain -- \[options\] <code or message>\n/,
    );
  });

  it('exits 2 on an unknown service, naming the ones there are', () => {
    expect(runExplain(['--service', 'rds', 'Ecs.0010'])).toEqual({
      status: 2,
      stdout: '',
      stderr: 'explain: unknown service "rds"; the services are ecs\n',
    });
  });

  it('prints every located content problem and exits 1, without a stack trace', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'explain-'));
    try {
      mkdirSync(path.join(dir, 'content/ecs'), { recursive: true });
      copyFileSync(
        path.join(REPO, 'tests/rst/fixtures/many-problems/input.rst'),
        path.join(dir, 'content/ecs/error-codes.rst'),
      );
      expect(runExplain(['--content', 'content', 'Ecs.0010'], { cwd: dir })).toEqual({
        status: 1,
        stdout: '',
        stderr: [
          'content/ecs/error-codes.rst:18:28: row has 4 cells, the header has 5 (is a | missing?)',
          'content/ecs/error-codes.rst:21:41: border line does not match the table\'s columns (expected "-" at column 41)',
          'content/ecs/error-codes.rst:26:16: empty error code',
          'explain: 3 problems in content/; fix them, then try again',
          '',
        ].join('\n'),
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('explain on a table with dated versions (tests/fixtures/history-site)', () => {
  const HISTORY_SITE = path.join(REPO, 'tests/fixtures/history-site');
  const loaded = loadServices(path.join(HISTORY_SITE, 'content'), HISTORY_SITE);
  const OLD_0010 = 'Private IP address 10.0.0.1 is already in use.';

  it('loads the fixture without problems', () => {
    expect(loaded.diagnostics).toEqual([]);
  });

  it('matches an earlier wording: the row is that wording at #v1, with its dates and today’s row', () => {
    const hits = explain(OLD_0010, loaded.services, SITE);
    expect(hits.map((h) => [h.code, h.via])).toEqual([['Ecs.0010', 'message']]);
    const [row] = hits[0].rows;
    expect(row).toMatchObject({
      status: 400,
      anchor: 'v1',
      url: `${SITE}/ecs/ecs-0010/#v1`,
      message: { template: 'Private IP address %s is already in use.' },
      values: ['10.0.0.1'],
      earlier: {
        first: '2022-03-28',
        last: '2022-03-28',
        today: {
          status: 400,
          anchor: 'http-400',
          url: `${SITE}/ecs/ecs-0010/#http-400`,
          message: { template: 'The private IP address %s is already used by another port.' },
        },
      },
    });
    expect(row).not.toHaveProperty('line');
  });

  it('says which wording it matched and what the table says today', () => {
    expect(formatAnswer(explainAnswer(OLD_0010, loaded.services, SITE))).toBe(
      [
        'Ecs.0010 (ECS: Elastic Cloud Server)',
        '  Matched an earlier wording (published 2022-03-28); today the table says: "The private IP address %s is already used by another port."',
        '  HTTP status  400 Bad Request',
        '  Message      Private IP address [10.0.0.1] is already in use.',
        '  Description  The private IP address is already in use.',
        '  Solution     Use another private IP address.',
        `  URL          ${SITE}/ecs/ecs-0010/#v1`,
        '',
      ].join('\n'),
    );
  });

  it('matches today’s wording as a plain current row, with no word of history', () => {
    const [hit] = explain('The private IP address 10.0.0.1 is already used by another port.', loaded.services, SITE);
    expect(hit.rows.map((r) => [r.anchor, r.values, r.earlier])).toEqual([['http-400', ['10.0.0.1'], undefined]]);
    expect(formatHit(hit)).not.toContain('earlier');
  });

  it('prefers today’s row when an old and a current wording fit equally, and the old one when its status is asked for', () => {
    const [today] = explain('request body is illegal.', loaded.services, SITE);
    expect(today.rows.map((r) => [r.status, r.anchor])).toEqual([[404, 'http-404']]);
    const [old] = explain('request body is illegal.', loaded.services, SITE, { status: 400 });
    expect(old.rows.map((r) => [r.status, r.anchor])).toEqual([[400, 'v1']]);
    expect(formatHit(old).split('\n')[1]).toBe(
      '  Matched an earlier wording (published 2022-03-28 to 2022-07-15); today the table says (HTTP 404): "request body is illegal."',
    );
  });

  it('finds a retired code by its code and by its message, and says when it was last published', () => {
    for (const input of ['Ecs.0910', 'The image cirros is no longer supported.']) {
      const [hit, ...rest] = explain(input, loaded.services, SITE);
      expect(rest, input).toEqual([]);
      expect(hit.retired, input).toEqual({ lastPublished: '2022-07-15', current: '2023-02-21' });
      expect(formatHit(hit).split('\n').slice(0, 2), input).toEqual([
        'Ecs.0910 (ECS: Elastic Cloud Server)',
        '  Retired: last published 2022-07-15; the table of 2023-02-21 no longer has it.',
      ]);
    }
  });

  it('shows a code named alone with its current rows, not its earlier wordings', () => {
    const [hit] = explain('Ecs.0010', loaded.services, SITE);
    expect(hit.rows.map((r) => [r.anchor, r.earlier])).toEqual([['http-400', undefined]]);
    expect(hit.retired).toBeUndefined();
  });

  it('prints the earlier-wording line from the command line too', () => {
    const { status, stdout } = runExplain(['--content', path.join(HISTORY_SITE, 'content'), OLD_0010]);
    expect(status).toBe(0);
    expect(stdout).toContain(
      '  Matched an earlier wording (published 2022-03-28); today the table says: "The private IP address %s is already used by another port."\n',
    );
  });
});
