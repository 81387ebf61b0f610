import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from '../../shared/model';
import { createEksToken } from '../../main/engine/connections/kube/eks-token';
import { createKubeConnectionTools } from '../../main/engine/connections/kube/kube-connection-tools';
import {
  SANDBOX_KEYS,
  sandboxSeed as awsSandboxSeed,
  startAwsEmulator,
  type AwsEmulator,
} from '../cloud/aws';
import { sandboxSeed, startKubeEmulator, type KubeEmulator } from '../cloud/kube';
import { KubeWorld } from './kube-harness';

/**
 * An EKS connection end to end: DescribeCluster on the AWS emulator gives the Kubernetes
 * emulator's endpoint and CA; requests carry a token signed like `aws eks get-token`. The time
 * is fixed so the test knows the token and can register it with the Kubernetes emulator, the
 * way aws-iam-authenticator would accept it.
 */
const NOW = new Date('2026-01-28T12:00:00Z');
let aws: AwsEmulator;
let kube: KubeEmulator;
let dir: string;
let env: NodeJS.ProcessEnv;

const provider = (extra: Record<string, unknown> = {}): Connection =>
  ({
    apiVersion: 'hibernator.ardikabs.com/v1alpha1',
    kind: 'CloudProvider',
    metadata: { name: 'sandbox-aws' },
    spec: {
      type: 'aws',
      aws: { region: 'us-east-1', profile: 'sandbox', endpoint: aws.url, ...extra },
    },
  }) as unknown as Connection;

const eksCluster = (name = 'dev-cluster', region = 'us-east-1'): Connection =>
  ({
    apiVersion: 'hibernator.ardikabs.com/v1alpha1',
    kind: 'K8SCluster',
    metadata: { name: 'eks-dev' },
    spec: { providerRef: { name: 'sandbox-aws' }, eks: { name, region } },
  }) as unknown as Connection;

beforeAll(async () => {
  kube = await startKubeEmulator({ seed: sandboxSeed(), https: true });
  aws = await startAwsEmulator({
    seed: awsSandboxSeed({ eksEndpoint: kube.url, eksCertificateAuthority: kube.caData }),
  });
  dir = mkdtempSync(join(tmpdir(), 'hib-eks-'));
  const credentials = join(dir, 'credentials');
  writeFileSync(
    credentials,
    `[sandbox]\naws_access_key_id = ${SANDBOX_KEYS.admin.accessKeyId}\naws_secret_access_key = ${SANDBOX_KEYS.admin.secretAccessKey}\n`,
  );
  writeFileSync(join(dir, 'config'), '');
  env = {
    AWS_SHARED_CREDENTIALS_FILE: credentials,
    AWS_CONFIG_FILE: join(dir, 'config'),
    HOME: dir,
  };
  await acceptEksToken();
});

/** Plays aws-iam-authenticator: the token signed at NOW for dev-cluster is the admin (a re-seed forgets it). */
async function acceptEksToken(): Promise<void> {
  const { token } = await createEksToken({
    clusterName: 'dev-cluster',
    region: 'us-east-1',
    credentials: SANDBOX_KEYS.admin,
    now: NOW,
  });
  kube.setToken(token, { user: 'arn:aws:iam::123456789012:user/hibernator-admin' });
}
afterAll(async () => {
  await aws.close();
  await kube.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('an EKS cluster reached through an AWS connection', () => {
  it('tests the connection with DescribeCluster, the cluster CA and a get-token style token', async () => {
    aws.resetCalls();
    const tools = createKubeConnectionTools({ env, now: () => NOW });
    const result = await tools.testConnection(eksCluster(), [provider()]);
    expect(result).toMatchObject({ ok: true, serverVersion: 'v1.31.4' });
    expect(result.message).toBe(
      `reached ${kube.url} (Kubernetes v1.31.4) with EKS cluster "dev-cluster" (us-east-1) through AWS connection "sandbox-aws"`,
    );
    expect(aws.callCount('eks:DescribeCluster')).toBe(1);
  });

  it('is refused by the cluster when the token is not the one it expects', async () => {
    const tools = createKubeConnectionTools({ env, now: () => new Date('2026-01-28T13:00:00Z') });
    expect(await tools.testConnection(eksCluster(), [provider()])).toMatchObject({
      ok: false,
      code: 'KUBE_UNAUTHORIZED',
    });
  });

  it('explains a missing cluster, a missing AWS connection and a pinned account that does not match', async () => {
    const tools = createKubeConnectionTools({ env, now: () => NOW });
    expect(await tools.testConnection(eksCluster('nope'), [provider()])).toMatchObject({
      ok: false,
      code: 'EKS_CLUSTER_NOT_FOUND',
      message: expect.stringContaining('EKS cluster "nope" does not exist in us-east-1'),
    });
    expect(await tools.testConnection(eksCluster(), [])).toMatchObject({
      ok: false,
      code: 'CONNECTION_NOT_FOUND',
      message: expect.stringContaining('AWS connection "sandbox-aws"'),
    });
    expect(
      await tools.testConnection(eksCluster(), [provider({ accountId: '210987654321' })]),
    ).toMatchObject({
      ok: false,
      code: 'AWS_ACCOUNT_MISMATCH',
      message: expect.stringContaining(
        'pinned to account 210987654321, but its credentials belong to 123456789012',
      ),
    });
  });
});

describe('executors through an EKS connection', () => {
  let world: KubeWorld | undefined;
  afterEach(async () => {
    await world?.close();
    world = undefined;
  });

  it('hibernates and wakes workloads of the EKS cluster', async () => {
    kube.seed();
    await acceptEksToken();
    world = await KubeWorld.start({ clients: { env, now: () => NOW } });
    await world.call('applyConnection', { connection: provider() });
    await world.call('applyConnection', { connection: eksCluster() });
    await world.applyPlan('eks', [
      {
        name: 'web',
        type: 'workloadscaler',
        connection: 'eks-dev',
        parameters: { namespace: { literals: ['web'] } },
      },
    ]);
    const scaleOf = (name: string): unknown =>
      kube.state()['apps/deployments']?.find((d) => d.metadata.name === name)?.spec;
    expect(await world.hibernate('eks'), JSON.stringify(await world.ledger('eks'))).toBe(
      'Hibernated',
    );
    expect(scaleOf('frontend')).toMatchObject({ replicas: 0 });
    expect(await world.wake('eks')).toBe('Active');
    expect(scaleOf('frontend')).toMatchObject({ replicas: 4 });
    expect(scaleOf('static-cache')).toMatchObject({ replicas: 2 });
  });
});
