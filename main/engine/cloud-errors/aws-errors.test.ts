import { describe, expect, it } from 'vitest';
import { CodedError } from '../errors/coded-error';
import { arnFromMessage, classifyAwsError, isNotFound } from './aws-errors';

/** Errors shaped as the AWS SDK v3 surfaces them: `name`, `$metadata.httpStatusCode`, `$fault`. */
function sdkError(name: string, status: number, message = 'boom'): Error {
  return Object.assign(new Error(message), {
    name,
    $metadata: { httpStatusCode: status },
    $fault: status >= 500 ? 'server' : 'client',
  });
}

function providerError(name: string, message: string): Error {
  return Object.assign(new Error(message), { name });
}

const info = { action: 'ec2:StopInstances', profile: 'dev' };

describe('AWS error classification', () => {
  it.each([
    ['RequestLimitExceeded', 503, 'THROTTLED'],
    ['Throttling', 400, 'THROTTLED'],
    ['ThrottlingException', 429, 'THROTTLED'],
    ['InternalError', 500, 'AWS_UNAVAILABLE'],
    ['ServiceUnavailable', 503, 'AWS_UNAVAILABLE'],
    ['Unavailable', 503, 'AWS_UNAVAILABLE'],
    ['SomethingNew', 502, 'AWS_UNAVAILABLE'],
    ['TimeoutError', 0, 'NETWORK'],
    ['IncorrectInstanceState', 400, 'INVALID_STATE'],
    ['ResourceInUseException', 409, 'INVALID_STATE'],
  ])('%s (%i) is transient: %s', (name, status, code) => {
    expect(classifyAwsError(sdkError(name, status), info)).toMatchObject({ code, transient: true });
  });

  it.each([
    ['InvalidInstanceID.NotFound', 400, 'NOT_FOUND'],
    ['DBInstanceNotFoundFault', 404, 'NOT_FOUND'],
    ['ResourceNotFoundException', 404, 'NOT_FOUND'],
    ['ValidationError', 400, 'INVALID_REQUEST'],
    ['InvalidParameterCombination', 400, 'INVALID_REQUEST'],
    ['AuthFailure', 401, 'AUTH_FAILED'],
    ['ExpiredToken', 400, 'CREDENTIALS_EXPIRED'],
  ])('%s (%i) is permanent: %s', (name, status, code) => {
    expect(classifyAwsError(sdkError(name, status), info)).toMatchObject({
      code,
      transient: false,
    });
  });

  it('names the action, the profile and the caller ARN when access is denied', () => {
    const error = sdkError(
      'UnauthorizedOperation',
      403,
      'You are not authorized. User: arn:aws:iam::123456789012:user/dev is not authorized to perform: ec2:StopInstances',
    );
    expect(classifyAwsError(error, info)).toEqual({
      code: 'ACCESS_DENIED',
      message:
        "AccessDenied: ec2:StopInstances is not allowed for profile 'dev' (arn:aws:iam::123456789012:user/dev): grant it or remove the target",
      transient: false,
    });
    expect(
      classifyAwsError(sdkError('AccessDeniedException', 403, 'no'), {
        action: 'eks:UpdateNodegroupConfig',
      }).message,
    ).toBe(
      'AccessDenied: eks:UpdateNodegroupConfig is not allowed for the default AWS credentials: grant it or remove the target',
    );
  });

  it('recognises expired and missing SSO logins from the credential providers', () => {
    const expired = providerError(
      'CredentialsProviderError',
      'The SSO session associated with this profile has expired. To refresh this SSO session run aws sso login with the corresponding profile.',
    );
    expect(classifyAwsError(expired, info)).toEqual({
      code: 'SSO_EXPIRED',
      message: "AWS profile 'dev' needs a new SSO login: run `aws sso login --profile dev`",
      transient: false,
    });
    const token = providerError(
      'TokenProviderError',
      "Token is expired. To refresh this SSO session run 'aws sso login' with the corresponding profile.",
    );
    expect(classifyAwsError(token, info).code).toBe('SSO_EXPIRED');
    const missing = providerError(
      'CredentialsProviderError',
      'The SSO session token associated with profile=dev was not found or is invalid.',
    );
    expect(classifyAwsError(missing, info).code).toBe('SSO_EXPIRED');
  });

  it('tells missing credentials and unknown profiles apart', () => {
    const none = providerError(
      'CredentialsProviderError',
      'Could not resolve credentials using profile: [dev] in configuration/credentials file(s).',
    );
    expect(classifyAwsError(none, info)).toMatchObject({
      code: 'NO_CREDENTIALS',
      message: expect.stringMatching(/^no credentials for profile dev: /),
    });
    expect(
      classifyAwsError(
        providerError('CredentialsProviderError', 'Profile dev was not found.'),
        info,
      ).code,
    ).toBe('PROFILE_NOT_FOUND');
  });

  it('passes executor errors through and knows not-found errors', () => {
    expect(classifyAwsError(new CodedError('WRONG_ACCOUNT', 'x'))).toEqual({
      code: 'WRONG_ACCOUNT',
      message: 'x',
      transient: false,
    });
    expect(isNotFound(sdkError('ResourceNotFoundException', 404))).toBe(true);
    expect(isNotFound(sdkError('Throttling', 400))).toBe(false);
    expect(arnFromMessage('nothing here')).toBeUndefined();
  });
});
