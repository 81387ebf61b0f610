import { AwsError } from './aws-error';
import { createGroup, updateGroupSize } from './asg-model';
import type {
  EksCluster,
  EksNodegroup,
  EksUpdate,
  RegionState,
  ScalingConfig,
  Tags,
} from './types';
import type { AwsWorld } from './world';

/**
 * EKS clusters and managed node groups. Each node group is backed by an Auto Scaling group named
 * `eks-<nodegroup>-<uuid>` (as EKS does), so a scaling change reaches real emulated EC2 nodes:
 * UpdateNodegroupConfig starts an update (`InProgress`, node group `UPDATING`); when it completes
 * the new sizes apply to the node group and its Auto Scaling group, which then launches or
 * terminates nodes.
 */
export interface NodegroupSpec {
  name: string;
  minSize: number;
  maxSize: number;
  desiredSize: number;
  instanceTypes: string[];
  capacityType: string;
  labels: Tags;
  tags: Tags;
}

export interface ClusterSpec {
  name: string;
  version: string;
  endpoint?: string;
  certificateAuthority?: string;
  tags: Tags;
}

/** A syntactically valid PEM so clients that decode the CA do not choke; it trusts nothing. */
const PLACEHOLDER_CA = Buffer.from(
  '-----BEGIN CERTIFICATE-----\nTUlJQ0VtdWxhdG9yUGxhY2Vob2xkZXJDZXJ0aWZpY2F0ZQ==\n-----END CERTIFICATE-----\n',
  'utf8',
).toString('base64');

export function createEksCluster(
  world: AwsWorld,
  state: RegionState,
  spec: ClusterSpec,
): EksCluster {
  const cluster: EksCluster = {
    name: spec.name,
    arn: `arn:aws:eks:${state.region}:${state.accountId}:cluster/${spec.name}`,
    version: spec.version,
    platformVersion: 'eks.20',
    endpoint:
      spec.endpoint ??
      `https://${world.ids.hex(32).toUpperCase()}.gr7.${state.region}.eks.amazonaws.com`,
    certificateAuthority: spec.certificateAuthority ?? PLACEHOLDER_CA,
    status: 'ACTIVE',
    roleArn: `arn:aws:iam::${state.accountId}:role/${spec.name}-cluster-role`,
    createdAt: world.now(),
    tags: { ...spec.tags },
    nodegroups: new Map(),
    updates: new Map(),
  };
  state.eks.set(cluster.name, cluster);
  return cluster;
}

export function createNodegroup(
  world: AwsWorld,
  state: RegionState,
  cluster: EksCluster,
  spec: NodegroupSpec,
): EksNodegroup {
  const uuid = world.ids.uuid();
  const asgName = `eks-${spec.name}-${uuid}`;
  const nodegroup: EksNodegroup = {
    name: spec.name,
    arn: `arn:aws:eks:${state.region}:${state.accountId}:nodegroup/${cluster.name}/${spec.name}/${uuid}`,
    clusterName: cluster.name,
    status: 'ACTIVE',
    scaling: { minSize: spec.minSize, maxSize: spec.maxSize, desiredSize: spec.desiredSize },
    instanceTypes: spec.instanceTypes,
    capacityType: spec.capacityType,
    amiType: 'AL2023_x86_64_STANDARD',
    labels: { ...spec.labels },
    tags: { ...spec.tags },
    nodeRole: `arn:aws:iam::${state.accountId}:role/${cluster.name}-node-role`,
    subnets: ['subnet-0a1234567890abcd', 'subnet-0b1234567890abcd'],
    version: cluster.version,
    releaseVersion: `${cluster.version}.0-20261101`,
    createdAt: world.now(),
    modifiedAt: world.now(),
    asgName,
  };
  cluster.nodegroups.set(nodegroup.name, nodegroup);
  const owned = (key: string, value: string) => ({ key, value, propagate: true });
  createGroup(world, state, {
    name: asgName,
    minSize: spec.minSize,
    maxSize: spec.maxSize,
    desiredCapacity: spec.desiredSize,
    instanceType: spec.instanceTypes[0] ?? 't3.medium',
    tags: [
      owned('eks:cluster-name', cluster.name),
      owned('eks:nodegroup-name', spec.name),
      owned('k8s.io/cluster-autoscaler/enabled', 'true'),
      owned(`k8s.io/cluster-autoscaler/${cluster.name}`, 'owned'),
      owned(`kubernetes.io/cluster/${cluster.name}`, 'owned'),
    ],
    adopt: (i) =>
      i.tags['eks:nodegroup-name'] === spec.name && i.tags['eks:cluster-name'] === cluster.name,
  });
  return nodegroup;
}

