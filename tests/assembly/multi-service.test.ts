import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { listAliases } from '../../src/lib/pages/aliases.ts';
import type { CodeEntry } from '../../src/lib/catalogue/catalogue.ts';
import { codePath } from '../../src/lib/core/urls.ts';
import { buildLookupIndex, findDirectHits } from '../../src/lib/lookup/direct-hits.ts';
import { filledCodeHref } from '../../src/lib/core/urls.ts';
import { loadServices } from '../../src/lib/assembly/load-site.ts';
import { buildLookupData, buildLookupShards, groupRecords, shardsForInput } from '../../src/lib/lookup/lookup-data.ts';
import { readLookupQuery, resolveLookup, type LookupOutcome } from '../../src/lib/lookup/resolve.ts';

// Two services in tests/fixtures/multi-service/content: `ecs`, an excerpt of the real ECS table, and `evs`, a
// made-up table with other headers in another order, markup in its cells, a code on three rows, and its own
// Common.0024 with another message than ECS's.
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FIXTURE = join(ROOT, 'tests/fixtures/multi-service/content');
const { services, diagnostics } = loadServices(FIXTURE, ROOT);

const ECS_COMMON_0024 = 'exceeds flow over limit';
const EVS_COMMON_0024 = 'Too many disk requests from this project.';

/** A service's catalogue entry for a code; fails the test when there is none. */
function entryOf(service: string, code: string): CodeEntry {
  const entry = services.find((s) => s.catalogue.id === service)?.catalogue.entries.find((e) => e.code === code);
  if (!entry) throw new Error(`${service} has no ${code}`);
  return entry;
}

const lookupData = services.map((s) => buildLookupData(s.catalogue, s.catalogue.entries));
const index = buildLookupIndex(lookupData);
const query = (search: string) => readLookupQuery(new URLSearchParams(search));

/** A lookup outcome in one line: where "go" sends the browser, or the pages a chooser offers. */
function describeOutcome(outcome: LookupOutcome): string {
  if (outcome.kind === 'go') return `go ${filledCodeHref(outcome.hit)}`;
  if (outcome.kind === 'choose')
    return `choose ${outcome.hits
      .map((h) => h.path)
      .sort()
      .join(' ')}`;
  return outcome.kind;
}

