/**
 * The seed format: short descriptions of a cluster's contents, expanded into full objects
 * (selectors, pod templates, NodePool specs, node labels) so tests and the demo stay readable.
 */
import type { TokenGrant } from './auth';
import type { KubeCluster } from './cluster';
import type { JsonObject } from './json';
import { buildNode, type NodeSeed } from './karpenter-controller';
import { afterUpdate } from './managed-fields';
import { customResourceDef, type CustomResourceDefinitionSeed } from './resources';
import type { KubeObject, ResourceDef } from './types';

export type { NodeSeed } from './karpenter-controller';

/** The field manager seeded custom resources are recorded for. */
export const SEED_MANAGER = 'kubectl-client-side-apply';

export interface NamespaceSeed {
  name: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

export interface WorkloadSeed {
  namespace: string;
  name: string;
  replicas: number;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  image?: string;
  /** Replicas currently ready, when the seed wants a workload that has not converged. */
  readyReplicas?: number;
}

export interface HpaSeed {
  namespace: string;
  name: string;
  target: { kind: 'Deployment' | 'StatefulSet' | 'ReplicaSet'; name: string };
  minReplicas?: number;
  maxReplicas: number;
  cpuUtilization?: number;
}

export interface NodePoolSeed {
  name: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  /** Replaces the default spec (an EC2NodeClass `default`, on-demand, cpu limit 1000). */
  spec?: JsonObject;
  /** How many nodes this pool owns (named `<pool>-node-<i>`). */
  nodes?: number;
}

export interface CustomResourceItemSeed {
  namespace?: string;
  name: string;
  replicas?: number;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  spec?: JsonObject;
  /** The status a controller would have written (a HibernatePlan's phase, for example). */
  status?: JsonObject;
}

export interface CustomResourceSeed extends CustomResourceDefinitionSeed {
  items?: CustomResourceItemSeed[];
}

export interface KubeSeed {
  namespaces?: NamespaceSeed[];
  deployments?: WorkloadSeed[];
  statefulsets?: WorkloadSeed[];
  replicasets?: WorkloadSeed[];
  hpas?: HpaSeed[];
  nodepools?: NodePoolSeed[];
  nodes?: NodeSeed[];
  customResources?: CustomResourceSeed[];
  /** Token → user and deny rules. The emulator's admin token is always added. */
  tokens?: Record<string, TokenGrant>;
}

function meta(
  name: string,
  namespace: string | undefined,
  labels?: Record<string, string>,
  annotations?: Record<string, string>,
): KubeObject['metadata'] {
  const m: KubeObject['metadata'] = { name, uid: '', resourceVersion: '', creationTimestamp: '' };
  if (namespace !== undefined) m.namespace = namespace;
  if (labels !== undefined) m.labels = { ...labels };
  if (annotations !== undefined) m.annotations = { ...annotations };
  return m;
}

function workloadObject(def: ResourceDef, w: WorkloadSeed): KubeObject {
  const podLabels = { app: w.name };
  const spec: JsonObject = {
    replicas: w.replicas,
    selector: { matchLabels: podLabels },
    template: {
      metadata: { labels: podLabels },
      spec: { containers: [{ name: w.name, image: w.image ?? 'nginx:1.27' }] },
    },
  };
  if (def.kind === 'StatefulSet') spec.serviceName = w.name;
  return {
    apiVersion: 'apps/v1',
    kind: def.kind,
    metadata: meta(w.name, w.namespace, { app: w.name, ...w.labels }, w.annotations),
    spec,
  };
}

function hpaObject(h: HpaSeed): KubeObject {
  const spec: JsonObject = {
    scaleTargetRef: { apiVersion: 'apps/v1', kind: h.target.kind, name: h.target.name },
    minReplicas: h.minReplicas ?? 1,
    maxReplicas: h.maxReplicas,
    metrics: [
      {
        type: 'Resource',
        resource: {
          name: 'cpu',
          target: { type: 'Utilization', averageUtilization: h.cpuUtilization ?? 80 },
        },
      },
    ],
  };
  return {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: meta(h.name, h.namespace),
    spec,
    status: { currentReplicas: h.minReplicas ?? 1, desiredReplicas: h.minReplicas ?? 1 },
  };
}

export function defaultNodePoolSpec(): JsonObject {
  return {
    template: {
      spec: {
        nodeClassRef: { group: 'karpenter.k8s.aws', kind: 'EC2NodeClass', name: 'default' },
        requirements: [
          { key: 'karpenter.sh/capacity-type', operator: 'In', values: ['on-demand'] },
          { key: 'kubernetes.io/arch', operator: 'In', values: ['amd64'] },
        ],
        expireAfter: '720h',
      },
    },
    disruption: {
      consolidationPolicy: 'WhenEmptyOrUnderutilized',
      consolidateAfter: '0s',
      budgets: [{ nodes: '10%' }],
    },
    limits: { cpu: '1000' },
  };
}

function find(cluster: KubeCluster, group: string, version: string, plural: string): ResourceDef {
  const def = cluster.registry.find(group, version, plural);
  if (def === undefined) throw new Error(`emulator has no resource ${group}/${version}/${plural}`);
  return def;
}

/** Loads a seed into an empty cluster. Namespaces that workloads name are created if missing. */
export function applySeed(cluster: KubeCluster, seed: KubeSeed): void {
  for (const crd of seed.customResources ?? []) cluster.registry.add(customResourceDef(crd));
  const nsDef = find(cluster, '', 'v1', 'namespaces');
  const declared = new Map((seed.namespaces ?? []).map((n) => [n.name, n]));
  const implied = [
    ...(seed.deployments ?? []),
    ...(seed.statefulsets ?? []),
    ...(seed.replicasets ?? []),
    ...(seed.hpas ?? []),
    ...(seed.customResources ?? []).flatMap((c) => c.items ?? []),
  ]
    .map((x) => x.namespace)
    .filter((n): n is string => n !== undefined);
  for (const name of implied) if (!declared.has(name)) declared.set(name, { name });
  for (const n of declared.values()) {
    cluster.seedObject(nsDef, {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: meta(n.name, undefined, n.labels, n.annotations),
    });
  }
  const kinds: Array<[string, WorkloadSeed[] | undefined]> = [
    ['deployments', seed.deployments],
    ['statefulsets', seed.statefulsets],
    ['replicasets', seed.replicasets],
  ];
  for (const [plural, list] of kinds) {
    const def = find(cluster, 'apps', 'v1', plural);
    for (const w of list ?? []) cluster.seedObject(def, workloadObject(def, w), w.readyReplicas);
  }
  const hpaDef = find(cluster, 'autoscaling', 'v2', 'horizontalpodautoscalers');
  for (const h of seed.hpas ?? []) cluster.seedObject(hpaDef, hpaObject(h));
  const poolDef = find(cluster, 'karpenter.sh', 'v1', 'nodepools');
  const nodeDef = find(cluster, '', 'v1', 'nodes');
  for (const p of seed.nodepools ?? []) {
    const spec = p.spec ?? defaultNodePoolSpec();
    cluster.seedObject(poolDef, {
      apiVersion: 'karpenter.sh/v1',
      kind: 'NodePool',
      metadata: meta(p.name, undefined, p.labels, p.annotations),
      spec,
    });
    for (let i = 0; i < (p.nodes ?? 0); i += 1) {
      cluster.seedObject(
        nodeDef,
        buildNode(
          { name: `${p.name}-node-${i}`, nodePool: p.name },
          { timestamp: () => cluster.timestamp(), newUid: () => '' },
        ),
      );
    }
  }
  for (const n of seed.nodes ?? [])
    cluster.seedObject(
      nodeDef,
      buildNode(n, { timestamp: () => cluster.timestamp(), newUid: () => '' }),
    );
  for (const crd of seed.customResources ?? []) {
    const def = find(cluster, crd.group, crd.version, crd.plural);
    for (const item of crd.items ?? []) {
      const spec: JsonObject = { ...item.spec };
      if (item.replicas !== undefined) spec.replicas = item.replicas;
      const status: JsonObject = {
        ...(def.scale === undefined ? {} : { selector: `app=${item.name}` }),
        ...item.status,
      };
      const obj: KubeObject = {
        apiVersion: `${crd.group}/${crd.version}`,
        kind: crd.kind,
        metadata: meta(
          item.name,
          def.namespaced ? item.namespace : undefined,
          item.labels,
          item.annotations,
        ),
        spec,
        status,
      };
      // Seeded objects were made the usual way (`kubectl apply`): a later server-side apply by
      // another manager meets their fields as someone else's.
      const owners = afterUpdate(
        undefined,
        obj,
        SEED_MANAGER,
        `${crd.group}/${crd.version}`,
        cluster.timestamp(),
      );
      if (owners.length > 0) obj.metadata.managedFields = owners;
      cluster.seedObject(def, obj);
    }
  }
}
