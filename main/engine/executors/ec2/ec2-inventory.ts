import type { Instance } from '@aws-sdk/client-ec2';
import type { Ec2Parameters } from '../../../../shared/model';
import type { AwsTarget } from '../aws-common/aws-target';
import type { Ec2Api } from './ec2-api';
import { FILTER_VALUES_MAX, chunk } from '../aws-common/batching';
import { sdkPages } from '../aws-common/sdk-pages';
import { inIdList, keepSelected } from '../selection-guard';
import {
  isOptedOut,
  matchesTags,
  tagFilters,
  tagsFromList,
  type DescribeFilter,
  type Tags,
} from '../aws-common/tag-selector';

/** One EC2 instance as the executor sees it. */
export interface Ec2Instance {
  id: string;
  state: string;
  instanceType: string | undefined;
  name: string | undefined;
  tags: Tags;
  hibernationConfigured: boolean;
  rootDeviceType?: string | undefined;
  /** The Spot Instance request of a Spot Instance, and its type once looked up. */
  spotRequestId?: string | undefined;
  spotRequestType?: string | undefined;
  /** Stop protection, when the dry run looked it up (DescribeInstanceAttribute). */
  disableApiStop?: boolean | undefined;
}

/** States an instance can be stopped or started from, eventually; terminated ones are gone. */
const LIVE_STATES = ['pending', 'running', 'stopping', 'stopped'];
const PAGE_SIZE = 1000;

function toInstance(i: Instance): Ec2Instance | undefined {
  if (i.InstanceId === undefined) return undefined;
  const tags = tagsFromList(i.Tags);
  return {
    id: i.InstanceId,
    state: i.State?.Name ?? 'unknown',
    instanceType: i.InstanceType,
    name: tags.Name,
    tags,
    hibernationConfigured: i.HibernationOptions?.Configured === true,
    rootDeviceType: i.RootDeviceType,
    spotRequestId: i.InstanceLifecycle === 'spot' ? i.SpotInstanceRequestId : undefined,
  };
}

/** Every page of one DescribeInstances query (1,000 per page: 1,000 instances are one call). */
async function describeAll(
  target: AwsTarget<Ec2Api>,
  filters: DescribeFilter[],
): Promise<Ec2Instance[]> {
  const out: Ec2Instance[] = [];
  const input = { Filters: filters, MaxResults: PAGE_SIZE };
  const { EC2Client, paginateDescribeInstances } = await import('@aws-sdk/client-ec2');
  for await (const page of sdkPages(
    paginateDescribeInstances,
    EC2Client,
    (page) => target.api.describeInstances(page),
    input,
  )) {
    for (const reservation of page.Reservations ?? []) {
      for (const raw of reservation.Instances ?? []) {
        const instance = toInstance(raw);
        if (instance !== undefined) out.push(instance);
      }
    }
  }
  return out;
}

/**
 * Instances by id, through the `instance-id` filter rather than `InstanceIds`, so an id that no
 * longer exists is simply absent instead of failing the whole call.
 */
export async function describeByIds(
  target: AwsTarget<Ec2Api>,
  ids: readonly string[],
  extra: DescribeFilter[] = [],
): Promise<Map<string, Ec2Instance>> {
  const found = new Map<string, Ec2Instance>();
  for (const part of chunk([...new Set(ids)], FILTER_VALUES_MAX)) {
    const answer = await describeAll(target, [{ Name: 'instance-id', Values: part }, ...extra]);
    for (const instance of keepSelected(
      answer,
      (i) => inIdList(part)(i.id),
      target.ctx.logger,
      'ec2 instances by id',
    ))
      found.set(instance.id, instance);
  }
  return found;
}

/** The instances a selector picks now (terminated ones excluded), tags matched exactly. */
export async function selectInstances(
  target: AwsTarget<Ec2Api>,
  selector: Ec2Parameters['selector'],
): Promise<Ec2Instance[]> {
  const state: DescribeFilter = { Name: 'instance-state-name', Values: LIVE_STATES };
  const filters = [state, ...tagFilters(selector.tags, selector.tagSelector, true)];
  const candidates =
    selector.instanceIds !== undefined
      ? [...(await describeByIds(target, selector.instanceIds, filters)).values()]
      : await describeAll(target, filters);
  // The state filter is re-applied too: an endpoint that ignores filters also returns terminated ones.
  const selected = keepSelected(
    candidates,
    (i) => LIVE_STATES.includes(i.state) && matchesTags(i.tags, selector),
    target.ctx.logger,
    'ec2 instances',
  );
  await addSpotRequestTypes(target, selected);
  return selected;
}

/**
 * The request type of each Spot Instance (one-time ones cannot be stopped): one
 * DescribeSpotInstanceRequests per 200 Spot Instances, none when there is no Spot Instance.
 */