describe('loading two services with different table layouts', () => {
  it('loads ecs and evs, with their names, without a diagnostic', () => {
    expect(diagnostics).toEqual([]);
    expect(services.map((s) => [s.catalogue.id, s.catalogue.short, s.catalogue.name])).toEqual([
      ['ecs', 'ECS', 'Elastic Cloud Server'],
      ['evs', 'EVS', 'Elastic Volume Service'],
    ]);
  });

  it('lists every code of each table once, in table order', () => {
    const codes = (service: string) =>
      services.find((s) => s.catalogue.id === service)!.catalogue.entries.map((e) => e.code);
    expect(codes('ecs')).toEqual([
      'Ecs.0000',
      'Ecs.0001',
      'Ecs.0003',
      'Ecs.0010',
      'Ecs.0015',
      'Common.0002',
      'Common.0024',
    ]);
    expect(codes('evs')).toEqual(['Evs.0001', 'Evs.0002', 'Evs.0003', 'Common.0024']);
  });

  it('reads the evs columns by their headers (Error Codes, Status Code, Message, Handling Measure, Description), not their order', () => {
    const [variant] = entryOf('evs', 'Evs.0002').variants;
    expect(variant.statuses).toEqual([400]);
    expect(variant.message.text).toBe('Invalid disk type %s.');
    expect(variant.description.text).toBe('The disk type is not supported.');
    expect(variant.solution.text).toBe('Set volume_type to SATA, SAS or SSD.');
  });

  it('makes the code on three rows one entry with three variants, each with its own anchor and line', () => {
    const entry = entryOf('evs', 'Evs.0003');
    expect(entry.variants.map((v) => [v.statuses, v.anchor, v.message.text, v.line])).toEqual([
      [[400], 'http-400', 'The disk %s is not available.', 16],
      [[404], 'http-404', 'The disk %s could not be found.', 18],
      [[409], 'http-409', 'The disk %s is attached to another server.', 20],
    ]);
  });

  it('keeps the markup characters of a message as text and escapes them in its HTML', () => {
    const { message } = entryOf('evs', 'Evs.0001').variants[0];
    // `\*even\*` in the RST: escaped asterisks print as asterisks, not emphasis.
    expect(message.text).toBe('Value <size> must be > 0 & *even*');
    expect(message.html).toBe('Value &#x3C;size> must be > 0 &#x26; *even*');
  });

  it('shows markup in a description as text: no element comes out of it', () => {
    const { description } = entryOf('evs', 'Evs.0001').variants[0];
    expect(description.text).toBe('The disk size <img src=x onerror=alert(1)> is invalid.');
    expect(description.html).toBe('<p>The disk size &#x3C;img src=x onerror=alert(1)> is invalid.</p>');
  });

  it('has no <img> element in the HTML of any cell or note of either service', () => {
    const html = services.flatMap((s) => [
      ...s.catalogue.notes.map((n) => n.html),
      ...s.catalogue.entries.flatMap((e) =>
        e.variants.flatMap((v) => [v.message.html, v.description.html, v.solution.html]),
      ),
    ]);
    expect(html.length).toBeGreaterThan(30);
    expect(html.filter((h) => /<img|<script/i.test(h))).toEqual([]);
  });

  it('renders a bullet list in a cell as a list', () => {
    const { solution } = entryOf('evs', 'Evs.0001').variants[0];
    expect(solution.html).toBe(
      '<p>Check the requested size:</p>\n<ul>\n<li>It must be greater than 0.</li>\n<li>It must be an even number of GB.</li>\n</ul>',
    );
    expect(solution.text).toBe(
      'Check the requested size:\n\n- It must be greater than 0.\n- It must be an even number of GB.',
    );
  });

  it('renders an inline literal in a cell as code', () => {
    expect(entryOf('evs', 'Evs.0002').variants[0].solution.html).toBe(
      '<p>Set <code>volume_type</code> to SATA, SAS or SSD.</p>',
    );
  });

  it('reads the bullet note above the evs table', () => {
    const evs = services.find((s) => s.catalogue.id === 'evs')!;
    expect(evs.catalogue.notes.map((n) => n.text)).toEqual([
      'If an API call fails, the response body carries one of these error codes.',
    ]);
  });

  it('has Common.0024 in both services, each with its own status and message', () => {
    expect(entryOf('ecs', 'Common.0024').variants.map((v) => [v.statuses, v.message.text])).toEqual([
      [[202], ECS_COMMON_0024],
    ]);
    expect(entryOf('evs', 'Common.0024').variants.map((v) => [v.statuses, v.message.text])).toEqual([
      [[429], EVS_COMMON_0024],
    ]);
    expect(codePath(entryOf('ecs', 'Common.0024'))).toBe('/ecs/common-0024/');
    expect(codePath(entryOf('evs', 'Common.0024'))).toBe('/evs/common-0024/');
  });
});

