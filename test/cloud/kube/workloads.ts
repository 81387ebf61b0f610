/**
 * What the apps/v1 controllers and validation do to scalable objects, reduced to what a
 * hibernation tool can observe: defaults, replica validation, status that follows
 * `spec.replicas`, and the autoscaling/v1 `Scale` view of any scalable resource.
 */
import {
  clone,
  isObject,
  readPath,
  splitFieldPath,
  stringMap,
  writePath,
  type JsonObject,
} from './json';
import { formatLabelSelector, type LabelSelectorRequirementJson } from './label-selector';
import { badRequest, type FieldProblem } from './status';
import type { KubeObject, ResourceDef } from './types';

const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

export function validateName(name: string, label: boolean): FieldProblem[] {
  if (name === '')
    return [
      {
        field: 'metadata.name',
        type: 'FieldValueRequired',
        detail: 'name or generateName is required',
      },
    ];
  if (label && (name.length > 63 || !DNS_LABEL.test(name))) {
    return [
      {
        field: 'metadata.name',
        type: 'FieldValueInvalid',
        value: name,
        detail:
          "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
      },
    ];
  }
  if (!label && (name.length > 253 || !DNS_SUBDOMAIN.test(name))) {
    return [
      {
        field: 'metadata.name',
        type: 'FieldValueInvalid',
        value: name,
        detail:
          "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
      },
    ];
  }
  return [];
}

function replicasProblem(field: string, value: unknown): FieldProblem | undefined {
  if (typeof value === 'number' && Number.isInteger(value) && value < 0) {
    return {
      field,
      type: 'FieldValueInvalid',
      value,
      detail: 'must be greater than or equal to 0',
    };
  }
  return undefined;
}

/** Typed decoding fails before validation in the apiserver: a string where an int32 belongs is a 400. */
function requireIntegerReplicas(def: ResourceDef, value: unknown, path: string): void {
  if (value === undefined || (typeof value === 'number' && Number.isInteger(value))) return;
  const typeName = typeof value === 'number' ? 'number' : typeof value;
  throw badRequest(
    `${def.kind} in version "${def.version}" cannot be handled as a ${def.kind}: json: cannot unmarshal ${typeName} into Go struct field ${path} of type int32`,
  );
}

