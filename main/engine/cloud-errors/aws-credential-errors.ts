import type { ClassifiedError } from '../errors/coded-error';

/**
 * The credential providers' own errors (`CredentialsProviderError`, `TokenProviderError` from
 * @aws-sdk/credential-providers) told apart by their messages, which is all they carry: an
 * expired or missing SSO token, a profile that resolves to nothing, no credentials at all.
 */
const PROVIDER_ERRORS = new Set([
  'CredentialsProviderError',
  'TokenProviderError',
  'ProviderError',
]);

const SSO_PATTERNS = [
  /SSO session .*(has expired|is invalid|was not found)/i,
  /SSO session token .*(not found|invalid)/i,
  /Token is expired/i,
  /sso login/i,
  /Value not present for '[^']+' in SSO Token/i,
];

function sloppyName(error: unknown): string {
  if (typeof error !== 'object' || error === null) return '';
  const name = (error as { name?: unknown }).name;
  return typeof name === 'string' ? name : '';
}

export function ssoLoginHint(profile: string | undefined): string {
  return profile === undefined
    ? 'run `aws sso login`'
    : `run \`aws sso login --profile ${profile}\``;
}

export function ssoExpiredMessage(profile: string | undefined): string {
  return `AWS profile '${profile ?? 'default'}' needs a new SSO login: ${ssoLoginHint(profile)}`;
}

/** A classified credential problem, or undefined when the error is something else. */
export function explainCredentialError(
  error: unknown,
  profile: string | undefined,
): ClassifiedError | undefined {
  const name = sloppyName(error);
  const message = error instanceof Error ? error.message : String(error);
  const fromProvider = PROVIDER_ERRORS.has(name);
  if (
    (fromProvider || name === 'SSOOIDCServiceException' || name === 'UnauthorizedException') &&
    SSO_PATTERNS.some((p) => p.test(message))
  ) {
    return { code: 'SSO_EXPIRED', message: ssoExpiredMessage(profile), transient: false };
  }
  if (!fromProvider) return undefined;
  const label = profile === undefined ? 'the default profile' : `profile ${profile}`;
  if (/requires multi-factor authentication/i.test(message)) {
    return {
      code: 'NO_CREDENTIALS',
      message: `no credentials for ${label}: it needs an MFA code, which a background app cannot type; use SSO or a credential_process helper`,
      transient: false,
    };
  }
  if (/Profile .* (was not found|could not be found)/i.test(message)) {
    return {
      code: 'PROFILE_NOT_FOUND',
      message: `AWS profile '${profile ?? 'default'}' was not found in the AWS config or credentials file: ${message}`,
      transient: false,
    };
  }
  return {
    code: 'NO_CREDENTIALS',
    message: `no credentials for ${label}: ${message}`,
    transient: false,
  };
}
