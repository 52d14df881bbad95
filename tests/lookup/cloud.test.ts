import { describe, expect, it } from 'vitest';
import { loadServices } from '../../src/lib/assembly/load-site.ts';
import { filledCodeHref } from '../../src/lib/core/urls.ts';
import { lookupSource } from '../../src/lib/assembly/data-files.ts';
import { buildLookupIndex } from '../../src/lib/lookup/direct-hits.ts';
import { buildSiteLookup } from '../../src/lib/lookup/lookup-data.ts';
import { resolveLookup, type LookupOutcome } from '../../src/lib/lookup/resolve.ts';
import { explainAnswer } from '../../src/lib/assembly/explain.ts';
import { formatAnswer } from '../../src/lib/assembly/explain-text.ts';

// tests/fixtures/cloud: twelve small services that share codes, prefixes and wordings as the real tables do.
const { services } = loadServices('tests/fixtures/cloud/content');
const { data, clues } = buildSiteLookup(services.map(lookupSource));
const index = buildLookupIndex(data, undefined, clues);

/** What a user sees of an outcome, in one line. */
function answer(text: string): string {
  const outcome: LookupOutcome = resolveLookup({ q: text }, index);
  switch (outcome.kind) {
    case 'go':
      return [
        `go ${filledCodeHref(outcome.hit)}`,
        ...(outcome.hit.alsoIn ? [`also ${outcome.hit.alsoIn.map((a) => a.path).join(' ')}`] : []),
        ...(outcome.because ? [`because ${outcome.because.join('; ')}`] : []),
      ].join(' | ');
    case 'choose':
      return `choose ${outcome.hits.map((h) => h.path).join(' ')} | ${outcome.undecided}`;
    case 'unknown-code':
      return [
        `unknown ${outcome.code}`,
        `services ${outcome.services.map((s) => `${s.short} (${s.because.join('; ')})`).join(', ')}`,
        `message ${outcome.message ?? '-'}`,
        `near ${outcome.nearest.map((n) => n.code).join(' ')}`,
        `hits ${outcome.hits.map((h) => h.path).join(' ')}`,
      ].join(' | ');
    default:
      return outcome.kind;
  }
}

describe('the service a text names decides between services that share a code', () => {
  it('goes to RDS for an RDS error from Terraform, by its endpoint and words', () => {
    const text =
      '│ Error: error creating RDS instance: Bad request with: [POST https://rds.eu-west-0.prod-cloud-ocb.orange-business.com/v3/482ea20d/instances], error message: {"error_msg":"Invalid AZ.","error_code":"DBS.280285"}';
    expect(answer(text)).toBe(
      'go /rds/dbs-280285/#http-400 | because the endpoint rds.eu-west-0.prod-cloud-ocb.orange-business.com; the words “RDS”; the words “RDS instance”',
    );
  });

  it('goes to EIP for VPC.0501 from EIP’s API path on VPC’s host, naming VPC as giving the same answer', () => {
    const text =
      'Error: error allocating EIP: Bad request with: [POST https://vpc.eu-de.otc.t-systems.com/v1/30a5224d/publicips], error message: {"code":"VPC.0501","message":"{\\"NeutronError\\":{\\"message\\":\\"Bandwidth share_type is invalid.\\",\\"type\\":\\"InvalidInput\\",\\"detail\\":\\"\\"}}"}';
    expect(answer(text)).toBe(
      'go /eip/vpc-0501/#http-400 | also /vpc/vpc-0501/ | because the endpoint vpc.eu-de.otc.t-systems.com; the API path /v1/{project_id}/publicips; the words “EIP”',
    );
  });

  it('tells the two load balancers apart by the version in the API path', () => {
    const body = '{"error_msg":"RequestBody is null or empty,request is invalid.","error_code":"ELB.0002"}';
    expect(answer(`POST https://elb.eu-de.otc.t-systems.com/v2/abc/elb/loadbalancers ${body}`)).toMatch(
      /^go \/lb\/elb-0002\/#http-400/,
    );
    expect(
      answer(`POST https://elb.eu-de.otc.t-systems.com/v3/abc/elb/loadbalancers {"error_code":"ELB.0002"}`),
    ).toMatch(/^go \/elb\/elb-0002\/ /);
  });

  it('offers a chooser in order of evidence, saying what it could not tell apart, when the text does not decide', () => {
    expect(answer('{"error_code":"ELB.0002"}')).toBe(
      'choose /elb/elb-0002/ /lb/elb-0002/ | ELB.0002 exists in 2 services (ELB, LB), each with its own wording, and the text does not say which answered.',
    );
    expect(answer('DBS.280285 on https://gaussdb-mysql.eu-de.otc.t-systems.com/v3/x/instances')).toBe(
      'choose /gaussdb/dbs-280285/ /taurusdb/dbs-280285/ /rds/dbs-280285/ | DBS.280285 exists in 3 services (GaussDB, TaurusDB, RDS), each with its own wording, and the text does not say which answered. The text points to GaussDB and TaurusDB alike.',
    );
  });
});

