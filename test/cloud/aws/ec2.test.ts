import {
  DescribeInstancesCommand,
  paginateDescribeInstances,
  StartInstancesCommand,
  StopInstancesCommand,
  type Instance,
} from '@aws-sdk/client-ec2';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startAwsEmulator, type AwsEmulator } from './emulator';
import { sandboxSeed, SANDBOX_INSTANCE_IDS as IDS, SANDBOX_KEYS } from './sandbox-seed';
import { sdkClients, sdkError, type SdkClients } from './sdk-test-clients';

const TRANSITION = 5_000;
let emu: AwsEmulator;
let aws: SdkClients;

beforeAll(async () => {
  emu = await startAwsEmulator({ seed: sandboxSeed(), clockScale: 0, transitionMs: TRANSITION });
  aws = sdkClients(emu.url, SANDBOX_KEYS.admin);
});
afterAll(async () => emu.close());
beforeEach(() => {
  emu.seed(sandboxSeed());
  emu.resetCalls();
});

async function describeOne(instanceId: string): Promise<Instance> {
  const out = await aws.ec2.send(new DescribeInstancesCommand({ InstanceIds: [instanceId] }));
  const instance = out.Reservations?.[0]?.Instances?.[0];
  if (instance === undefined) throw new Error(`no instance ${instanceId} in the answer`);
  return instance;
}

async function idsMatching(filters: Array<{ Name: string; Values: string[] }>): Promise<string[]> {
  const out = await aws.ec2.send(new DescribeInstancesCommand({ Filters: filters }));
  return (out.Reservations ?? [])
    .flatMap((r) => r.Instances ?? [])
    .map((i) => i.InstanceId ?? '')
    .sort();
}

