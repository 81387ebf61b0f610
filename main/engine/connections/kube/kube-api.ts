import { z } from 'zod';
import type { KubeEndpoint } from '../../cloud-errors/kube-errors';

/** A resource type as the API addresses it; `group` is '' for the core group. */
export interface GroupVersionResource {
  group: string;
  version: string;
  resource: string;
}

const StringMap = z.record(z.string(), z.string());

/** Any Kubernetes object, read loosely: executors look at a few fields and keep the rest as it is. */
export const KubeObjectSchema = z.looseObject({
  apiVersion: z.string().optional(),
  kind: z.string().optional(),
  metadata: z.looseObject({
    name: z.string(),
    namespace: z.string().optional(),
    labels: StringMap.optional(),
    annotations: StringMap.optional(),
    ownerReferences: z
      .array(
        z.looseObject({ kind: z.string(), name: z.string(), controller: z.boolean().optional() }),
      )
      .optional(),
  }),
  spec: z.unknown().optional(),
  status: z.unknown().optional(),
});
export type KubeObject = z.infer<typeof KubeObjectSchema>;

export interface ScaleState {
  /** spec.replicas of the Scale: what the workload is asked to run. */
  replicas: number;
  /** status.replicas of the Scale: what it runs now. */
  observed: number;
}

export interface KubeList {
  /** The item kind (`Deployment`), read from the list's kind. */
  kind: string;
  items: KubeObject[];
  /** Requests made to read every page. */
  pages: number;
}

/**
 * The narrow Kubernetes client the executors use (and that tests could replace). Every list
 * reads all pages (`limit`/`continue`); reads of something that is not there return null;
 * failures are KubeErrors naming the verb and resource.
 */
export interface KubeApi {
  readonly endpoint: KubeEndpoint;
  /** GET /version: `v1.31.4`. */
  serverVersion(): Promise<string>;
  /** An authenticated request every user may make (GET /api): proves the credentials. */
  checkCredentials(): Promise<void>;
  list(
    gvr: GroupVersionResource,
    namespace: string | undefined,
    options?: { labelSelector?: string },
  ): Promise<KubeList>;
  get(
    gvr: GroupVersionResource,
    namespace: string | undefined,
    name: string,
  ): Promise<KubeObject | null>;
  getScale(
    gvr: GroupVersionResource,
    namespace: string | undefined,
    name: string,
  ): Promise<ScaleState | null>;
  /** Merge-patches the scale subresource; null when the object does not exist. */
  patchScale(
    gvr: GroupVersionResource,
    namespace: string | undefined,
    name: string,
    replicas: number,
  ): Promise<ScaleState | null>;
  create(
    gvr: GroupVersionResource,
    namespace: string | undefined,
    body: Record<string, unknown>,
  ): Promise<'created' | 'exists'>;
  delete(
    gvr: GroupVersionResource,
    namespace: string | undefined,
    name: string,
  ): Promise<'deleted' | 'absent'>;
  /** Drops idle keep-alive connections (when the host closes). */
  close(): void;
}

export const NAMESPACES: GroupVersionResource = {
  group: '',
  version: 'v1',
  resource: 'namespaces',
};
export const NODES: GroupVersionResource = { group: '', version: 'v1', resource: 'nodes' };
export const HPAS: GroupVersionResource = {
  group: 'autoscaling',
  version: 'v2',
  resource: 'horizontalpodautoscalers',
};
