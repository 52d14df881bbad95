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
  // ECS (content/ecs/): codes one service has, in every form.
  { kind: 'console', text: 'Ecs.0010 Private IP address 192.168.0.12 is already in use.', expect: ['/ecs/ecs-0010/'] },
  {
    kind: 'terraform',
    text: 'Error: error creating OpenTelekomCloud server: Bad request with: [POST https://ecs.eu-nl.otc.t-systems.com/v1/0b7c1e2f8d4a4c6f9e3b5a7d2c1f0e9a/cloudservers], error message: {"error":{"message":"the flavor[s2.medium.9] does not exist.","code":"Ecs.0029"}}',
    expect: ['/ecs/ecs-0029/'],
  },
  {
    kind: 'terraform',
    text: '│ Error: error creating server: Bad request with: [POST https://ecs.ap-southeast-1.myhuaweicloud.com/v1/5f3c2a1b9e8d4c7a6b5f4e3d2c1b0a98/cloudservers], error message: {"error":{"code":"Ecs.0013","message":"Insufficient EIP quota."}}',
    expect: ['/ecs/ecs-0013/'],
  },
  {
    kind: 'sdk',
    text: 'huaweicloudsdkcore.exceptions.exceptions.ClientRequestException: ClientRequestException - {status_code:400,request_id:7e1f0c2a9b3d4e5f8a6b7c8d9e0f1a2b,error_code:Ecs.0031,error_message:image [b5f6c3a2-1d4e-4f8a-9b0c-2d3e4f5a6b7c] does not exist.,encoded_authorization_message:None}',
    expect: ['/ecs/ecs-0031/'],
  },
  {
    kind: 'log',
    text: '2026-11-30T10:01:02Z ERROR provisioner code=Ecs.0039 msg="privateIp [10.0.3.7] is not in this subnet [subnet-web-a]"',
    expect: ['/ecs/ecs-0039/'],
  },
  {
    kind: 'json',
    text: '{"error":{"message":"itemNotFound: server 4f2a9c1e could not be found.","code":"Ecs.1000"}}',
    expect: ['/ecs/ecs-1000/'],
  },
  { kind: 'message', text: 'Private IP address 10.0.1.25 is already in use.', expect: ['/ecs/ecs-0010/'] },
  { kind: 'message', text: 'The server 6b0a3f2e-91c4-4d2b-8e7a-5c6d7e8f9a0b is freezed.', expect: ['/ecs/ecs-0030/'] },
  {
    kind: 'sdk',
    text: 'openstack.exceptions.BadRequestException: BadRequestException: 400: Client Error for url: https://ecs.eu-de.otc.t-systems.com/v1/a552a15264d94569b9135d7941d1defb/cloudservers, Instance[9d8c7b6a-5e4f-4a3b-2c1d-0e9f8a7b6c5d] could not be found.',
    expect: ['/ecs/ecs-0114/'],
  },

  // Database codes (DBS.*) that RDS, DDS, DDM, GaussDB MySQL, GaussDB openGauss and TaurusDB share.
  {
    kind: 'terraform',
    text: '│ Error: error updating RDS instance flavor: Bad request with: [POST https://rds.eu-de.otc.t-systems.com/v3/a552a15264d94569b9135d7941d1defb/instances/3c2b1a0f9e8d4c7b6a5f4e3d2c1b0a99in03/action], error message: {"error_code":"DBS.200019","error_msg":"Another operation is being performed on the DB instance or the DB instance is faulty."}',
    expect: ['/rds/dbs-200019/'],
  },
  {
    kind: 'terraform',
    text: 'Error: error resizing DDS instance: Forbidden with: [POST https://dds.eu-de.otc.t-systems.com/v3/a552a15264d94569b9135d7941d1defb/instances/9a8b7c6d5e4f4a3b2c1d0e9f8a7b6c5din02/resize], error message: {"error_code":"DBS.200019","error_msg":"Another operation is being performed on the DB instance or the DB instance is faulty."}',
    expect: ['/dds/dbs-200019/'],
  },
  {
    // Five services have this row, word for word; nothing in the text says which database it came from.
    kind: 'json',
    text: '{"error_code":"DBS.200019","error_msg":"Another operation is being performed on the DB instance or the DB instance is faulty."}',
    expect: [
      '/rds/dbs-200019/',
      '/dds/dbs-200019/',
      '/gaussdb-mysql/dbs-200019/',
      '/gaussdb-opengauss/dbs-200019/',
      '/taurusdb/dbs-200019/',
    ],
    ambiguous: true,
  },
  {
    kind: 'json',
    text: '{"error_code":"DBS.200041","error_msg":"Invalid datastore version."}',
    expect: ['/dds/dbs-200041/'],
  },
  {
    kind: 'log',
    text: '2026-12-01T08:15:44Z ERROR rds-operator reconcile failed: code=DBS.200470 msg="The region or AZ does not exist." host=rds.eu-ch2.otc.t-systems.com',
    expect: ['/rds/dbs-200470/'],
  },
  {
    kind: 'sdk',
    text: 'ClientRequestException - {status_code:400,request_id:0a1b2c3d4e5f60718293a4b5c6d7e8f9,error_code:DBS.280238,error_msg:The DB engine or version is not supported.} while creating GaussDB openGauss instance at https://gaussdb-opengauss.ap-southeast-1.myhuaweicloud.com/v3/5f3c2a1b9e8d4c7a6b5f4e3d2c1b0a98/instances',
    expect: ['/gaussdb-opengauss/dbs-280238/'],
  },
  {
    kind: 'terraform',
    text: 'Error: error creating DDM account: Bad request with: [POST https://ddm.eu-de.otc.t-systems.com/v1/a552a15264d94569b9135d7941d1defb/instances/1f2e3d4c5b6a47988796a5b4c3d2e1f0/users], error message: {"error_code":"DBS.300107","error_msg":"The accounts are duplicated."}',
    expect: ['/ddm/dbs-300107/'],
  },

  // ELB.*: ELB is the v3 API (/v3/{project_id}/elb/...), LB the v2 API (/v2/{project_id}/elb/..., /v2.0/lbaas/...).
  {
    kind: 'terraform',
    text: '│ Error: error creating LoadBalancer: Forbidden with: [POST https://elb.eu-de.otc.t-systems.com/v3/a552a15264d94569b9135d7941d1defb/elb/loadbalancers], error message: {"error_msg":"The number of load balancers exceeds the quota.","error_code":"ELB.1091","request_id":"a1b2c3d4e5f60718"}',
    expect: ['/elb/elb-1091/'],
  },
  {
    kind: 'terraform',
    text: 'Error: error creating LoadBalancer v2: Forbidden with: [POST https://elb.eu-de.otc.t-systems.com/v2.0/lbaas/loadbalancers], error message: {"error_msg":"Lb number larger than quota.","error_code":"ELB.1091"}',
    expect: ['/lb/elb-1091/'],
  },
  {
    kind: 'terraform',
    text: 'Error: error creating listener: Bad request with: [POST https://elb.eu-nl.otc.t-systems.com/v2/0b7c1e2f8d4a4c6f9e3b5a7d2c1f0e9a/elb/listeners], error message: {"error":{"message":"The loadbalaner that the listener belongs to is not exist.","code":"ELB.6040"}}',
    expect: ['/lb/elb-6040/'],
  },
  {
    kind: 'json',
    text: '{"error_code":"ELB.4003","error_msg":"Querying the EIP failed.","request_id":"7c6d5e4f3a2b1c0d"}',
    expect: ['/elb/elb-4003/'],
  },
  {
    kind: 'sdk',
    text: 'openstack.exceptions.BadRequestException: BadRequestException: 400: Client Error for url: https://elb.eu-de.otc.t-systems.com/v2.0/lbaas/healthmonitors/5e4d3c2b-1a0f-4e9d-8c7b-6a5f4e3d2c1b, Healthcheck configuration not exist.',
    expect: ['/lb/elb-7014/'],
  },
  { kind: 'message', text: 'Lb number larger than quota.', expect: ['/lb/elb-1091/'] },

  // VPC.*: VPC and EIP (EIP's API is /v1/{project_id}/publicips, /bandwidths and /v2.0/floatingips on VPC's host).
  {
    kind: 'terraform',
    text: 'Error: error deleting OpenTelekomCloud Subnet: Internal server error with: [DELETE https://vpc.eu-de.otc.t-systems.com/v1/a552a15264d94569b9135d7941d1defb/vpcs/8e7d6c5b-4a3f-4e2d-9c1b-0a9f8e7d6c5b/subnets/1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d], error message: {"code":"VPC.0211","message":"The subnet is being used by a load balancer."}',
    expect: ['/vpc/vpc-0211/'],
  },
  {
    kind: 'terraform',
    text: '│ Error: error creating EIP: Internal server error with: [POST https://vpc.eu-ch2.otc.t-systems.com/v1/6d5c4b3a2f1e4d0c9b8a7f6e5d4c3b2a/publicips], error message: {"code":"VPC.0503","message":"Creating publicIp failed."}',
    expect: ['/eip/vpc-0503/'],
  },
  {
    kind: 'sdk',
    text: 'openstack.exceptions.ConflictException: ConflictException: 409: Client Error for url: https://vpc.eu-de.otc.t-systems.com/v2.0/floatingips/2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e, {"code":"VPC.0510","message":"Floatingip has already associated with port."}',
    expect: ['/eip/vpc-0510/'],
  },
  {
    kind: 'terraform',
    text: 'Error: error retrieving OpenTelekomCloud VPC: Not found with: [GET https://vpc.eu-de.otc.t-systems.com/v1/a552a15264d94569b9135d7941d1defb/vpcs/0f1e2d3c-4b5a-4697-8877-66554433aa22], error message: {"code":"VPC.0003","message":"VPC does not exist."}',
    expect: ['/vpc/vpc-0003/'],
  },
  {
    // VPC and EIP have this row word for word, and the text names neither API.
    kind: 'json',
    text: '{"code":"VPC.0003","message":"VPC does not exist."}',
    expect: ['/vpc/vpc-0003/', '/eip/vpc-0003/'],
    ambiguous: true,
  },
  {
    kind: 'log',
    text: '2026-11-29T22:40:11Z ERROR netctl code=VPC.9904 msg="Security group 4c3f2e1d-0b9a-4876-a5b4-c3d2e1f0a9b8 does not exist." path=/v3/a552a15264d94569b9135d7941d1defb/vpc/security-groups',
    expect: ['/vpc/vpc-9904/'],
  },
  { kind: 'message', text: 'subnet is still used by LBaas.', expect: ['/eip/vpc-0211/'] },

  // OBS (and SFS's general-purpose file systems, whose API is OBS's): codes that are names.
  {
    kind: 'xml',
    text: '<?xml version="1.0" encoding="UTF-8"?><Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message><RequestId>0000018C6A2B3C4D5E6F7A8B9C0D1E2F</RequestId><HostId>obs.eu-de.otc.t-systems.com</HostId><Key>backups/db-2026-11-30.tar.gz</Key></Error>',
    expect: ['/obs/nosuchkey/'],
  },
  {
    kind: 'xml',
    text: '<Error><Code>SignatureDoesNotMatch</Code><Message>The provided signature does not match the signature calculated by OBS.</Message><RequestId>0000018C6A2B3C4D</RequestId><BucketName>tf-state-prod</BucketName></Error>',
    expect: ['/obs/signaturedoesnotmatch/'],
  },
  {
    kind: 'terraform',
    text: 'Error: error reading OBS bucket tf-state-prod: obs: service returned error: Status=404 Not Found, Code=NoSuchBucket, Message=The specified bucket does not exist., RequestId=0000018C7D8E9F0A1B2C3D4E5F6A7B8C',
    expect: ['/obs/nosuchbucket/'],
  },
  {
    kind: 'sdk',
    text: 'upload failed: ./dump.sql to s3://db-dumps/dump.sql An error occurred (BadDigest) when calling the PutObject operation (endpoint https://obs.eu-de.otc.t-systems.com): The specified value of Content-MD5 does not match the value received by OBS.',
    expect: ['/obs/baddigest/'],
  },
  {
    kind: 'terraform',
    text: '│ Error: error creating OBS bucket logs-archive: obs: service returned error: Status=409 Conflict, Code=BucketAlreadyExists, Message=The requested bucket name already exists. The bucket namespace is shared by all users of OBS. Select another name and retry., RequestId=0000018C11223344',
    expect: ['/obs/bucketalreadyexists/'],
  },
  {
    kind: 'log',
    text: '2026-12-02T06:00:03Z ERROR backup-job listing buckets failed: obs: service returned error: Status=403 Forbidden, Code=InvalidAccessKeyId, Message=The access key ID provided by the customer does not exist in the system.',
    expect: ['/obs/invalidaccesskeyid/'],
  },
  {
    kind: 'xml',
    text: '<Error><Code>KMS.DisabledException</Code><Message>The customer master key (CMK) is disabled in SSE-KMS mode.</Message><RequestId>0000018C99AA88BB</RequestId></Error>',
    expect: ['/obs/kms-disabledexception/'],
  },
  {
    kind: 'xml',
    text: '<Error><Code>NoSuchBucket</Code><Message>The specified file system does not exist.</Message><RequestId>0000018CFFEE0011</RequestId></Error>',
    expect: ['/sfs-gp/nosuchbucket/'],
  },

  // One or two codes of each other service, in the forms their tools print.
  {
    kind: 'json',
    text: '{"error_code":"DMS.00400101","error_msg":"The name of a Kafka topic must be 4 to 64 characters long and start with a letter. Only letters, digits, underscores (_), and hyphens (-) are allowed."}',
    expect: ['/dms/dms-00400101/'],
  },
  {
    // Kafka and RocketMQ share this row word for word; nothing says which.
    kind: 'json',
    text: '{"error_code":"DMS.00400042","error_msg":"The AZ does not exist."}',
    expect: ['/dms/dms-00400042/', '/dms-rocketmq/dms-00400042/'],
    ambiguous: true,
  },
  {
    kind: 'sdk',
    text: 'ClientRequestException - {status_code:400,request_id:3f2e1d0c9b8a47968574a3b2c1d0e9f8,error_code:DCS.4933,error_msg:The param available_zones is invalid.}',
    expect: ['/dcs/dcs-4933/'],
  },
  {
    kind: 'json',
    text: '{"error_code":"111400038","error_msg":"The periodNum parameter in the request must be an integer."}',
    expect: ['/dcs/111400038/'],
  },
  {
    kind: 'json',
    text: '{"error":{"code":"IAM.0066","message":"The token has expired.","title":"Unauthorized"}}',
    expect: ['/iam/iam-0066/'],
  },
  {
    kind: 'terraform',
    text: 'Error: error creating KMS key: Bad request with: [POST https://kms.eu-de.otc.t-systems.com/v1.0/a552a15264d94569b9135d7941d1defb/kms/create-key], error message: {"error":{"error_code":"KMS.0201","error_msg":"Invalid request URL."}}',
    expect: ['/kms/kms-0201/'],
  },
  {
    kind: 'terraform',
    text: '│ Error: error creating volume: Request Entity Too Large with: [POST https://evs.eu-de.otc.t-systems.com/v2/a552a15264d94569b9135d7941d1defb/cloudvolumes], error message: {"error":{"message":"Insufficient volume quota.","code":"EVS.5413"}}',
    expect: ['/evs/evs-5413/'],
  },
  {
    kind: 'log',
    text: 'Nov 30 09:12:44 worker-3 agent[2211]: ERROR extend failed: EVS.1064 volume status must be available or in-use when extending!',
    expect: ['/evs/evs-1064/'],
  },
  { kind: 'console', text: 'IMG.0028 The image in the request is protected.', expect: ['/ims/img-0028/'] },
  {
    kind: 'json',
    text: '{"error":{"code":"AS.1018","message":"The specification [s3.large.2] and image is not match."}}',
    expect: ['/as/as-1018/'],
  },
  {
    kind: 'console',
    text: 'CTS.0200: The number of trackers has reached the upper limit.',
    expect: ['/cts/cts-0200/'],
  },
  {
    kind: 'json',
    text: '{"error_code":"FSS.1063","error_msg":"The alias already exists."}',
    expect: ['/fgs/fss-1063/'],
  },
  {
    kind: 'terraform',
    text: 'Error: error creating opentelekomcloud CCE cluster: Bad request with: [POST https://cce.eu-de.otc.t-systems.com/api/v3/projects/dc6f1c54bde0489a9af906e0c921bbc9/clusters], error message: {"errorCode":"CCE.01400003","errorMessage":"IPv6 not supported for the subnet.","error_code":"CCE_CM.0003","error_msg":"Request body invalid"}',
    expect: ['/cce/cce-01400003/'],
  },
  {
    kind: 'json',
    text: '{"errorCode":"CCI.01.400103","errorMessage":"missing user token in the request header"}',
    expect: ['/cci/cci-01-400103/'],
  },
  {
    kind: 'json',
    text: '{"error_code":"APIG.3414","error_msg":"The VPC channel is already being used by another API.","request_id":"9f8e7d6c5b4a3928"}',
    expect: ['/apig/apig-3414/'],
  },
  {
    kind: 'log',
    text: '2026-12-03T11:22:33.456Z ERROR apig-sync code=APIC.7102 msg="Incorrect token or token resolution failure"',
    expect: ['/apig/apic-7102/'],
  },
  {
    kind: 'json',
    text: '{"error_code":"BackupService.6111","error_msg":"The vault cannot be deleted."}',
    expect: ['/cbr/backupservice-6111/'],
  },
  {
    kind: 'json',
    text: '{"error":{"code":"EndPoint.3046","message":"The IP address conflicted with an existing endpoint service."}}',
    expect: ['/vpcep/endpoint-3046/'],
  },
  {
    kind: 'json',
    text: '{"error_code":"WAF.00013001","error_msg":"insufficient.quota"}',
    expect: ['/waf-dedicated/waf-00013001/'],
  },
  {
    kind: 'terraform',
    text: 'Error: error creating OpenTelekomCloud SFS Turbo: Bad request with: [POST https://sfs-turbo.eu-de.otc.t-systems.com/v1/a552a15264d94569b9135d7941d1defb/sfs-turbo/shares], error message: {"errCode":"SFS.TURBO.0003","errMsg":"Invalid name"}',
    expect: ['/sfs/sfs-turbo-0003/'],
  },
  { kind: 'console', text: 'DNS.0208 This zone already exists.', expect: ['/dns/dns-0208/'] },
  {
    kind: 'json',
    text: '{"code":"DNS.0322","message":"The number of weighted record sets with the same name, type, and resolution line has reached the limit 5."}',
    expect: ['/dns/dns-0322/'],
  },
  {
    kind: 'json',
    text: '{"error_code":"SVCSTG_AMS_4000009","error_msg":"The number of elements in the dimension array exceeds the allowed limit."}',
    expect: ['/aom/svcstg-ams-4000009/'],
  },
  {
    kind: 'sdk',
    text: 'com.huaweicloud.sdk.core.exception.ClientRequestException: {"error_code":"DIS.4201","error_msg":"Invalid partition_id. shardId-0000000007"}',
    expect: ['/dis/dis-4201/'],
  },
  { kind: 'json', text: '{"error_code":"DWS.5199","error_msg":"Invalid password."}', expect: ['/dws/dws-5199/'] },
  {
    kind: 'log',
    text: '2026-11-28T17:05:00Z ERROR stack-apply code=RF.10013023 msg="The stack template does not exist."',
    expect: ['/rfs/rf-10013023/'],
  },
  {
    kind: 'json',
    text: '{"error_code":"UCS.01030001","error_msg":"Cluster Not Found."}',
    expect: ['/ucs/ucs-01030001/'],
  },
  {
    kind: 'json',
    text: '{"error_code":"12000003","error_msg":"The cluster does not exist."}',
    expect: ['/mrs/12000003/'],
  },
  {
    kind: 'json',
    text: '{"error_code":"ModelArts.4352","error_msg":"Dataset does not exist"}',
    expect: ['/modelarts/modelarts-4352/'],
  },
  {
    kind: 'json',
    text: '{"errorCode":"LTS.0201","errorMessage":"The log group is not existed"}',
    expect: ['/lts/lts-0201/'],
  },
  {
    kind: 'json',
    text: '{"error":{"code":"VolumeBackup.0078","message":"The quota for the number of SATA disk snapshots has been used up."}}',
    expect: ['/vbs/volumebackup-0078/'],
  },
  {
    kind: 'json',
    text: '{"error_code":"TMS.2017","error_msg":"Invalid element in projects."}',
    expect: ['/tms/tms-2017/'],
  },
  {
    kind: 'json',
    text: '{"error_code":"APIGW.0101","error_msg":"The API does not exist or has not been published in the environment."}',
    expect: ['/tms/apigw-0101/'],
  },

  // Messages alone, without their code: the one table that has each.
  { kind: 'message', text: 'The number of trackers has reached the upper limit.', expect: ['/cts/cts-0200/'] },
  { kind: 'message', text: 'The VPC channel is already being used by another API.', expect: ['/apig/apig-3414/'] },
  { kind: 'message', text: 'The stack template does not exist.', expect: ['/rfs/rf-10013023/'] },
  { kind: 'message', text: 'This zone already exists.', expect: ['/dns/dns-0208/'] },

  // Codes no table lists: the lookup should say so, naming the code.
  {
    kind: 'console',
    text: 'Ecs.0016 Failed to create the ECS because the image is being shared.',
    unlisted: 'Ecs.0016',
  },
  {
    kind: 'json',
    text: '{"error_code":"IMG.0999","error_msg":"Image registration is suspended in this region."}',
    unlisted: 'IMG.0999',
  },
  {
    kind: 'log',
    text: '2026-12-01T03:04:05Z WARN dns-sync request failed, error code : DNS.0999, retrying in 30s',
    unlisted: 'DNS.0999',
  },
  {
    kind: 'json',
    text: '{"errorCode":"KMS.0999","errorMessage":"Key rotation is temporarily unavailable."}',
    unlisted: 'KMS.0999',
  },
  {
    kind: 'terraform',
    text: 'Error: error creating bandwidth: Bad request with: [POST https://vpc.eu-nl.otc.t-systems.com/v2.0/a552a15264d94569b9135d7941d1defb/bandwidths], error message: {"code":"VPC.0999","message":"Bandwidth name conflicts with a reserved name."}',
    unlisted: 'VPC.0999',
  },
  { kind: 'log', text: '[EVS.1999] resize of volume vol-data-01 rejected by scheduler', unlisted: 'EVS.1999' },
  {
    kind: 'sdk',
    text: 'ClientRequestException - {status_code:400,request_id:5a4b3c2d1e0f49382716a5b4c3d2e1f0,error_code:AS.1999,error_msg:The scaling group is locked by another task.}',
    unlisted: 'AS.1999',
  },
  {
    kind: 'json',
    text: '{"error_code":"DMS.00400999","error_msg":"Topic replication factor is invalid."}',
    unlisted: 'DMS.00400999',
  },

  // Texts without a code whose message no table has: nothing to decide, a search is the answer.
  { kind: 'message', text: 'context deadline exceeded (Client.Timeout exceeded while awaiting headers)', none: true },
  {
    kind: 'message',
    text: "Error: timeout while waiting for state to become 'ACTIVE' (last state: 'BUILD', timeout: 30m0s)",
    none: true,
  },
  { kind: 'log', text: '2026-11-30T10:01:02Z ERROR dial tcp 80.158.0.10:443: connect: connection refused', none: true },
  { kind: 'message', text: 'Provider produced inconsistent result after apply', none: true },
];