export interface NodegroupConfigRequest {
  scalingConfig?: Partial<ScalingConfig>;
  labels?: { addOrUpdateLabels?: Tags; removeLabels?: string[] };
}

export function updateNodegroupConfig(
  world: AwsWorld,
  state: RegionState,
  cluster: EksCluster,
  nodegroup: EksNodegroup,
  request: NodegroupConfigRequest,
): EksUpdate {
  const fields = { clusterName: cluster.name, nodegroupName: nodegroup.name };
  if (nodegroup.activeUpdateId !== undefined) {
    throw new AwsError(
      'ResourceInUseException',
      `Cannot ConfigUpdate because nodegroup ${nodegroup.name} currently has update ${nodegroup.activeUpdateId} in progress`,
      409,
      fields,
    );
  }
  const target = validateScaling(
    { ...nodegroup.scaling, ...(request.scalingConfig ?? {}) },
    fields,
  );
  const params: EksUpdate['params'] = [];
  const sc = request.scalingConfig ?? {};
  if (sc.minSize !== undefined) params.push({ type: 'MinSize', value: String(sc.minSize) });
  if (sc.maxSize !== undefined) params.push({ type: 'MaxSize', value: String(sc.maxSize) });
  if (sc.desiredSize !== undefined)
    params.push({ type: 'DesiredSize', value: String(sc.desiredSize) });
  const add = request.labels?.addOrUpdateLabels ?? {};
  const remove = request.labels?.removeLabels ?? [];
  if (Object.keys(add).length > 0) params.push({ type: 'LabelsToAdd', value: JSON.stringify(add) });
  if (remove.length > 0) params.push({ type: 'LabelsToRemove', value: JSON.stringify(remove) });
  if (params.length === 0)
    throw new AwsError('InvalidParameterException', 'No changes needed', 400, fields);

  const update: EksUpdate = {
    id: world.ids.uuid(),
    status: 'InProgress',
    type: 'ConfigUpdate',
    params,
    createdAt: world.now(),
    nodegroupName: nodegroup.name,
  };
  cluster.updates.set(update.id, update);
  nodegroup.activeUpdateId = update.id;
  nodegroup.status = 'UPDATING';
  world.after(state, `eks/${cluster.name}/${nodegroup.name}`, world.timings.eksUpdate, (at) => {
    nodegroup.scaling = target;
    for (const [k, v] of Object.entries(add)) nodegroup.labels[k] = v;
    for (const k of remove) delete nodegroup.labels[k];
    nodegroup.status = 'ACTIVE';
    nodegroup.modifiedAt = at;
    nodegroup.activeUpdateId = undefined;
    update.status = 'Successful';
    const group = state.asg.get(nodegroup.asgName);
    if (group !== undefined) {
      updateGroupSize(world, state, group, {
        minSize: target.minSize,
        maxSize: target.maxSize,
        desiredCapacity: target.desiredSize,
      });
    }
  });
  return update;
}

/** The size rules EKS enforces; messages follow what the EKS API answers. */
function validateScaling(s: ScalingConfig, fields: Record<string, string>): ScalingConfig {
  const invalid = (message: string) =>
    new AwsError('InvalidParameterException', message, 400, fields);
  for (const [name, value] of Object.entries(s)) {
    if (!Number.isInteger(value) || value < 0)
      throw invalid(`${name} must be a non-negative integer`);
  }
  if (s.maxSize < 1) throw invalid(`Maximum capacity ${s.maxSize} can't be less than 1`);
  if (s.minSize > s.maxSize)
    throw invalid(
      `Minimum capacity ${s.minSize} can't be greater than maximum capacity ${s.maxSize}`,
    );
  if (s.minSize > s.desiredSize)
    throw invalid(
      `Minimum capacity ${s.minSize} can't be greater than desired size ${s.desiredSize}`,
    );
  if (s.desiredSize > s.maxSize)
    throw invalid(`Desired capacity ${s.desiredSize} can't be greater than max size ${s.maxSize}`);
  return { minSize: s.minSize, maxSize: s.maxSize, desiredSize: s.desiredSize };
}
