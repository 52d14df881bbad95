import type { Page } from 'playwright-core';
import { afterEach, describe, expect, test } from 'vitest';
import { collectPageErrors } from '../../scripts/harness/browser.ts';
import { useFixtureSite } from '../support/fixture-site.ts';
import { askDialog } from '../../scripts/harness/search-runner.ts';

// The site built from tests/fixtures/cloud/content: twelve small services sharing DBS, ELB and VPC codes, a
// service with names as codes (OBS), and one whose prefix APIGW another table has no row of. Each issue-17
// example lands, in Chromium, where a user should end up.
const site = useFixtureSite('tests/fixtures/cloud/content');
let page: Page | undefined;
let errors: string[] = [];

async function open(path: string, waitUntil: 'load' | 'commit' = 'load'): Promise<Page> {
  page = await site.newPage();
  errors = collectPageErrors(page);
  await page.goto(site.url(path), { waitUntil });
  return page;
}

/** Opens the lookup for a pasted text and returns where the browser ends up (path, query and fragment). */
async function land(text: string): Promise<string> {
  const p = await open(`/lookup/?${new URLSearchParams({ q: text })}`, 'commit');
  await p.waitForURL((url) => url.pathname !== '/lookup/', { timeout: 10_000 });
  await p.waitForLoadState('load');
  const url = new URL(p.url());
  return `${url.pathname}${url.search}${url.hash}`;
}

/** Opens the lookup for a text that should stay on the lookup page, and waits for it to decide. */
async function stay(text: string): Promise<{ outcome: string; code?: string; status: string }> {
  const p = await open(`/lookup/?${new URLSearchParams({ q: text })}`);
  const status = p.locator('.lookup-status');
  await expect.poll(() => status.getAttribute('data-outcome'), { timeout: 10_000 }).not.toBeNull();
  expect(new URL(p.url()).pathname).toBe('/lookup/');
  return {
    outcome: (await status.getAttribute('data-outcome'))!,
    code: (await status.getAttribute('data-code')) ?? undefined,
    status: await status.innerText(),
  };
}

afterEach(async () => {
  expect(errors).toEqual([]);
  if (page && !page.isClosed()) await page.close();
  [page, errors] = [undefined, []];
});

describe('pasted errors of the whole cloud land on their page', () => {
  test('an RDS error from Terraform opens RDS’s DBS.280285, by its endpoint and words', async () => {
    const text =
      '│ Error: error creating RDS instance: Bad request with: [POST https://rds.eu-west-0.prod-cloud-ocb.orange-business.com/v3/482ea20d/instances], error message: {"error_msg":"Invalid AZ.","error_code":"DBS.280285"}';
    expect(await land(text)).toBe('/rds/dbs-280285/#http-400');
  });

  test('an EIP error on VPC’s host opens EIP’s VPC.0501 at the row of its message', async () => {
    const text =
      'Error: error allocating EIP: Bad request with: [POST https://vpc.eu-de.otc.t-systems.com/v1/30a5/publicips], error message: {"code":"VPC.0501","message":"{\\"NeutronError\\":{\\"message\\":\\"Bandwidth share_type is invalid.\\",\\"type\\":\\"InvalidInput\\"}}"}';
    expect(await land(text)).toBe('/eip/vpc-0501/#http-400');
  });

  test('ELB.1001, which both load balancers word alike, opens one page without a chooser', async () => {
    expect(await land(' {"error":{"message":"request parameter is not valid","code":"ELB.1001"}}')).toBe(
      '/elb/elb-1001/',
    );
  });

  test('AccessDenied in a Terraform line opens OBS’s code, not FunctionGraph’s “Access denied.”', async () => {
    expect(await land('Error: error creating bucket ssl-storage: AccessDenied,\n Reason: Access Denied')).toBe(
      '/obs/accessdenied/',
    );
  });
});

