import { describe, expect, it } from 'vitest';
import { carriedMessage, claimedCodes } from '../../src/lib/lookup/input-fields.ts';

describe('the codes a text says it carries', () => {
  it('reads JSON code fields of every spelling, in the order they stand', () => {
    expect(claimedCodes('{"error_code":"CCE_CM.0201","error_msg":"x","errorCode":"E.CFE.4000201"}')).toEqual([
      'CCE_CM.0201',
      'E.CFE.4000201',
    ]);
    expect(claimedCodes('{"error":{"message":"m","code":"Ecs.0019"}}')).toEqual(['Ecs.0019']);
    expect(claimedCodes('{"class":"KMS.0101"}')).toEqual(['KMS.0101']);
  });

  it('reads a code in brackets and after "error code:" or "code="', () => {
    expect(claimedCodes('HttpException: fail, [APIGW.0301]Incorrect IAM authentication information')).toEqual([
      'APIGW.0301',
    ]);
    expect(claimedCodes('request failed, error code : DMS.00400001, retry')).toEqual(['DMS.00400001']);
    expect(claimedCodes('level=error code=Ecs.0019 msg="abandoned"')).toEqual(['Ecs.0019']);
  });

  it('reads a name with a capital inside, not a plain word or an HTTP status', () => {
    expect(claimedCodes('{"code":"AccessDenied"}')).toEqual(['AccessDenied']);
    expect(claimedCodes('{"code":"conflict"}')).toEqual([]);
    expect(claimedCodes('{"code":"400","message":"bad"} status code: 404')).toEqual([]);
  });

  it('does not take a bracketed URL, word or filled-in value for a code', () => {
    expect(claimedCodes('[POST https://ecs.eu-de.otc.t-systems.com/v2/x/servers] [ERROR]')).toEqual([]);
    expect(claimedCodes('The type [sample-7] of ECS in the AZ [eu-de-01] you selected')).toEqual([]);
  });
});

describe('the message a text carries beside its code', () => {
  it('is its first JSON message field', () => {
    expect(
      carriedMessage('{"error_code":"X.1","error_msg":"Request body invalid","message":"Need authorize"}', 'X.1'),
    ).toBe('Request body invalid');
  });

  it('reads a message logged as JSON inside a message field', () => {
    expect(
      carriedMessage(
        '{"code":"VPC.0501","message":"{\\"NeutronError\\":{\\"message\\":\\"Bandwidth share_type is invalid.\\"}}"}',
        'VPC.0501',
      ),
    ).toBe('Bandwidth share_type is invalid.');
  });

  it('is what follows the code on its line when there is no JSON', () => {
    expect(carriedMessage('fail, [APIGW.0301]Incorrect IAM authentication\nnext line', 'APIGW.0301')).toBe(
      'Incorrect IAM authentication',
    );
  });

  it('is absent when nothing follows the code', () => {
    expect(carriedMessage('Ecs.0019', 'Ecs.0019')).toBeUndefined();
  });
});
