/** Shapes shared by the emulator's modules. */
import type { JsonObject } from './json';

export interface ObjectMeta extends JsonObject {
  name: string;
  namespace?: string;
  uid: string;
  resourceVersion: string;
  generation?: number;
  creationTimestamp: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

export interface KubeObject extends JsonObject {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
}

/** Where the replica count of a scalable resource lives (the CRD `subresources.scale` fields). */
export interface ScaleSpec {
  specReplicasPath: string;
  statusReplicasPath: string;
  labelSelectorPath?: string;
}

export type Printer =
  | 'deployments'
  | 'statefulsets'
  | 'replicasets'
  | 'namespaces'
  | 'nodes'
  | 'hpa'
  | 'nodepools'
  | 'generic';

export interface ResourceDef {
  group: string;
  version: string;
  plural: string;
  singular: string;
  kind: string;
  listKind: string;
  namespaced: boolean;
  shortNames: string[];
  categories: string[];
  /** Built-in types accept strategic merge patch and list items without kind/apiVersion. */
  builtin: boolean;
  /** Several versions of one resource share a storage bucket (HPA v1 and v2). */
  storage: string;
  scale?: ScaleSpec;
  /** Workload whose status follows spec.replicas after the configured delay. */
  workload?: 'Deployment' | 'StatefulSet' | 'ReplicaSet' | 'Custom';
  /** A read-only alternative version: objects are converted on read, writes are refused. */
  readOnlyView?: 'hpa-v1';
  printer: Printer;
}

export interface Clock {
  now(): number;
}

export function groupVersion(def: Pick<ResourceDef, 'group' | 'version'>): string {
  return def.group === '' ? def.version : `${def.group}/${def.version}`;
}
