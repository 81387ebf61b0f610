import { parameterSchemas, type WorkloadScalerParameters } from '../../../../shared/model';
import type { KubeApi } from '../../connections/kube/kube-api';
import { kubeApiFor } from '../kube-common/kube-api-for';
import { awaitTimeoutMs, listSome } from '../kube-common/kube-executor-support';
import { forEachResource, throwIfAnyFailed } from '../each-resource';
import type { LoadedRestorePoint } from '../../restore/restore-store';
import { classifyCommonError } from '../../errors/coded-error';
import type { Executor, ExecutorContext, PlannedAction } from '../executor';
import { awaitWorkloads, type AwaitedWorkload } from './await-workloads';
import { findWorkloads, type Inventory, type Workload } from './workload-inventory';
import { gvrFromCapture, parseWorkloadKey, stateFor, WorkloadStateSchema } from './workload-types';

export interface WorkloadScalerOptions {
  /** Kubernetes requests in flight at once (lists, scale patches, polls). Default 16. */
  concurrency?: number;
  /** Between two looks while awaiting completion. Default 5 s. */
  pollIntervalMs?: number;
  /** awaitCompletion without a timeout. Default 5 minutes. */
  defaultAwaitTimeoutMs?: number;
}

export const DEFAULT_KUBE_CONCURRENCY = 16;

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function hpaNote(w: Workload): string {
  return w.hpa ? ` (HPA ${w.hpa} manages it)` : '';
}

function inventoryNotes(inv: Inventory): string[] {
  const notes = [...inv.notes];
  if (inv.missingNamespaces.length > 0)
    notes.push(`namespace(s) not found: ${inv.missingNamespaces.join(', ')}`);
  const hpa = inv.workloads.filter((w) => w.hpa && !w.skip);
  if (hpa.length > 0)
    notes.push(
      `HPA-managed: ${listSome(hpa.map((w) => `${w.key} (HPA ${w.hpa})`))}; their HPAs leave them at 0 until wake-up`,
    );
  return notes;
}

function plannedActions(inv: Inventory): PlannedAction[] {
  const actions: PlannedAction[] = inv.missingNamespaces.map((ns) => ({
    key: `namespace/${ns}`,
    action: 'skip',
    description: `skip namespace ${ns}: it does not exist`,
  }));
  for (const w of inv.workloads) {
    if (w.skip)
      actions.push({ key: w.key, action: 'skip', description: `skip ${w.key}: ${w.skip}` });
    else if (w.replicas === 0)
      actions.push({
        key: w.key,
        action: 'skip',
        description: `skip ${w.key}: already at 0 replicas (recorded, stays at 0 on wake-up)`,
      });
    else
      actions.push({
        key: w.key,
        action: 'scale',
        description: `scale ${w.key} ${w.replicas} → 0${hpaNote(w)}`,
      });
  }
  if (inv.workloads.length === 0) {
    actions.push({
      key: '(none)',
      action: 'skip',
      description: `nothing to scale: no matching workloads in ${listSome(inv.namespaces)}`,
    });
  }
  return actions;
}

/**
 * `workloadscaler` (semantics.md section 7): records the replicas of every matching workload
 * (Deployments by default, StatefulSets, ReplicaSets, any resource with a scale subresource),
 * scales them to 0 through the scale subresource, and on wake-up puts back exactly the recorded
 * counts. Workloads annotated `hibernator.ardikabs.com/exclude: "true"` are left alone.
 */
