import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Paragraph, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toString } from 'mdast-util-to-string';
import { describe, expect, it } from 'vitest';
import { assembleSite, type ServiceModel } from '../../src/lib/assembly/assemble.ts';
import { loadServices } from '../../src/lib/assembly/load-site.ts';
import type { ServiceFolder } from '../../src/lib/content/read-content.ts';
import { indexCodeJsonPaths } from '../../src/lib/export/export-shards.ts';
import {
  buildLlmsFullText,
  buildLlmsTxt,
  buildServiceMarkdown,
  renderCodeMarkdown,
  type CodeMarkdownOptions,
} from '../../src/lib/export/markdown.ts';
import { viewCodePages } from '../../src/lib/pages/code-pages.ts';
import { readLlmsTxt } from '../support/llms-txt.ts';
import { ERROR_TABLE_HEADER, gridTable } from '../support/rst-table.ts';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SITE = 'https://errors.example.test';

/** A service folder of one table, read from strings: the notes above it and its rows. */
function folder(id: string, rows: string[][], notes: string[] = []): ServiceFolder {
  const table = [
    'Error Codes',
    '===========',
    '',
    ...notes.map((note) => `-  ${note}`),
    '',
    gridTable(ERROR_TABLE_HEADER, rows),
  ];
  return {
    id,
    table: { path: `content/${id}/error-codes.rst`, text: `${table.join('\n')}\n` },
    service: {
      path: `content/${id}/service.json`,
      text: JSON.stringify({ name: `${id.toUpperCase()} Service`, short: id.toUpperCase() }),
    },
    categories: { path: `content/${id}/categories.json` },
    synonyms: { path: `content/${id}/synonyms.json` },
    history: [],
  };
}

function assemble(...folders: ServiceFolder[]): ServiceModel[] {
  const { services, diagnostics } = assembleSite({ synonyms: { path: 'content/synonyms.json' }, services: folders });
  expect(diagnostics).toEqual([]);
  return services;
}

/** The Markdown of a code of a service, as the site writes it. */
function markdownOf(service: ServiceModel, code: string, options?: CodeMarkdownOptions): string {
  const pages = viewCodePages(service.pages, service.categories);
  const page = pages.find((p) => p.entry.code === code);
  if (!page) throw new Error(`no ${code} in ${service.catalogue.id}`);
  const jsonPath = indexCodeJsonPaths(pages.map((p) => p.entry)).get(page.path)!;
  return renderCodeMarkdown({ page, service: service.catalogue, site: SITE, jsonPath }, options);
}

/** One code of one row in a service `ecs` whose table has one note. */
function oneRow(cells: string[], options?: CodeMarkdownOptions): string {
  const [service] = assemble(folder('ecs', [['400', 'Ecs.0001', ...cells]], ['Codes are *case-sensitive*.']));
  return markdownOf(service, 'Ecs.0001', options);
}

/** The paragraphs of a Markdown text as a CommonMark reader reads them. */
function paragraphs(markdown: string): Paragraph[] {
  return (fromMarkdown(markdown) as Root).children.filter((node): node is Paragraph => node.type === 'paragraph');
}