describe('EC2 DescribeInstances through the real SDK', () => {
  it('parses instance type, launch time, tags, state and hibernation support', async () => {
    const worker = await describeOne(IDS.worker);
    expect(worker.InstanceType).toBe('c6i.large');
    expect(worker.LaunchTime).toBeInstanceOf(Date);
    expect(worker.State).toEqual({ Code: 16, Name: 'running' });
    expect(worker.HibernationOptions?.Configured).toBe(true);
    expect(worker.Tags).toContainEqual({ Key: 'Team', Value: 'data' });
    expect((await describeOne(IDS.web1)).HibernationOptions?.Configured).toBe(false);
  });

  it('shows Auto Scaling, EKS and Karpenter membership as tags', async () => {
    expect((await describeOne(IDS.webAsgMember)).Tags).toContainEqual({
      Key: 'aws:autoscaling:groupName',
      Value: 'web-asg',
    });
    expect((await describeOne(IDS.eksNode)).Tags).toContainEqual({
      Key: 'eks:nodegroup-name',
      Value: 'general',
    });
    expect((await describeOne(IDS.karpenterNode)).Tags).toContainEqual({
      Key: 'karpenter.sh/nodepool',
      Value: 'default',
    });
  });

  it('filters by tag, tag key, state, type (with wildcards) and id', async () => {
    expect(await idsMatching([{ Name: 'tag:Team', Values: ['web'] }])).toEqual(
      [IDS.web1, IDS.web2, IDS.webAsgMember].sort(),
    );
    expect(await idsMatching([{ Name: 'tag-key', Values: ['karpenter.sh/nodepool'] }])).toEqual([
      IDS.karpenterNode,
    ]);
    expect(await idsMatching([{ Name: 'instance-state-name', Values: ['stopped'] }])).toEqual(
      [IDS.api2, IDS.batch, IDS.notebook].sort(),
    );
    expect(await idsMatching([{ Name: 'instance-type', Values: ['c6i.*'] }])).toEqual(
      [IDS.worker, IDS.batch].sort(),
    );
    expect(await idsMatching([{ Name: 'instance-id', Values: [IDS.api1] }])).toEqual([IDS.api1]);
    expect(
      await idsMatching([
        { Name: 'tag:Environment', Values: ['staging', 'ci'] },
        { Name: 'instance-state-name', Values: ['running'] },
      ]),
    ).toEqual([IDS.worker, IDS.ciRunner].sort());
  });

  it('rejects an unknown filter name', async () => {
    const error = await sdkError(
      aws.ec2.send(
        new DescribeInstancesCommand({ Filters: [{ Name: 'colour', Values: ['red'] }] }),
      ),
    );
    expect(error).toMatchObject({ name: 'InvalidParameterValue', status: 400 });
  });

  it('reports unknown and malformed instance ids with their EC2 error codes', async () => {
    expect(await sdkError(describeOne('i-0ffffffffffffffff'))).toMatchObject({
      name: 'InvalidInstanceID.NotFound',
      status: 400,
    });
    expect(await sdkError(describeOne('web-1'))).toMatchObject({
      name: 'InvalidInstanceID.Malformed',
      status: 400,
    });
  });

  it('enforces the MaxResults rules', async () => {
    const tooSmall = await sdkError(aws.ec2.send(new DescribeInstancesCommand({ MaxResults: 4 })));
    expect(tooSmall.name).toBe('InvalidParameterValue');
    const tooLarge = await sdkError(
      aws.ec2.send(new DescribeInstancesCommand({ MaxResults: 1001 })),
    );
    expect(tooLarge.name).toBe('InvalidParameterValue');
    const withIds = await sdkError(
      aws.ec2.send(new DescribeInstancesCommand({ MaxResults: 5, InstanceIds: [IDS.web1] })),
    );
    expect(withIds.name).toBe('InvalidParameterCombination');
  });

  it('paginates 2,500 instances with MaxResults and NextToken', async () => {
    const instances = Array.from({ length: 2500 }, (_, n) => ({
      tags: { Fleet: 'big', Index: String(n) },
    }));
    emu.seed({ ec2: { instances } });
    const seen: string[] = [];
    let pages = 0;
    for await (const page of paginateDescribeInstances(
      { client: aws.ec2, pageSize: 1000 },
      { Filters: [{ Name: 'tag:Fleet', Values: ['big'] }] },
    )) {
      pages += 1;
      for (const r of page.Reservations ?? [])
        for (const i of r.Instances ?? []) seen.push(i.InstanceId ?? '');
    }
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(2500);
    expect(emu.callCount('ec2:DescribeInstances')).toBe(3);
  });

  it('keeps regions apart: another region of the account starts empty', async () => {
    const elsewhere = sdkClients(emu.url, { ...SANDBOX_KEYS.admin, region: 'eu-west-1' });
    expect((await elsewhere.ec2.send(new DescribeInstancesCommand({}))).Reservations).toEqual([]);
  });

  it('rejects a NextToken it did not issue', async () => {
    const error = await sdkError(
      aws.ec2.send(new DescribeInstancesCommand({ MaxResults: 5, NextToken: 'bogus' })),
    );
    expect(error.name).toBe('InvalidPaginationToken');
  });
});