export function createWorkloadScalerExecutor(
  options: WorkloadScalerOptions = {},
): Executor<WorkloadScalerParameters> {
  const concurrency = Math.max(1, options.concurrency ?? DEFAULT_KUBE_CONCURRENCY);
  const intervalMs = options.pollIntervalMs ?? 5000;
  const defaultTimeoutMs = options.defaultAwaitTimeoutMs ?? 5 * 60_000;

  /**
   * One scale patch per workload, `parallelism` at a time (the target's parameter, else the
   * executor's concurrency); one workload's failure never stops the others.
   */
  async function scaleAll(
    api: KubeApi,
    ctx: ExecutorContext,
    items: AwaitedWorkload[],
    verb: string,
    parallelism: number | undefined,
  ): Promise<{ done: AwaitedWorkload[]; gone: string[] }> {
    const done: AwaitedWorkload[] = [];
    const gone: string[] = [];
    const failures = await forEachResource(
      ctx,
      items,
      { parallelism: parallelism ?? concurrency, id: (w) => w.key, classify: classifyCommonError },
      async (w) => {
        const result = await api.patchScale(w.gvr, w.namespace, w.name, w.desired);
        if (result === null) gone.push(w.key);
        else done.push(w);
        if ((done.length + gone.length) % 50 === 0)
          ctx.progress(`${verb} ${done.length + gone.length} of ${items.length} workloads`);
      },
    );
    throwIfAnyFailed(
      failures,
      items.length,
      `${verb} ${done.length} of ${plural(items.length, 'workload')}`,
    );
    return { done, gone: gone.sort() };
  }

  return {
    type: 'workloadscaler',
    connectionKind: 'K8SCluster',
    parameterSchema: parameterSchemas.workloadscaler,
    stateSchema: WorkloadStateSchema,

    async discover(params, ctx) {
      const api = await kubeApiFor(ctx);
      return plannedActions(await findWorkloads(api, params, concurrency, ctx.logger));
    },

    async shutdown(params, ctx, report) {
      const api = await kubeApiFor(ctx);
      ctx.progress(`reading workloads in ${api.endpoint.description}`);
      const inv = await findWorkloads(api, params, concurrency, ctx.logger);
      const eligible = inv.workloads.filter((w) => !w.skip);
      // Write-ahead: every count is durable before the first workload changes. Workloads already
      // at 0 are reported too, as not live: the store never lets that replace a live capture (a
      // retry that finds everything at 0), and the restore point shows they were seen.
      if (eligible.length > 0)
        await report(
          eligible.map((w) => ({
            key: w.key,
            state: stateFor(w.type, w.replicas),
            isLive: w.replicas > 0,
          })),
        );
      const targets = eligible
        .filter((w) => w.replicas > 0)
        .map((w): AwaitedWorkload => ({
          key: w.key,
          namespace: w.namespace,
          name: w.name,
          gvr: w.type.gvr,
          builtin: w.type.builtinKind !== undefined,
          desired: 0,
        }));
      const { done, gone } = await scaleAll(api, ctx, targets, 'scaled down', params.parallelism);
      const timeoutMs = awaitTimeoutMs(params.awaitCompletion, defaultTimeoutMs);
      if (timeoutMs !== null)
        await awaitWorkloads(api, done, ctx, {
          timeoutMs,
          intervalMs,
          concurrency,
          direction: 'down',
        });
      const parts = [
        `scaled ${plural(done.length, 'workload')} to 0 in ${plural(inv.namespaces.length, 'namespace')} (${listSome(inv.namespaces)})`,
      ];
      const atZero = eligible.length - targets.length;
      if (atZero > 0) parts.push(`${atZero} already at 0`);
      const skipped = inv.workloads.filter((w) => w.skip);
      if (skipped.length > 0)
        parts.push(`skipped ${listSome(skipped.map((w) => `${w.key} (${w.skip})`))}`);
      if (gone.length > 0) parts.push(`gone before scaling: ${listSome(gone)}`);
      return { message: [...parts, ...inventoryNotes(inv)].join('; ') };
    },

    async wakeUp(params, restore: LoadedRestorePoint, ctx) {
      const api = await kubeApiFor(ctx);
      const notes: string[] = [];
      const targets: AwaitedWorkload[] = [];
      let stayAtZero = 0;
      for (const r of restore.resources) {
        const key = parseWorkloadKey(r.key);
        const state = WorkloadStateSchema.safeParse(r.state);
        const gvr = key && state.success ? gvrFromCapture(key.kind, state.data) : null;
        if (!key || !state.success || !gvr) {
          notes.push(`skipped ${r.key}: its restore data is not a workload capture`);
          continue;
        }
        // Captured at 0: it was not running, so wake-up leaves it as it is.
        if (state.data.replicas === 0) {
          stayAtZero += 1;
          continue;
        }
        targets.push({
          key: r.key,
          namespace: key.namespace,
          name: key.name,
          gvr,
          builtin: state.data.resource === undefined,
          desired: state.data.replicas,
        });
      }
      const { done, gone } = await scaleAll(api, ctx, targets, 'restored', params.parallelism);
      const timeoutMs = awaitTimeoutMs(params.awaitCompletion, defaultTimeoutMs);
      if (timeoutMs !== null)
        await awaitWorkloads(api, done, ctx, {
          timeoutMs,
          intervalMs,
          concurrency,
          direction: 'up',
        });
      const parts = [`restored ${plural(done.length, 'workload')} to their recorded replicas`];
      if (stayAtZero > 0) parts.push(`${stayAtZero} recorded at 0 left as they are`);
      if (gone.length > 0) parts.push(`skipped ${listSome(gone)}: no longer exist`);
      return { message: [...parts, ...notes].join('; ') };
    },

    classifyError: classifyCommonError,
  };
}