describe('renderCodeMarkdown', () => {
  it('writes a row with markup as Markdown: bold, literal, a link, two paragraphs, and the table’s notes', () => {
    expect(
      oneRow([
        'The token role contains **op_suspended**.',
        'Use ``nova list`` or see `the guide <https://docs.example.com/guide>`__.',
        'First paragraph.\n\nSecond paragraph.',
      ]),
    ).toBe(
      [
        '# Ecs.0001',
        '',
        '- Service: [ECS Service (ECS)](https://errors.example.test/ecs/)',
        '- Page: <https://errors.example.test/ecs/ecs-0001/>',
        '- JSON: <https://errors.example.test/ecs/errors/ecs-0001--ecs-0001.json#/codes/Ecs.0001>',
        '',
        '## HTTP 400 Bad Request',
        '',
        '**Message:** The token role contains **op_suspended**.',
        '',
        '**Description:** Use `nova list` or see [the guide](https://docs.example.com/guide).',
        '',
        '**Solution:** First paragraph.',
        '',
        'Second paragraph.',
        '',
        'Listed in: [Ecs.000x: Codes 0-9](https://errors.example.test/ecs/family/000x/).',
        '',
        '## About ECS error codes',
        '',
        '- Codes are _case-sensitive_.',
        '',
      ].join('\n'),
    );
  });

  it('writes a literal block as a fenced code block, its text as written', () => {
    expect(
      oneRow(['Failed.', 'The command fails.', 'Run::\n\n   openstack server list\n   --all *x*'], { section: true }),
    ).toBe(
      [
        '## Ecs.0001',
        '',
        '- Page: <https://errors.example.test/ecs/ecs-0001/>',
        '- JSON: <https://errors.example.test/ecs/errors/ecs-0001--ecs-0001.json#/codes/Ecs.0001>',
        '',
        '### HTTP 400 Bad Request',
        '',
        '**Message:** Failed.',
        '',
        '**Description:** The command fails.',
        '',
        '**Solution:** Run:',
        '',
        '```',
        'openstack server list',
        '--all *x*',
        '```',
        '',
        'Listed in: [Ecs.000x: Codes 0-9](https://errors.example.test/ecs/family/000x/).',
        '',
      ].join('\n'),
    );
  });

  it('writes a cell that starts with a list under its label, the list as a Markdown list', () => {
    const markdown = oneRow(['Failed.', 'Bad.', '- the flavor\n- the image\n\nThen retry.'], { section: true });
    expect(markdown).toContain(
      ['**Description:** Bad.', '', '**Solution:**', '', '- the flavor', '- the image', '', 'Then retry.', ''].join(
        '\n',
      ),
    );
  });

  it('writes a code with several rows, each under its status with its own link', () => {
    const [service] = assemble(
      folder('ecs', [
        ['400', 'Ecs.1000', 'Failed to call the Nova API because %s.', 'Failed to call the Nova API.', 'Try again.'],
        ['404', 'Ecs.1000', 'itemNotFound: xxx could not be found.', 'The resource does not exist.', 'Check it.'],
      ]),
    );
    expect(markdownOf(service, 'Ecs.1000')).toBe(
      [
        '# Ecs.1000',
        '',
        '- Service: [ECS Service (ECS)](https://errors.example.test/ecs/)',
        '- Page: <https://errors.example.test/ecs/ecs-1000/>',
        '- JSON: <https://errors.example.test/ecs/errors/ecs-1000--ecs-1000.json#/codes/Ecs.1000>',
        '',
        '## HTTP 400 Bad Request',
        '',
        'Row: <https://errors.example.test/ecs/ecs-1000/#http-400>.',
        '',
        '**Message:** Failed to call the Nova API because %s.',
        '',
        '**Description:** Failed to call the Nova API.',
        '',
        '**Solution:** Try again.',
        '',
        '## HTTP 404 Not Found',
        '',
        'Row: <https://errors.example.test/ecs/ecs-1000/#http-404>.',
        '',
        '**Message:** itemNotFound: xxx could not be found.',
        '',
        '**Description:** The resource does not exist.',
        '',
        '**Solution:** Check it.',
        '',
        'Listed in: [Ecs.100x: Codes 1000-1009](https://errors.example.test/ecs/family/100x/).',
        '',
      ].join('\n'),
    );
  });

  it('keeps text that would be Markdown or HTML as text: escaped, and read back as the same characters', () => {
    const message = '*not bold* <script>alert(1)</script> [x](javascript:alert(1)) &amp; `tick` _under_';
    const markdown = oneRow(
      [
        '\\*not bold\\* <script>alert(1)</script> [x](javascript:alert(1)) &amp; \\`tick\\` \\_under\\_',
        '# not a heading',
        '> not a quote',
      ],
      { section: true },
    );
    expect(markdown).toContain(
      [
        '**Message:** \\*not bold\\* \\<script>alert(1)\\</script> \\[x]\\(javascript:alert(1)) \\&amp; \\`tick\\` \\_under\\_',
        '',
        '**Description:** \\# not a heading',
        '',
        '**Solution:** \\> not a quote',
      ].join('\n'),
    );
    // Read as CommonMark, each cell is one paragraph of a bold label and plain text: no emphasis, HTML, link or code.
    const cells = paragraphs(markdown).filter((p) => p.children[0]?.type === 'strong');
    expect(cells.map((p) => p.children.slice(1).map((node) => node.type))).toEqual([['text'], ['text'], ['text']]);
    expect(cells.map((p) => toString(p.children.slice(1)))).toEqual([
      ' ' + message,
      ' # not a heading',
      ' > not a quote',
    ]);
  });

  it('writes superscript and subscript as <sup> and <sub> around their escaped text', () => {
    expect(oneRow(['At most 10\\ :sup:`3` <b> items.', 'H\\ :sub:`2`\\ O.', 'None.'], { section: true })).toContain(
      '**Message:** At most 10<sup>3</sup> \\<b> items.\n\n**Description:** H<sub>2</sub>O.',
    );
  });

  it('names the same code in other services, and the codes that share its message', () => {
    const rows = (solution: string) => [
      ['400', 'VPC.0501', 'The subnet %s does not exist.', 'No such subnet.', solution],
      ['400', 'VPC.0502', 'The subnet %s does not exist.', 'No such subnet.', 'Check it.'],
    ];
    const [vpc] = assemble(
      folder('vpc', rows('Check the subnet.')),
      folder('eip', rows('Check the subnet.')),
      folder('elb', rows('Other.')),
    );
    const markdown = markdownOf(vpc, 'VPC.0501');
    expect(markdown).toContain(
      'VPC.0501 is also in [EIP](https://errors.example.test/eip/vpc-0501/) (the same rows), ' +
        '[ELB](https://errors.example.test/elb/vpc-0501/) (other wording).',
    );
    expect(markdown).toMatch(
      /\n## Same message\n\n- \[VPC\.0502\]\(https:\/\/errors\.example\.test\/vpc\/vpc-0502\/\): The subnet %s does not exist\.\n$/,
    );
  });
});