async function addSpotRequestTypes(
  target: AwsTarget<Ec2Api>,
  instances: Ec2Instance[],
): Promise<void> {
  const spot = instances.filter((i) => i.spotRequestId !== undefined && i.state === 'running');
  const ids = [...new Set(spot.flatMap((i) => i.spotRequestId ?? []))];
  const types = new Map<string, string>();
  for (const part of chunk(ids, FILTER_VALUES_MAX)) {
    const answer = await target.api.describeSpotInstanceRequests({
      Filters: [{ Name: 'spot-instance-request-id', Values: part }],
    });
    const picks = inIdList(part);
    for (const r of keepSelected(
      answer.SpotInstanceRequests ?? [],
      (x) => picks(x.SpotInstanceRequestId ?? ''),
      target.ctx.logger,
      'spot instance requests',
    ))
      if (r.SpotInstanceRequestId !== undefined && r.Type !== undefined)
        types.set(r.SpotInstanceRequestId, r.Type);
  }
  for (const i of spot) i.spotRequestType = types.get(i.spotRequestId ?? '');
}

/** At most this many DescribeInstanceAttribute calls (one per instance) in a dry run. */
export const STOP_PROTECTION_CHECKS_MAX = 50;

/**
 * Stop protection (`disableApiStop`) is not in DescribeInstances: the dry run asks for it per
 * instance, for at most STOP_PROTECTION_CHECKS_MAX instances it would stop. The shutdown does not
 * ask: a protected instance makes StopInstances refuse, and the batch is split (ec2-executor.ts).
 */
export async function addStopProtection(
  target: AwsTarget<Ec2Api>,
  instances: readonly Ec2Instance[],
): Promise<void> {
  for (const i of instances.slice(0, STOP_PROTECTION_CHECKS_MAX)) {
    const answer = await target.api.describeInstanceAttribute({
      InstanceId: i.id,
      Attribute: 'disableApiStop',
    });
    i.disableApiStop = answer.DisableApiStop?.Value === true;
  }
}

/** Why EC2 cannot stop this instance at all, as AWS documents it (StopInstances limitations). */
export function cannotStop(i: Ec2Instance): string | undefined {
  if (i.state === 'shutting-down' || i.state === 'terminated') return `${i.state}: nothing to stop`;
  if (i.rootDeviceType === 'instance-store') return 'instance-store root device cannot be stopped';
  if (i.spotRequestType === 'one-time')
    return `Spot Instance of a one-time request (${i.spotRequestId ?? ''}) cannot be stopped`;
  if (i.disableApiStop === true) return 'stop protection is on (disableApiStop)';
  return undefined;
}

/** Why the ec2 executor must leave an instance alone: another executor (or nobody) owns it. */
export function skipReason(tags: Tags): string | undefined {
  if (isOptedOut(tags)) return 'opted out (hibernator.ardikabs.com/exclude=true)';
  const asg = tags['aws:autoscaling:groupName'];
  const nodegroup = tags['eks:nodegroup-name'];
  const cluster = tags['eks:cluster-name'];
  const nodepool = tags['karpenter.sh/nodepool'] ?? tags['karpenter.sh/provisioner-name'];
  if (nodepool !== undefined)
    return `Karpenter node of NodePool ${nodepool}${cluster ? ` in EKS cluster ${cluster}` : ''}: use a karpenter target`;
  if (nodegroup !== undefined)
    return `node of EKS node group ${nodegroup}${cluster ? ` (cluster ${cluster})` : ''}: use an eks target`;
  if (asg !== undefined) return `member of ASG ${asg}: use an asg target`;
  if (cluster !== undefined)
    return `node of EKS cluster ${cluster}: use an eks or karpenter target`;
  return undefined;
}

export type Ec2Action = 'stop' | 'hibernate' | 'skip';

export interface Ec2Decision {
  instance: Ec2Instance;
  action: Ec2Action;
  /** Reported to the restore point (the ones we would stop, and the already-stopped ones). */
  capture: boolean;
  description: string;
}

function label(i: Ec2Instance): string {
  return [i.state, i.instanceType, i.name === undefined ? undefined : `Name=${i.name}`]
    .filter((x) => x !== undefined)
    .join(', ');
}

/** What shutdown does to one instance; discover shows exactly this. */
export function decide(instance: Ec2Instance, hibernate: boolean): Ec2Decision {
  const reason = skipReason(instance.tags) ?? cannotStop(instance);
  if (reason !== undefined)
    return {
      instance,
      action: 'skip',
      capture: false,
      description: `skip ${instance.id}: ${reason}`,
    };
  if (instance.state === 'stopped' || instance.state === 'stopping') {
    return {
      instance,
      action: 'skip',
      capture: true,
      description: `skip ${instance.id}: already ${instance.state}`,
    };
  }
  if (hibernate && instance.hibernationConfigured) {
    return {
      instance,
      action: 'hibernate',
      capture: true,
      description: `hibernate ${instance.id} (${label(instance)})`,
    };
  }
  const note = hibernate ? '; hibernation is not configured for it, so it is stopped instead' : '';
  return {
    instance,
    action: 'stop',
    capture: true,
    description: `stop ${instance.id} (${label(instance)})${note}`,
  };
}
