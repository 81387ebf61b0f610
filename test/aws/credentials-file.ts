import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Static keys of one profile in a temporary AWS credentials file. */
export interface ProfileKeys {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  region?: string;
}

/** The env vars that point the AWS SDK (and the CLI) at the files written here. */
export interface AwsFilesEnv {
  AWS_SHARED_CREDENTIALS_FILE: string;
  AWS_CONFIG_FILE: string;
}

/**
 * Writes `credentials` and `config` files for the given profiles into `dir` (tests and the demo:
 * the sandbox keys are not secrets, they only open the loopback emulator) and returns the env
 * vars to set. `extraConfig` adds raw config sections (an SSO profile, say).
 */
export function writeAwsProfiles(
  dir: string,
  profiles: Record<string, ProfileKeys>,
  extraConfig = '',
): AwsFilesEnv {
  mkdirSync(dir, { recursive: true });
  const credentials = Object.entries(profiles)
    .map(
      ([name, k]) =>
        `[${name}]\naws_access_key_id = ${k.accessKeyId}\naws_secret_access_key = ${k.secretAccessKey}\n` +
        (k.sessionToken === undefined ? '' : `aws_session_token = ${k.sessionToken}\n`),
    )
    .join('\n');
  const config = Object.entries(profiles)
    .map(
      ([name, k]) =>
        `[${name === 'default' ? 'default' : `profile ${name}`}]\nregion = ${k.region ?? 'us-east-1'}\n`,
    )
    .join('\n');
  const env: AwsFilesEnv = {
    AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials'),
    AWS_CONFIG_FILE: join(dir, 'config'),
  };
  writeFileSync(env.AWS_SHARED_CREDENTIALS_FILE, credentials, { mode: 0o600 });
  writeFileSync(env.AWS_CONFIG_FILE, `${config}\n${extraConfig}`, { mode: 0o600 });
  return env;
}
