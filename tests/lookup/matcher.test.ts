import { describe, expect, it } from 'vitest';
import { createMatcher, MAX_INPUT, type MatchResult, type MatchTarget } from '../../src/lib/lookup/matcher.ts';
import { parseTemplate } from '../../src/lib/core/template.ts';

/** Builds targets from `[code, status, template, rank?]` rows: a page per code, a row anchored by its status. */
function targets(rows: readonly (readonly [string, number, string, number?])[]): MatchTarget[] {
  return rows.map(([code, status, message, rank]) => ({
    path: `/${code}/`,
    anchor: String(status),
    code,
    statuses: [status],
    segments: parseTemplate(message),
    ...(rank === undefined ? {} : { rank }),
  }));
}

// Templates as the ECS table writes them.
const ecs = createMatcher(
  targets([
    ['Ecs.0010', 400, 'Private IP address %s is already in use.'],
    ['Ecs.0614', 404, 'itemNotFound: Instance xxx could not be found.'],
    ['Ecs.1000', 404, 'itemNotFound: xxx could not be found.'],
    ['Ecs.1000', 400, 'Failed to call the Nova API because %s.'],
    ['Ecs.0202', 400, 'Failed to create volume %s because %s.'],
    ['Ecs.0203', 400, 'Failed to create volume %s because %s.'],
    ['Ecs.0045', 400, 'bandwidth size %d is invalid'],
    ['Ecs.0003', 403, 'The token role contains op_suspended. The current operation is not allowed.'],
    ['Ecs.0100', 400, 'server[%s] action[%s] fail: [%s, %s]'],
    ['Common.0024', 202, 'exceeds flow over limit'],
    ['Ecs.0005', 400, 'Request body is null!'],
    ['Pdp.0001', 403, "Policy doesn't allow %s to be performed."],
  ]),
);

/** Compact view of results: `code@anchor via [values]`. */
function summary(results: readonly MatchResult[]): string[] {
  return results.map((r) => `${r.target.code}@${r.target.anchor} ${r.via} ${JSON.stringify(r.values)}`);
}

describe('matching a message', () => {
  it('finds the template of a filled-in message and returns the slot value', () => {
    expect(summary(ecs.match('Private IP address 192.168.0.12 is already in use.'))).toEqual([
      'Ecs.0010@400 message ["192.168.0.12"]',
    ]);
  });

  it('reports how many literal characters of the template the input holds, without the final period it may drop', () => {
    expect(ecs.match('Private IP address 10.0.0.1 is already in use.')[0]?.literal).toBe(
      'Private IP address  is already in use'.length,
    );
  });

  it('ignores case and runs of whitespace', () => {
    expect(summary(ecs.match('PRIVATE  ip\taddress\n 10.0.0.1   IS already in use.'))).toEqual([
      'Ecs.0010@400 message ["10.0.0.1"]',
    ]);
  });

  it('ignores the bold and code markup the table uses', () => {
    const input = 'The token role contains **op_suspended**. The current operation is `not` allowed.';
    expect(summary(ecs.match(input))).toEqual(['Ecs.0003@403 message []']);
  });

  it('ignores a missing final period', () => {
    expect(summary(ecs.match('Private IP address 10.0.0.1 is already in use'))).toEqual([
      'Ecs.0010@400 message ["10.0.0.1"]',
    ]);
  });

  it('ignores a missing or extra final exclamation mark or period', () => {
    expect(summary(ecs.match('Request body is null'))).toEqual(['Ecs.0005@400 message []']);
    expect(summary(ecs.match('exceeds flow over limit.'))).toEqual(['Common.0024@202 message []']);
    expect(summary(ecs.match('Request body is null!!'))).toEqual(['Ecs.0005@400 message []']);
  });

  it('lets %s and xxx take any text, spaces and punctuation included', () => {
    expect(summary(ecs.match('Failed to call the Nova API because the quota (cores: 20) is exceeded.'))).toEqual([
      'Ecs.1000@400 message ["the quota (cores: 20) is exceeded"]',
    ]);
  });

  it('lets %d take digits, optionally signed, and nothing else', () => {
    expect(summary(ecs.match('bandwidth size 300 is invalid'))).toEqual(['Ecs.0045@400 message ["300"]']);
    expect(summary(ecs.match('bandwidth size -5 is invalid'))).toEqual(['Ecs.0045@400 message ["-5"]']);
    expect(ecs.match('bandwidth size 30x is invalid')).toEqual([]);
    expect(ecs.match('bandwidth size large is invalid')).toEqual([]);
  });

  it('does not let a slot be empty', () => {
    expect(ecs.match('Private IP address is already in use.')).toEqual([]);
  });

  it('splits several slots leftmost-shortest and returns the text at each position', () => {
    expect(summary(ecs.match('server[3f9b] action[reboot] fail: [500, internal error: disk]'))).toEqual([
      'Ecs.0100@400 message ["3f9b","reboot","500","internal error: disk"]',
    ]);
  });

  it('moves past a place where the literal fits but the %d after it does not', () => {
    const matcher = createMatcher(targets([['Evs.0001', 400, 'Volume %s size %d GB is too large.']]));
    expect(summary(matcher.match('Volume data size disk size 40 GB is too large.'))).toEqual([
      'Evs.0001@400 message ["data size disk","40"]',
    ]);
  });

  it('returns slot values as written in the input, not folded', () => {
    expect(ecs.match("Policy doesn't allow ECS:Servers:List to be performed.")[0]?.values).toEqual([
      'ECS:Servers:List',
    ]);
  });

  it('reads typographic apostrophes as plain ones', () => {
    expect(summary(ecs.match('Policy doesn\u2019t allow ecs:servers:list to be performed.'))).toEqual([
      'Pdp.0001@403 message ["ecs:servers:list"]',
    ]);
  });

  it('does not match a template cut in the middle of a word', () => {
    expect(ecs.match('reexceeds flow over limits')).toEqual([]);
  });
});

