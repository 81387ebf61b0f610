import { DescribeInstancesCommand, EC2Client } from '@aws-sdk/client-ec2';
import { ListClustersCommand } from '@aws-sdk/client-eks';
import { AssumeRoleCommand, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startAwsEmulator, type AwsEmulator } from './emulator';
import {
  OTHER_ACCOUNT_ID,
  sandboxSeed,
  SANDBOX_ACCOUNT_ID,
  SANDBOX_KEYS,
  SANDBOX_ROLES,
} from './sandbox-seed';
import type { AwsSeed } from './seed-schema';
import { sdkClients, sdkError, type SdkClients } from './sdk-test-clients';

let emu: AwsEmulator;
let admin: SdkClients;

/** The sandbox plus one instance in the other account, to see whose resources a session reaches. */
function seedWithOtherAccount(): AwsSeed {
  const seed = sandboxSeed();
  const accounts = (seed.accounts ?? []).map((a) =>
    a.id === OTHER_ACCOUNT_ID
      ? { ...a, regions: { 'us-east-1': { ec2: { instances: [{ tags: { Name: 'theirs' } }] } } } }
      : a,
  );
  return { ...seed, accounts };
}

beforeAll(async () => {
  emu = await startAwsEmulator({ clockScale: 0 });
  admin = sdkClients(emu.url, SANDBOX_KEYS.admin);
});
afterAll(async () => emu.close());
beforeEach(() => {
  emu.seed(seedWithOtherAccount());
  emu.resetCalls();
});

async function assume(
  clients: SdkClients,
  roleArn: string,
  extra: { ExternalId?: string; DurationSeconds?: number } = {},
) {
  const out = await clients.sts.send(
    new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'hibernator-test', ...extra }),
  );
  const creds = out.Credentials;
  if (
    creds?.AccessKeyId === undefined ||
    creds.SecretAccessKey === undefined ||
    creds.SessionToken === undefined
  ) {
    throw new Error('AssumeRole returned no credentials');
  }
  return {
    out,
    accessKeyId: creds.AccessKeyId,
    secretAccessKey: creds.SecretAccessKey,
    sessionToken: creds.SessionToken,
  };
}

describe('STS GetCallerIdentity', () => {
  it('names the account and user of a declared access key', async () => {
    const me = await admin.sts.send(new GetCallerIdentityCommand({}));
    expect(me).toMatchObject({
      Account: SANDBOX_ACCOUNT_ID,
      Arn: `arn:aws:iam::${SANDBOX_ACCOUNT_ID}:user/hibernator-admin`,
    });
    expect(me.UserId).toMatch(/^AIDA[A-Z2-7]{17}$/);
  });

  it('tells a key of another account apart (a "wrong pinned account" check)', async () => {
    const other = sdkClients(emu.url, SANDBOX_KEYS.otherAccount);
    expect((await other.sts.send(new GetCallerIdentityCommand({}))).Account).toBe(OTHER_ACCOUNT_ID);
  });

  it('puts unknown keys in the default account, or rejects them when the seed says so', async () => {
    const stranger = sdkClients(emu.url, { accessKeyId: 'AKIASTRANGER00000001' });
    expect((await stranger.sts.send(new GetCallerIdentityCommand({}))).Account).toBe(
      SANDBOX_ACCOUNT_ID,
    );
    emu.seed({ acceptUnknownKeys: false });
    expect(await sdkError(stranger.sts.send(new GetCallerIdentityCommand({})))).toMatchObject({
      name: 'InvalidClientTokenId',
      status: 403,
    });
    expect(await sdkError(stranger.ec2.send(new DescribeInstancesCommand({})))).toMatchObject({
      name: 'AuthFailure',
      status: 401,
    });
  });

  it('answers even for a caller denied everything, as IAM does', async () => {
    emu.deny(SANDBOX_KEYS.admin.accessKeyId, ['*']);
    expect((await admin.sts.send(new GetCallerIdentityCommand({}))).Account).toBe(
      SANDBOX_ACCOUNT_ID,
    );
    expect((await sdkError(admin.ec2.send(new DescribeInstancesCommand({})))).name).toBe(
      'UnauthorizedOperation',
    );
    emu.clearDenies();
  });
});

