import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import type {
  AwsCredentialIdentity,
  AwsCredentialIdentityProvider,
  HttpRequest,
} from '@smithy/types';

/** What `aws eks get-token` prefixes to the base64url of the presigned URL. */
export const EKS_TOKEN_PREFIX = 'k8s-aws-v1.';
/** The header aws-iam-authenticator checks: the signature binds the token to one cluster. */
export const CLUSTER_ID_HEADER = 'x-k8s-aws-id';
/** The presigned URL's own lifetime, as `aws eks get-token` sets it. */
const URL_EXPIRES_SECONDS = 60;
/**
 * aws-iam-authenticator accepts a token for 15 minutes after X-Amz-Date whatever X-Amz-Expires
 * says; `aws eks get-token` advertises 14 so that clients refresh before the server refuses.
 */
export const EKS_TOKEN_LIFETIME_MS = 14 * 60_000;

export interface EksTokenInput {
  clusterName: string;
  /** The cluster's region: the STS endpoint and the signing scope use it. */
  region: string;
  credentials: AwsCredentialIdentity | AwsCredentialIdentityProvider;
  now: Date;
}

export interface EksToken {
  token: string;
  expiresAt: Date;
}

/** RFC 3986 encoding, as SigV4 requires (encodeURIComponent leaves !'()* alone). */
function encode(text: string): string {
  return encodeURIComponent(text).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/**
 * The order in which botocore writes a presigned query, so that the token is byte-for-byte the
 * one `aws eks get-token` prints for the same credentials and time (the signature does not depend
 * on it: SigV4 sorts the query before signing).
 */
const QUERY_ORDER = [
  'Action',
  'Version',
  'X-Amz-Algorithm',
  'X-Amz-Credential',
  'X-Amz-Date',
  'X-Amz-Expires',
  'X-Amz-SignedHeaders',
  'X-Amz-Security-Token',
  'X-Amz-Signature',
];

function orderedQuery(query: Record<string, string | string[] | null | undefined>): string {
  const keys = Object.keys(query).sort((a, b) => {
    const ia = QUERY_ORDER.indexOf(a);
    const ib = QUERY_ORDER.indexOf(b);
    return (
      (ia < 0 ? QUERY_ORDER.length : ia) - (ib < 0 ? QUERY_ORDER.length : ib) ||
      (a < b ? -1 : a > b ? 1 : 0)
    );
  });
  const parts: string[] = [];
  for (const key of keys) {
    const value = query[key];
    const values = Array.isArray(value)
      ? value
      : value === null || value === undefined
        ? []
        : [value];
    for (const v of values) parts.push(`${encode(key)}=${encode(v)}`);
  }
  return parts.join('&');
}

/**
 * A bearer token for an EKS cluster, made the way `aws eks get-token` makes it: a SigV4
 * presigned `sts:GetCallerIdentity` URL (regional STS endpoint, GET, 60 s, with the signed
 * header `x-k8s-aws-id: <cluster>`), base64url-encoded without padding, prefixed `k8s-aws-v1.`.
 * The cluster's authenticator calls that URL to learn who we are; no `aws` binary is needed.
 */
export async function createEksToken(input: EksTokenInput): Promise<EksToken> {
  const hostname = `sts.${input.region}.amazonaws.com`;
  const signer = new SignatureV4({
    credentials: input.credentials,
    region: input.region,
    service: 'sts',
    sha256: Sha256,
  });
  const request: HttpRequest = {
    method: 'GET',
    protocol: 'https:',
    hostname,
    path: '/',
    query: { Action: 'GetCallerIdentity', Version: '2011-06-15' },
    headers: { host: hostname, [CLUSTER_ID_HEADER]: input.clusterName },
  };
  const signed = await signer.presign(request, {
    expiresIn: URL_EXPIRES_SECONDS,
    signingDate: input.now,
  });
  const url = `https://${hostname}/?${orderedQuery(signed.query ?? {})}`;
  const token = EKS_TOKEN_PREFIX + Buffer.from(url, 'utf8').toString('base64url');
  return { token, expiresAt: new Date(input.now.getTime() + EKS_TOKEN_LIFETIME_MS) };
}
