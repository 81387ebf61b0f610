/**
 * What the apiserver does to every incoming object before storage: decode against the URL
 * (apiVersion, kind, namespace), defaulting, and validation into 422 Invalid.
 */
import { clone, isObject, objectAt } from './json';
import { validateLabelKey, validateLabelValue } from './label-selector';
import { badRequest, invalid, type FieldProblem } from './status';
import { groupVersion, type KubeObject, type ObjectMeta, type ResourceDef } from './types';
import { prepareWorkload, validateName } from './workloads';

const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

/** Decodes a request body for `def`; system fields (uid, timestamps) are blanked for the caller to fill. */
export function readBody(
  def: ResourceDef,
  body: unknown,
  namespace: string | undefined,
): KubeObject {
  if (!isObject(body)) throw badRequest(`Object 'Kind' is missing in '${JSON.stringify(body)}'`);
  const apiVersion = body.apiVersion ?? groupVersion(def);
  if (apiVersion !== groupVersion(def)) {
    throw badRequest(
      `the API version in the data (${String(apiVersion)}) does not match the expected API version (${groupVersion(def)})`,
    );
  }
  const kind = body.kind ?? def.kind;
  if (kind !== def.kind)
    throw badRequest(
      `the kind in the data (${String(kind)}) does not match the expected kind (${def.kind})`,
    );
  const meta = isObject(body.metadata) ? body.metadata : {};
  const bodyNamespace =
    typeof meta.namespace === 'string' && meta.namespace !== '' ? meta.namespace : undefined;
  if (def.namespaced && bodyNamespace !== undefined && bodyNamespace !== namespace) {
    throw badRequest(
      'the namespace of the provided object does not match the namespace sent on the request',
    );
  }
  const metadata: ObjectMeta = {
    ...meta,
    name: typeof meta.name === 'string' ? meta.name : '',
    uid: '',
    resourceVersion: typeof meta.resourceVersion === 'string' ? meta.resourceVersion : '',
    creationTimestamp: '',
  };
  if (def.namespaced && namespace !== undefined) metadata.namespace = namespace;
  else delete metadata.namespace;
  return { ...clone(body), apiVersion: groupVersion(def), kind: def.kind, metadata };
}

/** Applies defaults and throws 422 Invalid listing every problem, as the apiserver does. */
export function validateObject(def: ResourceDef, obj: KubeObject): void {
  const problems: FieldProblem[] = validateName(obj.metadata.name, def.storage === 'namespaces');
  for (const [key, value] of Object.entries(obj.metadata.labels ?? {})) {
    const keyProblem = validateLabelKey(key);
    if (keyProblem !== undefined)
      problems.push({
        field: 'metadata.labels',
        type: 'FieldValueInvalid',
        value: key,
        detail: keyProblem,
      });
    const valueProblem = validateLabelValue(value);
    if (valueProblem !== undefined)
      problems.push({
        field: 'metadata.labels',
        type: 'FieldValueInvalid',
        value,
        detail: valueProblem,
      });
  }
  if (def.workload !== undefined) problems.push(...prepareWorkload(def, obj));
  if (problems.length > 0) throw invalid(def.kind, def.group, obj.metadata.name, problems);
}

/** Namespaces get the immutable `kubernetes.io/metadata.name` label (Kubernetes ≥ 1.21) and phase Active. */
export function applyDefaults(def: ResourceDef, obj: KubeObject): void {
  if (def.storage !== 'namespaces') return;
  obj.metadata.labels = { ...obj.metadata.labels, [NAMESPACE_NAME_LABEL]: obj.metadata.name };
  objectAt(obj, 'spec').finalizers ??= ['kubernetes'];
  obj.status = { phase: 'Active' };
}
