import type { RegionState, Tags } from './types';
import type { AwsWorld } from './world';

/** A JSON-safe snapshot of all emulated resources, for assertions and the control API. */
export interface Ec2InstanceDump {
  instanceId: string;
  state: string;
  instanceType: string;
  launchTime: string;
  hibernationConfigured: boolean;
  tags: Tags;
  stateReason?: string;
}

export interface RdsInstanceDump {
  id: string;
  status: string;
  engine: string;
  clusterId?: string;
  readReplicaSourceId?: string;
  multiAZ: boolean;
  tags: Tags;
  automaticRestartTime?: string;
}

export interface RdsClusterDump {
  id: string;
  status: string;
  engine: string;
  members: string[];
  tags: Tags;
  automaticRestartTime?: string;
}

export interface NodegroupDump {
  name: string;
  status: string;
  minSize: number;
  maxSize: number;
  desiredSize: number;
  autoScalingGroup: string;
  labels: Tags;
}

export interface RegionDump {
  accountId: string;
  region: string;
  ec2: { instances: Ec2InstanceDump[] };
  rds: {
    instances: RdsInstanceDump[];
    clusters: RdsClusterDump[];
    snapshots: Array<{ id: string; instanceId: string; status: string }>;
    clusterSnapshots: Array<{ id: string; clusterId: string; status: string }>;
  };
  eks: {
    clusters: Array<{
      name: string;
      status: string;
      endpoint: string;
      nodegroups: NodegroupDump[];
      updates: Array<{ id: string; status: string; nodegroupName?: string }>;
    }>;
  };
  autoscaling: {
    groups: Array<{
      name: string;
      minSize: number;
      maxSize: number;
      desiredCapacity: number;
      instances: Array<{ instanceId: string; lifecycleState: string }>;
    }>;
  };
}

export interface AwsStateDump {
  now: string;
  nowMs: number;
  pendingTransitions: number;
  regions: RegionDump[];
}

const iso = (ms: number | undefined): string | undefined =>
  ms === undefined ? undefined : new Date(ms).toISOString();

export function dumpState(world: AwsWorld): AwsStateDump {
  world.settle();
  const now = world.now();
  return {
    now: new Date(now).toISOString(),
    nowMs: now,
    pendingTransitions: world.scheduler.size(),
    regions: world.allRegions().map(dumpRegion),
  };
}

function dumpRegion(s: RegionState): RegionDump {
  return {
    accountId: s.accountId,
    region: s.region,
    ec2: {
      instances: [...s.ec2.values()].map((i) => ({
        instanceId: i.instanceId,
        state: i.state,
        instanceType: i.instanceType,
        launchTime: new Date(i.launchTime).toISOString(),
        hibernationConfigured: i.hibernationConfigured,
        tags: { ...i.tags },
        ...(i.stateReason === undefined ? {} : { stateReason: i.stateReason.code }),
      })),
    },
    rds: {
      instances: [...s.rds.instances.values()].map((i) => ({
        id: i.id,
        status: i.status,
        engine: i.engine,
        multiAZ: i.multiAZ,
        tags: { ...i.tags },
        ...(i.clusterId === undefined ? {} : { clusterId: i.clusterId }),
        ...(i.readReplicaSourceId === undefined
          ? {}
          : { readReplicaSourceId: i.readReplicaSourceId }),
        ...(i.automaticRestartTime === undefined
          ? {}
          : { automaticRestartTime: iso(i.automaticRestartTime) }),
      })),
      clusters: [...s.rds.clusters.values()].map((c) => ({
        id: c.id,
        status: c.status,
        engine: c.engine,
        members: c.members.map((m) => m.instanceId),
        tags: { ...c.tags },
        ...(c.automaticRestartTime === undefined
          ? {}
          : { automaticRestartTime: iso(c.automaticRestartTime) }),
      })),
      clusterSnapshots: [...s.rds.clusterSnapshots.values()].map((x) => ({
        id: x.id,
        clusterId: x.clusterId,
        status: x.status,
      })),
      snapshots: [...s.rds.snapshots.values()].map((x) => ({
        id: x.id,
        instanceId: x.instanceId,
        status: x.status,
      })),
    },
    eks: {
      clusters: [...s.eks.values()].map((c) => ({
        name: c.name,
        status: c.status,
        endpoint: c.endpoint,
        nodegroups: [...c.nodegroups.values()].map((n) => ({
          name: n.name,
          status: n.status,
          ...n.scaling,
          autoScalingGroup: n.asgName,
          labels: { ...n.labels },
        })),
        updates: [...c.updates.values()].map((u) => ({
          id: u.id,
          status: u.status,
          ...(u.nodegroupName === undefined ? {} : { nodegroupName: u.nodegroupName }),
        })),
      })),
    },
    autoscaling: {
      groups: [...s.asg.values()].map((g) => ({
        name: g.name,
        minSize: g.minSize,
        maxSize: g.maxSize,
        desiredCapacity: g.desiredCapacity,
        instances: [...g.members].map(([instanceId, lifecycleState]) => ({
          instanceId,
          lifecycleState,
        })),
      })),
    },
  };
}
