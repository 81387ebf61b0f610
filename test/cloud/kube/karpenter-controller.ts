/**
 * Plays Karpenter's part: a NodePool reports how many nodes it owns; deleting a NodePool
 * cordons its nodes at once and removes them after the configured drain delay (NodeClaims are
 * garbage-collected through owner references, then drained); recreating it brings back as many
 * nodes as it had, after the same delay, as pending pods would make Karpenter provision them.
 */
import { isObject, objectAt } from './json';
import type { ObjectStore } from './object-store';
import type { Transitions } from './transitions';
import type { KubeObject } from './types';

export const NODEPOOL_LABEL = 'karpenter.sh/nodepool';
const NODES = 'nodes';
const NODEPOOLS = 'karpenter.sh/nodepools';

export interface ControllerContext {
  store: ObjectStore;
  transitions: Transitions;
  now(): number;
  timestamp(): string;
  newUid(): string;
  nodeDelayMs: number;
}

export interface NodeSeed {
  name: string;
  nodePool?: string;
  labels?: Record<string, string>;
  instanceType?: string;
  zone?: string;
}

export function buildNode(
  seed: NodeSeed,
  ctx: Pick<ControllerContext, 'timestamp' | 'newUid'>,
): KubeObject {
  const instanceType = seed.instanceType ?? 'm6i.large';
  const zone = seed.zone ?? 'us-east-1a';
  const labels: Record<string, string> = {
    'kubernetes.io/hostname': seed.name,
    'kubernetes.io/os': 'linux',
    'kubernetes.io/arch': 'amd64',
    'node.kubernetes.io/instance-type': instanceType,
    'topology.kubernetes.io/zone': zone,
    ...(seed.nodePool === undefined
      ? {}
      : { [NODEPOOL_LABEL]: seed.nodePool, 'karpenter.sh/registered': 'true' }),
    ...seed.labels,
  };
  const instanceId = `i-${Buffer.from(seed.name).toString('hex').padEnd(17, '0').slice(0, 17)}`;
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: seed.name,
      uid: ctx.newUid(),
      resourceVersion: '',
      creationTimestamp: ctx.timestamp(),
      labels,
    },
    spec: { providerID: `aws:///${zone}/${instanceId}` },
    status: {
      conditions: [
        {
          type: 'Ready',
          status: 'True',
          reason: 'KubeletReady',
          message: 'kubelet is posting ready status',
        },
      ],
      nodeInfo: {
        kubeletVersion: 'v1.31.4-eks-0f56d01',
        architecture: 'amd64',
        operatingSystem: 'linux',
      },
      capacity: { cpu: '2', memory: '8Gi', pods: '29' },
    },
  };
}

function poolOf(node: Readonly<KubeObject>): string | undefined {
  return node.metadata.labels?.[NODEPOOL_LABEL];
}

export class KarpenterController {
  /** Node count per NodePool at the moment it was deleted, to provision again on recreation. */
  private readonly remembered = new Map<string, number>();

  constructor(private readonly ctx: ControllerContext) {}

  reset(): void {
    this.remembered.clear();
  }

  nodesOf(pool: string): Array<Readonly<KubeObject>> {
    return this.ctx.store
      .list(NODES)
      .map((e) => e.obj)
      .filter((n) => poolOf(n) === pool);
  }

  /** Keeps `status.resources.nodes` and the Ready condition in step with the pool's nodes. */
  refreshStatus(pool: string): void {
    const obj = this.ctx.store.get(NODEPOOLS, undefined, pool);
    if (obj === undefined) return;
    const count = String(this.nodesOf(pool).length);
    const status = objectAt(obj, 'status');
    const resources = objectAt(status, 'resources');
    const hasReady =
      Array.isArray(status.conditions) &&
      status.conditions.some((c) => isObject(c) && c.type === 'Ready');
    if (resources.nodes === count && hasReady) return;
    resources.nodes = count;
    if (!hasReady) {
      status.conditions = [
        {
          type: 'Ready',
          status: 'True',
          reason: 'Ready',
          message: '',
          lastTransitionTime: this.ctx.timestamp(),
        },
      ];
    }
    this.ctx.store.put(NODEPOOLS, obj);
  }

  nodeChanged(node: Readonly<KubeObject>): void {
    const pool = poolOf(node);
    if (pool !== undefined) this.refreshStatus(pool);
  }

  poolCreated(pool: KubeObject): void {
    const name = pool.metadata.name;
    this.ctx.transitions.cancel(`drain/${name}`);
    const count = this.remembered.get(name) ?? 0;
    this.remembered.delete(name);
    for (const node of this.nodesOf(name)) {
      if (!isObject(node.spec) || node.spec.unschedulable !== true) continue;
      const uncordoned = structuredClone(node);
      const spec = objectAt(uncordoned, 'spec');
      delete spec.unschedulable;
      delete spec.taints;
      this.ctx.store.put(NODES, uncordoned);
    }
    this.refreshStatus(name);
    if (count === 0) return;
    this.ctx.transitions.schedule(
      `provision/${name}`,
      this.ctx.now() + this.ctx.nodeDelayMs,
      () => {
        if (this.ctx.store.get(NODEPOOLS, undefined, name) === undefined) return;
        const existing = this.nodesOf(name).length;
        for (let i = existing; i < count; i += 1) {
          const suffix = `${this.ctx.store.currentRevision().toString(36)}${i}`;
          this.ctx.store.put(
            NODES,
            buildNode({ name: `${name}-${suffix}`, nodePool: name }, this.ctx),
          );
        }
        this.refreshStatus(name);
      },
    );
  }

  poolDeleted(pool: KubeObject): void {
    const name = pool.metadata.name;
    this.ctx.transitions.cancel(`provision/${name}`);
    const nodes = this.nodesOf(name);
    this.remembered.set(name, nodes.length);
    for (const node of nodes) {
      const cordoned = structuredClone(node);
      const spec = objectAt(cordoned, 'spec');
      spec.unschedulable = true;
      spec.taints = [{ key: 'karpenter.sh/disrupted', effect: 'NoSchedule' }];
      this.ctx.store.put(NODES, cordoned);
    }
    const drain = (): void => {
      for (const node of this.nodesOf(name))
        this.ctx.store.remove(NODES, undefined, node.metadata.name);
    };
    if (this.ctx.nodeDelayMs <= 0) drain();
    else
      this.ctx.transitions.schedule(`drain/${name}`, this.ctx.now() + this.ctx.nodeDelayMs, drain);
  }
}
