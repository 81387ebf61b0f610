import type {
  DescribeNodegroupCommandOutput,
  ListNodegroupsCommandInput,
  ListNodegroupsCommandOutput,
} from '@aws-sdk/client-eks';
import { CodedError } from '../../errors/coded-error';
import { ExecutorError } from '../executor';
import type { AwsTarget } from '../aws-common/aws-target';
import type { EksApi } from './eks-api';
import { waitUntil, type AwaitSettings, type Pending } from '../aws-common/await-completion';
import { isOptedOut, type Tags } from '../aws-common/tag-selector';
import { sdkPages } from '../aws-common/sdk-pages';

export interface Scaling {
  min: number;
  max: number;
  desired: number;
}

export interface Nodegroup {
  cluster: string;
  name: string;
  status: string;
  scaling: Scaling;
  tags: Tags;
}

export const nodegroupKey = (cluster: string, name: string): string => `${cluster}/${name}`;

export function parseNodegroupKey(key: string): { cluster: string; name: string } | undefined {
  const slash = key.indexOf('/');
  if (slash <= 0 || slash === key.length - 1) return undefined;
  return { cluster: key.slice(0, slash), name: key.slice(slash + 1) };
}

/** The classified failure of a call on a node group or cluster that does not exist. */
function isNotFound(error: unknown): boolean {
  return error instanceof CodedError && error.code === 'NOT_FOUND';
}

export async function listNodegroupNames(
  target: AwsTarget<EksApi>,
  cluster: string,
): Promise<string[]> {
  const fetchPage = async (
    input: ListNodegroupsCommandInput,
  ): Promise<ListNodegroupsCommandOutput> => {
    try {
      return await target.api.listNodegroups(input);
    } catch (error) {
      if (isNotFound(error))
        throw new ExecutorError(
          'NOT_FOUND',
          `EKS cluster ${cluster} was not found in ${target.clients.region} with ${target.who}: check clusterName and the connection's region`,
        );
      throw error;
    }
  };
  const names: string[] = [];
  const input = { clusterName: cluster, maxResults: 100 };
  const { EKSClient, paginateListNodegroups } = await import('@aws-sdk/client-eks');
  for await (const page of sdkPages(paginateListNodegroups, EKSClient, fetchPage, input))
    names.push(...(page.nodegroups ?? []));
  return names;
}

/** One node group, or undefined when it (or its cluster) does not exist. */
export async function describeNodegroup(
  target: AwsTarget<EksApi>,
  cluster: string,
  name: string,
): Promise<Nodegroup | undefined> {
  let answer: DescribeNodegroupCommandOutput;
  try {
    answer = await target.api.describeNodegroup({ clusterName: cluster, nodegroupName: name });
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
  const ng = answer.nodegroup;
  if (ng === undefined) return undefined;
  // Trust no endpoint to answer for the group asked about (selection-guard.ts): another one is none.
  if (
    (ng.nodegroupName !== undefined && ng.nodegroupName !== name) ||
    (ng.clusterName !== undefined && ng.clusterName !== cluster)
  ) {
    target.ctx.logger.debug('ignored a node group the server returned for another name', {
      asked: nodegroupKey(cluster, name),
      returned: nodegroupKey(ng.clusterName ?? cluster, ng.nodegroupName ?? name),
    });
    return undefined;
  }
  const sc = ng.scalingConfig ?? {};
  return {
    cluster,
    name,
    status: ng.status ?? 'UNKNOWN',
    scaling: { min: sc.minSize ?? 0, max: sc.maxSize ?? 0, desired: sc.desiredSize ?? 0 },
    tags: ng.tags ?? {},
  };
}

export async function updateScaling(
  target: AwsTarget<EksApi>,
  ng: Pick<Nodegroup, 'cluster' | 'name'>,
  scaling: Partial<Scaling>,
): Promise<void> {
  await target.api.updateNodegroupConfig({
    clusterName: ng.cluster,
    nodegroupName: ng.name,
    scalingConfig: {
      ...(scaling.min === undefined ? {} : { minSize: scaling.min }),
      ...(scaling.max === undefined ? {} : { maxSize: scaling.max }),
      ...(scaling.desired === undefined ? {} : { desiredSize: scaling.desired }),
    },
  });
}

export const sameScaling = (a: Scaling, b: Scaling): boolean =>
  a.min === b.min && a.max === b.max && a.desired === b.desired;

/**
 * Waits until each node group is ACTIVE (no update in flight) and, when `want` says so, has the
 * given sizes. EKS refuses a second update while one runs (ResourceInUseException).
 */
export async function waitForNodegroups(
  target: AwsTarget<EksApi>,
  groups: ReadonlyArray<{ cluster: string; name: string; want?: Partial<Scaling> }>,
  desired: string,
  settings: AwaitSettings,
  intervalMs: number,
): Promise<void> {
  if (groups.length === 0) return;
  await waitUntil({
    ctx: target.ctx,
    timeoutMs: settings.timeoutMs,
    intervalMs,
    desired,
    noun: 'node group',
    check: async (): Promise<Pending[]> => {
      const pending: Pending[] = [];
      for (const g of groups) {
        const now = await describeNodegroup(target, g.cluster, g.name);
        if (now === undefined) continue;
        const sizesOk =
          g.want === undefined ||
          (Object.keys(g.want) as Array<keyof Scaling>).every(
            (k) => g.want?.[k] === now.scaling[k],
          );
        if (now.status !== 'ACTIVE' || !sizesOk) {
          pending.push({
            id: nodegroupKey(g.cluster, g.name),
            state: `${now.status} at min ${now.scaling.min} / desired ${now.scaling.desired} / max ${now.scaling.max}`,
          });
        }
      }
      return pending;
    },
  });
}

export type EksAction = 'scale' | 'skip';

export interface EksDecision {
  group: Nodegroup;
  action: EksAction;
  capture: boolean;
  description: string;
}

export function decide(ng: Nodegroup): EksDecision {
  const key = nodegroupKey(ng.cluster, ng.name);
  const s = ng.scaling;
  if (isOptedOut(ng.tags))
    return {
      group: ng,
      action: 'skip',
      capture: false,
      description: `skip ${key}: opted out (hibernator.ardikabs.com/exclude=true)`,
    };
  if (s.min === 0 && s.desired === 0)
    return {
      group: ng,
      action: 'skip',
      capture: true,
      description: `skip ${key}: already scaled to 0 (max ${s.max})`,
    };
  return {
    group: ng,
    action: 'scale',
    capture: true,
    description: `scale node group ${key} to 0 (min ${s.min} → 0, desired ${s.desired} → 0, max ${s.max} unchanged)`,
  };
}