describe('renderCodeMarkdown with the history of a service (tests/fixtures/history-site)', () => {
  const root = path.join(REPO, 'tests/fixtures/history-site');
  const { services } = loadServices(path.join(root, 'content'), root);

  it('gives a reworded code the dates of its row and its earlier wording with the link to its section', () => {
    expect(markdownOf(services[0], 'Ecs.0010', { section: true })).toBe(
      [
        '## Ecs.0010',
        '',
        '- Page: <https://errors.example.test/ecs/ecs-0010/>',
        '- JSON: <https://errors.example.test/ecs/errors/ecs-0001--ecs-0910.json#/codes/Ecs.0010>',
        '',
        '### HTTP 400 Bad Request',
        '',
        'Published 2022-07-15 to 2023-02-21.',
        '',
        '**Message:** The private IP address %s is already used by another port.',
        '',
        '**Description:** The private IP address is already in use.',
        '',
        '**Solution:** Use another private IP address.',
        '',
        '### Earlier wordings',
        '',
        'Older versions of the table gave this code other messages. API responses may still carry them.',
        '',
        '#### HTTP 400 Bad Request, published 2022-03-28',
        '',
        'Link: <https://errors.example.test/ecs/ecs-0010/#v1>.',
        '',
        '**Message:** Private IP address %s is already in use.',
        '',
        'Listed in: [Ecs.00xx: Codes 0-99](https://errors.example.test/ecs/family/00xx/).',
        '',
      ].join('\n'),
    );
  });

  it('says a retired code is retired, and a new one since when it is listed', () => {
    expect(markdownOf(services[0], 'Ecs.0910')).toContain(
      '\n\nRetired: last published 2022-07-15. The current table no longer lists this code; older API responses may ' +
        'still return it.\n\n## HTTP 400 Bad Request\n\nPublished 2022-03-28 to 2022-07-15.\n\n',
    );
    expect(markdownOf(services[0], 'Ecs.0066')).toContain(
      '\n\nNew since 2022-07-15: earlier versions of the table do not list this code.\n\n',
    );
  });

  it('gives a code whose status changed its earlier status as an earlier wording', () => {
    expect(markdownOf(services[0], 'Ecs.0005')).toContain(
      '## HTTP 404 Not Found\n\nPublished 2023-02-21.\n\n**Message:** request body is illegal.\n\n' +
        '**Description:** Invalid parameters.\n\n**Solution:** Check the request body.\n\n## Earlier wordings\n\n' +
        'Older versions of the table gave this code other messages. API responses may still carry them.\n\n' +
        '### HTTP 400 Bad Request, published 2022-03-28 to 2022-07-15\n\n' +
        'Link: <https://errors.example.test/ecs/ecs-0005/#v1>.\n\n**Message:** request body is illegal.\n\n',
    );
  });
});

