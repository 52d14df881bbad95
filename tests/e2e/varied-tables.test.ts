import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, test } from 'vitest';
import { collectPageErrors } from '../../scripts/harness/browser.ts';
import { resolveJsonUrl } from '../support/export-json.ts';
import { useFixtureSite } from '../support/fixture-site.ts';
import { withoutDocument404 } from '../support/site.ts';
import { validateJson, type JsonSchema } from '../support/json-schema.ts';

// The site built from tests/fixtures/varied-tables/content, once for this file: tables shaped as the cloud's
// other services publish them. vpc has a Module column filled once per group, a 404/500 row and no
// service.json; obs a first table that is not an error table and codes that are names; rds three error
// tables in `.. table::` directives without a message column; mrs numeric codes, a status "n/a" and
// "MRS. 0001".
const site = useFixtureSite('tests/fixtures/varied-tables/content');
let page: Page | undefined;
let errors: string[] = [];
let opened = '';

async function open(path: string): Promise<Page> {
  page = await site.newPage();
  errors = collectPageErrors(page);
  opened = site.url(path);
  await page.goto(opened);
  return page;
}

/** Opens a lookup link and returns where it lands (path, query and fragment). */
async function land(path: string): Promise<string> {
  const p = await open(path);
  await p.waitForURL((url) => url.pathname !== new URL(site.url(path)).pathname, { timeout: 10_000 });
  const url = new URL(p.url());
  return `${url.pathname}${url.search}${url.hash}`;
}

/** The text of a variant's field (`Module`, `Message`, ...) on the open code page, for the variant with that anchor. */
async function field(p: Page, anchor: string, label: string): Promise<string> {
  const section = p.locator(`section.variant[aria-labelledby="${anchor}"]`);
  return (await section.locator(`dt:text-is("${label}") + dd`).innerText()).trim();
}

afterEach(async () => {
  await page?.close();
  page = undefined;
  // A spelling of a code URL is answered by the 404 page, with status 404.
  expect(withoutDocument404(errors, opened)).toEqual([]);
});

describe('a service without service.json', () => {
  test('is named by its folder id in capitals, once', async () => {
    const p = await open('/vpc/');
    await expect(p.locator('h1').innerText()).resolves.toBe('VPC error codes');
  });
});

describe('a column the site has no meaning for', () => {
  test('is shown under its own header, and a group cell’s value on every row of the group', async () => {
    const p = await open('/vpc/vpc-0002/');
    await expect(field(p, 'http-404', 'Module')).resolves.toBe('Subnet');
    // "Handling Measure" is the solution column.
    await expect(field(p, 'http-404', 'Solution')).resolves.toBe('Check the subnet ID.');
  });

  test('keeps both rows of a code that differ only in it, each with its module', async () => {
    const p = await open('/vpc/vpc-0105/');
    await expect(field(p, 'http-404', 'Module')).resolves.toBe('Subnet');
    await expect(field(p, 'http-404-2', 'Module')).resolves.toBe('Port');
  });
});

describe('a row with several statuses', () => {
  test('is one row headed by every status, which #http-500 lands on', async () => {
    const p = await open('/vpc/vpc-0002/#http-500');
    await expect(p.locator('section.variant h2').innerText()).resolves.toContain('HTTP 404/500');
    await expect(p.locator('section.variant #http-500').count()).resolves.toBe(1);
    const top = await p.evaluate(() => document.getElementById('http-500')!.getBoundingClientRect().top);
    expect(top).toBeLessThan(400);
  });

  test('is listed on the page of each of its statuses', async () => {
    for (const status of ['404', '500']) {
      const p = await open(`/vpc/status/${status}/`);
      await expect(p.locator('.code-table tbody th a').allInnerTexts(), status).resolves.toContain('VPC.0002');
      await p.close();
    }
  });

  test('with a status and the message is found by /lookup/?code=…&status=500 at that row', async () => {
    expect(await land('/lookup/?code=vpc.0002&status=500')).toBe('/vpc/vpc-0002/');
  });
});

describe('cells read as docutils reads them', () => {
  test('show markup characters and HTML as text, and a hyperlink as a link', async () => {
    const p = await open('/vpc/vpc-0301/');
    await expect(field(p, 'http-409', 'Message')).resolves.toBe('EIP %s is bound to <Instance> & cannot be released.');
    await expect(field(p, 'http-409', 'Description')).resolves.toBe('The EIP is in use: <script>alert(1)</script>');
    await expect(p.locator('section.variant dd.solution a').getAttribute('href')).resolves.toBe(
      'https://docs.example.org/eip',
    );
  });
});

