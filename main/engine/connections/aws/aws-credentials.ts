import { fromIni, fromNodeProviderChain, fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import type { AwsCredentialIdentityProvider } from '@smithy/types';
import type { CloudProvider } from '../../../../shared/model';

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
}

/**
 * Credentials of a connection: the named profile from ~/.aws/config and ~/.aws/credentials (SSO,
 * credential_process, source_profile and role_arn included), or the default chain when no
 * profile is named; then the connection's own assume-role on top. Nothing is ever stored: the
 * SDK resolves and caches credentials in memory only.
 */
export function awsCredentialsFor(provider: CloudProvider, options: AwsCredentialOptions = {}): AwsCredentialIdentityProvider {
  const aws = provider.spec.aws;
  const env = options.env ?? process.env;
  const files = {
    ...(env.AWS_CONFIG_FILE ? { configFilepath: env.AWS_CONFIG_FILE } : {}),
    ...(env.AWS_SHARED_CREDENTIALS_FILE ? { filepath: env.AWS_SHARED_CREDENTIALS_FILE } : {}),
  };
  const base = aws.profile ? fromIni({ profile: aws.profile, ...files }) : fromNodeProviderChain({ ...files });
  if (!aws.assumeRoleArn) return base;
  return fromTemporaryCredentials({
    masterCredentials: base,
    params: { RoleArn: aws.assumeRoleArn, RoleSessionName: 'hibernator-desktop', DurationSeconds: 3600 },
    clientConfig: { region: aws.region, ...(aws.endpoint ? { endpoint: aws.endpoint } : {}) },
  });
}

export function awsClientConfig(provider: CloudProvider, options: AwsCredentialOptions = {}): AwsClientConfig {
  return {
    region: provider.spec.aws.region,
    ...(provider.spec.aws.endpoint ? { endpoint: provider.spec.aws.endpoint } : {}),
    credentials: awsCredentialsFor(provider, options),
    // The SDK's own retry (with jitter) for throttling and 5xx, before the engine's backoff.
    maxAttempts: 5,
  };
}