function describeMap(m: Record<string, string>): string {
  const inner = Object.entries(m)
    .map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`)
    .join(', ');
  return `map[string]string{${inner}}`;
}

/** Applies apps/v1 defaults and returns validation problems (empty when valid). */
export function prepareWorkload(def: ResourceDef, obj: KubeObject): FieldProblem[] {
  const spec = isObject(obj.spec) ? obj.spec : {};
  obj.spec = spec;
  if (def.workload === 'Custom' && def.scale !== undefined) {
    const problem = replicasProblem(
      def.scale.specReplicasPath.replace(/^\./, ''),
      readPath(obj, splitFieldPath(def.scale.specReplicasPath)),
    );
    return problem === undefined ? [] : [problem];
  }
  requireIntegerReplicas(def, spec.replicas, `${def.kind}Spec.spec.replicas`);
  if (spec.replicas === undefined) spec.replicas = 1;
  if (def.workload === 'Deployment') {
    spec.revisionHistoryLimit ??= 10;
    spec.progressDeadlineSeconds ??= 600;
    spec.strategy ??= {
      type: 'RollingUpdate',
      rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' },
    };
  }
  if (def.workload === 'StatefulSet') {
    spec.podManagementPolicy ??= 'OrderedReady';
    spec.revisionHistoryLimit ??= 10;
  }
  const problems: FieldProblem[] = [];
  const rp = replicasProblem('spec.replicas', spec.replicas);
  if (rp !== undefined) problems.push(rp);
  const selector = isObject(spec.selector) ? spec.selector : undefined;
  if (selector === undefined) {
    problems.push({ field: 'spec.selector', type: 'FieldValueRequired', detail: '' });
    return problems;
  }
  const templateLabels = stringMap(readPath(spec, ['template', 'metadata', 'labels']));
  const matchLabels = stringMap(selector.matchLabels);
  const mismatch = Object.entries(matchLabels).some(([k, v]) => templateLabels[k] !== v);
  if (mismatch) {
    problems.push({
      field: 'spec.template.metadata.labels',
      type: 'FieldValueInvalid',
      value: describeMap(templateLabels),
      detail: '`selector` does not match template `labels`',
    });
  }
  return problems;
}

export function desiredReplicas(def: ResourceDef, obj: KubeObject): number {
  if (def.scale === undefined) return 0;
  const v = readPath(obj, splitFieldPath(def.scale.specReplicasPath));
  return typeof v === 'number' ? v : 0;
}

export function observedReplicas(def: ResourceDef, obj: KubeObject): number {
  if (def.scale === undefined) return 0;
  const v = readPath(obj, splitFieldPath(def.scale.statusReplicasPath));
  return typeof v === 'number' ? v : 0;
}

function setCount(status: JsonObject, key: string, n: number, omitZero: boolean): void {
  if (n === 0 && omitZero) delete status[key];
  else status[key] = n;
}

/**
 * Writes the status a controller reports once `n` replicas run. Zero counts are omitted where
 * the Go types say `omitempty` (Deployment.status.replicas, readyReplicas, …), kept where
 * they do not (StatefulSet and ReplicaSet `replicas`).
 */
export function applyObservedReplicas(def: ResourceDef, obj: KubeObject, n: number): void {
  if (def.workload === 'Custom' && def.scale !== undefined) {
    writePath(obj, splitFieldPath(def.scale.statusReplicasPath), n);
    return;
  }
  const status = isObject(obj.status) ? obj.status : {};
  obj.status = status;
  status.observedGeneration = obj.metadata.generation ?? 1;
  if (def.workload === 'Deployment') {
    for (const key of ['replicas', 'updatedReplicas', 'readyReplicas', 'availableReplicas'])
      setCount(status, key, n, true);
    status.conditions = [
      {
        type: 'Available',
        status: 'True',
        reason: 'MinimumReplicasAvailable',
        message: 'Deployment has minimum availability.',
      },
      {
        type: 'Progressing',
        status: 'True',
        reason: 'NewReplicaSetAvailable',
        message: `ReplicaSet "${obj.metadata.name}" has successfully progressed.`,
      },
    ];
  } else if (def.workload === 'StatefulSet') {
    setCount(status, 'replicas', n, false);
    for (const key of ['readyReplicas', 'currentReplicas', 'updatedReplicas', 'availableReplicas'])
      setCount(status, key, n, true);
  } else if (def.workload === 'ReplicaSet') {
    setCount(status, 'replicas', n, false);
    for (const key of ['fullyLabeledReplicas', 'readyReplicas', 'availableReplicas'])
      setCount(status, key, n, true);
  }
}

export function scaleSelector(def: ResourceDef, obj: KubeObject): string | undefined {
  if (def.scale?.labelSelectorPath === undefined) return undefined;
  const v = readPath(obj, splitFieldPath(def.scale.labelSelectorPath));
  if (typeof v === 'string') return v;
  if (!isObject(v)) return undefined;
  const expressions: LabelSelectorRequirementJson[] = Array.isArray(v.matchExpressions)
    ? v.matchExpressions.filter(isObject).map((e) => ({
        key: typeof e.key === 'string' ? e.key : '',
        operator: typeof e.operator === 'string' ? e.operator : '',
        values: Array.isArray(e.values)
          ? e.values.filter((x): x is string => typeof x === 'string')
          : [],
      }))
    : [];
  return formatLabelSelector(stringMap(v.matchLabels), expressions);
}

/** The autoscaling/v1 Scale the apiserver builds from a scalable object. */
export function toScale(def: ResourceDef, obj: KubeObject): KubeObject {
  const metadata = clone(obj.metadata);
  delete metadata.labels;
  delete metadata.annotations;
  delete metadata.generation;
  delete metadata.managedFields;
  const status: JsonObject = { replicas: observedReplicas(def, obj) };
  const selector = scaleSelector(def, obj);
  if (selector !== undefined && selector !== '') status.selector = selector;
  return {
    kind: 'Scale',
    apiVersion: 'autoscaling/v1',
    metadata,
    spec: { replicas: desiredReplicas(def, obj) },
    status,
  };
}

/** Reads `spec.replicas` out of a Scale body; a missing value means 0, as Go's zero value does. */
export function scaleReplicas(scale: unknown): unknown {
  return isObject(scale) && isObject(scale.spec) ? (scale.spec.replicas ?? 0) : 0;
}

export function scaleProblems(value: unknown): FieldProblem[] {
  const p = replicasProblem('spec.replicas', value);
  return p === undefined ? [] : [p];
}

/** autoscaling/v2 HPA → autoscaling/v1, as the apiserver converts on read. */
export function hpaToV1(obj: KubeObject): KubeObject {
  const out = clone(obj);
  out.apiVersion = 'autoscaling/v1';
  const spec = isObject(obj.spec) ? obj.spec : {};
  const v1spec: JsonObject = { scaleTargetRef: spec.scaleTargetRef, maxReplicas: spec.maxReplicas };
  if (spec.minReplicas !== undefined) v1spec.minReplicas = spec.minReplicas;
  const metrics = Array.isArray(spec.metrics) ? spec.metrics.filter(isObject) : [];
  for (const m of metrics) {
    const target = readPath(m, ['resource', 'target', 'averageUtilization']);
    if (
      m.type === 'Resource' &&
      readPath(m, ['resource', 'name']) === 'cpu' &&
      typeof target === 'number'
    ) {
      v1spec.targetCPUUtilizationPercentage = target;
    }
  }
  out.spec = v1spec;
  const status = isObject(obj.status) ? obj.status : {};
  out.status = {
    currentReplicas: status.currentReplicas ?? 0,
    desiredReplicas: status.desiredReplicas ?? 0,
  };
  return out;
}