describe('a third service whose table cannot be read', () => {
  const made: string[] = [];
  afterAll(() => {
    for (const dir of made) rmSync(dir, { recursive: true, force: true });
  });

  /** A project folder with the fixture's two services and `ims/error-codes.rst` holding `lines`. */
  function withThirdService(lines: string[]): string {
    const root = mkdtempSync(join(tmpdir(), 'multi-service-'));
    made.push(root);
    cpSync(FIXTURE, join(root, 'content'), { recursive: true });
    mkdirSync(join(root, 'content/ims'));
    writeFileSync(join(root, 'content/ims/error-codes.rst'), `${lines.join('\n')}\n`);
    return root;
  }

  it('keeps a column it has no meaning for under its own header, and loads all three services', () => {
    const root = withThirdService([
      '+------------+------------------+---------------+---------+',
      '| Error Code | HTTP Status Code | Error Message | Remarks |',
      '+============+==================+===============+=========+',
      '| Ims.0001   | 400              | Bad image.    | None.   |',
      '+------------+------------------+---------------+---------+',
    ]);
    const loaded = loadServices(join(root, 'content'), root);
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.warnings).toEqual([]);
    const ims = loaded.services.find((s) => s.catalogue.id === 'ims')!;
    expect(ims.catalogue.entries[0].variants[0].other).toEqual([
      { header: 'Remarks', value: { text: 'None.', html: '<p>None.</p>', markdown: 'None.' } },
    ]);
    expect(loaded.services.map((s) => s.catalogue.id)).toEqual(['ecs', 'evs', 'ims']);
  });

  it('reads a table without a message column, matching its codes by their description', () => {
    const root = withThirdService([
      '+------------------+------------+-------------+',
      '| HTTP Status Code | Error Code | Description |',
      '+==================+============+=============+',
      '| 400              | Ims.0001   | Bad image.  |',
      '+------------------+------------+-------------+',
    ]);
    const loaded = loadServices(join(root, 'content'), root);
    expect(loaded.diagnostics).toEqual([]);
    const ims = loaded.services.find((s) => s.catalogue.id === 'ims')!;
    const [variant] = ims.catalogue.entries[0].variants;
    expect([variant.message.text, variant.description.text, variant.template]).toEqual([
      '',
      'Bad image.',
      [{ kind: 'text', text: 'Bad image.' }],
    ]);
  });

  it('reports a file whose table has no error-code column at the table, and still loads the other two services', () => {
    const root = withThirdService([
      '+------------------+-------------+',
      '| HTTP Status Code | Description |',
      '+==================+=============+',
      '| 400              | Bad image.  |',
      '+------------------+-------------+',
    ]);
    const loaded = loadServices(join(root, 'content'), root);
    expect(loaded.diagnostics).toEqual([
      {
        file: 'content/ims/error-codes.rst',
        line: 1,
        column: 1,
        message:
          'no error table: no grid table has an error-code column such as "Error Code" (headers at line 1: HTTP Status Code, Description)',
      },
    ]);
    expect(loaded.services.map((s) => s.catalogue.id)).toEqual(['ecs', 'evs']);
  });
});

describe('looking up a code that both services have', () => {
  it('finds Common.0024 in both services', () => {
    const hits = findDirectHits('Common.0024', index);
    expect(hits.map((h) => [h.service, h.path, h.statuses, h.message]).sort()).toEqual([
      ['ecs', '/ecs/common-0024/', [202], ECS_COMMON_0024],
      ['evs', '/evs/common-0024/', [429], EVS_COMMON_0024],
    ]);
  });

  for (const spelling of ['Common.0024', 'common-0024', 'COMMON0024']) {
    it(`offers a choice of both services for ?code=${spelling}`, () => {
      expect(describeOutcome(resolveLookup(query(`code=${spelling}`), index))).toBe(
        'choose /ecs/common-0024/ /evs/common-0024/',
      );
    });
  }

  it('goes to the EVS page for ?code=Common.0024&service=evs, and to ECS’s for service=ecs', () => {
    expect(describeOutcome(resolveLookup(query('code=Common.0024&service=evs'), index))).toBe('go /evs/common-0024/');
    expect(describeOutcome(resolveLookup(query('code=Common.0024&service=ECS'), index))).toBe('go /ecs/common-0024/');
    expect(findDirectHits('Common.0024', index, { service: 'evs' }).map((h) => h.path)).toEqual(['/evs/common-0024/']);
  });

  it('finds only ECS’s Common.0024 from the ECS message, and only EVS’s from the EVS message', () => {
    expect(findDirectHits(ECS_COMMON_0024, index).map((h) => h.path)).toEqual(['/ecs/common-0024/']);
    expect(findDirectHits(EVS_COMMON_0024, index).map((h) => h.path)).toEqual(['/evs/common-0024/']);
    expect(
      describeOutcome(resolveLookup(query(new URLSearchParams({ message: EVS_COMMON_0024 }).toString()), index)),
    ).toBe('go /evs/common-0024/#http-429');
    expect(
      describeOutcome(resolveLookup(query(new URLSearchParams({ message: ECS_COMMON_0024 }).toString()), index)),
    ).toBe('go /ecs/common-0024/#http-202');
  });

  it('goes to the variant of the three-row code that a filled-in message names', () => {
    const outcome = resolveLookup(
      query(new URLSearchParams({ message: 'The disk vol-7 could not be found.' }).toString()),
      index,
    );
    expect(describeOutcome(outcome)).toBe('go /evs/evs-0003/?v=vol-7#http-404');
  });

  it('finds the message with markup characters from its literal text', () => {
    expect(findDirectHits('Value <size> must be > 0 & *even*', index).map((h) => h.path)).toEqual(['/evs/evs-0001/']);
  });
});