describe('a file with several tables', () => {
  test('skips the table that is not an error table and builds the other', async () => {
    const document = JSON.parse(readFileSync(join(site.dist(), 'obs/errors.json'), 'utf8'));
    expect(document.codes.map((c: { code: string }) => c.code)).toEqual([
      'AccessDenied',
      'BadDigest',
      'InvalidArgument',
      'InvalidBucketName',
      'NoSuchBucket',
      'NoSuchKey',
      'Request-URI Too Large',
    ]);
  });

  test('gives each error table a page titled by its caption, listed on the service page', async () => {
    const p = await open('/rds/');
    await expect(p.locator('#by-table + ul a .category-card-title').allInnerTexts()).resolves.toEqual([
      'V3 error codes',
      'V1 error codes',
      'Trove error codes',
    ]);
    await p.locator('main a[href="/rds/table/trove-error-codes/"]').click();
    await p.waitForURL(site.url('/rds/table/trove-error-codes/'));
    await expect(p.locator('.code-table tbody th a').allInnerTexts()).resolves.toEqual(['badRequest', 'itemNotFound']);
  });

  test('shows a description-only row’s description in the index table, and its page names the table', async () => {
    const p = await open('/rds/table/v3-error-codes/');
    await expect(p.locator('.code-table tbody tr').first().innerText()).resolves.toContain('Parameter error.');
    await open('/rds/dbs-200002/').then(async (code) => {
      await expect(code.locator('.variant-table').innerText()).resolves.toBe('V3 error codes');
      await expect(code.locator('section.variant dt').allInnerTexts()).resolves.toEqual(['DESCRIPTION']);
    });
  });
});

describe('codes of any shape', () => {
  test('have readable pages, which the 404 page opens for their spellings', async () => {
    expect(await land('/obs/BadDigest/')).toBe('/obs/baddigest/');
    expect(await land('/rds/DBS.200002/')).toBe('/rds/dbs-200002/');
    expect(await land('/itemNotFound/')).toBe('/rds/itemnotfound/');
  });

  for (const [code, path] of [
    ['REQUEST-URI TOO LARGE', '/obs/request-uri-too-large/'],
    ['nosuchkey', '/obs/nosuchkey/'],
    ['111400150', '/mrs/111400150/'],
    ['MRS.0001', '/mrs/mrs-0001/'],
    ['dbs 200010', '/rds/dbs-200010/'],
  ] as const) {
    test(`/lookup/?code=${code} lands on ${path}`, async () => {
      expect(await land(`/lookup/?code=${encodeURIComponent(code)}`)).toBe(path);
    });
  }

  test('are found in a pasted log line by the shapes their tables have', async () => {
    expect(
      await land(
        `/lookup/?q=${encodeURIComponent('2026-12-01 ERROR job 7 failed: 111400002 Cluster c-9 does not exist.')}`,
      ),
    ).toBe('/mrs/111400002/?v=c-9#http-400');
  });

  test('a message of a table without a message column is found by its description', async () => {
    expect(await land(`/lookup/?message=${encodeURIComponent('The DB instance does not exist.')}`)).toBe(
      '/rds/dbs-200002/#http-404',
    );
  });

  test('a name inside a message does not outweigh the message itself', async () => {
    // `itemNotFound` is an rds code, but this whole message is vpc's.
    expect(await land(`/lookup/?q=${encodeURIComponent('itemNotFound: Subnet s-1 does not exist.')}`)).toBe(
      '/vpc/vpc-0002/?v=s-1#http-404',
    );
  });

  test('a status that is not a number shows as written', async () => {
    const p = await open('/mrs/111400150/');
    await expect(p.locator('section.variant .status-badge').innerText()).resolves.toBe('n/a');
  });
});

describe('the JSON export', () => {
  const schema = (name: string) => JSON.parse(readFileSync(join(site.dist(), 'schemas', name), 'utf8')) as JsonSchema;
  const readJson = (file: string) => JSON.parse(readFileSync(join(site.dist(), file), 'utf8'));
  /** A code as a tool reaches it: its json URL from errors.json, the file, then the code under its key. */
  const codeJson = (service: string, code: string) => {
    const listed = (readJson(`${service}/errors.json`).codes as { code: string; json: string }[]).find(
      (c) => c.code === code,
    );
    return resolveJsonUrl(listed!.json, readJson) as { variants: unknown[] };
  };

  test('of every service validates against its schema, and so does every file it is cut into', () => {
    for (const service of ['vpc', 'obs', 'rds', 'mrs']) {
      const document = readJson(`${service}/errors.json`);
      expect(validateJson(document, schema('errors.schema.json')), service).toEqual([]);
      const files = [...new Set((document.codes as { json: string }[]).map((c) => new URL(c.json).pathname))];
      for (const file of files)
        expect(validateJson(readJson(file), schema('errors-shard.schema.json')), file).toEqual([]);
      for (const code of document.codes as { code: string }[])
        expect(codeJson(service, code.code), `${service} ${code.code}`).toEqual(code);
    }
  });

  test('gives a row its statuses, its other columns and its table', () => {
    expect(codeJson('vpc', 'VPC.0002').variants[0]).toMatchObject({
      status: 404,
      statuses: [404, 500],
      anchor: 'http-404',
      anchors: ['http-500'],
      other: [{ header: 'Module', text: 'Subnet' }],
    });
    expect(codeJson('rds', 'badRequest').variants[0]).toMatchObject({
      status: 400,
      table: 'Trove error codes',
      message: { template: '' },
    });
    expect(codeJson('obs', 'AccessDenied').variants[0]).toMatchObject({ status: 403, statusText: '403 Forbidden' });
  });
});
