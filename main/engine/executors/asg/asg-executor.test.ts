import { describe, expect, it } from 'vitest';
import { parameterSchemas } from '../../../../shared/model';
import { fakeAwsContext } from '../aws-common/fake-aws-context';
import type { AsgApi } from './asg-api';
import { createAsgExecutor } from './asg-executor';

interface FakeGroup {
  min: number;
  max: number;
  desired: number;
  tags: Record<string, string>;
}

/** Auto Scaling in memory, one group a page, recording each update. */
function fakeAsg(groups: Record<string, FakeGroup>, events: string[]): AsgApi {
  return {
    async describeAutoScalingGroups(input) {
      const names = (input.AutoScalingGroupNames ?? Object.keys(groups)).filter(
        (n) => groups[n] !== undefined,
      );
      const at = Number(input.NextToken ?? '0');
      const name = names[at];
      const g = name === undefined ? undefined : groups[name];
      return {
        $metadata: {},
        AutoScalingGroups:
          name === undefined || g === undefined
            ? []
            : [
                {
                  AutoScalingGroupName: name,
                  MinSize: g.min,
                  MaxSize: g.max,
                  DesiredCapacity: g.desired,
                  DefaultCooldown: 300,
                  AvailabilityZones: [],
                  HealthCheckType: 'EC2',
                  CreatedTime: new Date(0),
                  Tags: Object.entries(g.tags).map(([Key, Value]) => ({ Key, Value })),
                  Instances: [],
                },
              ],
        ...(at + 1 < names.length ? { NextToken: String(at + 1) } : {}),
      };
    },
    async updateAutoScalingGroup(input) {
      const name = input.AutoScalingGroupName ?? '';
      events.push(
        `update ${name} min=${input.MinSize} desired=${input.DesiredCapacity} max=${input.MaxSize}`,
      );
      const g = groups[name];
      if (g !== undefined) {
        g.min = input.MinSize ?? g.min;
        g.max = input.MaxSize ?? g.max;
        g.desired = input.DesiredCapacity ?? g.desired;
      }
      return { $metadata: {} };
    },
  };
}

const params = parameterSchemas.asg.parse({ selector: { names: ['web', 'idle', 'nodes'] } });

function groups(): Record<string, FakeGroup> {
  return {
    web: { min: 2, max: 6, desired: 3, tags: {} },
    idle: { min: 0, max: 2, desired: 0, tags: {} },
    nodes: { min: 1, max: 3, desired: 1, tags: { 'eks:nodegroup-name': 'ng' } },
  };
}

describe('asg executor with a fake Auto Scaling client', () => {
  it('reports the recorded sizes before it scales a group to 0, leaving max and EKS groups alone', async () => {
    const f = fakeAwsContext();
    const state = groups();
    const executor = createAsgExecutor({ api: () => fakeAsg(state, f.events) });
    await executor.shutdown(params, f.ctx, f.report);
    expect(f.events).toEqual(['report web,idle', 'update web min=0 desired=0 max=undefined']);
    expect(f.captured).toEqual([
      { key: 'web', state: { min: 2, max: 6, desired: 3 }, isLive: true },
      { key: 'idle', state: { min: 0, max: 2, desired: 0 }, isLive: false },
    ]);
    expect(state.web).toMatchObject({ min: 0, max: 6, desired: 0 });
    expect(state.nodes).toMatchObject({ min: 1, max: 3, desired: 1 });
  });

  it('wakes up by restoring exactly the recorded sizes of the groups it scaled down', async () => {
    const f = fakeAwsContext();
    const state = groups();
    const executor = createAsgExecutor({ api: () => fakeAsg(state, f.events) });
    await executor.shutdown(params, f.ctx, f.report);
    const result = await executor.wakeUp(params, f.restorePoint(), f.ctx);
    expect(f.events.at(-1)).toBe('update web min=2 desired=3 max=6');
    expect(state).toEqual(groups());
    expect(result.message).toBe('restored 1 Auto Scaling group: web (2/3/6)');
  });
});