describe('aliases of a code that both services have', () => {
  const aliases = listAliases(
    services.map(({ catalogue }) => ({
      service: catalogue.id,
      codes: catalogue.entries.map((e) => ({ code: e.code, path: codePath(e) })),
    })),
  );
  const to = (from: string) => aliases.find((a) => a.from === from)?.to;

  it('sends the root alias /Common.0024/ to the lookup chooser', () => {
    expect(to('/Common.0024/')).toBe('/lookup/?code=Common.0024');
  });

  it('sends each service’s own spellings to its own page', () => {
    expect(to('/ecs/Common.0024/')).toBe('/ecs/common-0024/');
    expect(to('/evs/Common.0024/')).toBe('/evs/common-0024/');
    expect(to('/evs/COMMON.0024/')).toBe('/evs/common-0024/');
    expect(to('/evs/common0024/')).toBe('/evs/common-0024/');
  });

  it('sends the root alias of a code only one service has straight to its page', () => {
    expect(to('/Evs.0003/')).toBe('/evs/evs-0003/');
    expect(to('/Ecs.0010/')).toBe('/ecs/ecs-0010/');
  });
});

describe('the lookup shards of two services', () => {
  const { manifest, codes, words } = buildLookupShards(lookupData);

  it('lists both services in the manifest with their code counts, and makes one code shard per prefix', () => {
    expect(manifest.services).toEqual([
      { service: 'ecs', name: 'Elastic Cloud Server', short: 'ECS', codes: 7 },
      { service: 'evs', name: 'Elastic Volume Service', short: 'EVS', codes: 4 },
    ]);
    expect([...codes.keys()].sort()).toEqual(['common-0', 'ecs-0', 'evs-0']);
  });

  it('needs only the common-0 code shard for Common.0024, and that shard holds both services’ rows', () => {
    const needed = shardsForInput('Common.0024', manifest);
    expect(needed.codes).toEqual(['common-0']);
    const records = codes.get('common-0')!;
    expect(
      records
        .filter((r) => r.code === 'Common.0024')
        .map((r) => r.path)
        .sort(),
    ).toEqual(['/ecs/common-0024/', '/evs/common-0024/']);
    // What the browser builds from that one shard still offers both services.
    const shardIndex = buildLookupIndex(groupRecords(records, manifest.services));
    expect(describeOutcome(resolveLookup(query('code=Common.0024'), shardIndex))).toBe(
      'choose /ecs/common-0024/ /evs/common-0024/',
    );
    expect(describeOutcome(resolveLookup(query('code=Common.0024&service=evs'), shardIndex))).toBe(
      'go /evs/common-0024/',
    );
  });

  it('needs only the evs-0 code shard for ?code=Evs.0003 with a status', () => {
    expect(shardsForInput('Evs.0003', manifest, 'Evs.0003').codes).toEqual(['evs-0']);
  });

  it('finds the EVS message of Common.0024 in the word shards its words name', () => {
    const needed = shardsForInput(EVS_COMMON_0024, manifest);
    expect(needed.codes).toEqual([]);
    const records = needed.words.flatMap((n) => words[n]);
    const shardIndex = buildLookupIndex(groupRecords(records, manifest.services));
    expect(findDirectHits(EVS_COMMON_0024, shardIndex).map((h) => h.path)).toEqual(['/evs/common-0024/']);
  });

  it('names, for every message filled in, the word shard that holds it', () => {
    const missed = words.flatMap((records, n) =>
      records
        .map((r) => r.message.replace(/%s|%d|xxx/g, '7'))
        .filter((filled) => !shardsForInput(filled, manifest).words.includes(n)),
    );
    expect(missed).toEqual([]);
  });

  it('needs no word shard for a few words of a message, shorter than any template they are part of', () => {
    expect(shardsForInput('too many disk', manifest)).toEqual({ codes: [], words: [] });
    expect(shardsForInput('is already in use', manifest)).toEqual({ codes: [], words: [] });
    expect(shardsForInput('Private IP address 10.0.0.1 is already in use.', manifest)).toEqual({
      codes: [],
      words: [0],
    });
  });
});
