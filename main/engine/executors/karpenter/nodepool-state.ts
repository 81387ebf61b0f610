import { z } from 'zod';
import type { GroupVersionResource, KubeObject } from '../../connections/kube/kube-api';

const StringMap = z.record(z.string(), z.string());

/**
 * A captured NodePool: the object as the cluster showed it before the delete (spec, labels,
 * annotations and the rest), so that wake-up can create it again unchanged.
 */
export const NodePoolStateSchema = z.looseObject({
  apiVersion: z.string().regex(/^karpenter\.sh\/v[a-z0-9]+$/, {
    error: 'must be a karpenter.sh API version, e.g. karpenter.sh/v1',
  }),
  kind: z.literal('NodePool'),
  metadata: z.looseObject({
    name: z.string().min(1),
    labels: StringMap.optional(),
    annotations: StringMap.optional(),
  }),
  spec: z.record(z.string(), z.unknown()),
});
export type NodePoolState = z.infer<typeof NodePoolStateSchema>;

/** What the apiserver and Karpenter own: a create carrying them is refused (resourceVersion) or meaningless. */
const SERVER_MANAGED_METADATA = [
  'resourceVersion',
  'uid',
  'creationTimestamp',
  'managedFields',
  'generation',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
  'selfLink',
  // Karpenter adds its termination finalizer itself; an owner's uid would not match a new owner.
  'finalizers',
  'ownerReferences',
];

/** The capture: the whole object minus managedFields (the apiserver's field-ownership bookkeeping). */
export function captureNodePool(object: KubeObject, apiVersion: string): Record<string, unknown> {
  const copy = structuredClone(object) as Record<string, unknown> & {
    metadata: Record<string, unknown>;
  };
  delete copy.metadata.managedFields;
  return { ...copy, apiVersion: object.apiVersion ?? apiVersion, kind: 'NodePool' };
}

/** The body that creates the captured NodePool again: spec, labels and annotations as they were; no status. */
export function recreatableNodePool(state: NodePoolState): Record<string, unknown> {
  const body = structuredClone(state) as Record<string, unknown> & {
    metadata: Record<string, unknown>;
  };
  for (const field of SERVER_MANAGED_METADATA) delete body.metadata[field];
  delete body.status;
  return body;
}

export function nodePoolGvr(apiVersion: string): GroupVersionResource {
  const [group = 'karpenter.sh', version = 'v1'] = apiVersion.split('/');
  return { group, version, resource: 'nodepools' };
}
