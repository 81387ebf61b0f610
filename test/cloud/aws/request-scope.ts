/**
 * Who is calling and which service they mean, read from the SigV4 `Authorization` header
 * (`AWS4-HMAC-SHA256 Credential=AKID/20261126/eu-west-1/ec2/aws4_request, …`). Signatures are not
 * verified: the emulator only needs the access key (to pick the account and permissions), the
 * region (to pick the state) and the signing service (to route).
 */
export type AwsService = 'ec2' | 'rds' | 'eks' | 'autoscaling' | 'sts';

export interface RequestScope {
  accessKeyId?: string;
  region?: string;
  service?: string;
  sessionToken?: string;
}

const CREDENTIAL = /Credential=([^/,\s]+)\/(\d{8})\/([^/,\s]+)\/([^/,\s]+)\/aws4_request/;

export function parseScope(
  authorization: string | undefined,
  sessionToken: string | undefined,
): RequestScope {
  const scope: RequestScope = {};
  if (sessionToken !== undefined && sessionToken !== '') scope.sessionToken = sessionToken;
  if (authorization === undefined) return scope;
  const match = CREDENTIAL.exec(authorization);
  if (match === null) return scope;
  const [, accessKeyId, , region, service] = match;
  if (accessKeyId !== undefined) scope.accessKeyId = accessKeyId;
  if (region !== undefined) scope.region = region;
  if (service !== undefined) scope.service = service;
  return scope;
}

const VERSION_TO_SERVICE: Record<string, AwsService> = {
  '2016-11-15': 'ec2',
  '2014-10-31': 'rds',
  '2011-01-01': 'autoscaling',
  '2011-06-15': 'sts',
};

const KNOWN: readonly string[] = ['ec2', 'rds', 'eks', 'autoscaling', 'sts'];

/**
 * The signing service decides; unsigned requests (curl, `--no-sign-request`) fall back to the
 * request's shape: EKS is the only REST service (`/clusters…`), the query services differ by Version.
 */
export function detectService(
  scope: RequestScope,
  path: string,
  version: string | undefined,
): AwsService | undefined {
  if (scope.service !== undefined && KNOWN.includes(scope.service))
    return scope.service as AwsService;
  if (path.startsWith('/clusters')) return 'eks';
  return version === undefined ? undefined : VERSION_TO_SERVICE[version];
}
