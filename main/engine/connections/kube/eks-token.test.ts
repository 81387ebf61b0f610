import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createEksToken, EKS_TOKEN_PREFIX } from './eks-token';

const credentials = {
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
};
const now = new Date('2026-01-28T12:00:00Z');

/**
 * Printed by the real `aws eks get-token` code (awscli 1.45.11 / botocore 1.43.11: TokenGenerator
 * with an STS client for the region) for the credentials above, cluster `dev-cluster`, and the
 * clock frozen at 2026-01-28T12:00:00Z.
 */
const AWSCLI_US_EAST_1 =
  'k8s-aws-v1.aHR0cHM6Ly9zdHMudXMtZWFzdC0xLmFtYXpvbmF3cy5jb20vP0FjdGlvbj1HZXRDYWxsZXJJZGVudGl0eSZWZXJzaW9uPTIwMTEtMDYtMTUmWC1BbXotQWxnb3JpdGhtPUFXUzQtSE1BQy1TSEEyNTYmWC1BbXotQ3JlZGVudGlhbD1BS0lERVhBTVBMRSUyRjIwMjYwMTI4JTJGdXMtZWFzdC0xJTJGc3RzJTJGYXdzNF9yZXF1ZXN0JlgtQW16LURhdGU9MjAyNjAxMjhUMTIwMDAwWiZYLUFtei1FeHBpcmVzPTYwJlgtQW16LVNpZ25lZEhlYWRlcnM9aG9zdCUzQngtazhzLWF3cy1pZCZYLUFtei1TaWduYXR1cmU9ZTJhYWExYWYzZmE4MjQ5N2UwYzFlNzNlYTg3OTQ2MTkzNGE0YzRkMGJhOWY2NzM5ZDVhNWY1NmQ3YzMxYTE5Mw';
/** The same with a session token, region eu-central-1. */
const AWSCLI_EU_CENTRAL_1_SESSION =
  'k8s-aws-v1.aHR0cHM6Ly9zdHMuZXUtY2VudHJhbC0xLmFtYXpvbmF3cy5jb20vP0FjdGlvbj1HZXRDYWxsZXJJZGVudGl0eSZWZXJzaW9uPTIwMTEtMDYtMTUmWC1BbXotQWxnb3JpdGhtPUFXUzQtSE1BQy1TSEEyNTYmWC1BbXotQ3JlZGVudGlhbD1BS0lERVhBTVBMRSUyRjIwMjYwMTI4JTJGZXUtY2VudHJhbC0xJTJGc3RzJTJGYXdzNF9yZXF1ZXN0JlgtQW16LURhdGU9MjAyNjAxMjhUMTIwMDAwWiZYLUFtei1FeHBpcmVzPTYwJlgtQW16LVNpZ25lZEhlYWRlcnM9aG9zdCUzQngtazhzLWF3cy1pZCZYLUFtei1TZWN1cml0eS1Ub2tlbj1Gd29HWlhJdllYZHpFWEFNUExFU0VTU0lPTlRPS0VOJlgtQW16LVNpZ25hdHVyZT0zMDQ3OGI3ZjdiMGEwZDk2M2QxNGNmNTBhNjVkNjY4YmExNTVkZTEwZjg0NWViODNmNmJmNmQ3ZWU2MzFjY2Zj';

function decode(token: string): URL {
  return new URL(Buffer.from(token.slice(EKS_TOKEN_PREFIX.length), 'base64url').toString('utf8'));
}

/** SigV4 by hand (the AWS documentation's steps), to check the signature independently of any SDK. */
function referenceSignature(url: URL, cluster: string, secret: string): string {
  const query = [...url.searchParams.entries()]
    .filter(([k]) => k !== 'X-Amz-Signature')
    .map(([k, v]) => [encodeURIComponent(k), encodeURIComponent(v)] as const)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
  const canonical = [
    'GET',
    '/',
    query,
    `host:${url.host}\nx-k8s-aws-id:${cluster}\n`,
    'host;x-k8s-aws-id',
    createHash('sha256').update('').digest('hex'),
  ].join('\n');
  const date = url.searchParams.get('X-Amz-Date') ?? '';
  const scope = (url.searchParams.get('X-Amz-Credential') ?? '').split('/').slice(1).join('/');
  const toSign = [
    'AWS4-HMAC-SHA256',
    date,
    scope,
    createHash('sha256').update(canonical).digest('hex'),
  ].join('\n');
  const [day, region, service] = scope.split('/');
  let key: Buffer = createHmac('sha256', `AWS4${secret}`)
    .update(day ?? '')
    .digest();
  for (const part of [region ?? '', service ?? '', 'aws4_request'])
    key = createHmac('sha256', key).update(part).digest();
  return createHmac('sha256', key).update(toSign).digest('hex');
}

describe('createEksToken', () => {
  it('produces exactly the token aws eks get-token prints for the same credentials and time', async () => {
    const { token } = await createEksToken({
      clusterName: 'dev-cluster',
      region: 'us-east-1',
      credentials,
      now,
    });
    expect(token).toBe(AWSCLI_US_EAST_1);
  });

  it('includes the session token of temporary credentials like aws eks get-token does', async () => {
    const { token } = await createEksToken({
      clusterName: 'dev-cluster',
      region: 'eu-central-1',
      credentials: async () => ({
        ...credentials,
        sessionToken: 'FwoGZXIvYXdzEXAMPLESESSIONTOKEN',
      }),
      now,
    });
    expect(token).toBe(AWSCLI_EU_CENTRAL_1_SESSION);
  });

  it('is base64url without padding of a presigned GetCallerIdentity URL binding the cluster name', async () => {
    const { token, expiresAt } = await createEksToken({
      clusterName: 'payments-prod',
      region: 'ap-southeast-2',
      credentials,
      now,
    });
    expect(token.startsWith(EKS_TOKEN_PREFIX)).toBe(true);
    expect(token).not.toMatch(/[=+/]/);
    const url = decode(token);
    expect(url.origin).toBe('https://sts.ap-southeast-2.amazonaws.com');
    expect(url.searchParams.get('Action')).toBe('GetCallerIdentity');
    expect(url.searchParams.get('X-Amz-Expires')).toBe('60');
    expect(url.searchParams.get('X-Amz-SignedHeaders')).toBe('host;x-k8s-aws-id');
    expect(url.searchParams.get('X-Amz-Credential')).toBe(
      'AKIDEXAMPLE/20260128/ap-southeast-2/sts/aws4_request',
    );
    expect(url.searchParams.get('X-Amz-Signature')).toBe(
      referenceSignature(url, 'payments-prod', credentials.secretAccessKey),
    );
    expect(expiresAt.toISOString()).toBe('2026-01-28T12:14:00.000Z');
  });

  it('signs a different token for another cluster, so one token cannot open two clusters', async () => {
    const a = await createEksToken({ clusterName: 'a', region: 'us-east-1', credentials, now });
    const b = await createEksToken({ clusterName: 'b', region: 'us-east-1', credentials, now });
    expect(decode(a.token).searchParams.get('X-Amz-Signature')).not.toBe(
      decode(b.token).searchParams.get('X-Amz-Signature'),
    );
  });
});