describe('STS AssumeRole', () => {
  it('returns temporary credentials that later calls use as the assumed role', async () => {
    const { out, ...creds } = await assume(admin, SANDBOX_ROLES.hibernator);
    expect(creds.accessKeyId).toMatch(/^ASIA/);
    expect(out.Credentials?.Expiration?.getTime()).toBe(emu.clock.now() + 3600 * 1000);
    expect(out.AssumedRoleUser?.Arn).toBe(
      `arn:aws:sts::${SANDBOX_ACCOUNT_ID}:assumed-role/hibernator/hibernator-test`,
    );
    const session = sdkClients(emu.url, creds);
    const me = await session.sts.send(new GetCallerIdentityCommand({}));
    expect(me).toMatchObject({
      Account: SANDBOX_ACCOUNT_ID,
      Arn: out.AssumedRoleUser?.Arn,
      UserId: out.AssumedRoleUser?.AssumedRoleId,
    });
  });

  it('reaches the other account through a trusted cross-account role with its external id', async () => {
    const refused = await sdkError(assume(admin, SANDBOX_ROLES.crossAccount));
    expect(refused).toMatchObject({ name: 'AccessDenied', status: 403 });
    const { out: _out, ...creds } = await assume(admin, SANDBOX_ROLES.crossAccount, {
      ExternalId: 'hibernator-demo',
    });
    const session = sdkClients(emu.url, creds);
    expect((await session.sts.send(new GetCallerIdentityCommand({}))).Account).toBe(
      OTHER_ACCOUNT_ID,
    );
    const theirs = await session.ec2.send(new DescribeInstancesCommand({}));
    expect(
      theirs.Reservations?.flatMap((r) => r.Instances ?? []).map((i) => i.Tags?.[0]?.Value),
    ).toEqual(['theirs']);
  });

  it('refuses callers from an untrusted account and unknown roles', async () => {
    const other = sdkClients(emu.url, SANDBOX_KEYS.otherAccount);
    expect(
      (await sdkError(assume(other, SANDBOX_ROLES.crossAccount, { ExternalId: 'hibernator-demo' })))
        .name,
    ).toBe('AccessDenied');
    expect(
      (await sdkError(assume(admin, `arn:aws:iam::${SANDBOX_ACCOUNT_ID}:role/nope`))).name,
    ).toBe('AccessDenied');
  });

  it('validates DurationSeconds against the role maximum', async () => {
    expect(
      (await sdkError(assume(admin, SANDBOX_ROLES.hibernator, { DurationSeconds: 600 }))).name,
    ).toBe('ValidationError');
    const cross = await sdkError(
      assume(admin, SANDBOX_ROLES.crossAccount, {
        ExternalId: 'hibernator-demo',
        DurationSeconds: 7200,
      }),
    );
    expect(cross.name).toBe('ValidationError');
  });

  it('rejects a temporary key used without its session token, and an expired session', async () => {
    const creds = await assume(admin, SANDBOX_ROLES.hibernator, { DurationSeconds: 900 });
    const noToken = sdkClients(emu.url, {
      accessKeyId: creds.accessKeyId,
      secretAccessKey: creds.secretAccessKey,
    });
    expect((await sdkError(noToken.sts.send(new GetCallerIdentityCommand({})))).name).toBe(
      'InvalidClientTokenId',
    );
    emu.clock.advance(900 * 1000);
    const session = sdkClients(emu.url, creds);
    expect(await sdkError(session.sts.send(new GetCallerIdentityCommand({})))).toMatchObject({
      name: 'ExpiredToken',
      status: 400,
    });
    expect(await sdkError(session.eks.send(new ListClustersCommand({})))).toMatchObject({
      name: 'ExpiredTokenException',
      status: 403,
    });
  });

  it("applies a role's denies to its sessions", async () => {
    emu.deny(SANDBOX_ROLES.hibernator, ['ec2:DescribeInstances']);
    const session = sdkClients(emu.url, await assume(admin, SANDBOX_ROLES.hibernator));
    expect((await sdkError(session.ec2.send(new DescribeInstancesCommand({})))).name).toBe(
      'UnauthorizedOperation',
    );
    expect((await admin.ec2.send(new DescribeInstancesCommand({}))).Reservations?.length).toBe(12);
    emu.clearDenies();
  });

  it('works with the SDK credential provider fromTemporaryCredentials', async () => {
    const credentials = fromTemporaryCredentials({
      params: { RoleArn: SANDBOX_ROLES.hibernator, RoleSessionName: 'provider' },
      masterCredentials: SANDBOX_KEYS.admin,
      clientConfig: { endpoint: emu.url, region: 'us-east-1', maxAttempts: 1 },
    });
    const ec2 = new EC2Client({
      endpoint: emu.url,
      region: 'us-east-1',
      maxAttempts: 1,
      credentials,
    });
    expect((await ec2.send(new DescribeInstancesCommand({}))).Reservations?.length).toBe(12);
    expect(
      emu
        .calls()
        .recent.filter((c) => c.action === 'DescribeInstances')
        .map((c) => c.principal?.slice(0, 4)),
    ).toEqual(['ASIA']);
  });
});