describe('buildServiceMarkdown', () => {
  const rows = Array.from({ length: 101 }, (_, i) => {
    const code = `Ecs.${String(i).padStart(4, '0')}`;
    return ['400', code, `Message ${i}.`, `Description ${i}.`, `Solution ${i}.`];
  });
  const [service] = assemble(folder('ecs', rows, ['A note.']));
  const files = buildServiceMarkdown({
    service: service.catalogue,
    pages: viewCodePages(service.pages, service.categories),
    site: SITE,
  });

  it('cuts the codes into the files of the JSON export, named as they are with .md', () => {
    expect(files.map(({ path, first, last, count }) => ({ path, first, last, count }))).toEqual([
      { path: '/ecs/errors/ecs-0000--ecs-0050.md', first: 'Ecs.0000', last: 'Ecs.0050', count: 51 },
      { path: '/ecs/errors/ecs-0051--ecs-0100.md', first: 'Ecs.0051', last: 'Ecs.0100', count: 50 },
    ]);
  });

  it('starts a file with the service, its part, the links to the other parts and the notes, once', () => {
    expect(files[1].body.slice(0, files[1].body.indexOf('<a id='))).toBe(
      [
        '# ECS error codes: Ecs.0051 to Ecs.0100',
        '',
        'ECS Service (ECS) error codes, part 2 of 2: 50 codes in table order, each under a heading after an anchor ' +
          'with its slug as id (#ecs-0051 for Ecs.0051). Every code as JSON: <https://errors.example.test/ecs/errors.json>; ' +
          'the service: <https://errors.example.test/ecs/>. Previous: ' +
          '[Ecs.0000 to Ecs.0050](https://errors.example.test/ecs/errors/ecs-0000--ecs-0050.md).',
        '',
        '## About ECS error codes',
        '',
        '- A note.',
        '',
        '',
      ].join('\n'),
    );
    expect(files[0].body.match(/A note\./g)).toHaveLength(1);
  });

  it('puts each code after an anchor with its slug, as a section, and ends a file with where the rest is', () => {
    expect(files[0].body).toContain(
      '<a id="ecs-0007"></a>\n\n## Ecs.0007\n\n- Page: <https://errors.example.test/ecs/ecs-0007/>\n' +
        '- JSON: <https://errors.example.test/ecs/errors/ecs-0000--ecs-0050.json#/codes/Ecs.0007>\n\n' +
        '### HTTP 400 Bad Request\n\n**Message:** Message 7.\n\n',
    );
    expect([...files[0].body.matchAll(/<a id="([^"]+)"><\/a>\n\n## (\S+)\n/g)]).toHaveLength(51);
    expect(
      files[0].body.endsWith(
        '\nContinued in https://errors.example.test/ecs/errors/ecs-0051--ecs-0100.md (Ecs.0051 to Ecs.0100).\n',
      ),
    ).toBe(true);
    expect(
      files[1].body.endsWith(
        '**Solution:** Solution 100.\n\nListed in: [Ecs.01xx: Codes 100-199](https://errors.example.test/ecs/family/01xx/).\n',
      ),
    ).toBe(true);
  });
});

describe('buildLlmsTxt', () => {
  const [ecs, evs] = assemble(
    folder('ecs', [['400', 'Ecs.0001', 'A.', 'B.', 'C.']]),
    folder('evs', [['400', 'EVS.0001', 'A.', 'B.', 'C.']]),
  );
  const services = [ecs, evs].map((s) => ({
    service: s.catalogue,
    codes: s.pages.length,
    files: buildServiceMarkdown({ service: s.catalogue, pages: viewCodePages(s.pages, s.categories), site: SITE }),
  }));

  it('has the shape of llmstxt.org: a title, a summary, then a list of links per service', () => {
    const text = buildLlmsTxt({ title: 'Cloud API Error Codes', site: SITE, services, fullText: true });
    const { problems, title, summary, links } = readLlmsTxt(text);
    expect(problems).toEqual([]);
    expect(title).toBe('Cloud API Error Codes');
    expect(summary).toMatch(/^Every error code of 2 cloud services of Open Telekom Cloud and Huawei Cloud \(2 codes\)/);
    expect(links.map(({ section, name, url }) => `${section} | ${name} | ${url}`)).toEqual([
      'ECS Service (ECS) | ECS error codes | https://errors.example.test/ecs/',
      'ECS Service (ECS) | Ecs.0001 to Ecs.0001 | https://errors.example.test/ecs/errors/ecs-0001--ecs-0001.md',
      'ECS Service (ECS) | errors.json | https://errors.example.test/ecs/errors.json',
      'EVS Service (EVS) | EVS error codes | https://errors.example.test/evs/',
      'EVS Service (EVS) | EVS.0001 to EVS.0001 | https://errors.example.test/evs/errors/evs-0001--evs-0001.md',
      'EVS Service (EVS) | errors.json | https://errors.example.test/evs/errors.json',
      'Optional | Full text | https://errors.example.test/llms-full.txt',
    ]);
  });

  it('names no full text when there is none', () => {
    const text = buildLlmsTxt({ title: 'T', site: SITE, services, fullText: false });
    expect(text).not.toContain('llms-full.txt');
    expect(readLlmsTxt(text).problems).toEqual([]);
  });
});

describe('buildLlmsFullText', () => {
  it('joins the files while they stay within the bound, counted in UTF-8 bytes, and gives nothing beyond it', () => {
    expect(buildLlmsFullText(['# a\n', '# b\n'], 9)).toBe('# a\n\n# b\n');
    expect(buildLlmsFullText(['# a\n', '# b\n'], 8)).toBeUndefined();
    expect(buildLlmsFullText(['# ä\n'], 5)).toBe('# ä\n');
    expect(buildLlmsFullText(['# ä\n'], 4)).toBeUndefined();
  });
});
