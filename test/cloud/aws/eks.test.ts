import {
  DescribeClusterCommand,
  DescribeNodegroupCommand,
  DescribeUpdateCommand,
  ListClustersCommand,
  ListNodegroupsCommand,
  ListUpdatesCommand,
  paginateListNodegroups,
  UpdateNodegroupConfigCommand,
} from '@aws-sdk/client-eks';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startAwsEmulator, type AwsEmulator } from './emulator';
import { sandboxSeed, SANDBOX_INSTANCE_IDS, SANDBOX_KEYS } from './sandbox-seed';
import { sdkClients, sdkError, type SdkClients } from './sdk-test-clients';

const TRANSITION = 30_000;
let emu: AwsEmulator;
let aws: SdkClients;

beforeAll(async () => {
  emu = await startAwsEmulator({ clockScale: 0, transitionMs: TRANSITION });
  aws = sdkClients(emu.url, SANDBOX_KEYS.admin);
});
afterAll(async () => emu.close());
beforeEach(() => {
  emu.seed(
    sandboxSeed({ eksEndpoint: 'https://127.0.0.1:6443', eksCertificateAuthority: 'Q0EtREFUQQ==' }),
  );
  emu.resetCalls();
});

const general = { clusterName: 'dev-cluster', nodegroupName: 'general' };

describe('EKS reads through the real SDK', () => {
  it('lists and describes the cluster with endpoint, CA and status', async () => {
    expect((await aws.eks.send(new ListClustersCommand({}))).clusters).toEqual(['dev-cluster']);
    const { cluster } = await aws.eks.send(new DescribeClusterCommand({ name: 'dev-cluster' }));
    expect(cluster).toMatchObject({
      name: 'dev-cluster',
      status: 'ACTIVE',
      endpoint: 'https://127.0.0.1:6443',
      version: '1.31',
    });
    expect(cluster?.certificateAuthority?.data).toBe('Q0EtREFUQQ==');
    expect(cluster?.createdAt).toBeInstanceOf(Date);
  });

  it('describes a node group with scaling config, labels, tags and its Auto Scaling group', async () => {
    const { nodegroup } = await aws.eks.send(new DescribeNodegroupCommand(general));
    expect(nodegroup).toMatchObject({
      status: 'ACTIVE',
      scalingConfig: { minSize: 1, maxSize: 3, desiredSize: 1 },
      labels: { role: 'general' },
    });
    expect(nodegroup?.tags).toEqual({ Environment: 'dev' });
    expect(nodegroup?.resources?.autoScalingGroups?.[0]?.name).toMatch(/^eks-general-/);
  });

  it('paginates node groups with maxResults and nextToken', async () => {
    const nodegroups = Array.from({ length: 5 }, (_, n) => ({
      name: `ng-${n}`,
      minSize: 0,
      desiredSize: 0,
    }));
    emu.seed({ eks: { clusters: [{ name: 'big', nodegroups }] } });
    const first = await aws.eks.send(
      new ListNodegroupsCommand({ clusterName: 'big', maxResults: 2 }),
    );
    expect(first.nodegroups).toEqual(['ng-0', 'ng-1']);
    expect(first.nextToken).toBeDefined();
    const all: string[] = [];
    for await (const page of paginateListNodegroups(
      { client: aws.eks, pageSize: 2 },
      { clusterName: 'big' },
    ))
      all.push(...(page.nodegroups ?? []));
    expect(all).toEqual(['ng-0', 'ng-1', 'ng-2', 'ng-3', 'ng-4']);
  });

  it('answers ResourceNotFoundException (404) for unknown clusters and node groups', async () => {
    expect(
      await sdkError(aws.eks.send(new DescribeClusterCommand({ name: 'nope' }))),
    ).toMatchObject({ name: 'ResourceNotFoundException', status: 404 });
    expect(
      await sdkError(
        aws.eks.send(
          new DescribeNodegroupCommand({ clusterName: 'dev-cluster', nodegroupName: 'nope' }),
        ),
      ),
    ).toMatchObject({
      name: 'ResourceNotFoundException',
      status: 404,
    });
  });

  it('answers AccessDeniedException (403) when the caller is denied the action', async () => {
    emu.deny(SANDBOX_KEYS.admin.accessKeyId, ['eks:Describe*']);
    expect(
      await sdkError(aws.eks.send(new DescribeClusterCommand({ name: 'dev-cluster' }))),
    ).toMatchObject({ name: 'AccessDeniedException', status: 403 });
    emu.clearDenies();
  });
});

