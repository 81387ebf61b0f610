import { z } from 'zod';
import { AwsError } from './aws-error';
import { updateNodegroupConfig } from './eks-model';
import { decodeToken, paginate } from './pagination';
import type { Identity } from './identity';
import type { EksCluster, EksNodegroup, EksUpdate, RegionState } from './types';
import type { AwsWorld } from './world';

/** EKS (rest-json). Timestamps are epoch seconds, the protocol's default. */
export interface RestCall {
  action: string;
  path: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  state: RegionState;
  world: AwsWorld;
  identity: Identity;
}

export interface RestResult {
  status: number;
  body: unknown;
}

interface Route {
  method: string;
  pattern: RegExp;
  names: string[];
  action: string;
  handle: (call: RestCall) => RestResult;
}

const seconds = (ms: number): number => ms / 1000;

function clusterJson(state: RegionState, c: EksCluster): unknown {
  return {
    name: c.name,
    arn: c.arn,
    createdAt: seconds(c.createdAt),
    version: c.version,
    endpoint: c.endpoint,
    roleArn: c.roleArn,
    resourcesVpcConfig: {
      subnetIds: ['subnet-0a1234567890abcd', 'subnet-0b1234567890abcd'],
      securityGroupIds: [],
      clusterSecurityGroupId: 'sg-0emulator0000000',
      vpcId: 'vpc-0a1b2c3d4e5f67890',
      endpointPublicAccess: true,
      endpointPrivateAccess: false,
      publicAccessCidrs: ['0.0.0.0/0'],
    },
    kubernetesNetworkConfig: { serviceIpv4Cidr: '10.100.0.0/16', ipFamily: 'ipv4' },
    logging: {
      clusterLogging: [
        {
          types: ['api', 'audit', 'authenticator', 'controllerManager', 'scheduler'],
          enabled: false,
        },
      ],
    },
    identity: {
      oidc: {
        issuer: `https://oidc.eks.${state.region}.amazonaws.com/id/${c.endpoint.replace(/^https?:\/\//, '').split('.')[0] ?? ''}`,
      },
    },
    status: c.status,
    certificateAuthority: { data: c.certificateAuthority },
    platformVersion: c.platformVersion,
    tags: c.tags,
    accessConfig: { authenticationMode: 'API_AND_CONFIG_MAP' },
    health: { issues: [] },
  };
}

function nodegroupJson(n: EksNodegroup): unknown {
  return {
    nodegroupName: n.name,
    nodegroupArn: n.arn,
    clusterName: n.clusterName,
    version: n.version,
    releaseVersion: n.releaseVersion,
    createdAt: seconds(n.createdAt),
    modifiedAt: seconds(n.modifiedAt),
    status: n.status,
    capacityType: n.capacityType,
    scalingConfig: { ...n.scaling },
    instanceTypes: n.instanceTypes,
    subnets: n.subnets,
    amiType: n.amiType,
    nodeRole: n.nodeRole,
    labels: n.labels,
    resources: { autoScalingGroups: [{ name: n.asgName }] },
    diskSize: 20,
    health: { issues: [] },
    updateConfig: { maxUnavailable: 1 },
    tags: n.tags,
  };
}

function updateJson(u: EksUpdate): unknown {
  return {
    id: u.id,
    status: u.status,
    type: u.type,
    params: u.params,
    createdAt: seconds(u.createdAt),
    errors: [],
  };
}

function findCluster(state: RegionState, name: string): EksCluster {
  const cluster = state.eks.get(name);
  if (cluster === undefined)
    throw new AwsError('ResourceNotFoundException', `No cluster found for name: ${name}.`, 404, {
      clusterName: name,
    });
  return cluster;
}

function findNodegroup(cluster: EksCluster, name: string): EksNodegroup {
  const nodegroup = cluster.nodegroups.get(name);
  if (nodegroup === undefined) {
    throw new AwsError('ResourceNotFoundException', `No node group found for name: ${name}.`, 404, {
      clusterName: cluster.name,
      nodegroupName: name,
    });
  }
  return nodegroup;
}

/** maxResults 1–100 and an opaque nextToken, as the EKS List* actions take them. */
function listPage<T>(
  query: URLSearchParams,
  listing: string,
  items: T[],
): { items: T[]; nextToken?: string } {
  const raw = query.get('maxResults');
  const maxResults = raw === null ? 100 : Number(raw);
  if (!Number.isInteger(maxResults) || maxResults < 1 || maxResults > 100) {
    throw new AwsError('InvalidParameterException', 'maxResults must be between 1 and 100', 400);
  }
  const token = query.get('nextToken') ?? undefined;
  const offset = decodeToken(
    listing,
    token,
    () => new AwsError('InvalidParameterException', 'The nextToken provided is invalid', 400),
  );
  return paginate(listing, items, offset, maxResults);
}