describe('EC2 StopInstances / StartInstances', () => {
  it('moves running → stopping → stopped → pending → running as the clock advances', async () => {
    const stop = await aws.ec2.send(new StopInstancesCommand({ InstanceIds: [IDS.web1] }));
    expect(stop.StoppingInstances).toEqual([
      {
        InstanceId: IDS.web1,
        CurrentState: { Code: 64, Name: 'stopping' },
        PreviousState: { Code: 16, Name: 'running' },
      },
    ]);
    expect((await describeOne(IDS.web1)).State?.Name).toBe('stopping');
    emu.clock.advance(TRANSITION);
    const stopped = await describeOne(IDS.web1);
    expect(stopped.State?.Name).toBe('stopped');
    expect(stopped.StateReason?.Code).toBe('Client.UserInitiatedShutdown');

    const before = stopped.LaunchTime?.getTime() ?? 0;
    emu.clock.advance(60_000);
    const start = await aws.ec2.send(new StartInstancesCommand({ InstanceIds: [IDS.web1] }));
    expect(start.StartingInstances?.[0]?.CurrentState?.Name).toBe('pending');
    emu.clock.advance(TRANSITION);
    const running = await describeOne(IDS.web1);
    expect(running.State?.Name).toBe('running');
    expect(running.LaunchTime?.getTime()).toBeGreaterThan(before);
  });

  it('answers a stop of a stopped instance and a start of a running one with their current state', async () => {
    const stop = await aws.ec2.send(new StopInstancesCommand({ InstanceIds: [IDS.api2] }));
    expect(stop.StoppingInstances?.[0]).toMatchObject({
      CurrentState: { Name: 'stopped' },
      PreviousState: { Name: 'stopped' },
    });
    const start = await aws.ec2.send(new StartInstancesCommand({ InstanceIds: [IDS.api1] }));
    expect(start.StartingInstances?.[0]).toMatchObject({
      CurrentState: { Name: 'running' },
      PreviousState: { Name: 'running' },
    });
  });

  it('refuses to start an instance that is still stopping', async () => {
    await aws.ec2.send(new StopInstancesCommand({ InstanceIds: [IDS.web2] }));
    const error = await sdkError(
      aws.ec2.send(new StartInstancesCommand({ InstanceIds: [IDS.web2] })),
    );
    expect(error).toMatchObject({ name: 'IncorrectInstanceState', status: 400, fault: 'client' });
  });

  it('refuses to stop an instance that is still pending', async () => {
    await aws.ec2.send(new StartInstancesCommand({ InstanceIds: [IDS.batch] }));
    const error = await sdkError(
      aws.ec2.send(new StopInstancesCommand({ InstanceIds: [IDS.batch] })),
    );
    expect(error.name).toBe('IncorrectInstanceState');
  });

  it('hibernates only instances configured for hibernation', async () => {
    const refused = await sdkError(
      aws.ec2.send(new StopInstancesCommand({ InstanceIds: [IDS.web1], Hibernate: true })),
    );
    expect(refused).toMatchObject({ name: 'UnsupportedHibernationConfiguration', status: 400 });
    expect((await describeOne(IDS.web1)).State?.Name).toBe('running');

    await aws.ec2.send(new StopInstancesCommand({ InstanceIds: [IDS.worker], Hibernate: true }));
    emu.clock.advance(TRANSITION);
    const hibernated = await describeOne(IDS.worker);
    expect(hibernated.State?.Name).toBe('stopped');
    expect(hibernated.StateReason?.Code).toBe('Client.UserInitiatedHibernate');
  });

  it('fails the whole call, changing nothing, when one id does not exist', async () => {
    const error = await sdkError(
      aws.ec2.send(new StopInstancesCommand({ InstanceIds: [IDS.web1, 'i-0ffffffffffffffff'] })),
    );
    expect(error.name).toBe('InvalidInstanceID.NotFound');
    expect((await describeOne(IDS.web1)).State?.Name).toBe('running');
  });

  it('answers DryRun with DryRunOperation and changes nothing', async () => {
    const error = await sdkError(
      aws.ec2.send(new StopInstancesCommand({ InstanceIds: [IDS.web1], DryRun: true })),
    );
    expect(error).toMatchObject({ name: 'DryRunOperation', status: 412 });
    expect((await describeOne(IDS.web1)).State?.Name).toBe('running');
  });

  it('answers UnauthorizedOperation when the caller is denied the action', async () => {
    const readOnly = sdkClients(emu.url, SANDBOX_KEYS.readOnly);
    const error = await sdkError(
      readOnly.ec2.send(new StopInstancesCommand({ InstanceIds: [IDS.web1] })),
    );
    expect(error).toMatchObject({ name: 'UnauthorizedOperation', status: 403 });
    expect((await readOnly.ec2.send(new DescribeInstancesCommand({}))).Reservations?.length).toBe(
      12,
    );
  });
});