describe('the message a text carries decides between services that word a code otherwise', () => {
  it('goes to the one service whose row has the message, with no word of the host', () => {
    expect(answer('{"error_code":"ELB.0002","error_msg":"RequestBody is null or empty,request is invalid."}')).toBe(
      'go /lb/elb-0002/#http-400',
    );
    expect(
      answer('{"error_code":"ELB.0002","error_msg":"The request body is null or empty. The request is invalid."}'),
    ).toBe('go /elb/elb-0002/#http-400');
  });
});

describe('one answer for one wording', () => {
  it('answers ELB.1001 once for both load balancers, whose rows read the same', () => {
    expect(answer(' {"error":{"message":"request parameter is not valid","code":"ELB.1001"}}')).toBe(
      'go /elb/elb-1001/ | also /lb/elb-1001/',
    );
  });

  it('answers DBS.200001 once for the two services that word it alike, beside RDS which words it otherwise', () => {
    expect(answer('DBS.200001')).toBe(
      'choose /gaussdb/dbs-200001/ /rds/dbs-200001/ | DBS.200001 exists in 2 services (GaussDB, RDS), each with its own wording, and the text does not say which answered.',
    );
  });
});

describe('a code that is a name, standing in prose', () => {
  it('is the OBS code AccessDenied, not FunctionGraph’s message “Access denied.”', () => {
    expect(answer('Error: error creating bucket ssl-storage: AccessDenied,\n Reason: Access Denied')).toBe(
      'go /obs/accessdenied/',
    );
  });

  it('loses to a whole message of another code that says more than the name', () => {
    expect(answer('AccessDenied: The VPC does not exist.')).toBe('go /ecs/ecs-0014/#http-400');
  });

  it('loses to a message that says the name itself', () => {
    expect(answer('AccessDenied')).toBe('go /obs/accessdenied/');
    expect(answer('Access denied.')).toBe('go /fgs/fss-1118/#http-401');
  });
});

describe('a code no table lists', () => {
  it('is named, with the service its endpoint and prefix point to, the message it carried and the codes nearby', () => {
    const text =
      'Error: error creating OpenTelekomCloud server: Bad request with: [POST https://ecs.eu-de.otc.t-systems.com/v2.1/a552a152/servers], error message: {"error":{"message":"Flavor s3.xlarge.1 is abandoned","code":"Ecs.0019"}}';
    expect(answer(text)).toBe(
      'unknown Ecs.0019 | services ECS (the endpoint ecs.eu-de.otc.t-systems.com; its codes of the prefix Ecs) | message Flavor s3.xlarge.1 is abandoned | near Ecs.0010 Ecs.0014 Ecs.0021 | hits ',
    );
  });

  it('is read from brackets, and its prefix points to the service whose codes share it', () => {
    const text =
      'openstack.exceptions.HttpException: HttpException: Incorrect IAM authentication information: verify aksk signature fail, [APIGW.0301]Incorrect IAM authentication information: verify aksk signature fail';
    expect(answer(text)).toBe(
      'unknown APIGW.0301 | services TMS (its codes of the prefix APIGW) | message Incorrect IAM authentication information: verify aksk signature fail | near APIGW.0101 APIGW.0106 | hits ',
    );
  });

  it('is named even in a shape no table has, by the endpoint alone', () => {
    const text =
      'Error: [POST https://cce.eu-de.otc.t-systems.com/api/v3/projects/dc6f/clusters], error message: {"error_code":"CCE_CM.0201","error_msg":"Request body invalid","errorCode":"E.CFE.4000201"}';
    expect(answer(text)).toMatch(
      /^unknown CCE_CM\.0201 \| services {2}\| message Request body invalid \| near {2}\| hits $/,
    );
  });

  it('never goes to another code whose message reads like the text, but lists it', () => {
    expect(answer('{"code":"Ecs.0099","message":"Invalid flavor."}')).toBe(
      'unknown Ecs.0099 | services ECS (its codes of the prefix Ecs) | message Invalid flavor. | near Ecs.0010 Ecs.0014 Ecs.0021 | hits /ecs/ecs-0021/',
    );
  });

  it('is named when it opens a console toast, in a shape the tables have', () => {
    expect(answer('Ecs.0019 Flavor s3.xlarge.1 is abandoned.')).toBe(
      'unknown Ecs.0019 | services ECS (its codes of the prefix Ecs) | message Flavor s3.xlarge.1 is abandoned. | near Ecs.0010 Ecs.0014 Ecs.0021 | hits ',
    );
  });

  it('is not claimed when the text also carries a code a table lists', () => {
    expect(answer('{"error_code":"ECS.0021","errorCode":"E.CFE.4000201","error_msg":"Invalid flavor."}')).toBe(
      'go /ecs/ecs-0021/#http-400',
    );
  });

  it('does not take an HTTP status in a code field for a code', () => {
    expect(answer('{"code":"400","message":"Invalid flavor."}')).toBe('go /ecs/ecs-0021/#http-400');
  });
});

