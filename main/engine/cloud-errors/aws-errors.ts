import { CodedError, type ClassifiedError } from '../errors/coded-error';
import { explainCredentialError } from './aws-credential-errors';

/**
 * AWS errors in words a user can act on, with stable codes. The SDK surfaces each service's
 * own spelling (`RequestLimitExceeded` 503 for EC2, `Throttling` 400 for RDS / Auto Scaling /
 * STS, `ThrottlingException` 429 for EKS; `UnauthorizedOperation` / `AccessDenied` /
 * `AccessDeniedException`), so the sets below name them all.
 */
export interface AwsCallInfo {
  /** IAM action, e.g. `ec2:StopInstances`. */
  action: string;
  /** Profile name, when the connection names one. */
  profile?: string | undefined;
  /** The caller's ARN when known (from the error message or a cached identity). */
  arn?: string | undefined;
}

const THROTTLING = new Set([
  'Throttling',
  'ThrottlingException',
  'ThrottledException',
  'RequestLimitExceeded',
  'TooManyRequestsException',
  'RequestThrottled',
  'RequestThrottledException',
  'SlowDown',
  'PriorRequestNotComplete',
  'BandwidthLimitExceeded',
]);
const UNAVAILABLE = new Set([
  'InternalError',
  'InternalFailure',
  'InternalServerError',
  'ServerException',
  'ServiceUnavailable',
  'ServiceUnavailableException',
  'Unavailable',
  'RequestTimeout',
  'RequestTimeoutException',
]);
const NETWORK = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ETIMEDOUT',
  'EPIPE',
  'EAI_AGAIN',
  'ENOTFOUND',
  'TimeoutError',
  'NetworkingError',
  'EHOSTUNREACH',
]);
const DENIED = new Set([
  'AccessDenied',
  'AccessDeniedException',
  'UnauthorizedOperation',
  'UnauthorizedAccess',
  'AuthorizationError',
  'Forbidden',
]);
const AUTH = new Set([
  'AuthFailure',
  'InvalidClientTokenId',
  'UnrecognizedClientException',
  'SignatureDoesNotMatch',
  'InvalidSignatureException',
  'IncompleteSignature',
  'InvalidAccessKeyId',
  'MissingAuthenticationToken',
]);
const EXPIRED = new Set(['ExpiredToken', 'ExpiredTokenException', 'RequestExpired']);
/** A resource busy with another change: a later attempt can succeed. */
const BUSY = new Set([
  'IncorrectInstanceState',
  'InvalidDBInstanceState',
  'InvalidDBInstanceStateFault',
  'InvalidDBClusterStateFault',
  'ResourceInUseException',
  'ScalingActivityInProgress',
  'ScalingActivityInProgressFault',
  'ResourceContention',
  'ResourceContentionFault',
  'IncorrectState',
]);

interface ErrorShape {
  name: string;
  message: string;
  status: number | undefined;
  code: string | undefined;
}

function shapeOf(error: unknown): ErrorShape {
  const record = (typeof error === 'object' && error !== null ? error : {}) as Record<
    string,
    unknown
  >;
  const metadata = record.$metadata as { httpStatusCode?: unknown } | undefined;
  const status = typeof metadata?.httpStatusCode === 'number' ? metadata.httpStatusCode : undefined;
  const name = typeof record.name === 'string' ? record.name : 'Error';
  const code =
    typeof record.code === 'string'
      ? record.code
      : typeof record.Code === 'string'
        ? record.Code
        : undefined;
  const message = error instanceof Error ? error.message : String(error);
  return { name, message, status, code };
}

export function whoOf(info: Pick<AwsCallInfo, 'profile'>): string {
  return info.profile === undefined ? 'the default AWS credentials' : `profile '${info.profile}'`;
}

const ARN_IN_MESSAGE = /User: (arn:aws[a-z-]*:[^\s]+) is not authorized/;

/** The caller ARN AWS names in an access-denied message, if any. */
export function arnFromMessage(message: string): string | undefined {
  return ARN_IN_MESSAGE.exec(message)?.[1];
}

/** Classifies one failed AWS call; `info` says what was called and as whom, for the message. */
export function classifyAwsError(error: unknown, info?: AwsCallInfo): ClassifiedError {
  if (error instanceof CodedError)
    return { code: error.code, message: error.message, transient: error.transient };
  const credential = explainCredentialError(error, info?.profile);
  if (credential !== undefined) return credential;
  const e = shapeOf(error);
  const name = e.name === 'Error' && e.code !== undefined ? e.code : e.name;
  const action = info?.action ?? 'the AWS call';
  const who = info === undefined ? 'these credentials' : whoOf(info);
  const detail = `${name}: ${e.message}`;
  if (name === 'AbortError' || name === 'ABORTED')
    return { code: 'ABORTED', message: 'the operation was cancelled', transient: true };
  if (THROTTLING.has(name))
    return {
      code: 'THROTTLED',
      message: `AWS throttled ${action} (${detail}); it will be retried`,
      transient: true,
    };
  if (DENIED.has(name)) {
    const arn = info?.arn ?? arnFromMessage(e.message);
    return {
      code: 'ACCESS_DENIED',
      message: `AccessDenied: ${action} is not allowed for ${who}${arn === undefined ? '' : ` (${arn})`}: grant it or remove the target`,
      transient: false,
    };
  }
  if (AUTH.has(name)) {
    return {
      code: 'AUTH_FAILED',
      message: `AWS rejected the credentials of ${who} (${detail}): check the access key or log in again`,
      transient: false,
    };
  }
  if (EXPIRED.has(name)) {
    const fix =
      info?.profile === undefined
        ? 'refresh the credentials'
        : `refresh them (for SSO: run \`aws sso login --profile ${info.profile}\`)`;
    return {
      code: 'CREDENTIALS_EXPIRED',
      message: `the credentials of ${who} have expired (${name}): ${fix}`,
      transient: false,
    };
  }
  if (BUSY.has(name))
    return { code: 'INVALID_STATE', message: `${action} refused: ${detail}`, transient: true };
  if (UNAVAILABLE.has(name) || NETWORK.has(name) || (e.code !== undefined && NETWORK.has(e.code))) {
    return {
      code: UNAVAILABLE.has(name) ? 'AWS_UNAVAILABLE' : 'NETWORK',
      message: `${action} failed: ${detail}; it will be retried`,
      transient: true,
    };
  }
  if (e.status !== undefined && (e.status >= 500 || e.status === 429)) {
    return {
      code: 'AWS_UNAVAILABLE',
      message: `${action} failed with HTTP ${e.status} (${detail}); it will be retried`,
      transient: true,
    };
  }
  if (/NotFound|NotFoundFault|NoSuch/.test(name))
    return { code: 'NOT_FOUND', message: `${action}: ${detail}`, transient: false };
  if (
    /Validation|InvalidParameter|MissingParameter|InvalidAction|Malformed|InvalidRequest|UnsupportedOperation|Unsupported/.test(
      name,
    )
  ) {
    return {
      code: 'INVALID_REQUEST',
      message: `${action} was refused as invalid: ${detail}`,
      transient: false,
    };
  }
  if (e.status !== undefined && e.status >= 400)
    return { code: name, message: `${action} failed: ${detail}`, transient: false };
  return { code: e.code ?? name, message: `${action} failed: ${detail}`, transient: false };
}

/** True for errors that mean "this resource does not exist" (wake-up skips those with a note). */
export function isNotFound(error: unknown): boolean {
  const { name } = shapeOf(error);
  return /NotFound|NotFoundFault|NoSuch/.test(name) || name === 'ResourceNotFoundException';
}
