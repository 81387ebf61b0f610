import { parameterSchemas, type KarpenterParameters } from '../../../../shared/model';
import { kubeApiFor } from '../kube-common/kube-api-for';
import { awaitTimeoutMs, listSome, pollUntilDone } from '../kube-common/kube-executor-support';
import { runLimited } from '../../util/concurrency';
import { forEachResource, throwIfAnyFailed } from '../each-resource';
import { classifyCommonError } from '../../errors/coded-error';
import type { Executor, PlannedAction } from '../executor';
import { findNodePools, nodesPerPool } from './nodepool-inventory';
import {
  captureNodePool,
  nodePoolGvr,
  NodePoolStateSchema,
  recreatableNodePool,
  type NodePoolState,
} from './nodepool-state';

export interface KarpenterOptions {
  /** Kubernetes requests in flight at once. Default 16. */
  concurrency?: number;
  /** Between two looks while awaiting completion. Default 5 s. */
  pollIntervalMs?: number;
  /** awaitCompletion without a timeout. Default 10 minutes (nodes drain pod by pod). */
  defaultAwaitTimeoutMs?: number;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function isReady(object: { status?: unknown }): boolean {
  const conditions = (object.status as { conditions?: unknown } | undefined)?.conditions;
  return (
    Array.isArray(conditions) &&
    conditions.some(
      (c) =>
        typeof c === 'object' &&
        c !== null &&
        (c as Record<string, unknown>).type === 'Ready' &&
        (c as Record<string, unknown>).status === 'True',
    )
  );
}

/**
 * `karpenter` (semantics.md section 7): records each selected NodePool in full, and only then
 * deletes it, so Karpenter drains and removes its nodes; wake-up creates the NodePools again
 * exactly as recorded (one that already exists is fine). The operator captured after deleting;
 * a crash between the two lost the NodePool. Here the capture is durable first.
 */
export function createKarpenterExecutor(
  options: KarpenterOptions = {},
): Executor<KarpenterParameters> {
  const concurrency = Math.max(1, options.concurrency ?? 16);
  const intervalMs = options.pollIntervalMs ?? 5000;
  const defaultTimeoutMs = options.defaultAwaitTimeoutMs ?? 10 * 60_000;

  return {
    type: 'karpenter',
    connectionKind: 'K8SCluster',
    parameterSchema: parameterSchemas.karpenter,
    stateSchema: NodePoolStateSchema,

    async discover(params, ctx) {
      const api = await kubeApiFor(ctx);
      const inv = await findNodePools(api, params, ctx.logger);
      const nodes = await nodesPerPool(
        api,
        inv.pools.map((p) => p.name),
      );
      const actions: PlannedAction[] = inv.pools.map((p) =>
        p.skip
          ? { key: p.name, action: 'skip', description: `skip NodePool ${p.name}: ${p.skip}` }
          : {
              key: p.name,
              action: 'delete',
              description: `delete NodePool ${p.name} (${plural(nodes.get(p.name) ?? 0, 'node')})`,
            },
      );
      for (const name of inv.missing)
        actions.push({
          key: name,
          action: 'skip',
          description: `skip NodePool ${name}: it does not exist`,
        });
      if (actions.length === 0)
        actions.push({
          key: '(none)',
          action: 'skip',
          description: 'nothing to delete: no NodePool matches',
        });
      return actions;
    },

    async shutdown(params, ctx, report) {
      const api = await kubeApiFor(ctx);
      const inv = await findNodePools(api, params, ctx.logger);
      const eligible = inv.pools.filter((p) => !p.skip);
      const nodes = await nodesPerPool(
        api,
        eligible.map((p) => p.name),
      );
      // Write-ahead: the full NodePools are durable before the first delete.
      if (eligible.length > 0)
        await report(
          eligible.map((p) => ({
            key: p.name,
            state: captureNodePool(p.object, p.apiVersion),
            isLive: true,
          })),
        );
      const deleted: string[] = [];
      const gone: string[] = [];
      // One delete per NodePool, `parallelism` at a time; one failure never stops the others.
      const failures = await forEachResource(
        ctx,
        eligible,
        {
          parallelism: params.parallelism ?? concurrency,
          id: (p) => p.name,
          classify: classifyCommonError,
        },
        async (p) => {
          if ((await api.delete(nodePoolGvr(p.apiVersion), undefined, p.name)) === 'deleted')
            deleted.push(p.name);
          else gone.push(p.name);
        },
      );
      throwIfAnyFailed(
        failures,
        eligible.length,
        `deleted ${deleted.length} of ${plural(eligible.length, 'NodePool')}`,
      );
      deleted.sort();
      const timeoutMs = awaitTimeoutMs(params.awaitCompletion, defaultTimeoutMs);
      if (timeoutMs !== null && deleted.length > 0) {
        await pollUntilDone<[string, number]>(
          ctx,
          {
            timeoutMs,
            intervalMs,
            what: 'nodes of deleted NodePools still present',
            describe: (left) => listSome(left.map(([pool, n]) => `${pool} (${plural(n, 'node')})`)),
          },
          async () => [...(await nodesPerPool(api, deleted)).entries()].sort(),
        );
      }
      const nodeCount = deleted.reduce((sum, name) => sum + (nodes.get(name) ?? 0), 0);
      const parts = [
        `deleted ${plural(deleted.length, 'NodePool')}${deleted.length > 0 ? ` (${listSome(deleted)})` : ''} with ${plural(nodeCount, 'node')}`,
      ];
      if (gone.length > 0) parts.push(`already gone: ${listSome(gone.sort())}`);
      const skipped = inv.pools.filter((p) => p.skip);
      if (skipped.length > 0)
        parts.push(`skipped ${listSome(skipped.map((p) => `${p.name} (${p.skip})`))}`);
      if (inv.missing.length > 0) parts.push(`not found: ${listSome(inv.missing)}`);
      return { message: parts.join('; ') };
    },

    async wakeUp(params, restore, ctx) {
      const api = await kubeApiFor(ctx);
      const pools: NodePoolState[] = [];
      const invalid: string[] = [];
      for (const r of restore.resources) {
        const parsed = NodePoolStateSchema.safeParse(r.state);
        if (parsed.success) pools.push(parsed.data);
        else invalid.push(r.key);
      }
      const created: string[] = [];
      const existed: string[] = [];
      const failures = await forEachResource(
        ctx,
        pools,
        {
          parallelism: params.parallelism ?? concurrency,
          id: (state) => state.metadata.name,
          classify: classifyCommonError,
        },
        async (state) => {
          const outcome = await api.create(
            nodePoolGvr(state.apiVersion),
            undefined,
            recreatableNodePool(state),
          );
          (outcome === 'created' ? created : existed).push(state.metadata.name);
        },
      );
      throwIfAnyFailed(
        failures,
        pools.length,
        `recreated ${created.length} of ${plural(pools.length, 'NodePool')}`,
      );
      const timeoutMs = awaitTimeoutMs(params.awaitCompletion, defaultTimeoutMs);
      if (timeoutMs !== null && pools.length > 0) {
        await pollUntilDone<string>(
          ctx,
          {
            timeoutMs,
            intervalMs,
            what: 'NodePools not Ready yet',
            describe: (left) => listSome(left),
          },
          async () => {
            const notReady: string[] = [];
            await runLimited(pools, concurrency, async (state) => {
              const object = await api.get(
                nodePoolGvr(state.apiVersion),
                undefined,
                state.metadata.name,
              );
              if (object === null || !isReady(object)) notReady.push(state.metadata.name);
            });
            return notReady.sort();
          },
        );
      }
      const parts = [
        `recreated ${plural(created.length, 'NodePool')}${created.length > 0 ? ` (${listSome(created.sort())})` : ''}`,
      ];
      if (existed.length > 0) parts.push(`already present: ${listSome(existed.sort())}`);
      if (invalid.length > 0)
        parts.push(`skipped ${listSome(invalid)}: their restore data is not a NodePool`);
      return { message: parts.join('; ') };
    },

    classifyError: classifyCommonError,
  };
}
