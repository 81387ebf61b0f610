/**
 * The resources the emulator serves, described once and used by routing, discovery, tables
 * and the generic handlers. Names, kinds, short names and categories are the real ones
 * (karpenter's from its v1 CRD).
 */
import type { ResourceDef, ScaleSpec } from './types';

const WORKLOAD_SCALE: ScaleSpec = {
  specReplicasPath: '.spec.replicas',
  statusReplicasPath: '.status.replicas',
  labelSelectorPath: '.spec.selector',
};

export const BUILTIN_RESOURCES: readonly ResourceDef[] = [
  {
    group: '',
    version: 'v1',
    plural: 'namespaces',
    singular: 'namespace',
    kind: 'Namespace',
    listKind: 'NamespaceList',
    namespaced: false,
    shortNames: ['ns'],
    categories: [],
    builtin: true,
    storage: 'namespaces',
    printer: 'namespaces',
  },
  {
    group: '',
    version: 'v1',
    plural: 'nodes',
    singular: 'node',
    kind: 'Node',
    listKind: 'NodeList',
    namespaced: false,
    shortNames: ['no'],
    categories: [],
    builtin: true,
    storage: 'nodes',
    printer: 'nodes',
  },
  {
    group: 'apps',
    version: 'v1',
    plural: 'deployments',
    singular: 'deployment',
    kind: 'Deployment',
    listKind: 'DeploymentList',
    namespaced: true,
    shortNames: ['deploy'],
    categories: ['all'],
    builtin: true,
    storage: 'apps/deployments',
    scale: WORKLOAD_SCALE,
    workload: 'Deployment',
    printer: 'deployments',
  },
  {
    group: 'apps',
    version: 'v1',
    plural: 'statefulsets',
    singular: 'statefulset',
    kind: 'StatefulSet',
    listKind: 'StatefulSetList',
    namespaced: true,
    shortNames: ['sts'],
    categories: ['all'],
    builtin: true,
    storage: 'apps/statefulsets',
    scale: WORKLOAD_SCALE,
    workload: 'StatefulSet',
    printer: 'statefulsets',
  },
  {
    group: 'apps',
    version: 'v1',
    plural: 'replicasets',
    singular: 'replicaset',
    kind: 'ReplicaSet',
    listKind: 'ReplicaSetList',
    namespaced: true,
    shortNames: ['rs'],
    categories: ['all'],
    builtin: true,
    storage: 'apps/replicasets',
    scale: WORKLOAD_SCALE,
    workload: 'ReplicaSet',
    printer: 'replicasets',
  },
  {
    group: 'autoscaling',
    version: 'v2',
    plural: 'horizontalpodautoscalers',
    singular: 'horizontalpodautoscaler',
    kind: 'HorizontalPodAutoscaler',
    listKind: 'HorizontalPodAutoscalerList',
    namespaced: true,
    shortNames: ['hpa'],
    categories: ['all'],
    builtin: true,
    storage: 'autoscaling/horizontalpodautoscalers',
    printer: 'hpa',
  },
  {
    group: 'autoscaling',
    version: 'v1',
    plural: 'horizontalpodautoscalers',
    singular: 'horizontalpodautoscaler',
    kind: 'HorizontalPodAutoscaler',
    listKind: 'HorizontalPodAutoscalerList',
    namespaced: true,
    shortNames: ['hpa'],
    categories: ['all'],
    builtin: true,
    storage: 'autoscaling/horizontalpodautoscalers',
    printer: 'hpa',
    readOnlyView: 'hpa-v1',
  },
  {
    group: 'karpenter.sh',
    version: 'v1',
    plural: 'nodepools',
    singular: 'nodepool',
    kind: 'NodePool',
    listKind: 'NodePoolList',
    namespaced: false,
    shortNames: [],
    categories: ['karpenter'],
    builtin: false,
    storage: 'karpenter.sh/nodepools',
    printer: 'nodepools',
  },
];

/** A custom resource definition as a seed declares it (the CRD fields the emulator needs). */
export interface CustomResourceDefinitionSeed {
  group: string;
  version: string;
  plural: string;
  kind: string;
  singular?: string;
  listKind?: string;
  namespaced?: boolean;
  shortNames?: string[];
  /** `true` = the usual `.spec.replicas` / `.status.replicas` / `.status.selector` paths. */
  scale?: boolean | ScaleSpec;
}

export function customResourceDef(seed: CustomResourceDefinitionSeed): ResourceDef {
  const scale: ScaleSpec | undefined =
    seed.scale === true
      ? {
          specReplicasPath: '.spec.replicas',
          statusReplicasPath: '.status.replicas',
          labelSelectorPath: '.status.selector',
        }
      : seed.scale === false || seed.scale === undefined
        ? undefined
        : seed.scale;
  const def: ResourceDef = {
    group: seed.group,
    version: seed.version,
    plural: seed.plural,
    singular: seed.singular ?? seed.kind.toLowerCase(),
    kind: seed.kind,
    listKind: seed.listKind ?? `${seed.kind}List`,
    namespaced: seed.namespaced ?? true,
    shortNames: seed.shortNames ?? [],
    categories: [],
    builtin: false,
    storage: `${seed.group}/${seed.plural}`,
    printer: 'generic',
  };
  if (scale !== undefined) {
    def.scale = scale;
    def.workload = 'Custom';
  }
  return def;
}

export class ResourceRegistry {
  private defs: ResourceDef[] = [...BUILTIN_RESOURCES];

  all(): readonly ResourceDef[] {
    return this.defs;
  }

  add(def: ResourceDef): void {
    this.defs = this.defs.filter(
      (d) => !(d.group === def.group && d.version === def.version && d.plural === def.plural),
    );
    this.defs.push(def);
  }

  reset(): void {
    this.defs = [...BUILTIN_RESOURCES];
  }

  find(group: string, version: string, plural: string): ResourceDef | undefined {
    return this.defs.find((d) => d.group === group && d.version === version && d.plural === plural);
  }

  /** The version objects are stored and written through (not a read-only view). */
  primary(storage: string): ResourceDef | undefined {
    return this.defs.find((d) => d.storage === storage && d.readOnlyView === undefined);
  }

  hasGroupVersion(group: string, version: string): boolean {
    return this.defs.some((d) => d.group === group && d.version === version);
  }

  /** Groups in registration order with their versions, preferred (first registered) first. */
  groups(): Array<{ name: string; versions: string[] }> {
    const out: Array<{ name: string; versions: string[] }> = [];
    for (const d of this.defs) {
      if (d.group === '') continue;
      let g = out.find((x) => x.name === d.group);
      if (g === undefined) {
        g = { name: d.group, versions: [] };
        out.push(g);
      }
      if (!g.versions.includes(d.version)) g.versions.push(d.version);
    }
    return out;
  }
}