describe('matching inside longer text', () => {
  it('finds a message after a log prefix and before a suffix', () => {
    const line = '2024-05-01T10:00:00Z WARN [nova] Private IP address 10.0.0.7 is already in use. (request 42)';
    expect(summary(ecs.match(line))).toEqual(['Ecs.0010@400 message ["10.0.0.7"]']);
  });

  it('stops a trailing slot at the end of its line', () => {
    const paste = 'Failed to call the Nova API because timeout.\n2024-05-01 next entry';
    expect(ecs.match(paste)[0]?.values).toEqual(['timeout']);
  });

  it('finds a message across a line break inside the message', () => {
    expect(summary(ecs.match('Private IP address 10.0.0.7 is\n  already in use.'))).toEqual([
      'Ecs.0010@400 message ["10.0.0.7"]',
    ]);
  });

  it('reads a nested JSON error body', () => {
    const body = '{"error":{"code":"Ecs.0010","message":"Private IP address 10.0.0.1 is already in use."}}';
    expect(summary(ecs.match(body))).toEqual(['Ecs.0010@400 code+message ["10.0.0.1"]']);
  });

  it('reads a Huawei-style JSON error body', () => {
    const body = '{"error_code":"Ecs.0010","error_msg":"Private IP address 10.0.0.1 is already in use."}';
    expect(summary(ecs.match(body))).toEqual(['Ecs.0010@400 code+message ["10.0.0.1"]']);
  });

  it('unescapes JSON strings before matching', () => {
    const body = '{"errorMessage":"Policy doesn\\u0027t allow \\"ecs:servers:list\\" to be performed."}';
    expect(summary(ecs.match(body))).toEqual(['Pdp.0001@403 message ["\\"ecs:servers:list\\""]']);
  });

  it('reads a JSON body embedded in a log line, even when it is cut off', () => {
    const line = 'ERROR call failed: {"error_code": "Pdp.0001", "error_msg": "Policy doesn\'t allow x to be per';
    expect(summary(ecs.match(line))).toEqual(['Pdp.0001@403 code []']);
    const whole = 'ERROR call failed: {"msg": "Request body is null!"} retrying';
    expect(summary(ecs.match(whole))).toEqual(['Ecs.0005@400 message []']);
  });

  it('reads a JSON body that was logged as a string inside another body', () => {
    const inner = JSON.stringify({
      error_code: 'Ecs.0010',
      error_msg: 'Private IP address 1.2.3.4 is already in use.',
    });
    expect(summary(ecs.match(JSON.stringify({ message: inner })))).toEqual(['Ecs.0010@400 code+message ["1.2.3.4"]']);
  });

  it('reads a JSON string literal as the message', () => {
    expect(summary(ecs.match('"Request body is null!"'))).toEqual(['Ecs.0005@400 message []']);
  });
});

