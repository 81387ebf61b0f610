import { AwsError } from './aws-error';
import { createInstance, scheduleRunning, terminateInstance } from './ec2-model';
import type { AsgGroup, Ec2Instance, RegionState } from './types';
import type { AwsWorld } from './world';

/**
 * Auto Scaling groups own real emulated EC2 instances: members carry the
 * `aws:autoscaling:groupName` tag, scale-out launches instances (`Pending` → `InService`) and
 * scale-in terminates them (`Terminating`, then gone), so a group's instance list follows its
 * desired capacity after the transition delay.
 */
export const ASG_NAME_TAG = 'aws:autoscaling:groupName';

export interface NewGroupSpec {
  name: string;
  minSize: number;
  maxSize: number;
  desiredCapacity: number;
  instanceType: string;
  availabilityZones?: string[];
  tags: Array<{ key: string; value: string; propagate: boolean }>;
  /** Seeded instances that belong to this group (besides those already tagged with its name). */
  adopt?: (instance: Ec2Instance) => boolean;
}

export function createGroup(world: AwsWorld, state: RegionState, spec: NewGroupSpec): AsgGroup {
  if (
    spec.minSize > spec.maxSize ||
    spec.desiredCapacity < spec.minSize ||
    spec.desiredCapacity > spec.maxSize
  ) {
    throw new Error(`seed: Auto Scaling group ${spec.name} needs min <= desired <= max`);
  }
  const group: AsgGroup = {
    name: spec.name,
    arn: `arn:aws:autoscaling:${state.region}:${state.accountId}:autoScalingGroup:${world.ids.uuid()}:autoScalingGroupName/${spec.name}`,
    minSize: spec.minSize,
    maxSize: spec.maxSize,
    desiredCapacity: spec.desiredCapacity,
    instanceType: spec.instanceType,
    availabilityZones: spec.availabilityZones ?? [`${state.region}a`, `${state.region}b`],
    createdAt: world.now(),
    tags: spec.tags,
    members: new Map(),
  };
  state.asg.set(group.name, group);
  for (const instance of state.ec2.values()) {
    const tagged = instance.tags[ASG_NAME_TAG] === spec.name;
    if (instance.state === 'terminated' || !(tagged || (spec.adopt?.(instance) ?? false))) continue;
    instance.tags[ASG_NAME_TAG] = spec.name;
    group.members.set(instance.instanceId, 'InService');
  }
  // A seeded group is already at capacity: top it up with running instances, no transition.
  while (group.members.size < group.desiredCapacity) {
    const instance = launch(world, state, group, 'running');
    group.members.set(instance.instanceId, 'InService');
  }
  return group;
}

export interface SizeUpdate {
  minSize?: number;
  maxSize?: number;
  desiredCapacity?: number;
}

/** UpdateAutoScalingGroup's size rules, from the API reference, then a scaling activity. */
export function updateGroupSize(
  world: AwsWorld,
  state: RegionState,
  group: AsgGroup,
  update: SizeUpdate,
): void {
  const minSize = update.minSize ?? group.minSize;
  const maxSize = update.maxSize ?? group.maxSize;
  if (minSize > maxSize) {
    throw new AwsError(
      'ValidationError',
      `Max bound, ${maxSize}, must be greater than or equal to min bound, ${minSize}`,
    );
  }
  let desired = update.desiredCapacity;
  if (desired === undefined) {
    // A new MinSize above the current capacity raises it; a new MaxSize below it lowers it.
    desired = group.desiredCapacity;
    if (update.minSize !== undefined && minSize > desired) desired = minSize;
    if (update.maxSize !== undefined && maxSize < desired) desired = maxSize;
  } else if (desired < minSize || desired > maxSize) {
    throw new AwsError(
      'ValidationError',
      `Desired capacity:${desired} must be between the specified min size:${minSize} and max size:${maxSize}`,
    );
  }
  group.minSize = minSize;
  group.maxSize = maxSize;
  group.desiredCapacity = desired;
  reconcileGroup(world, state, group);
}

export function reconcileGroup(world: AwsWorld, state: RegionState, group: AsgGroup): void {
  const active = [...group.members]
    .filter(([, lifecycle]) => lifecycle !== 'Terminating')
    .map(([id]) => id);
  for (let n = active.length; n < group.desiredCapacity; n += 1) {
    const instance = launch(world, state, group, 'pending');
    group.members.set(instance.instanceId, 'Pending');
    scheduleRunning(world, state, instance, () => {
      if (group.members.get(instance.instanceId) === 'Pending')
        group.members.set(instance.instanceId, 'InService');
    });
  }
  // Scale in newest first: deterministic, and it keeps the instances a test seeded by name.
  for (const id of active.slice(group.desiredCapacity).reverse()) {
    const instance = state.ec2.get(id);
    group.members.set(id, 'Terminating');
    if (instance === undefined) {
      group.members.delete(id);
      continue;
    }
    terminateInstance(world, state, instance, () => group.members.delete(id));
  }
}

function launch(
  world: AwsWorld,
  state: RegionState,
  group: AsgGroup,
  initial: 'pending' | 'running',
): Ec2Instance {
  const tags: Record<string, string> = {};
  for (const tag of group.tags) if (tag.propagate) tags[tag.key] = tag.value;
  tags[ASG_NAME_TAG] = group.name;
  const zone = group.availabilityZones[group.members.size % group.availabilityZones.length];
  return createInstance(world, state, {
    instanceType: group.instanceType,
    imageId: 'ami-0abcdef1234567890',
    state: initial,
    tags,
    hibernation: false,
    ...(zone === undefined ? {} : { availabilityZone: zone }),
  });
}
