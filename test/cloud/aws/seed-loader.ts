import { createGroup } from './asg-model';
import { createInstance } from './ec2-model';
import { createEksCluster, createNodegroup } from './eks-model';
import {
  defaultEngineVersion,
  defaultPort,
  markClusterStopped,
  markInstanceStopped,
  rdsArn,
} from './rds-model';
import type { ParsedAwsSeed, RegionResourcesSeed } from './seed-schema';
import type { RdsInstance, RegionState } from './types';
import type { AwsWorld } from './world';

/**
 * Builds the world from a parsed seed. Order matters: EC2 instances first so Auto Scaling groups
 * and node groups can adopt the ones tagged as theirs; RDS instances before clusters so seeded
 * members are reused.
 */
export function loadSeed(world: AwsWorld, seed: ParsedAwsSeed): void {
  loadRegion(world, world.region(seed.accountId, seed.region), seed);
  for (const [region, resources] of Object.entries(seed.regions))
    loadRegion(world, world.region(seed.accountId, region), resources);
  for (const account of seed.accounts) {
    for (const [region, resources] of Object.entries(account.regions))
      loadRegion(world, world.region(account.id, region), resources);
  }
}

function loadRegion(world: AwsWorld, state: RegionState, resources: RegionResourcesSeed): void {
  for (const spec of resources.ec2?.instances ?? []) {
    if (spec.instanceId !== undefined && state.ec2.has(spec.instanceId))
      throw new Error(`seed: duplicate EC2 instance ${spec.instanceId}`);
    createInstance(world, state, {
      ...(spec.instanceId === undefined ? {} : { instanceId: spec.instanceId }),
      instanceType: spec.instanceType,
      imageId: spec.imageId,
      state: spec.state,
      tags: spec.tags,
      hibernation: spec.hibernation,
      rootDeviceType: spec.rootDeviceType,
      disableApiStop: spec.disableApiStop,
      ...(spec.spot === undefined ? {} : { spot: spec.spot }),
      ...(spec.launchTime === undefined ? {} : { launchTime: new Date(spec.launchTime).getTime() }),
      ...(spec.availabilityZone === undefined ? {} : { availabilityZone: spec.availabilityZone }),
    });
  }
  for (const group of resources.autoscaling?.groups ?? []) {
    createGroup(world, state, {
      name: group.name,
      minSize: group.minSize,
      maxSize: group.maxSize,
      desiredCapacity: group.desiredCapacity,
      instanceType: group.instanceType,
      ...(group.availabilityZones === undefined
        ? {}
        : { availabilityZones: group.availabilityZones }),
      tags: Object.entries(group.tags).map(([key, value]) => ({ key, value, propagate: true })),
    });
  }
  for (const spec of resources.eks?.clusters ?? []) {
    const cluster = createEksCluster(world, state, {
      name: spec.name,
      version: spec.version,
      tags: spec.tags,
      ...(spec.endpoint === undefined ? {} : { endpoint: spec.endpoint }),
      ...(spec.certificateAuthority === undefined
        ? {}
        : { certificateAuthority: spec.certificateAuthority }),
    });
    for (const ng of spec.nodegroups) {
      if (ng.minSize > ng.desiredSize || ng.desiredSize > ng.maxSize)
        throw new Error(`seed: node group ${ng.name} needs min <= desired <= max`);
      createNodegroup(world, state, cluster, ng);
    }
  }
  loadRds(world, state, resources);
}

function loadRds(world: AwsWorld, state: RegionState, resources: RegionResourcesSeed): void {
  const rds = resources.rds;
  if (rds === undefined) return;
  for (const spec of rds.instances) {
    const id = spec.id.toLowerCase();
    const instance: RdsInstance = {
      id,
      arn: rdsArn(state, 'db', id),
      resourceId: world.ids.dbResourceId(),
      engine: spec.engine,
      engineVersion: spec.engineVersion ?? defaultEngineVersion(spec.engine),
      instanceClass: spec.instanceClass,
      status: spec.status,
      multiAZ: spec.multiAZ,
      allocatedStorage: spec.allocatedStorage,
      availabilityZone: `${state.region}a`,
      port: defaultPort(spec.engine),
      masterUsername: 'postgres',
      createdAt: world.now(),
      tags: { ...spec.tags },
      ...(spec.clusterId === undefined ? {} : { clusterId: spec.clusterId.toLowerCase() }),
      ...(spec.readReplicaSourceId === undefined
        ? {}
        : { readReplicaSourceId: spec.readReplicaSourceId.toLowerCase() }),
    };
    state.rds.instances.set(id, instance);
  }
  for (const spec of rds.clusters) {
    const id = spec.id.toLowerCase();
    const members = spec.members.map((m) => (typeof m === 'string' ? { id: m } : m));
    const writerIndex = Math.max(
      0,
      members.findIndex((m) => m.writer === true),
    );
    const engineVersion = spec.engineVersion ?? defaultEngineVersion(spec.engine);
    state.rds.clusters.set(id, {
      id,
      arn: rdsArn(state, 'cluster', id),
      resourceId: world.ids.clusterResourceId(),
      engine: spec.engine,
      engineVersion,
      engineMode: spec.engineMode,
      status: spec.status,
      members: members.map((m, i) => ({
        instanceId: m.id.toLowerCase(),
        writer: i === writerIndex,
      })),
      port: defaultPort(spec.engine),
      masterUsername: 'postgres',
      createdAt: world.now(),
      tags: { ...spec.tags },
    });
    for (const member of members) {
      const memberId = member.id.toLowerCase();
      const existing = state.rds.instances.get(memberId);
      if (existing !== undefined) {
        existing.clusterId = id;
        existing.status = spec.status;
        continue;
      }
      state.rds.instances.set(memberId, {
        id: memberId,
        arn: rdsArn(state, 'db', memberId),
        resourceId: world.ids.dbResourceId(),
        engine: spec.engine,
        engineVersion,
        instanceClass: member.instanceClass ?? 'db.r6g.large',
        status: spec.status,
        multiAZ: false,
        clusterId: id,
        allocatedStorage: 1,
        availabilityZone: `${state.region}a`,
        port: defaultPort(spec.engine),
        masterUsername: 'postgres',
        createdAt: world.now(),
        tags: { ...spec.tags },
      });
    }
  }
  // A seeded stopped database counts as stopped at seed time: AWS will start it in 7 days.
  for (const instance of state.rds.instances.values()) {
    if (instance.status === 'stopped' && instance.clusterId === undefined)
      markInstanceStopped(world, state, instance, world.now());
  }
  for (const cluster of state.rds.clusters.values()) {
    if (cluster.status === 'stopped') markClusterStopped(world, state, cluster, world.now());
  }
}