describe('a code that is a name and another code’s message', () => {
  const names = createMatcher(
    targets([
      ['TooManyRequests', 429, 'Too many requests.'],
      ['Mod.2799', 429, 'TooManyRequests'],
      ['Fgs.1118', 401, 'Access denied.'],
      ['AccessDenied', 403, 'Access denied because the date header is missing.'],
    ]),
  );

  it('is the code when a paste is only the name', () => {
    expect(summary(names.match('TooManyRequests'))).toEqual(['TooManyRequests@429 code []']);
  });

  it('is the message when the text is a message (a ?message= link)', () => {
    expect(summary(names.match('TooManyRequests', { asMessage: true }))).toEqual(['Mod.2799@429 message []']);
  });

  it('standing in prose beats a message that only spells the name out', () => {
    expect(summary(names.match('error creating bucket: AccessDenied, Reason: Access Denied'))).toEqual([
      'AccessDenied@403 code []',
    ]);
  });
});

describe('a code in the input', () => {
  it('decides the result: only that code, whatever the message says', () => {
    const body = '{"error_code":"Ecs.0010","error_msg":"Failed to create volume v1 because quota exceeded."}';
    expect(summary(ecs.match(body))).toEqual(['Ecs.0010@400 code []']);
  });

  it('is found in any spelling in a log line', () => {
    expect(summary(ecs.match('ERROR ecs_0010 while creating port'))).toEqual(['Ecs.0010@400 code []']);
  });

  it('is read from a whole input that is only a code, even with a space', () => {
    expect(summary(ecs.match(' ecs 0010 '))).toEqual(['Ecs.0010@400 code []']);
  });

  it('returns every variant of the code, the one whose message matches first', () => {
    expect(summary(ecs.match('Ecs.1000: itemNotFound: volume v-9 could not be found.'))).toEqual([
      'Ecs.1000@404 code+message ["volume v-9"]',
      'Ecs.1000@400 code []',
    ]);
  });

  it('puts the variant with the requested status first', () => {
    expect(summary(ecs.match('Ecs.1000', { status: 404 }))).toEqual(['Ecs.1000@404 code []', 'Ecs.1000@400 code []']);
    expect(summary(ecs.match('Ecs.1000', { status: 400 }))).toEqual(['Ecs.1000@400 code []', 'Ecs.1000@404 code []']);
  });

  it('can be passed as an option, in any spelling', () => {
    expect(summary(ecs.match('something went wrong', { code: 'ECS-0045' }))).toEqual(['Ecs.0045@400 code []']);
  });

  it('falls back to message matching when the code is not in the catalogue', () => {
    const body = '{"error_code":"Ecs.9999","error_msg":"Request body is null!"}';
    expect(summary(ecs.match(body))).toEqual(['Ecs.0005@400 message []']);
  });
});

