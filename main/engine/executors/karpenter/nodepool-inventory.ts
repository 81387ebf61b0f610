import type { KarpenterParameters } from '../../../../shared/model';
import { NODES, type KubeApi, type KubeObject } from '../../connections/kube/kube-api';
import { KubeError } from '../../cloud-errors/kube-errors';
import { isExcluded } from '../kube-common/kube-executor-support';
import { formatLabelSelector, matchesLabelSelector } from '../kube-common/label-selector';
import { inIdList, keepSelected } from '../selection-guard';
import type { Logger } from '../../logging/logger';
import { nodePoolGvr } from './nodepool-state';

/** Karpenter labels every node it launches with the NodePool that owns it. */
export const NODEPOOL_LABEL = 'karpenter.sh/nodepool';
/** Newest first: v1 since Karpenter 1.0, v1beta1 before. */
const NODEPOOL_VERSIONS = ['karpenter.sh/v1', 'karpenter.sh/v1beta1'];

export interface NodePool {
  name: string;
  object: KubeObject;
  apiVersion: string;
  skip?: string;
}

export interface NodePoolInventory {
  apiVersion: string;
  pools: NodePool[];
  /** Names asked for in `nodePools` that the cluster does not have (deleted by an earlier attempt, or a typo). */
  missing: string[];
}

async function listPools(
  api: KubeApi,
  labelSelector: string,
): Promise<{ apiVersion: string; items: KubeObject[] }> {
  for (const apiVersion of NODEPOOL_VERSIONS) {
    try {
      const list = await api.list(
        nodePoolGvr(apiVersion),
        undefined,
        labelSelector === '' ? {} : { labelSelector },
      );
      return { apiVersion, items: list.items };
    } catch (error) {
      if (!(error instanceof KubeError && error.code === 'KUBE_RESOURCE_UNKNOWN')) throw error;
    }
  }
  throw new KubeError(
    'KARPENTER_NOT_INSTALLED',
    `${api.endpoint.description} serves no Karpenter NodePools (karpenter.sh/v1 or v1beta1): is Karpenter installed?`,
    false,
  );
}

/** The NodePools the target covers: by name, by label selector, or all of them; read-only. */
export async function findNodePools(
  api: KubeApi,
  params: KarpenterParameters,
  logger: Pick<Logger, 'debug'>,
): Promise<NodePoolInventory> {
  const names = params.nodePools ?? [];
  const { apiVersion, items } = await listPools(
    api,
    names.length > 0 ? '' : formatLabelSelector(params.nodeSelector),
  );
  // The label selector is applied again here: an apiserver or proxy may ignore it (selection-guard.ts).
  const named = inIdList(names);
  const selected = keepSelected(
    items,
    (p) =>
      names.length > 0
        ? named(p.metadata.name)
        : matchesLabelSelector(p.metadata.labels, params.nodeSelector),
    logger,
    'NodePools',
  );
  const pools = selected
    .map((object): NodePool => ({
      name: object.metadata.name,
      object,
      apiVersion,
      ...(isExcluded(object)
        ? { skip: 'excluded by annotation hibernator.ardikabs.com/exclude' }
        : {}),
    }))
    .sort((a, b) => (a.name < b.name ? -1 : 1));
  const missing = names.filter((n) => !selected.some((p) => p.metadata.name === n)).sort();
  return { apiVersion, pools, missing };
}

/** Nodes per NodePool, from their `karpenter.sh/nodepool` label (one paginated list). */
export async function nodesPerPool(
  api: KubeApi,
  pools: readonly string[],
): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  if (pools.length === 0) return counts;
  const selector = `${NODEPOOL_LABEL} in (${[...pools].sort().join(',')})`;
  for (const node of (await api.list(NODES, undefined, { labelSelector: selector })).items) {
    const pool = node.metadata.labels?.[NODEPOOL_LABEL];
    // Nodes of other pools (a server that ignored the selector) count for nothing.
    if (pool !== undefined && pools.includes(pool)) counts.set(pool, (counts.get(pool) ?? 0) + 1);
  }
  return counts;
}
