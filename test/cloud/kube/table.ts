/**
 * Server-side printing (`Accept: application/json;as=Table;v=v1;g=meta.k8s.io`): the columns
 * `kubectl get` shows come from the server, so these follow the apiserver's printers and
 * Karpenter's CRD printer columns.
 */
import { isObject, readPath, type JsonObject } from './json';
import type { KubeObject, Printer, ResourceDef } from './types';
import { scaleSelector } from './workloads';

interface Column {
  name: string;
  type: 'string' | 'integer' | 'date';
  format?: string;
  priority?: number;
  description: string;
  cell: (obj: KubeObject, now: number) => string | number;
}

/** k8s.io/apimachinery/pkg/util/duration.HumanDuration. */
export function humanDuration(ms: number): string {
  const s = Math.floor(ms / 1000);
  if (s < -1) return '<invalid>';
  if (s < 0) return '0s';
  if (s < 120) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 10) return s % 60 === 0 ? `${m}m` : `${m}m${s % 60}s`;
  if (m < 180) return `${m}m`;
  const h = Math.floor(m / 60);
  if (h < 8) return m % 60 === 0 ? `${h}h` : `${h}h${m % 60}m`;
  if (h < 48) return `${h}h`;
  const d = Math.floor(h / 24);
  if (h < 24 * 8) return h % 24 === 0 ? `${d}d` : `${d}d${h % 24}h`;
  if (d < 365 * 2) return `${d}d`;
  const y = Math.floor(d / 365);
  if (d < 365 * 8) return d % 365 === 0 ? `${y}y` : `${y}y${d % 365}d`;
  return `${y}y`;
}

function num(obj: unknown, ...path: string[]): number {
  const v = readPath(obj, path);
  return typeof v === 'number' ? v : 0;
}

function str(obj: unknown, ...path: string[]): string {
  const v = readPath(obj, path);
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '';
}

function containers(obj: KubeObject): JsonObject[] {
  const list = readPath(obj, ['spec', 'template', 'spec', 'containers']);
  return Array.isArray(list) ? list.filter(isObject) : [];
}

const NAME: Column = {
  name: 'Name',
  type: 'string',
  format: 'name',
  description: 'Name must be unique within a namespace.',
  cell: (o) => o.metadata.name,
};
const AGE: Column = {
  name: 'Age',
  type: 'string',
  description:
    'CreationTimestamp is a timestamp representing the server time when this object was created.',
  cell: (o, now) => humanDuration(now - Date.parse(o.metadata.creationTimestamp)),
};
const CONTAINERS: Column = {
  name: 'Containers',
  type: 'string',
  priority: 1,
  description: 'Names of each container in the template.',
  cell: (o) =>
    containers(o)
      .map((c) => str(c, 'name'))
      .join(','),
};
const IMAGES: Column = {
  name: 'Images',
  type: 'string',
  priority: 1,
  description: 'Images referenced by each container in the template.',
  cell: (o) =>
    containers(o)
      .map((c) => str(c, 'image'))
      .join(','),
};

function selectorColumn(def: ResourceDef): Column {
  return {
    name: 'Selector',
    type: 'string',
    priority: 1,
    description: 'The label selector.',
    cell: (o) => scaleSelector(def, o) ?? '',
  };
}

function readyCondition(o: KubeObject): string {
  const conditions = readPath(o, ['status', 'conditions']);
  const ready = Array.isArray(conditions)
    ? conditions.filter(isObject).find((c) => c.type === 'Ready')
    : undefined;
  return ready !== undefined && typeof ready.status === 'string' ? ready.status : '';
}

function hpaTargets(o: KubeObject): string {
  const v1 = readPath(o, ['spec', 'targetCPUUtilizationPercentage']);
  if (typeof v1 === 'number') return `cpu: <unknown>/${v1}%`;
  const metrics = readPath(o, ['spec', 'metrics']);
  const targets = (Array.isArray(metrics) ? metrics : []).map((m) => {
    const name = str(m, 'resource', 'name');
    const pct = readPath(m, ['resource', 'target', 'averageUtilization']);
    return typeof pct === 'number' ? `${name}: <unknown>/${pct}%` : `${name}: <unknown>`;
  });
  return targets.length === 0 ? '<none>' : targets.join(', ');
}