describe('choosing among templates', () => {
  it('prefers the most specific template', () => {
    expect(summary(ecs.match('itemNotFound: Instance 3f9b-77 could not be found.'))).toEqual([
      'Ecs.0614@404 message ["3f9b-77"]',
    ]);
  });

  it('falls back to the generic template when the specific one does not fit', () => {
    expect(summary(ecs.match('itemNotFound: Volume 3f9b-77 could not be found.'))).toEqual([
      'Ecs.1000@404 message ["Volume 3f9b-77"]',
    ]);
  });

  it('returns every template tied on literal length, ordered by code', () => {
    expect(summary(ecs.match('Failed to create volume v1 because quota exceeded.'))).toEqual([
      'Ecs.0202@400 message ["v1","quota exceeded"]',
      'Ecs.0203@400 message ["v1","quota exceeded"]',
    ]);
  });

  it('orders ties by rank before code, and returns both', () => {
    const matcher = createMatcher(
      targets([
        ['Ecs.0001', 400, 'Quota of %s exceeded.', 1],
        ['Ecs.0002', 400, 'Quota of %s exceeded.', 0],
      ]),
    );
    expect(matcher.match('Quota of cores exceeded.').map((r) => r.target.code)).toEqual(['Ecs.0002', 'Ecs.0001']);
  });

  it('puts the requested status first among ties', () => {
    const matcher = createMatcher(
      targets([
        ['Ecs.0001', 400, 'Quota of %s exceeded.'],
        ['Ecs.0002', 409, 'Quota of %s exceeded.'],
      ]),
    );
    expect(matcher.match('Quota of cores exceeded.', { status: 409 }).map((r) => r.target.code)).toEqual([
      'Ecs.0002',
      'Ecs.0001',
    ]);
  });

  it('gives the same order whatever order the targets come in', () => {
    const rows = [
      ['Ecs.0203', 400, 'Failed to create volume %s because %s.'],
      ['Ecs.0202', 400, 'Failed to create volume %s because %s.'],
    ] as const;
    const forward = createMatcher(targets(rows)).match('Failed to create volume a because b');
    const backward = createMatcher(targets([...rows].reverse())).match('Failed to create volume a because b');
    expect(summary(forward)).toEqual(summary(backward));
  });
});

describe('weak templates', () => {
  const weak = createMatcher(
    targets([
      ['Ecs.0900', 400, '%s'],
      ['Ecs.0901', 400, '[%s, %s]'],
      ['Ecs.0902', 400, '%s failed'],
      ['Ecs.0903', 400, 'Failed to call the Nova API because %s.'],
    ]),
  );

  it('never matches a template that is all slot, or has no letter among its literals', () => {
    expect(weak.match('anything at all')).toEqual([]);
    expect(weak.match('[a, b]')).toEqual([]);
  });

  it('matches a short template only when it accounts for the whole message', () => {
    expect(summary(weak.match('login failed'))).toEqual(['Ecs.0902@400 message ["login"]']);
    expect(weak.match('the login failed and then we retried')).toEqual([]);
  });

  it('ranks a short template below any longer one that matches', () => {
    expect(summary(weak.match('Failed to call the Nova API because start failed'))).toEqual([
      'Ecs.0903@400 message ["start failed"]',
    ]);
  });

  it('still shows an all-slot template when its code is given', () => {
    expect(summary(weak.match('Ecs.0900'))).toEqual(['Ecs.0900@400 code []']);
  });
});

describe('hostile input', () => {
  it.each([
    ['empty', ''],
    ['whitespace', ' \n\t  '],
    ['binary garbage', '\u0000\uFFFD\uFFFD\u0001\u001B[0m\uD800'],
    ['broken JSON', '{"error_code": "Ecs.'],
    ['a lone quote', '"'],
    ['deep JSON', '['.repeat(5000) + ']'.repeat(5000)],
  ])('returns nothing for %s', (_, input) => {
    expect(ecs.match(input)).toEqual([]);
  });

  it('answers a megabyte of one letter with nothing', () => {
    expect(ecs.match('a'.repeat(1_000_000))).toEqual([]);
  });

  it('answers a megabyte of slot markers with nothing', () => {
    expect(ecs.match('%s%s%s'.repeat(175_000))).toEqual([]);
  });

  it('answers a long run against a template with many slots with nothing', () => {
    expect(ecs.match('server['.repeat(20_000) + 'a'.repeat(500_000) + 'b')).toEqual([]);
  });

  it('reads only the first MAX_INPUT characters of a paste', () => {
    const message = 'Request body is null!';
    expect(ecs.match(message + ' '.repeat(1_000_000))).toHaveLength(1);
    expect(ecs.match('x'.repeat(MAX_INPUT) + ' ' + message)).toEqual([]);
  });
});
