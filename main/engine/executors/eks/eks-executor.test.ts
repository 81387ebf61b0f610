import type { Nodegroup } from '@aws-sdk/client-eks';
import { describe, expect, it } from 'vitest';
import { parameterSchemas } from '../../../../shared/model';
import { fakeAwsContext } from '../aws-common/fake-aws-context';
import type { EksApi } from './eks-api';
import { createEksExecutor } from './eks-executor';

type Sizes = { min: number; max: number; desired: number };

const notFound = (): Error =>
  Object.assign(new Error('No node group found'), {
    name: 'ResourceNotFoundException',
    $metadata: { httpStatusCode: 404 },
  });

/** EKS node groups of cluster `dev` in memory, one name a page, recording each update. */
function fakeEks(groups: Record<string, Sizes>, events: string[]): EksApi {
  return {
    async listNodegroups(input) {
      if (input.clusterName !== 'dev') throw notFound();
      const names = Object.keys(groups);
      const at = Number(input.nextToken ?? '0');
      return {
        $metadata: {},
        nodegroups: names.slice(at, at + 1),
        ...(at + 1 < names.length ? { nextToken: String(at + 1) } : {}),
      };
    },
    async describeNodegroup(input) {
      const g = input.clusterName === 'dev' ? groups[input.nodegroupName ?? ''] : undefined;
      if (g === undefined) throw notFound();
      const nodegroup: Nodegroup = {
        nodegroupName: input.nodegroupName,
        status: 'ACTIVE',
        scalingConfig: { minSize: g.min, maxSize: g.max, desiredSize: g.desired },
      };
      return { $metadata: {}, nodegroup };
    },
    async updateNodegroupConfig(input) {
      const s = input.scalingConfig ?? {};
      events.push(
        `update ${input.nodegroupName} min=${s.minSize} desired=${s.desiredSize} max=${s.maxSize}`,
      );
      const g = groups[input.nodegroupName ?? ''];
      if (g !== undefined) {
        g.min = s.minSize ?? g.min;
        g.max = s.maxSize ?? g.max;
        g.desired = s.desiredSize ?? g.desired;
      }
      return { $metadata: {} };
    },
  };
}

const params = parameterSchemas.eks.parse({ clusterName: 'dev' });

function groups(): Record<string, Sizes> {
  return { apps: { min: 2, max: 5, desired: 3 }, spare: { min: 0, max: 2, desired: 0 } };
}

describe('eks executor with a fake EKS client', () => {
  it('reports the recorded sizes of every node group before it scales one to 0 (max unchanged)', async () => {
    const f = fakeAwsContext();
    const state = groups();
    const executor = createEksExecutor({ api: () => fakeEks(state, f.events) });
    await executor.shutdown(params, f.ctx, f.report);
    expect(f.events).toEqual([
      'report dev/apps,dev/spare',
      'update apps min=0 desired=0 max=undefined',
    ]);
    expect(f.captured).toEqual([
      { key: 'dev/apps', state: { min: 2, max: 5, desired: 3 }, isLive: true },
      { key: 'dev/spare', state: { min: 0, max: 2, desired: 0 }, isLive: false },
    ]);
    expect(state.apps).toEqual({ min: 0, max: 5, desired: 0 });
  });

  it('wakes up by restoring exactly the recorded sizes', async () => {
    const f = fakeAwsContext();
    const state = groups();
    const executor = createEksExecutor({ api: () => fakeEks(state, f.events) });
    await executor.shutdown(params, f.ctx, f.report);
    const result = await executor.wakeUp(params, f.restorePoint(), f.ctx);
    expect(f.events.at(-1)).toBe('update apps min=2 desired=3 max=5');
    expect(state).toEqual(groups());
    expect(result.message).toBe('restored 1 node group: apps (2/3/5)');
  });

  it('says which cluster is missing when the cluster does not exist', async () => {
    const f = fakeAwsContext();
    const executor = createEksExecutor({ api: () => fakeEks(groups(), f.events) });
    await expect(
      executor.discover(parameterSchemas.eks.parse({ clusterName: 'gone' }), f.ctx),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringContaining('EKS cluster gone was not found in us-east-1'),
    });
  });
});
