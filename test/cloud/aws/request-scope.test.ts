import { describe, expect, it } from 'vitest';
import { detectService, parseScope } from './request-scope';

const AUTH =
  'AWS4-HMAC-SHA256 Credential=AKIAEXAMPLE/20261126/eu-west-1/autoscaling/aws4_request, SignedHeaders=host;x-amz-date, Signature=abc';

describe('request scope', () => {
  it('reads access key, region and service from the SigV4 credential scope', () => {
    expect(parseScope(AUTH, 'token')).toEqual({
      accessKeyId: 'AKIAEXAMPLE',
      region: 'eu-west-1',
      service: 'autoscaling',
      sessionToken: 'token',
    });
    expect(parseScope(undefined, undefined)).toEqual({});
  });

  it('routes by the signing service, else by the request shape', () => {
    expect(detectService(parseScope(AUTH, undefined), '/', '2016-11-15')).toBe('autoscaling');
    expect(detectService({}, '/clusters/dev/node-groups', undefined)).toBe('eks');
    expect(detectService({}, '/', '2014-10-31')).toBe('rds');
    expect(detectService({}, '/', '2011-06-15')).toBe('sts');
    expect(detectService({ service: 's3' }, '/', undefined)).toBeUndefined();
  });
});
