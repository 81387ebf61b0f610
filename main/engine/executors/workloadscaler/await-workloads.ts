import type { GroupVersionResource, KubeApi, KubeObject } from '../../connections/kube/kube-api';
import { listSome, pollUntilDone } from '../kube-common/kube-executor-support';
import { runLimited } from '../../util/concurrency';
import type { ExecutorContext } from '../executor';

export interface AwaitedWorkload {
  key: string;
  namespace: string;
  name: string;
  gvr: GroupVersionResource;
  builtin: boolean;
  desired: number;
}

interface Progress {
  workload: AwaitedWorkload;
  /** Pods running (scale-down) or ready (scale-up) at the last look. */
  current: number;
}

function count(object: KubeObject, field: 'replicas' | 'readyReplicas'): number {
  const status = object.status as Record<string, unknown> | undefined;
  const value = status?.[field];
  return typeof value === 'number' ? value : 0;
}

/**
 * What is not there yet. Built-in workloads are read a namespace at a time (one paginated list
 * instead of one request per workload); custom ones through their scale subresource, whose
 * status.replicas is the only count every scalable resource has. A workload that disappeared
 * has nothing left to wait for.
 */
async function pending(
  api: KubeApi,
  workloads: AwaitedWorkload[],
  concurrency: number,
): Promise<Progress[]> {
  const out: Progress[] = [];
  const groups = new Map<string, AwaitedWorkload[]>();
  for (const w of workloads.filter((x) => x.builtin)) {
    const id = `${w.gvr.resource}\n${w.namespace}`;
    groups.set(id, [...(groups.get(id) ?? []), w]);
  }
  await runLimited([...groups.values()], concurrency, async (members) => {
    const first = members[0];
    if (!first) return;
    const byName = new Map(
      (await api.list(first.gvr, first.namespace)).items.map((o) => [o.metadata.name, o]),
    );
    for (const w of members) {
      const object = byName.get(w.name);
      if (!object) continue;
      const current = w.desired === 0 ? count(object, 'replicas') : count(object, 'readyReplicas');
      if (w.desired === 0 ? current > 0 : current < w.desired) out.push({ workload: w, current });
    }
  });
  await runLimited(
    workloads.filter((x) => !x.builtin),
    concurrency,
    async (w) => {
      const scale = await api.getScale(w.gvr, w.namespace, w.name);
      if (scale === null) return;
      if (w.desired === 0 ? scale.observed > 0 : scale.observed < w.desired)
        out.push({ workload: w, current: scale.observed });
    },
  );
  return out.sort((a, b) => (a.workload.key < b.workload.key ? -1 : 1));
}

/** Waits until scaled-down workloads run no pods, or scaled-up ones have their replicas ready. */
export async function awaitWorkloads(
  api: KubeApi,
  workloads: AwaitedWorkload[],
  ctx: Pick<ExecutorContext, 'clock' | 'sleep' | 'progress'>,
  options: { timeoutMs: number; intervalMs: number; concurrency: number; direction: 'down' | 'up' },
): Promise<void> {
  if (workloads.length === 0) return;
  const what =
    options.direction === 'down' ? 'workloads still running pods' : 'workloads not ready yet';
  await pollUntilDone<Progress>(
    ctx,
    {
      timeoutMs: options.timeoutMs,
      intervalMs: options.intervalMs,
      what: `${what}`,
      describe: (left) =>
        `${left.length} of ${workloads.length}: ${listSome(left.map((p) => (options.direction === 'down' ? `${p.workload.key} (${p.current} running)` : `${p.workload.key} (${p.current} of ${p.workload.desired} ready)`)))}`,
    },
    () => pending(api, workloads, options.concurrency),
  );
}
