import type { WorkloadScalerParameters } from '../../../../shared/model';
import { HPAS, NAMESPACES, type KubeApi, type KubeObject } from '../../connections/kube/kube-api';
import { KubeError } from '../../cloud-errors/kube-errors';
import { isExcluded } from '../kube-common/kube-executor-support';
import {
  formatLabelMap,
  formatLabelSelector,
  matchesLabelSelector,
} from '../kube-common/label-selector';
import { keepSelected } from '../selection-guard';
import type { Logger } from '../../logging/logger';
import { runLimited } from '../../util/concurrency';
import { workloadKey, workloadType, type WorkloadType } from './workload-types';

export interface Workload {
  key: string;
  namespace: string;
  kind: string;
  name: string;
  type: WorkloadType;
  /** spec.replicas as read now. */
  replicas: number;
  /** Why it is left alone (opted out, owned by a controller that would undo the change). */
  skip?: string;
  /** The HPA that scales it, if any. */
  hpa?: string;
}

export interface Inventory {
  namespaces: string[];
  missingNamespaces: string[];
  workloads: Workload[];
  notes: string[];
}

function replicasOf(object: KubeObject): number | undefined {
  const spec = object.spec as { replicas?: unknown } | undefined;
  return typeof spec?.replicas === 'number' ? spec.replicas : undefined;
}

async function resolveNamespaces(
  api: KubeApi,
  params: WorkloadScalerParameters,
  concurrency: number,
  logger: Pick<Logger, 'debug'>,
): Promise<{ present: string[]; missing: string[] }> {
  const { literals, selector } = params.namespace;
  if (selector !== undefined) {
    const text = formatLabelMap(selector);
    const found = {
      items: keepSelected(
        (await api.list(NAMESPACES, undefined, { labelSelector: text })).items,
        (n) => matchesLabelSelector(n.metadata.labels, { matchLabels: selector }),
        logger,
        'namespaces',
      ),
    };
    if (found.items.length === 0) {
      throw new KubeError(
        'KUBE_NAMESPACE_SELECTOR_EMPTY',
        `namespace selector "${text}" matches no namespace in ${api.endpoint.description}: check the labels (kubectl get namespaces -l '${text}')`,
        false,
      );
    }
    return { present: found.items.map((n) => n.metadata.name).sort(), missing: [] };
  }
  const names = [...new Set(literals ?? [])];
  const missing: string[] = [];
  await runLimited(names, concurrency, async (name) => {
    try {
      if ((await api.get(NAMESPACES, undefined, name)) === null) missing.push(name);
    } catch (error) {
      // A user limited to some namespaces may not read Namespace objects: go on and let the lists tell.
      if (!(error instanceof KubeError && error.code === 'KUBE_FORBIDDEN')) throw error;
    }
  });
  if (missing.length === names.length) {
    throw new KubeError(
      'KUBE_NAMESPACES_NOT_FOUND',
      `none of the namespaces ${names.join(', ')} exists in ${api.endpoint.description}: check spec.targets[].parameters.namespace.literals`,
      false,
    );
  }
  return { present: names.filter((n) => !missing.includes(n)), missing: missing.sort() };
}

/** kind/name → HPA name, per namespace; an HPA we may not read is a note, not a failure. */
async function hpaTargets(
  api: KubeApi,
  namespace: string,
  notes: string[],
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  try {
    for (const hpa of (await api.list(HPAS, namespace)).items) {
      const ref = (hpa.spec as { scaleTargetRef?: { kind?: unknown; name?: unknown } } | undefined)
        ?.scaleTargetRef;
      if (typeof ref?.kind === 'string' && typeof ref.name === 'string')
        out.set(`${ref.kind}/${ref.name}`, hpa.metadata.name);
    }
  } catch (error) {
    if (!(error instanceof KubeError) || error.transient) throw error;
    notes.push(`could not check HorizontalPodAutoscalers in ${namespace} (${error.code})`);
  }
  return out;
}

function skipReason(type: WorkloadType, object: KubeObject): string | undefined {
  if (isExcluded(object)) return 'excluded by annotation hibernator.ardikabs.com/exclude';
  // A ReplicaSet of a Deployment would be scaled right back by its Deployment; scale the Deployment instead.
  const owner = object.metadata.ownerReferences?.find((o) => o.controller === true);
  if (type.builtinKind === 'ReplicaSet' && owner) return `managed by ${owner.kind} ${owner.name}`;
  return undefined;
}

/**
 * Everything the target covers right now: the namespaces (literals or selector), then in each
 * of them every workload of every included type matching the workload selector, with its
 * replicas, its HPA and whether it is left alone. Read-only; every list is paginated.
 */
export async function findWorkloads(
  api: KubeApi,
  params: WorkloadScalerParameters,
  concurrency: number,
  logger: Pick<Logger, 'debug'>,
): Promise<Inventory> {
  const { present, missing } = await resolveNamespaces(api, params, concurrency, logger);
  const types = params.includedGroups.map(workloadType);
  const labelSelector = formatLabelSelector(params.workloadSelector);
  const notes: string[] = [];
  const hpas = new Map<string, Map<string, string>>();
  const found: Workload[] = [];
  const jobs = present.flatMap((namespace) => [
    { namespace, type: null as WorkloadType | null },
    ...types.map((type) => ({ namespace, type })),
  ]);
  await runLimited(jobs, concurrency, async ({ namespace, type }) => {
    if (type === null) {
      hpas.set(namespace, await hpaTargets(api, namespace, notes));
      return;
    }
    const list = await api.list(type.gvr, namespace, labelSelector === '' ? {} : { labelSelector });
    // Selector and namespace are checked again: a server may ignore labelSelector (selection-guard.ts).
    const items = keepSelected(
      list.items,
      (o) =>
        (o.metadata.namespace ?? namespace) === namespace &&
        matchesLabelSelector(o.metadata.labels, params.workloadSelector),
      logger,
      `${type.gvr.resource} in ${namespace}`,
    );
    for (const object of items) {
      const kind = type.builtinKind ?? object.kind ?? list.kind;
      const name = object.metadata.name;
      const workload: Workload = {
        key: workloadKey(namespace, kind, name),
        namespace,
        kind,
        name,
        type,
        replicas: replicasOf(object) ?? 1,
      };
      const skip = skipReason(type, object);
      if (skip) workload.skip = skip;
      found.push(workload);
    }
  });
  // Custom resources keep replicas wherever their scale subresource says: ask the subresource.
  const custom = found.filter((w) => !w.type.builtinKind && !w.skip);
  await runLimited(custom, concurrency, async (w) => {
    const scale = await api.getScale(w.type.gvr, w.namespace, w.name);
    if (scale === null) w.skip = 'it no longer exists';
    else w.replicas = scale.replicas;
  });
  for (const w of found) {
    const hpa = hpas.get(w.namespace)?.get(`${w.kind}/${w.name}`);
    if (hpa) w.hpa = hpa;
  }
  found.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { namespaces: present, missingNamespaces: missing, workloads: found, notes: notes.sort() };
}
