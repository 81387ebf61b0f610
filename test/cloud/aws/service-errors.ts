import type { FaultError } from '../shared/faults';
import { AwsError } from './aws-error';
import type { Identity } from './identity';
import type { AwsService } from './request-scope';

/**
 * The errors every AWS service returns but each spells its own way: EC2 throttles with
 * `RequestLimitExceeded` (503), the awsQuery services with `Throttling` (400), EKS with
 * `ThrottlingException` (429); denied calls are `UnauthorizedOperation`, `AccessDenied` or
 * `AccessDeniedException`.
 */
export function faultToError(
  service: AwsService,
  fault: FaultError,
  request?: EchoedRequest,
): AwsError {
  if (fault.kind === 'custom')
    return new AwsError(fault.code, fault.message ?? `Injected ${fault.code}`, fault.status);
  if (fault.kind === 'signature-mismatch') return signatureMismatch(service, request);
  // The dispatcher hangs instead (hangUntilClientGivesUp); this is what a gateway would answer.
  if (fault.kind === 'timeout')
    return new AwsError('RequestTimeout', 'The request timed out before an answer.', 504);
  if (service === 'ec2') {
    if (fault.kind === 'throttle')
      return new AwsError('RequestLimitExceeded', 'Request limit exceeded.', 503);
    if (fault.kind === 'server')
      return new AwsError('InternalError', 'An internal error has occurred', 500);
    return new AwsError(
      'Unavailable',
      "The server is overloaded and can't handle the request.",
      503,
    );
  }
  if (service === 'eks') {
    if (fault.kind === 'throttle') return new AwsError('ThrottlingException', 'Rate exceeded', 429);
    if (fault.kind === 'server')
      return new AwsError('ServerException', 'An internal error occurred', 500);
    return new AwsError('ServiceUnavailableException', 'Service is unavailable', 503);
  }
  if (fault.kind === 'throttle') return new AwsError('Throttling', 'Rate exceeded', 400);
  if (fault.kind === 'server')
    return new AwsError('InternalFailure', 'An internal error occurred', 500);
  return new AwsError('ServiceUnavailable', 'Service is unavailable', 503);
}

export function accessDenied(service: AwsService, identity: Identity, iamAction: string): AwsError {
  const who = `User: ${identity.arn} is not authorized to perform: ${iamAction}`;
  if (service === 'ec2') {
    return new AwsError(
      'UnauthorizedOperation',
      `You are not authorized to perform this operation. ${who} because no identity-based policy allows the ${iamAction} action`,
      403,
    );
  }
  if (service === 'eks')
    return new AwsError(
      'AccessDeniedException',
      `${who} because no identity-based policy allows the ${iamAction} action`,
      403,
    );
  return new AwsError(
    'AccessDenied',
    `${who} because no identity-based policy allows the ${iamAction} action`,
    403,
  );
}

export function credentialError(
  service: AwsService,
  reason: 'unknown-key' | 'expired' | 'bad-token',
): AwsError {
  if (reason === 'expired') {
    if (service === 'ec2') return new AwsError('RequestExpired', 'Request has expired.', 400);
    if (service === 'eks')
      return new AwsError(
        'ExpiredTokenException',
        'The security token included in the request is expired',
        403,
      );
    return new AwsError(
      'ExpiredToken',
      'The security token included in the request is expired',
      400,
    );
  }
  if (service === 'ec2')
    return new AwsError(
      'AuthFailure',
      'AWS was not able to validate the provided access credentials',
      401,
    );
  if (service === 'eks')
    return new AwsError(
      'UnrecognizedClientException',
      'The security token included in the request is invalid.',
      403,
    );
  return new AwsError(
    'InvalidClientTokenId',
    'The security token included in the request is invalid.',
    403,
  );
}

export function unknownAction(
  service: AwsService,
  action: string,
  version: string | undefined,
): AwsError {
  if (service === 'ec2')
    return new AwsError(
      'InvalidAction',
      `The action ${action} is not valid for this web service.`,
      400,
    );
  if (service === 'eks')
    return new AwsError('UnknownOperationException', `Unknown operation ${action}`, 404);
  return new AwsError(
    'InvalidAction',
    `Could not find operation ${action} for version ${version ?? 'NO_VERSION_SPECIFIED'}`,
    400,
  );
}

/** What a signature-mismatch error quotes of the request it answers. */
export interface EchoedRequest {
  method: string;
  path: string;
  query: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/**
 * AWS's answer to a request whose signature does not match: the message quotes the canonical
 * request (every signed header with its value, `x-amz-security-token` among them) and the
 * string to sign with the credential scope. We quote every header, `authorization` too, so the
 * access key id is in the answer as well, which is what some proxies and emulators do.
 */
function signatureMismatch(service: AwsService, request: EchoedRequest | undefined): AwsError {
  const intro =
    'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.';
  if (request === undefined)
    return new AwsError(
      service === 'eks' ? 'InvalidSignatureException' : 'SignatureDoesNotMatch',
      intro,
      403,
    );
  const names = Object.keys(request.headers).sort();
  const headers = names.map((name) => {
    const value = request.headers[name];
    return `${name}:${Array.isArray(value) ? value.join(',') : (value ?? '')}`;
  });
  const authorization = String(request.headers.authorization ?? '');
  const scope = /Credential=[^/]+\/([^,\s]+)/.exec(authorization)?.[1] ?? '';
  const amzDate = String(request.headers['x-amz-date'] ?? '');
  const message = [
    intro,
    '',
    'The Canonical String for this request should have been',
    `'${request.method}`,
    request.path,
    request.query,
    ...headers,
    '',
    names.join(';'),
    `${request.body}'`,
    '',
    'The String-to-Sign should have been',
    `'AWS4-HMAC-SHA256`,
    amzDate,
    scope,
    `'`,
  ].join('\n');
  return new AwsError(
    service === 'eks' ? 'InvalidSignatureException' : 'SignatureDoesNotMatch',
    message,
    403,
  );
}
