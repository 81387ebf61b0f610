import type { AutoScalingGroup } from '@aws-sdk/client-auto-scaling';
import type { AsgParameters } from '../../../../shared/model';
import type { AwsTarget } from '../aws-common/aws-target';
import type { AsgApi } from './asg-api';
import { waitUntil, type AwaitSettings, type Pending } from '../aws-common/await-completion';
import { chunk } from '../aws-common/batching';
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

export interface Scaling {
  min: number;
  max: number;
  desired: number;
}

export interface Group {
  name: string;
  scaling: Scaling;
  tags: Tags;
  /** Member instances, those still terminating included (they still run). */
  instances: number;
  inService: number;
}

function toGroup(g: AutoScalingGroup): Group | undefined {
  if (g.AutoScalingGroupName === undefined) return undefined;
  const instances = g.Instances ?? [];
  return {
    name: g.AutoScalingGroupName,
    scaling: { min: g.MinSize ?? 0, max: g.MaxSize ?? 0, desired: g.DesiredCapacity ?? 0 },
    tags: tagsFromList(g.Tags),
    instances: instances.length,
    inService: instances.filter((i) => i.LifecycleState === 'InService').length,
  };
}

const PAGE = 100;
/** AutoScalingGroupNames takes up to 1,600 names; smaller chunks keep each answer a page or two. */
const NAMES_PER_CALL = 100;

async function describe(
  target: AwsTarget<AsgApi>,
  names: string[] | undefined,
  filters: DescribeFilter[],
): Promise<Group[]> {
  const input = {
    MaxRecords: PAGE,
    ...(names ? { AutoScalingGroupNames: names } : {}),
    ...(filters.length > 0 ? { Filters: filters } : {}),
  };
  const out: Group[] = [];
  const { AutoScalingClient, paginateDescribeAutoScalingGroups } =
    await import('@aws-sdk/client-auto-scaling');
  for await (const page of sdkPages(
    paginateDescribeAutoScalingGroups,
    AutoScalingClient,
    (page) => target.api.describeAutoScalingGroups(page),
    input,
  )) {
    for (const raw of page.AutoScalingGroups ?? []) {
      const g = toGroup(raw);
      if (g !== undefined) out.push(g);
    }
  }
  return out;
}

/**
 * Groups by name; unknown names are simply absent (Auto Scaling does not fail the call). Only the
 * names asked for are kept: an endpoint that ignores AutoScalingGroupNames answers with them all.
 */
export async function describeByNames(
  target: AwsTarget<AsgApi>,
  names: readonly string[],
): Promise<Map<string, Group>> {
  const found = new Map<string, Group>();
  for (const part of chunk([...new Set(names)], NAMES_PER_CALL))
    for (const g of keepSelected(
      await describe(target, part, []),
      (x) => inIdList(part)(x.name),
      target.ctx.logger,
      'Auto Scaling groups by name',
    ))
      found.set(g.name, g);
  return found;
}

export async function selectGroups(
  target: AwsTarget<AsgApi>,
  selector: AsgParameters['selector'],
): Promise<{ groups: Group[]; missing: string[] }> {
  const filters = tagFilters(selector.tags, selector.tagSelector, false);
  if (selector.names !== undefined) {
    const found = await describeByNames(target, selector.names);
    const groups = keepSelected(
      [...found.values()],
      (g) => matchesTags(g.tags, selector),
      target.ctx.logger,
      'Auto Scaling groups',
    );
    return { groups, missing: selector.names.filter((n) => !found.has(n)) };
  }
  const groups = keepSelected(
    await describe(target, undefined, filters),
    (g) => matchesTags(g.tags, selector),
    target.ctx.logger,
    'Auto Scaling groups',
  );
  return { groups, missing: [] };
}

export async function updateGroup(
  target: AwsTarget<AsgApi>,
  name: string,
  scaling: Partial<Scaling>,
): Promise<void> {
  await target.api.updateAutoScalingGroup({
    AutoScalingGroupName: name,
    ...(scaling.min === undefined ? {} : { MinSize: scaling.min }),
    ...(scaling.max === undefined ? {} : { MaxSize: scaling.max }),
    ...(scaling.desired === undefined ? {} : { DesiredCapacity: scaling.desired }),
  });
}

/** Waits until each group has no instance left (terminating ones count) or `inService` instances in service. */
export async function waitForGroups(
  target: AwsTarget<AsgApi>,
  wants: ReadonlyArray<{ name: string; inService: number }>,
  desired: string,
  settings: AwaitSettings,
  intervalMs: number,
): Promise<void> {
  if (wants.length === 0) return;
  await waitUntil({
    ctx: target.ctx,
    timeoutMs: settings.timeoutMs,
    intervalMs,
    desired,
    noun: 'Auto Scaling group',
    check: async (): Promise<Pending[]> => {
      const now = await describeByNames(
        target,
        wants.map((w) => w.name),
      );
      return wants.flatMap((w) => {
        const g = now.get(w.name);
        if (g === undefined) return [];
        const done = w.inService === 0 ? g.instances === 0 : g.inService >= w.inService;
        return done
          ? []
          : [
              {
                id: w.name,
                state: `at ${g.inService} in service, ${g.instances} instance(s) in all`,
              },
            ];
      });
    },
  });
}

export type AsgAction = 'scale' | 'skip';

export interface AsgDecision {
  group: Group;
  action: AsgAction;
  capture: boolean;
  description: string;
}

export function decide(g: Group): AsgDecision {
  const s = g.scaling;
  if (isOptedOut(g.tags))
    return {
      group: g,
      action: 'skip',
      capture: false,
      description: `skip ${g.name}: opted out (hibernator.ardikabs.com/exclude=true)`,
    };
  const nodegroup = g.tags['eks:nodegroup-name'];
  if (nodegroup !== undefined) {
    return {
      group: g,
      action: 'skip',
      capture: false,
      description: `skip ${g.name}: managed by EKS node group ${nodegroup}: use an eks target`,
    };
  }
  if (s.min === 0 && s.desired === 0)
    return {
      group: g,
      action: 'skip',
      capture: true,
      description: `skip ${g.name}: already scaled to 0 (max ${s.max})`,
    };
  return {
    group: g,
    action: 'scale',
    capture: true,
    description: `scale ${g.name} to 0 (min ${s.min} → 0, desired ${s.desired} → 0, max ${s.max} unchanged)`,
  };
}
