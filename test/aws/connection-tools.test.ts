import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CloudProvider, Connection } from '../../shared/model';
import { createAwsConnectionTools } from '../../main/engine/connections/aws/aws-connection-tools';
import {
  OTHER_ACCOUNT_ID,
  SANDBOX_ACCOUNT_ID,
  SANDBOX_KEYS,
  sandboxSeed,
  startAwsEmulator,
  type AwsEmulator,
} from '../cloud/aws';
import { writeAwsProfiles } from './credentials-file';
import { awsPlan, ledger, runAction, startAwsTestEnv, type AwsTestEnv } from './aws-test-env';

const SSO_CONFIG = `[profile sso-dev]
sso_session = corp
sso_account_id = ${SANDBOX_ACCOUNT_ID}
sso_role_name = Developer
region = eu-central-1

[sso-session corp]
sso_start_url = https://corp.awsapps.com/start
sso_region = eu-central-1

[profile no-keys]
region = us-east-1

[profile assumer]
role_arn = arn:aws:iam::${SANDBOX_ACCOUNT_ID}:role/hibernator
source_profile = dev
`;

let emu: AwsEmulator;
let dir: string;
let env: NodeJS.ProcessEnv;
const savedHome = process.env.HOME;

beforeAll(async () => {
  emu = await startAwsEmulator({ seed: sandboxSeed() });
  dir = mkdtempSync(join(tmpdir(), 'hib-awsconn-'));
  // The SDK finds the SSO token cache under HOME: an empty home means "never logged in".
  process.env.HOME = join(dir, 'home');
  mkdirSync(process.env.HOME, { recursive: true });
  env = {
    ...process.env,
    ...writeAwsProfiles(
      join(dir, 'aws'),
      { dev: SANDBOX_KEYS.admin, other: SANDBOX_KEYS.otherAccount },
      SSO_CONFIG,
    ),
  };
});

afterAll(async () => {
  process.env.HOME = savedHome;
  await emu.close();
  rmSync(dir, { recursive: true, force: true });
});

function provider(aws: Partial<CloudProvider['spec']['aws']>): Connection {
  return {
    apiVersion: 'hibernator.ardikabs.com/v1alpha1',
    kind: 'CloudProvider',
    metadata: { name: 'conn' },
    spec: { type: 'aws', aws: { region: 'us-east-1', endpoint: emu.url, ...aws } },
  };
}

describe('AWS connection tools', () => {
  it('lists profiles from both files, SSO ones marked, sso-session blocks left out', async () => {
    const profiles = await createAwsConnectionTools({ env }).listAwsProfiles();
    expect(profiles).toEqual([
      {
        name: 'assumer',
        sso: false,
        roleArn: `arn:aws:iam::${SANDBOX_ACCOUNT_ID}:role/hibernator`,
        sources: ['config'],
      },
      { name: 'dev', region: 'us-east-1', sso: false, sources: ['config', 'credentials'] },
      { name: 'no-keys', region: 'us-east-1', sso: false, sources: ['config'] },
      { name: 'other', region: 'us-east-1', sso: false, sources: ['config', 'credentials'] },
      { name: 'sso-dev', region: 'eu-central-1', sso: true, sources: ['config'] },
    ]);
  });

  it('reports the account and the ARN of a working profile, and checks the pinned account', async () => {
    const tools = createAwsConnectionTools({ env });
    const ok = await tools.testConnection(
      provider({ profile: 'dev', accountId: SANDBOX_ACCOUNT_ID }),
    );
    expect(ok).toMatchObject({
      ok: true,
      account: SANDBOX_ACCOUNT_ID,
      arn: `arn:aws:iam::${SANDBOX_ACCOUNT_ID}:user/hibernator-admin`,
    });
    expect(ok.message).toContain("profile 'dev'");
    const wrong = await tools.testConnection(
      provider({ profile: 'other', accountId: SANDBOX_ACCOUNT_ID }),
    );
    expect(wrong).toMatchObject({ ok: false, code: 'WRONG_ACCOUNT', account: OTHER_ACCOUNT_ID });
    expect(wrong.message).toContain(`but the connection is pinned to ${SANDBOX_ACCOUNT_ID}`);
  });

  it('assumes the connection role on top of the profile', async () => {
    const result = await createAwsConnectionTools({ env }).testConnection(
      provider({
        profile: 'dev',
        assumeRoleArn: `arn:aws:iam::${SANDBOX_ACCOUNT_ID}:role/hibernator`,
      }),
    );
    expect(result).toMatchObject({
      ok: true,
      arn: `arn:aws:sts::${SANDBOX_ACCOUNT_ID}:assumed-role/hibernator/hibernator-desktop`,
    });
  });

  it('explains a missing profile, missing credentials and an expired SSO login', async () => {
    const tools = createAwsConnectionTools({ env });
    const missing = await tools.testConnection(provider({ profile: 'nope' }));
    expect(missing).toMatchObject({ ok: false, code: 'PROFILE_NOT_FOUND' });
    expect(missing.message).toContain("AWS profile 'nope' was not found");
    const noKeys = await tools.testConnection(provider({ profile: 'no-keys' }));
    expect(noKeys).toMatchObject({ ok: false, code: 'NO_CREDENTIALS' });
    expect(noKeys.message).toMatch(/^no credentials for profile no-keys: /);
    const sso = await tools.testConnection(provider({ profile: 'sso-dev' }));
    expect(sso).toEqual({
      connection: 'conn',
      kind: 'CloudProvider',
      ok: false,
      code: 'SSO_EXPIRED',
      message: "AWS profile 'sso-dev' needs a new SSO login: run `aws sso login --profile sso-dev`",
    });
  });

  it('treats an SSO token past its expiry the same way', async () => {
    const cache = join(process.env.HOME ?? '', '.aws', 'sso', 'cache');
    mkdirSync(cache, { recursive: true });
    const { createHash } = await import('node:crypto');
    const file = join(cache, `${createHash('sha1').update('corp').digest('hex')}.json`);
    writeFileSync(
      file,
      JSON.stringify({
        accessToken: 'expired-token',
        expiresAt: '2020-01-01T00:00:00Z',
        region: 'eu-central-1',
        startUrl: 'https://corp.awsapps.com/start',
      }),
    );
    try {
      const sso = await createAwsConnectionTools({ env }).testConnection(
        provider({ profile: 'sso-dev' }),
      );
      expect(sso.code).toBe('SSO_EXPIRED');
    } finally {
      rmSync(file);
    }
  });
});

describe('credential problems inside executors', () => {
  let t: AwsTestEnv;
  afterEach(async () => {
    await t?.close();
  });

  it('an expired SSO login fails the target with SSO_EXPIRED, permanently', async () => {
    t = await startAwsTestEnv();
    writeAwsProfiles(join(t.dir, 'aws'), { dev: SANDBOX_KEYS.admin }, SSO_CONFIG);
    await t.connect('sandbox', { profile: 'sso-dev' });
    await t.call('applyPlan', {
      plan: awsPlan('dev', [
        { name: 'web', type: 'ec2', parameters: { selector: { tags: { Team: 'web' } } } },
      ]),
    });
    const failed = await runAction(t, 'hibernateNow', 'dev');
    expect(ledger(failed, 'web')).toMatchObject({
      errorCode: 'SSO_EXPIRED',
      transient: false,
      message: "AWS profile 'sso-dev' needs a new SSO login: run `aws sso login --profile sso-dev`",
    });
    expect(t.emu.calls().total).toBe(0);
  });
});
