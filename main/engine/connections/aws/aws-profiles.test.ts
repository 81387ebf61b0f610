import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { awsConfigPaths, findAwsProfile, listAwsProfiles, parseIni } from './aws-profiles';

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

describe('AWS profiles', () => {
  it('parses INI the way the AWS CLI does: comments, sub-keys, spaces', () => {
    const sections = parseIni(
      '# top\n[default]\nregion = eu-west-1 # inline\ns3 =\n  max_concurrent_requests = 10\n; other\n[profile x]\nsso_start_url=https://a.awsapps.com/start#/\n',
    );
    expect(sections.get('default')).toEqual({ region: 'eu-west-1', s3: '' });
    expect(sections.get('profile x')).toEqual({ sso_start_url: 'https://a.awsapps.com/start#/' });
  });

  it('honours AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE and falls back to ~/.aws', () => {
    expect(awsConfigPaths({ HOME: '/home/u' })).toEqual({
      config: '/home/u/.aws/config',
      credentials: '/home/u/.aws/credentials',
    });
    expect(
      awsConfigPaths({ HOME: '/home/u', AWS_CONFIG_FILE: '/c', AWS_SHARED_CREDENTIALS_FILE: '/k' }),
    ).toEqual({ config: '/c', credentials: '/k' });
  });

  it('lists profiles of both files, default first, SSO (legacy and sso-session) marked', async () => {
    dir = mkdtempSync(join(tmpdir(), 'hib-prof-'));
    writeFileSync(
      join(dir, 'config'),
      '[profile b]\nsso_start_url = https://x\nsso_region = us-east-1\n[default]\nregion = us-east-2\n[sso-session s]\nsso_start_url = https://y\n[services local]\nec2 =\n  endpoint_url = http://x\n',
    );
    writeFileSync(
      join(dir, 'credentials'),
      '[a]\naws_access_key_id = AKIA\naws_secret_access_key = secret\n[default]\naws_access_key_id = AKIB\n',
    );
    const env = {
      HOME: dir,
      AWS_CONFIG_FILE: join(dir, 'config'),
      AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials'),
    };
    const profiles = await listAwsProfiles(env);
    expect(profiles).toEqual([
      { name: 'default', region: 'us-east-2', sso: false, sources: ['config', 'credentials'] },
      { name: 'a', sso: false, sources: ['credentials'] },
      { name: 'b', sso: true, sources: ['config'] },
    ]);
    expect(JSON.stringify(profiles)).not.toContain('secret');
    expect(await findAwsProfile('nope', env)).toBeUndefined();
  });

  it('returns nothing when neither file exists', async () => {
    expect(await listAwsProfiles({ HOME: '/nonexistent-home-for-test' })).toEqual([]);
  });
});