const UpdateConfigBody = z.object({
  scalingConfig: z
    .object({
      minSize: z.number().int().optional(),
      maxSize: z.number().int().optional(),
      desiredSize: z.number().int().optional(),
    })
    .optional(),
  labels: z
    .object({
      addOrUpdateLabels: z.record(z.string(), z.string()).optional(),
      removeLabels: z.array(z.string()).optional(),
    })
    .optional(),
  clientRequestToken: z.string().optional(),
});

const ROUTES: Route[] = [
  route('GET', '/clusters', 'ListClusters', ({ state, query }) => {
    const page = listPage(query, 'eks:ListClusters', [...state.eks.keys()]);
    return { status: 200, body: { clusters: page.items, nextToken: page.nextToken } };
  }),
  route('GET', '/clusters/{name}', 'DescribeCluster', ({ state, path }) => ({
    status: 200,
    body: { cluster: clusterJson(state, findCluster(state, path.name ?? '')) },
  })),
  route('GET', '/clusters/{name}/node-groups', 'ListNodegroups', ({ state, path, query }) => {
    const cluster = findCluster(state, path.name ?? '');
    const page = listPage(query, `eks:ListNodegroups:${cluster.name}`, [
      ...cluster.nodegroups.keys(),
    ]);
    return { status: 200, body: { nodegroups: page.items, nextToken: page.nextToken } };
  }),
  route(
    'GET',
    '/clusters/{name}/node-groups/{nodegroupName}',
    'DescribeNodegroup',
    ({ state, path }) => {
      const cluster = findCluster(state, path.name ?? '');
      return {
        status: 200,
        body: { nodegroup: nodegroupJson(findNodegroup(cluster, path.nodegroupName ?? '')) },
      };
    },
  ),
  route(
    'POST',
    '/clusters/{name}/node-groups/{nodegroupName}/update-config',
    'UpdateNodegroupConfig',
    ({ state, world, path, body }) => {
      const cluster = findCluster(state, path.name ?? '');
      const nodegroup = findNodegroup(cluster, path.nodegroupName ?? '');
      const parsed = UpdateConfigBody.safeParse(body ?? {});
      if (!parsed.success) {
        throw new AwsError(
          'InvalidParameterException',
          `Invalid request: ${parsed.error.issues[0]?.message ?? 'malformed body'}`,
          400,
        );
      }
      const request = {
        ...(parsed.data.scalingConfig === undefined
          ? {}
          : { scalingConfig: parsed.data.scalingConfig }),
        ...(parsed.data.labels === undefined ? {} : { labels: parsed.data.labels }),
      };
      const update = updateNodegroupConfig(world, state, cluster, nodegroup, request);
      return { status: 200, body: { update: updateJson(update) } };
    },
  ),
  route('GET', '/clusters/{name}/updates', 'ListUpdates', ({ state, path, query }) => {
    const cluster = findCluster(state, path.name ?? '');
    const nodegroupName = query.get('nodegroupName') ?? undefined;
    if (nodegroupName !== undefined) findNodegroup(cluster, nodegroupName);
    const ids = [...cluster.updates.values()]
      .filter((u) => u.nodegroupName === nodegroupName)
      .map((u) => u.id);
    const page = listPage(query, `eks:ListUpdates:${cluster.name}`, ids);
    return { status: 200, body: { updateIds: page.items, nextToken: page.nextToken } };
  }),
  route(
    'GET',
    '/clusters/{name}/updates/{updateId}',
    'DescribeUpdate',
    ({ state, path, query }) => {
      const cluster = findCluster(state, path.name ?? '');
      const update = cluster.updates.get(path.updateId ?? '');
      // An update of a node group is only found when the node group is named, as in EKS.
      if (
        update === undefined ||
        update.nodegroupName !== (query.get('nodegroupName') ?? undefined)
      ) {
        throw new AwsError(
          'ResourceNotFoundException',
          `No update found for ID: ${path.updateId ?? ''}`,
          404,
          { clusterName: cluster.name },
        );
      }
      return { status: 200, body: { update: updateJson(update) } };
    },
  ),
];

function route(method: string, template: string, action: string, handle: Route['handle']): Route {
  const names: string[] = [];
  const source = template.replace(/\{(\w+)\}/g, (_m, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  return { method, pattern: new RegExp(`^${source}/?$`), names, action, handle };
}

export interface MatchedRoute {
  action: string;
  path: Record<string, string>;
  handle: Route['handle'];
}

export function matchEksRoute(method: string, pathname: string): MatchedRoute | undefined {
  for (const r of ROUTES) {
    if (r.method !== method) continue;
    const m = r.pattern.exec(pathname);
    if (m === null) continue;
    const path: Record<string, string> = {};
    r.names.forEach((name, i) => (path[name] = decodeURIComponent(m[i + 1] ?? '')));
    return { action: r.action, path, handle: r.handle };
  }
  return undefined;
}
