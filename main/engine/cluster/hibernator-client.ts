import type { KubeEndpoint, KubeError } from '../cloud-errors/kube-errors';
import type { LooseObject } from './cluster-plan-summary';
import type { ClusterResource } from './hibernator-resources';

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';

export interface ClusterWatchEvent {
  type: WatchEventType;
  /** The object; for ERROR, the Status (`code` 410 = resume impossible, list again). */
  object: LooseObject & { code?: number; reason?: string; message?: string };
}

export interface ClusterWatchHandle {
  stop(): void;
}

/**
 * What the cluster-plans module needs from a cluster: discovery of the operator's API, paged
 * lists with their resourceVersion, one object, a JSON merge patch, and a watch. Failures are
 * KubeErrors naming the verb, resource and namespace.
 */
export interface HibernatorClient {
  readonly endpoint: KubeEndpoint;
  /** Whether the cluster serves hibernator.ardikabs.com/v1alpha1 (through discovery), and why not. */
  discover(): Promise<{ served: true } | { served: false; reason: string }>;
  list(
    resource: ClusterResource,
    namespace: string | undefined,
  ): Promise<{ items: LooseObject[]; resourceVersion: string }>;
  get(resource: ClusterResource, namespace: string, name: string): Promise<LooseObject | null>;
  /** `application/merge-patch+json`; the patch is sent exactly as given. */
  mergePatch(
    resource: ClusterResource,
    namespace: string,
    name: string,
    patch: Record<string, unknown>,
  ): Promise<LooseObject>;
  /**
   * Opens a watch from `resourceVersion` (with bookmarks). `onEnd` is called once: null when the
   * server closed the stream, a KubeError when it could not start or broke.
   */
  watch(
    resource: ClusterResource,
    namespace: string | undefined,
    resourceVersion: string,
    onEvent: (event: ClusterWatchEvent) => void,
    onEnd: (error: KubeError | null) => void,
  ): Promise<ClusterWatchHandle>;
  close(): void;
}