function columnsFor(def: ResourceDef, printer: Printer): Column[] {
  const ready: Column = {
    name: 'Ready',
    type: 'string',
    description: 'Number of the pod with ready state',
    cell: (o) => `${num(o, 'status', 'readyReplicas')}/${num(o, 'spec', 'replicas')}`,
  };
  switch (printer) {
    case 'deployments':
      return [
        NAME,
        ready,
        {
          name: 'Up-to-date',
          type: 'integer',
          description:
            'Total number of non-terminated pods targeted by this deployment that have the desired template spec.',
          cell: (o) => num(o, 'status', 'updatedReplicas'),
        },
        {
          name: 'Available',
          type: 'integer',
          description:
            'Total number of available pods (ready for at least minReadySeconds) targeted by this deployment.',
          cell: (o) => num(o, 'status', 'availableReplicas'),
        },
        AGE,
        CONTAINERS,
        IMAGES,
        selectorColumn(def),
      ];
    case 'statefulsets':
      return [NAME, ready, AGE, CONTAINERS, IMAGES];
    case 'replicasets':
      return [
        NAME,
        {
          name: 'Desired',
          type: 'integer',
          description: 'Replicas is the number of desired replicas.',
          cell: (o) => num(o, 'spec', 'replicas'),
        },
        {
          name: 'Current',
          type: 'integer',
          description: 'Replicas is the most recently observed number of replicas.',
          cell: (o) => num(o, 'status', 'replicas'),
        },
        {
          name: 'Ready',
          type: 'integer',
          description: 'The number of ready replicas for this replica set.',
          cell: (o) => num(o, 'status', 'readyReplicas'),
        },
        AGE,
        CONTAINERS,
        IMAGES,
        selectorColumn(def),
      ];
    case 'namespaces':
      return [
        NAME,
        {
          name: 'Status',
          type: 'string',
          description: 'The status of the namespace',
          cell: (o) => str(o, 'status', 'phase'),
        },
        AGE,
      ];
    case 'nodes':
      return [
        NAME,
        {
          name: 'Status',
          type: 'string',
          description: 'The status of the node',
          cell: (o) =>
            `${readyCondition(o) === 'True' ? 'Ready' : 'NotReady'}${readPath(o, ['spec', 'unschedulable']) === true ? ',SchedulingDisabled' : ''}`,
        },
        {
          name: 'Roles',
          type: 'string',
          description: 'The roles of the node',
          cell: () => '<none>',
        },
        AGE,
        {
          name: 'Version',
          type: 'string',
          description: 'Kubelet Version reported by the node.',
          cell: (o) => str(o, 'status', 'nodeInfo', 'kubeletVersion'),
        },
      ];
    case 'hpa':
      return [
        NAME,
        {
          name: 'Reference',
          type: 'string',
          description: 'reference to the target',
          cell: (o) =>
            `${str(o, 'spec', 'scaleTargetRef', 'kind')}/${str(o, 'spec', 'scaleTargetRef', 'name')}`,
        },
        { name: 'Targets', type: 'string', description: 'the target value', cell: hpaTargets },
        {
          name: 'MinPods',
          type: 'string',
          description: 'the minimum number of pods',
          cell: (o) => num(o, 'spec', 'minReplicas'),
        },
        {
          name: 'MaxPods',
          type: 'integer',
          description: 'the maximum number of pods',
          cell: (o) => num(o, 'spec', 'maxReplicas'),
        },
        {
          name: 'Replicas',
          type: 'integer',
          description: 'current replicas',
          cell: (o) => num(o, 'status', 'currentReplicas'),
        },
        AGE,
      ];
    case 'nodepools':
      return [
        NAME,
        {
          name: 'NodeClass',
          type: 'string',
          description: '',
          cell: (o) => str(o, 'spec', 'template', 'spec', 'nodeClassRef', 'name'),
        },
        {
          name: 'Nodes',
          type: 'string',
          description: '',
          cell: (o) => str(o, 'status', 'resources', 'nodes'),
        },
        { name: 'Ready', type: 'string', description: '', cell: readyCondition },
        AGE,
        {
          name: 'Weight',
          type: 'integer',
          priority: 1,
          description: '',
          cell: (o) => num(o, 'spec', 'weight'),
        },
        {
          name: 'CPU',
          type: 'string',
          priority: 1,
          description: '',
          cell: (o) => str(o, 'status', 'resources', 'cpu'),
        },
        {
          name: 'Memory',
          type: 'string',
          priority: 1,
          description: '',
          cell: (o) => str(o, 'status', 'resources', 'memory'),
        },
      ];
    case 'generic':
      return [NAME, AGE];
  }
}

export type IncludeObject = 'None' | 'Metadata' | 'Object';

export function toTable(
  def: ResourceDef,
  objects: KubeObject[],
  listMeta: JsonObject,
  includeObject: IncludeObject,
  now: number,
): JsonObject {
  const columns = columnsFor(def, def.printer);
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: listMeta,
    columnDefinitions: columns.map((c) => ({
      name: c.name,
      type: c.type,
      format: c.format ?? '',
      description: c.description,
      priority: c.priority ?? 0,
    })),
    rows: objects.map((o) => {
      const row: JsonObject = { cells: columns.map((c) => c.cell(o, now)) };
      if (includeObject === 'Object') row.object = o;
      if (includeObject === 'Metadata')
        row.object = {
          kind: 'PartialObjectMetadata',
          apiVersion: 'meta.k8s.io/v1',
          metadata: o.metadata,
        };
      return row;
    }),
  };
}
