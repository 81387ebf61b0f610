import {
  fromIni,
  fromNodeProviderChain,
  fromSSO,
  fromTemporaryCredentials,
} from '@aws-sdk/credential-providers';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';
import type { CloudProvider } from '../../../../shared/model';
import { findAwsProfile } from './aws-profiles';

/** What every AWS SDK client of a connection is built with. */
export interface AwsClientConfig {
  region: string;
  endpoint?: string;
  credentials: AwsCredentialIdentityProvider;
  maxAttempts: number;
}

export interface AwsCredentialOptions {
  /** The login-shell environment (credential_process helpers, SSO cache paths, AWS_CONFIG_FILE). */
  env?: NodeJS.ProcessEnv;
  /** Wall clock for the credential cache (tests). */
  now?: () => number;
}

/** Session name AWS shows in CloudTrail for the calls the app makes after assuming a role. */
export const ROLE_SESSION_NAME = 'hibernator-desktop';

/**
 * Credentials of a connection: the named profile from ~/.aws/config and ~/.aws/credentials (SSO,
 * credential_process, source_profile and role_arn included), or the default chain when no
 * profile is named; then the connection's own assume-role on top. Nothing is ever stored: the
 * SDK resolves and caches credentials in memory only.
 */
export function awsCredentialsFor(
  provider: CloudProvider,
  options: AwsCredentialOptions = {},
): AwsCredentialIdentityProvider {
  const aws = provider.spec.aws;
  const env = options.env ?? process.env;
  const files = {
    ...(env.AWS_CONFIG_FILE ? { configFilepath: env.AWS_CONFIG_FILE } : {}),
    ...(env.AWS_SHARED_CREDENTIALS_FILE ? { filepath: env.AWS_SHARED_CREDENTIALS_FILE } : {}),
  };
  // ignoreCache: the files are read when credentials are resolved, not when the app started.
  const base = aws.profile
    ? profileCredentials(aws.profile, env, files)
    : fromNodeProviderChain({ ignoreCache: true, ...files });
  const resolved = !aws.assumeRoleArn
    ? base
    : fromTemporaryCredentials({
        masterCredentials: base,
        params: {
          RoleArn: aws.assumeRoleArn,
          RoleSessionName: ROLE_SESSION_NAME,
          DurationSeconds: 3600,
        },
        clientConfig: { region: aws.region, ...(aws.endpoint ? { endpoint: aws.endpoint } : {}) },
      });
  return memoizeCredentials(resolved, options.now ?? Date.now);
}

/**
 * A named profile. SSO profiles go to fromSSO directly: fromIni hands an SSO profile over
 * without the file paths it was given, so with AWS_CONFIG_FILE set only in `env` the profile
 * would not be found.
 */
function profileCredentials(
  profile: string,
  env: NodeJS.ProcessEnv,
  files: { configFilepath?: string; filepath?: string },
): AwsCredentialIdentityProvider {
  const ini = fromIni({ profile, ignoreCache: true, ...files });
  const sso = fromSSO({ profile, ...files });
  return async (props) =>
    (await findAwsProfile(profile, env))?.sso === true ? sso(props) : ini(props);
}

/** Refresh this long before expiry, so a long operation never signs with credentials about to lapse. */
const REFRESH_BEFORE_MS = 5 * 60_000;

/**
 * One resolution shared by the five clients of a connection (otherwise each would assume the role
 * on its own), kept until shortly before it expires. A failure is not cached: the next call tries
 * again, so `aws sso login` in a terminal fixes a connection without restarting the app.
 */
export function memoizeCredentials(
  provider: AwsCredentialIdentityProvider,
  now: () => number = Date.now,
): AwsCredentialIdentityProvider {
  let cached: Promise<AwsCredentialIdentity> | undefined;
  let expiresAt = Number.POSITIVE_INFINITY;
  return async () => {
    if (cached !== undefined && now() < expiresAt - REFRESH_BEFORE_MS) return cached;
    const attempt = provider();
    cached = attempt;
    expiresAt = Number.POSITIVE_INFINITY;
    try {
      const identity = await attempt;
      if (identity.expiration !== undefined) expiresAt = identity.expiration.getTime();
      return identity;
    } catch (error) {
      if (cached === attempt) cached = undefined;
      throw error;
    }
  };
}

export function awsClientConfig(
  provider: CloudProvider,
  options: AwsCredentialOptions = {},
): AwsClientConfig {
  return {
    region: provider.spec.aws.region,
    ...(provider.spec.aws.endpoint ? { endpoint: provider.spec.aws.endpoint } : {}),
    credentials: awsCredentialsFor(provider, options),
    // Retries are the executors' own (aws-common/aws-call.ts): one place that honours the
    // engine's clock and cancellation and says in the ledger what it is waiting for.
    maxAttempts: 1,
  };
}
