/**
 * Texts operators paste into the lookup, built from real rows of the real tables of the public cloud (ECS in
 * content/, the others from the reference folder `npm run bench:cloud` is given), with the page each should
 * land on. Data for `npm run bench:cloud`; plain on purpose. An entry expects exactly one of: `expect` (the
 * code pages that answer it, any one is right), `unlisted` (a code no table has, which the lookup should name),
 * or `none` (no code, and a message no table has).
 */

/** The form a text comes in. */
export type CorpusKind = 'terraform' | 'sdk' | 'json' | 'log' | 'console' | 'xml' | 'message';

export const CORPUS_KINDS: readonly CorpusKind[] = ['terraform', 'sdk', 'json', 'log', 'console', 'xml', 'message'];

/** One pasted text and what it should give. */
export interface CorpusEntry {
  text: string;
  kind: CorpusKind;
  /** Code pages (`/rds/dbs-280285/`) that answer the text; landing on any of them is right. */
  expect?: string[];
  /** A code no table lists, which the lookup should name as not in the reference. */
  unlisted?: string;
  /** The text has no code and a message no table has: a search is the right answer. */
  none?: true;
  /** A person could not tell the candidate pages apart either (same code, different rows, no evidence). */
  ambiguous?: true;
}

export const CLOUD_CORPUS: readonly CorpusEntry[] = [
  // The seven examples of the issue, verbatim.
  {
    kind: 'terraform',
    text: 'Error: error creating OpenTelekomCloud server: Bad request with: [POST https://ecs.eu-de.otc.t-systems.com/v2.1/a552a15264d94569b9135d7941d1defb/servers], error message: {"error":{"message":"Flavor s3.xlarge.1 is abandoned","code":"Ecs.0019"}}',
    unlisted: 'Ecs.0019',
  },
  {
    kind: 'terraform',
    text: '│ Error: error creating RDS instance: Bad request with: [POST https://rds.eu-west-0.prod-cloud-ocb.orange-business.com/v3/482ea20d5304444599335a9d555fa70e/instances], error message: {"error_msg":"Invalid AZ.","error_code":"DBS.280285"}',
    expect: ['/rds/dbs-280285/'],
  },
  {
    kind: 'terraform',
    text: '│ Error: error allocating EIP: Bad request with: [POST https://vpc.eu-de.otc.t-systems.com/v1/30a5224d17f5466490d4977ab0ecda6f/publicips], error message: {"code":"VPC.0501","message":"{\\"NeutronError\\":{\\"message\\":\\"Bandwidth share_type is invalid.\\",\\"type\\":\\"InvalidInput\\",\\"detail\\":\\"\\"}}"}',
    expect: ['/eip/vpc-0501/'],
  },
  {
    // ELB's v3 row and LB's v2 row read the same, and the text names no API.
    kind: 'json',
    text: ' {"error":{"message":"request parameter is not valid","code":"ELB.1001"}}',
    expect: ['/elb/elb-1001/', '/lb/elb-1001/'],
    ambiguous: true,
  },
  {
    kind: 'terraform',
    text: 'Error: error creating bucket ssl-storage: AccessDenied,\n Reason: Access Denied',
    expect: ['/obs/accessdenied/'],
  },
  {
    kind: 'sdk',
    text: 'openstack.exceptions.HttpException: HttpException: Incorrect IAM authentication information: verify aksk signature fail, [APIGW.0301]Incorrect IAM authentication information: verify aksk signature fail',
    unlisted: 'APIGW.0301',
  },
  {
    kind: 'terraform',
    text: 'Error: error creating opentelekomcloud Cluster: Bad request with: [POST https://cce.eu-de.otc.t-systems.com/api/v3/projects/dc6f1c54bde0489a9af906e0c921bbc9/clusters], error message: {"error_code":"CCE_CM.0201","error_msg":"Request body invalid","message":"Need authorize CCE to operate user resources","errorCode":"E.CFE.4000201","reason":"Request body invalid"}',
    unlisted: 'CCE_CM.0201',
  },
];
