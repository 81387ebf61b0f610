import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { AwsProfileInfo } from '../../../../shared/api/contract';

/**
 * The profiles a user can pick, read from the same files the AWS CLI reads: ~/.aws/config
 * (`[profile name]`, `[default]`) and ~/.aws/credentials (`[name]`), or the files that
 * AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE name. Only names and non-secret settings are
 * read out; keys never leave this module.
 */
export interface AwsConfigPaths {
  config: string;
  credentials: string;
}

export function awsConfigPaths(env: NodeJS.ProcessEnv = process.env): AwsConfigPaths {
  const home = env.HOME ?? env.USERPROFILE ?? homedir();
  return {
    config: env.AWS_CONFIG_FILE || join(home, '.aws', 'config'),
    credentials: env.AWS_SHARED_CREDENTIALS_FILE || join(home, '.aws', 'credentials'),
  };
}

export type IniSections = Map<string, Record<string, string>>;

/** INI as the AWS CLI reads it: `#`/`;` comments, `key = value`, indented sub-keys ignored. */
export function parseIni(text: string): IniSections {
  const sections: IniSections = new Map();
  let current: Record<string, string> | undefined;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/\s+[#;].*$/, '');
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#') || trimmed.startsWith(';')) continue;
    const header = /^\[\s*([^\]]+?)\s*\]$/.exec(trimmed);
    if (header?.[1] !== undefined) {
      current = sections.get(header[1]) ?? {};
      sections.set(header[1], current);
      continue;
    }
    // Nested settings (`s3 =` followed by indented lines) belong to a service block.
    if (/^\s/.test(line) || current === undefined) continue;
    const eq = trimmed.indexOf('=');
    if (eq <= 0) continue;
    current[trimmed.slice(0, eq).trim()] = trimmed.slice(eq + 1).trim();
  }
  return sections;
}

async function readIfPresent(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Config section name to profile name: `profile dev` → `dev`, `default` → `default`, others (sso-session, services) → none. */
function profileNameOf(section: string): string | undefined {
  if (section === 'default') return 'default';
  const m = /^profile\s+(.+)$/.exec(section);
  return m?.[1]?.trim();
}

const SSO_KEYS = ['sso_start_url', 'sso_session', 'sso_account_id', 'sso_role_name'];

export async function listAwsProfiles(
  env: NodeJS.ProcessEnv = process.env,
): Promise<AwsProfileInfo[]> {
  const paths = awsConfigPaths(env);
  const [configText, credentialsText] = await Promise.all([
    readIfPresent(paths.config),
    readIfPresent(paths.credentials),
  ]);
  const profiles = new Map<string, AwsProfileInfo>();
  const entry = (name: string): AwsProfileInfo => {
    let info = profiles.get(name);
    if (info === undefined) {
      info = { name, sso: false, sources: [] };
      profiles.set(name, info);
    }
    return info;
  };
  for (const [section, values] of parseIni(configText ?? '')) {
    const name = profileNameOf(section);
    if (name === undefined) continue;
    const info = entry(name);
    info.sources.push('config');
    if (values.region) info.region = values.region;
    if (values.role_arn) info.roleArn = values.role_arn;
    if (SSO_KEYS.some((k) => values[k] !== undefined)) info.sso = true;
  }
  for (const [section] of parseIni(credentialsText ?? '')) {
    const info = entry(section);
    if (!info.sources.includes('credentials')) info.sources.push('credentials');
  }
  // The default profile first, then by name: the order a picker shows.
  return [...profiles.values()].sort((a, b) =>
    a.name === 'default' ? -1 : b.name === 'default' ? 1 : a.name.localeCompare(b.name),
  );
}

export async function findAwsProfile(
  name: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<AwsProfileInfo | undefined> {
  return (await listAwsProfiles(env)).find((p) => p.name === name);
}
