import type { AwsWorld } from './world';
import type { Ec2Instance, Ec2StateName, RegionState, Tags } from './types';

/** EC2's numeric state codes (the low byte of `instanceState.code`). */
export const EC2_STATE_CODES: Record<Ec2StateName, number> = {
  pending: 0,
  running: 16,
  'shutting-down': 32,
  terminated: 48,
  stopping: 64,
  stopped: 80,
};

export interface Ec2StateChange {
  instanceId: string;
  previous: Ec2StateName;
  current: Ec2StateName;
}

export interface NewInstanceSpec {
  instanceId?: string;
  instanceType: string;
  imageId: string;
  state: Ec2StateName;
  tags: Tags;
  launchTime?: number;
  hibernation: boolean;
  availabilityZone?: string;
  rootDeviceType?: 'ebs' | 'instance-store';
  spot?: { requestId: string; type: 'one-time' | 'persistent' };
  disableApiStop?: boolean;
}

export function createInstance(
  world: AwsWorld,
  state: RegionState,
  spec: NewInstanceSpec,
): Ec2Instance {
  const zone = spec.availabilityZone ?? `${state.region}a`;
  const instance: Ec2Instance = {
    instanceId: spec.instanceId ?? world.ids.instanceId(),
    reservationId: world.ids.reservationId(),
    ownerId: state.accountId,
    imageId: spec.imageId,
    instanceType: spec.instanceType,
    state: spec.state,
    launchTime: spec.launchTime ?? world.now(),
    availabilityZone: zone,
    subnetId: `subnet-0${zone.endsWith('b') ? 'b' : 'a'}1234567890abcd`,
    vpcId: 'vpc-0a1b2c3d4e5f67890',
    privateIpAddress: world.ids.privateIp(),
    hibernationConfigured: spec.hibernation,
    rootDeviceType: spec.rootDeviceType ?? 'ebs',
    ...(spec.spot === undefined ? {} : { spot: { ...spec.spot } }),
    disableApiStop: spec.disableApiStop ?? false,
    tags: { ...spec.tags },
    stateTransitionReason: '',
  };
  if (spec.state === 'stopped') setStoppedReason(instance, false, instance.launchTime);
  state.ec2.set(instance.instanceId, instance);
  return instance;
}

/** Starts the `pending` → `running` transition of a newly launched or started instance. */
export function scheduleRunning(
  world: AwsWorld,
  state: RegionState,
  instance: Ec2Instance,
  onRunning?: (at: number) => void,
): void {
  world.after(state, `ec2/${instance.instanceId}`, world.timings.ec2Start, (at) => {
    if (instance.state !== 'pending') return;
    instance.state = 'running';
    onRunning?.(at);
  });
}

/**
 * StopInstances on one instance already validated as stoppable: AWS answers with the state it moved
 * the instance to, or its current state when it was already stopping/stopped (a no-op success).
 */
export function stopInstance(
  world: AwsWorld,
  state: RegionState,
  instance: Ec2Instance,
  hibernate: boolean,
): Ec2StateChange {
  const previous = instance.state;
  if (previous === 'stopping' || previous === 'stopped')
    return { instanceId: instance.instanceId, previous, current: previous };
  instance.state = 'stopping';
  instance.stateTransitionReason = `User initiated (${gmt(world.now())})`;
  world.after(state, `ec2/${instance.instanceId}`, world.timings.ec2Stop, (at) => {
    if (instance.state !== 'stopping') return;
    instance.state = 'stopped';
    setStoppedReason(instance, hibernate, at);
  });
  return { instanceId: instance.instanceId, previous, current: 'stopping' };
}

/** StartInstances on one validated instance; already pending/running is a no-op success. */
export function startInstance(
  world: AwsWorld,
  state: RegionState,
  instance: Ec2Instance,
): Ec2StateChange {
  const previous = instance.state;
  if (previous === 'pending' || previous === 'running')
    return { instanceId: instance.instanceId, previous, current: previous };
  instance.state = 'pending';
  instance.stateReason = undefined;
  instance.stateTransitionReason = '';
  // AWS reports the time of the most recent start as launchTime.
  instance.launchTime = world.now();
  scheduleRunning(world, state, instance);
  return { instanceId: instance.instanceId, previous, current: 'pending' };
}

/** Terminates an instance (used by Auto Scaling scale-in); it stays visible as `terminated` for an hour. */
export function terminateInstance(
  world: AwsWorld,
  state: RegionState,
  instance: Ec2Instance,
  onTerminated?: (at: number) => void,
): void {
  if (instance.state === 'terminated' || instance.state === 'shutting-down') return;
  instance.state = 'shutting-down';
  instance.stateTransitionReason = `User initiated (${gmt(world.now())})`;
  world.after(state, `ec2/${instance.instanceId}`, world.timings.ec2Stop, (at) => {
    instance.state = 'terminated';
    instance.stateReason = {
      code: 'Client.UserInitiatedShutdown',
      message: 'Client.UserInitiatedShutdown: User initiated shutdown',
    };
    onTerminated?.(at);
    world.after(
      state,
      `ec2/${instance.instanceId}`,
      world.timings.terminatedVisible,
      () => state.ec2.delete(instance.instanceId),
      at,
    );
  });
}

function setStoppedReason(instance: Ec2Instance, hibernate: boolean, at: number): void {
  const code = hibernate ? 'Client.UserInitiatedHibernate' : 'Client.UserInitiatedShutdown';
  const text = hibernate ? 'User initiated hibernate' : 'User initiated shutdown';
  instance.stateReason = { code, message: `${code}: ${text}` };
  if (instance.stateTransitionReason === '')
    instance.stateTransitionReason = `User initiated (${gmt(at)})`;
}

/** AWS's `reason` timestamp format: `2026-11-26 10:54:36 GMT`. */
function gmt(epochMs: number): string {
  return `${new Date(epochMs).toISOString().slice(0, 19).replace('T', ' ')} GMT`;
}