describe('what the lookup cannot decide, it says', () => {
  test('ELB.0002 without a host or path offers both load balancers, saying what it could not tell apart', async () => {
    const { outcome, status } = await stay('{"error_code":"ELB.0002"}');
    expect(outcome).toBe('choose');
    expect(status).toBe(
      'ELB.0002 exists in 2 services (ELB, LB), each with its own wording, and the text does not say which answered. Choose one:',
    );
    expect(
      await page!
        .locator('.lookup-results a.search-hit')
        .evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).pathname)),
    ).toEqual(['/elb/elb-0002/', '/lb/elb-0002/']);
  });

  test('a code no table lists is named, with its service, the message it carried as text, and the codes nearby', async () => {
    const { outcome, code, status } = await stay(
      '{"error":{"message":"Flavor <b>s3</b> is abandoned","code":"Ecs.0019"}}',
    );
    expect([outcome, code, status]).toEqual(['unknown-code', 'Ecs.0019', 'Ecs.0019 is not in this reference.']);
    const block = page!.locator('.lookup-unknown');
    expect(await block.locator('p').allInnerTexts()).toEqual([
      'It points to Elastic Cloud Server (ECS), by its codes of the prefix Ecs.',
      'The message it carried: “Flavor <b>s3</b> is abandoned”',
      'Codes nearest to Ecs.0019:',
    ]);
    expect(await block.locator('b').count()).toBe(0);
    expect(
      await block.locator('a').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).pathname)),
    ).toEqual(['/ecs/all/', '/ecs/ecs-0010/', '/ecs/ecs-0014/', '/ecs/ecs-0021/']);
    expect(await block.locator('ul.lookup-near a').allInnerTexts()).toEqual([
      'Ecs.0010 (ECS)\nPrivate IP address %s is already in use.',
      'Ecs.0014 (ECS)\nThe VPC does not exist.',
      'Ecs.0021 (ECS)\nInvalid flavor.',
    ]);
    // Pages about its message come when the search has answered, then a search for the code itself.
    await expect.poll(() => page!.locator('.lookup-results a[href^="/search/"]').count(), { timeout: 10_000 }).toBe(1);
  });

  test('a code in brackets in an SDK exception is named, pointing to the service whose codes share its prefix', async () => {
    const { outcome, code } = await stay(
      'openstack.exceptions.HttpException: HttpException: fail, [APIGW.0301]Incorrect IAM authentication information',
    );
    expect([outcome, code]).toEqual(['unknown-code', 'APIGW.0301']);
    expect(await page!.locator('.lookup-unknown a').first().getAttribute('href')).toBe('/tms/all/');
  });
});

describe('the search dialog gives the lookup’s answer', () => {
  test('one answer of two services, naming the other', async () => {
    await open('/');
    await askDialog(page!, '{"code":"VPC.0501","message":"Invalid limit."}');
    const hits = page!.locator('.search-results a.search-hit');
    expect(await hits.count()).toBe(1);
    expect(await hits.locator('.search-hit-also').innerText()).toMatch(/^Also in (VPC|EIP), reading the same$/);
  });

  test('a code no table lists, with the codes nearby', async () => {
    await open('/');
    await askDialog(page!, '{"code":"Ecs.0019","message":"Flavor is abandoned"}');
    const block = page!.locator('.search-results .lookup-unknown');
    expect(await block.locator('p').first().innerText()).toBe(
      'It points to Elastic Cloud Server (ECS), by its codes of the prefix Ecs.',
    );
    expect(await block.locator('a').count()).toBe(4);
  });
});

describe('a code page names the same code in other services', () => {
  test('VPC.0501 on VPC links EIP’s page, whose rows read the same', async () => {
    await open('/vpc/vpc-0501/');
    const line = page!.locator('p.code-elsewhere');
    expect(await line.innerText()).toBe('VPC.0501 is also in EIP (the same rows).');
    expect(await line.locator('a').getAttribute('href')).toBe('/eip/vpc-0501/');
  });

  test('DBS.200001 on TaurusDB names GaussDB as the same and RDS as worded otherwise', async () => {
    await open('/taurusdb/dbs-200001/');
    expect(await page!.locator('p.code-elsewhere').innerText()).toBe(
      'DBS.200001 is also in GaussDB (the same rows), RDS (other wording).',
    );
  });
});