describe('npm run explain gives the lookup’s answer', () => {
  const SITE = 'https://errors.example.org';
  const TEXTS = [
    '│ Error: [POST https://rds.eu-west-0.prod-cloud-ocb.orange-business.com/v3/4/instances], error message: {"error_msg":"Invalid AZ.","error_code":"DBS.280285"}',
    '{"code":"VPC.0501","message":"Invalid limit."} from https://vpc.eu-de.otc.t-systems.com/v1/3/publicips',
    '{"error_code":"ELB.0002"}',
    'ELB.1001',
    'Error: error creating bucket ssl-storage: AccessDenied,\n Reason: Access Denied',
    '[APIGW.0301]Incorrect IAM authentication information',
    'Access denied.',
    'nothing of the kind',
  ];

  for (const text of TEXTS) {
    it(`answers “${text.replace(/\s+/g, ' ').slice(0, 50)}” as the lookup does`, () => {
      const outcome = resolveLookup({ q: text }, index);
      const answer = explainAnswer(text, services, SITE);
      const lookupHits =
        outcome.kind === 'go'
          ? [outcome.hit]
          : outcome.kind === 'choose' || outcome.kind === 'unknown-code'
            ? outcome.hits
            : [];
      expect([answer.kind, answer.hits.map((h) => h.url)]).toEqual([
        outcome.kind,
        lookupHits.map((h) => `${SITE}${h.path}`),
      ]);
    });
  }

  it('prints a code no table lists with what it points to, and exits 1', () => {
    expect(
      formatAnswer(
        explainAnswer('{"error":{"message":"Flavor s3.xlarge.1 is abandoned","code":"Ecs.0019"}}', services, SITE),
      ),
    ).toBe(
      [
        'Ecs.0019 is not in this reference.',
        '  It points to Elastic Cloud Server (ECS): its codes of the prefix Ecs.',
        '  The message it carried: "Flavor s3.xlarge.1 is abandoned"',
        '  Codes nearest to it: Ecs.0010 (ECS), Ecs.0014 (ECS), Ecs.0021 (ECS)',
        '',
      ].join('\n'),
    );
  });

  it('prints one answer of several services once, naming the others, and what chose the first', () => {
    const text = formatAnswer(
      explainAnswer(
        'POST https://vpc.eu-de.otc.t-systems.com/v1/3/publicips {"code":"VPC.0501","message":"Invalid limit."}',
        services,
        SITE,
      ),
    );
    expect(text.split('\n').slice(0, 3)).toEqual([
      'EIP, by the endpoint vpc.eu-de.otc.t-systems.com, the API path /v1/{project_id}/publicips.',
      '',
      'VPC.0501 (EIP: Elastic IP)',
    ]);
    expect(text).toContain(`  Also in VPC, reading the same: ${SITE}/vpc/vpc-0501/`);
  });
});