describe('EKS UpdateNodegroupConfig', () => {
  it('runs an update to completion, then the nodes follow the new size', async () => {
    const { update } = await aws.eks.send(
      new UpdateNodegroupConfigCommand({
        ...general,
        scalingConfig: { minSize: 0, desiredSize: 0 },
      }),
    );
    expect(update).toMatchObject({ status: 'InProgress', type: 'ConfigUpdate' });
    expect(update?.params).toEqual([
      { type: 'MinSize', value: '0' },
      { type: 'DesiredSize', value: '0' },
    ]);
    const updateId = update?.id ?? '';
    expect((await aws.eks.send(new DescribeNodegroupCommand(general))).nodegroup?.status).toBe(
      'UPDATING',
    );
    expect(
      (
        await aws.eks.send(
          new ListUpdatesCommand({ name: 'dev-cluster', nodegroupName: 'general' }),
        )
      ).updateIds,
    ).toEqual([updateId]);

    emu.clock.advance(TRANSITION);
    const described = await aws.eks.send(
      new DescribeUpdateCommand({ name: 'dev-cluster', updateId, nodegroupName: 'general' }),
    );
    expect(described.update?.status).toBe('Successful');
    const { nodegroup } = await aws.eks.send(new DescribeNodegroupCommand(general));
    expect(nodegroup).toMatchObject({
      status: 'ACTIVE',
      scalingConfig: { minSize: 0, maxSize: 3, desiredSize: 0 },
    });

    const node = () =>
      emu.region()?.ec2.instances.find((i) => i.instanceId === SANDBOX_INSTANCE_IDS.eksNode)?.state;
    expect(node()).toBe('shutting-down');
    emu.clock.advance(TRANSITION);
    expect(node()).toBe('terminated');
  });

  it('refuses a second update while one is in progress with ResourceInUseException (409)', async () => {
    await aws.eks.send(
      new UpdateNodegroupConfigCommand({ ...general, scalingConfig: { desiredSize: 2 } }),
    );
    const busy = await sdkError(
      aws.eks.send(
        new UpdateNodegroupConfigCommand({ ...general, scalingConfig: { desiredSize: 3 } }),
      ),
    );
    expect(busy).toMatchObject({ name: 'ResourceInUseException', status: 409 });
  });

  it.each([
    ['min above desired', { minSize: 2, desiredSize: 1 }],
    ['desired above max', { desiredSize: 4 }],
    ['max below 1', { minSize: 0, maxSize: 0, desiredSize: 0 }],
    ['min above max', { minSize: 4, maxSize: 3, desiredSize: 3 }],
  ])('rejects %s with InvalidParameterException', async (_case, scalingConfig) => {
    const error = await sdkError(
      aws.eks.send(new UpdateNodegroupConfigCommand({ ...general, scalingConfig })),
    );
    expect(error).toMatchObject({ name: 'InvalidParameterException', status: 400 });
    expect((await aws.eks.send(new DescribeNodegroupCommand(general))).nodegroup?.status).toBe(
      'ACTIVE',
    );
  });

  it('does not find a node group update when the node group is not named', async () => {
    const { update } = await aws.eks.send(
      new UpdateNodegroupConfigCommand({ ...general, scalingConfig: { desiredSize: 2 } }),
    );
    const error = await sdkError(
      aws.eks.send(new DescribeUpdateCommand({ name: 'dev-cluster', updateId: update?.id ?? '' })),
    );
    expect(error.name).toBe('ResourceNotFoundException');
  });

  it('scales a node group out by launching tagged nodes', async () => {
    await aws.eks.send(
      new UpdateNodegroupConfigCommand({
        clusterName: 'dev-cluster',
        nodegroupName: 'batch',
        scalingConfig: { desiredSize: 2 },
      }),
    );
    emu.clock.advance(TRANSITION);
    const nodes = () =>
      emu.region()?.ec2.instances.filter((i) => i.tags['eks:nodegroup-name'] === 'batch') ?? [];
    expect(nodes().map((n) => n.state)).toEqual(['pending', 'pending']);
    emu.clock.advance(TRANSITION);
    expect(nodes().map((n) => n.state)).toEqual(['running', 'running']);
    expect(nodes()[0]?.tags).toMatchObject({
      'eks:cluster-name': 'dev-cluster',
      'kubernetes.io/cluster/dev-cluster': 'owned',
    });
  });
});
