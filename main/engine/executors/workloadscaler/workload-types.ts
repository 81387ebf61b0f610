import { z } from 'zod';
import type { GroupVersionResource } from '../../connections/kube/kube-api';

/** One entry of `includedGroups`, resolved to the API it lives at. */
export interface WorkloadType {
  /** As written in the plan: `Deployment` or `argoproj.io/v1alpha1/rollouts`. */
  label: string;
  gvr: GroupVersionResource;
  /** Deployment, StatefulSet, ReplicaSet: built in, their kind is known before listing. */
  builtinKind?: string;
}

const BUILTIN: Readonly<Record<string, GroupVersionResource>> = {
  Deployment: { group: 'apps', version: 'v1', resource: 'deployments' },
  StatefulSet: { group: 'apps', version: 'v1', resource: 'statefulsets' },
  ReplicaSet: { group: 'apps', version: 'v1', resource: 'replicasets' },
};

/** `includedGroups` entries are already validated by the parameter schema; this only resolves them. */
export function workloadType(label: string): WorkloadType {
  const builtin = BUILTIN[label];
  if (builtin) return { label, gvr: builtin, builtinKind: label };
  const [group = '', version = '', resource = ''] = label.split('/');
  return { label, gvr: { group, version, resource } };
}

/** What wake-up needs per workload; group/version/resource only for kinds that are not built in. */
export const WorkloadStateSchema = z
  .object({
    replicas: z.number().int().min(0),
    group: z.string().optional(),
    version: z.string().optional(),
    resource: z.string().optional(),
  })
  .strict();
export type WorkloadState = z.infer<typeof WorkloadStateSchema>;

export function workloadKey(namespace: string, kind: string, name: string): string {
  return `${namespace}/${kind}/${name}`;
}

export interface ParsedKey {
  namespace: string;
  kind: string;
  name: string;
}

export function parseWorkloadKey(key: string): ParsedKey | null {
  const parts = key.split('/');
  if (parts.length !== 3 || parts.some((p) => p === '')) return null;
  const [namespace = '', kind = '', name = ''] = parts;
  return { namespace, kind, name };
}

export function stateFor(type: WorkloadType, replicas: number): WorkloadState {
  return type.builtinKind
    ? { replicas }
    : { replicas, group: type.gvr.group, version: type.gvr.version, resource: type.gvr.resource };
}

/** Where a captured workload lives: its recorded group/version/resource, or the built-in kind's. */
export function gvrFromCapture(kind: string, state: WorkloadState): GroupVersionResource | null {
  if (state.version !== undefined && state.resource !== undefined)
    return { group: state.group ?? '', version: state.version, resource: state.resource };
  return BUILTIN[kind] ?? null;
}
