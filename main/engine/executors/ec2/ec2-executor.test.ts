import type {
  DescribeInstancesCommandInput,
  Instance,
  InstanceStateName,
} from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { parameterSchemas } from '../../../../shared/model';
import { fakeAwsContext } from '../aws-common/fake-aws-context';
import type { Ec2Api } from './ec2-api';
import { createEc2Executor } from './ec2-executor';

interface FakeInstance {
  state: string;
  tags: Record<string, string>;
  /** StopInstances refuses the whole call when it names this instance (stop protection). */
  protected?: boolean;
}

/** EC2 in memory, one instance a page (so every page must be read), recording each change. */
function fakeEc2(instances: Record<string, FakeInstance>, events: string[]): Ec2Api {
  const matches = (id: string, input: DescribeInstancesCommandInput): boolean =>
    (input.Filters ?? []).every((f) => {
      const values = f.Values ?? [];
      const i = instances[id];
      if (i === undefined) return false;
      if (f.Name === 'instance-id') return values.includes(id);
      if (f.Name === 'instance-state-name') return values.includes(i.state);
      if (f.Name?.startsWith('tag:')) return values.includes(i.tags[f.Name.slice(4)] ?? '');
      return true;
    });
  const toSdk = (id: string): Instance => ({
    InstanceId: id,
    State: { Name: instances[id]?.state as InstanceStateName | undefined },
    Tags: Object.entries(instances[id]?.tags ?? {}).map(([Key, Value]) => ({ Key, Value })),
  });
  const set = (ids: string[] | undefined, state: string): void => {
    for (const id of ids ?? []) {
      const i = instances[id];
      if (i !== undefined) i.state = state;
    }
  };
  return {
    async describeInstances(input) {
      const ids = Object.keys(instances).filter((id) => matches(id, input));
      const at = Number(input.NextToken ?? '0');
      const id = ids[at];
      return {
        $metadata: {},
        Reservations: id === undefined ? [] : [{ Instances: [toSdk(id)] }],
        ...(at + 1 < ids.length ? { NextToken: String(at + 1) } : {}),
      };
    },
    async stopInstances(input) {
      events.push(`stopInstances ${(input.InstanceIds ?? []).join(',')}`);
      const bad = (input.InstanceIds ?? []).find((id) => instances[id]?.protected === true);
      if (bad !== undefined)
        throw Object.assign(
          new Error(
            `The instance '${bad}' may not be stopped. Modify its 'disableApiStop' instance attribute and try again.`,
          ),
          { name: 'OperationNotPermitted', $metadata: { httpStatusCode: 400 } },
        );
      set(input.InstanceIds, 'stopped');
      return { $metadata: {} };
    },
    async describeSpotInstanceRequests() {
      return { $metadata: {}, SpotInstanceRequests: [] };
    },
    async describeInstanceAttribute(input) {
      events.push(`describeInstanceAttribute ${input.InstanceId ?? ''}`);
      return {
        $metadata: {},
        DisableApiStop: { Value: instances[input.InstanceId ?? '']?.protected === true },
      };
    },
    async startInstances(input) {
      events.push(`startInstances ${(input.InstanceIds ?? []).join(',')}`);
      set(input.InstanceIds, 'running');
      return { $metadata: {} };
    },
  };
}

const params = parameterSchemas.ec2.parse({ selector: { tags: { env: 'dev' } } });

function fleet(): Record<string, FakeInstance> {
  return {
    'i-1': { state: 'running', tags: { env: 'dev' } },
    'i-2': { state: 'stopped', tags: { env: 'dev' } },
    'i-3': { state: 'running', tags: { env: 'dev', 'aws:autoscaling:groupName': 'web' } },
    'i-4': { state: 'running', tags: { env: 'prod' } },
  };
}

describe('ec2 executor with a fake EC2 client', () => {
  it('reports every capture before it stops, and stops only the running instances it owns', async () => {
    const f = fakeAwsContext();
    const instances = fleet();
    const executor = createEc2Executor({ api: () => fakeEc2(instances, f.events) });
    const result = await executor.shutdown(params, f.ctx, f.report);
    expect(f.events).toEqual(['report i-1,i-2', 'stopInstances i-1']);
    expect(f.captured).toEqual([
      { key: 'i-1', state: { wasRunning: true }, isLive: true },
      { key: 'i-2', state: { wasRunning: false }, isLive: false },
    ]);
    expect(result.message).toBe(
      'stopped 1 instance; 1 already stopped; skipped 1: i-3: member of ASG web: use an asg target',
    );
    expect(instances['i-3']?.state).toBe('running');
    expect(instances['i-4']?.state).toBe('running');
  });

  it('wakes up exactly the instances that were running at shutdown', async () => {
    const f = fakeAwsContext();
    const instances = fleet();
    const executor = createEc2Executor({ api: () => fakeEc2(instances, f.events) });
    await executor.shutdown(params, f.ctx, f.report);
    const result = await executor.wakeUp(params, f.restorePoint(), f.ctx);
    expect(f.events.at(-1)).toBe('startInstances i-1');
    expect(Object.fromEntries(Object.entries(instances).map(([id, i]) => [id, i.state]))).toEqual({
      'i-1': 'running',
      'i-2': 'stopped',
      'i-3': 'running',
      'i-4': 'running',
    });
    expect(result.message).toBe('started 1 instance');
  });

  it('lists nothing and changes nothing when the credentials reach another account than the pinned one', async () => {
    const f = fakeAwsContext({ accountId: '111111111111', reaches: '222222222222' });
    const executor = createEc2Executor({ api: () => fakeEc2(fleet(), f.events) });
    await expect(executor.shutdown(params, f.ctx, f.report)).rejects.toMatchObject({
      code: 'WRONG_ACCOUNT',
    });
    expect(f.events).toEqual(['sts:GetCallerIdentity']);
  });

  it('splits a batch EC2 refuses because of one protected instance, stops the others and reports it', async () => {
    const f = fakeAwsContext();
    const instances = {
      'i-1': { state: 'running', tags: { env: 'dev' } },
      'i-2': { state: 'running', tags: { env: 'dev' }, protected: true },
      'i-3': { state: 'running', tags: { env: 'dev' } },
    };
    const executor = createEc2Executor({ api: () => fakeEc2(instances, f.events) });
    const result = await executor.shutdown(params, f.ctx, f.report);
    expect(instances['i-1'].state).toBe('stopped');
    expect(instances['i-3'].state).toBe('stopped');
    expect(instances['i-2'].state).toBe('running');
    expect(f.events.filter((e) => e.startsWith('stopInstances'))).toEqual([
      'stopInstances i-1,i-2,i-3',
      'stopInstances i-1,i-2',
      'stopInstances i-1',
      'stopInstances i-2',
      'stopInstances i-3',
    ]);
    expect(result.message).toContain('stopped 2 instances');
    expect(result.message).toContain('could not stop i-2: ');
    expect(result.message).toContain('disableApiStop');
  });

  it('says in the dry run that a protected instance is skipped', async () => {
    const f = fakeAwsContext();
    const instances = {
      'i-1': { state: 'running', tags: { env: 'dev' } },
      'i-2': { state: 'running', tags: { env: 'dev' }, protected: true },
    };
    const executor = createEc2Executor({ api: () => fakeEc2(instances, f.events) });
    const plan = await executor.discover(params, f.ctx);
    expect(plan.find((a) => a.key === 'i-2')).toEqual({
      key: 'i-2',
      action: 'skip',
      description: 'skip i-2: stop protection is on (disableApiStop)',
    });
    expect(plan.find((a) => a.key === 'i-1')?.action).toBe('stop');
  });
});
