import {
  CustomObjectsApi,
  PatchStrategy,
  Watch,
  setHeaderOptions,
  type KubeConfig,
} from '@kubernetes/client-node';
import {
  KubeError,
  kubeErrorForStatus,
  toKubeError,
  type KubeEndpoint,
  type KubeOperation,
} from '../cloud-errors/kube-errors';
import { keepAliveConfiguration } from '../connections/kube/keep-alive-auth';
import { plain, record } from '../connections/kube/kube-json';
import type { LooseObject } from './cluster-plan-summary';
import type { ClusterWatchEvent, HibernatorClient, WatchEventType } from './hibernator-client';
import {
  CLUSTER_RESOURCES,
  HIBERNATOR_GROUP,
  HIBERNATOR_GROUP_VERSION,
  HIBERNATOR_VERSION,
  type ClusterResource,
} from './hibernator-resources';

const MERGE_PATCH = setHeaderOptions('Content-Type', PatchStrategy.MergePatch);
const PAGE_SIZE = 250;
/** Servers end watches anyway (30–60 min); a shorter one keeps a dead connection from hiding. */
const WATCH_TIMEOUT_SECONDS = 300;
const EVENT_TYPES: ReadonlySet<string> = new Set([
  'ADDED',
  'MODIFIED',
  'DELETED',
  'BOOKMARK',
  'ERROR',
]);

function loose(value: unknown): LooseObject | null {
  const v = record(plain(value));
  const meta = record(v.metadata);
  if (typeof meta.name !== 'string' && v.kind !== 'Status') return null;
  return v as unknown as LooseObject;
}

/** The HibernatorClient over @kubernetes/client-node: CustomObjectsApi, and its Watch for streams. */
export function createHibernatorClient(kc: KubeConfig, endpoint: KubeEndpoint): HibernatorClient {
  const { configuration, close } = keepAliveConfiguration(kc, endpoint.description);
  const custom = new CustomObjectsApi(configuration);
  const watcher = new Watch(kc);
  const op = (
    verb: KubeOperation['verb'],
    resource: string,
    namespace: string | undefined,
    name?: string,
  ): KubeOperation => ({
    verb,
    group: HIBERNATOR_GROUP,
    version: HIBERNATOR_VERSION,
    resource,
    ...(namespace === undefined ? {} : { namespace }),
    ...(name === undefined ? {} : { name }),
  });
  async function call<T>(operation: KubeOperation, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (error) {
      throw toKubeError(error, operation, endpoint);
    }
  }
  const base = (plural: ClusterResource) => ({
    group: HIBERNATOR_GROUP,
    version: HIBERNATOR_VERSION,
    plural,
  });

  return {
    endpoint,
    close,
    async discover() {
      try {
        const doc = record(
          plain(
            await call(op('get', HIBERNATOR_GROUP_VERSION, undefined), () =>
              custom.getAPIResources({ group: HIBERNATOR_GROUP, version: HIBERNATOR_VERSION }),
            ),
          ),
        );
        const names = (Array.isArray(doc.resources) ? doc.resources : []).map((r) =>
          String(record(r).name),
        );
        const missing = CLUSTER_RESOURCES.filter((r) => !names.includes(r));
        if (!names.includes('hibernateplans'))
          return {
            served: false,
            reason: `the cluster serves ${HIBERNATOR_GROUP_VERSION} without HibernatePlans`,
          };
        return missing.length === 0
          ? { served: true }
          : {
              served: false,
              reason: `the cluster's ${HIBERNATOR_GROUP_VERSION} lacks ${missing.join(', ')}`,
            };
      } catch (error) {
        if (
          error instanceof KubeError &&
          (error.status === 404 || error.code === 'KUBE_RESOURCE_UNKNOWN')
        )
          return {
            served: false,
            reason: `the cluster does not serve ${HIBERNATOR_GROUP_VERSION}: the Hibernator operator is not installed there`,
          };
        throw error;
      }
    },
    async list(resource, namespace) {
      const items: LooseObject[] = [];
      let token: string | undefined;
      let resourceVersion = '';
      do {
        const query = {
          ...base(resource),
          limit: PAGE_SIZE,
          ...(token ? { _continue: token } : {}),
        };
        const page = record(
          plain(
            await call(op('list', resource, namespace), () =>
              namespace === undefined
                ? custom.listClusterCustomObject(query)
                : custom.listNamespacedCustomObject({ ...query, namespace }),
            ),
          ),
        );
        const meta = record(page.metadata);
        if (resourceVersion === '' && typeof meta.resourceVersion === 'string')
          resourceVersion = meta.resourceVersion;
        for (const item of Array.isArray(page.items) ? page.items : []) {
          const obj = loose(item);
          if (obj !== null) items.push(obj);
        }
        token =
          typeof meta.continue === 'string' && meta.continue !== '' ? meta.continue : undefined;
      } while (token !== undefined);
      return { items, resourceVersion };
    },
    async get(resource, namespace, name) {
      try {
        return loose(
          await call(op('get', resource, namespace, name), () =>
            custom.getNamespacedCustomObject({ ...base(resource), namespace, name }),
          ),
        );
      } catch (error) {
        if (error instanceof KubeError && error.code === 'KUBE_NOT_FOUND') return null;
        throw error;
      }
    },
    async mergePatch(resource, namespace, name, patch) {
      const result = loose(
        await call(op('patch', resource, namespace, name), () =>
          custom.patchNamespacedCustomObject(
            { ...base(resource), namespace, name, body: patch },
            MERGE_PATCH,
          ),
        ),
      );
      if (result === null)
        throw new KubeError(
          'KUBE_BAD_ANSWER',
          `patch ${resource} ${name}: the server answered without an object`,
          true,
        );
      return result;
    },
    async watch(resource, namespace, resourceVersion, onEvent, onEnd) {
      const path =
        namespace === undefined
          ? `/apis/${HIBERNATOR_GROUP_VERSION}/${resource}`
          : `/apis/${HIBERNATOR_GROUP_VERSION}/namespaces/${encodeURIComponent(namespace)}/${resource}`;
      const operation = op('watch', resource, namespace);
      let ended = false;
      const end = (error: KubeError | null): void => {
        if (ended) return;
        ended = true;
        onEnd(error);
      };
      const controller = await watcher.watch(
        path,
        {
          allowWatchBookmarks: true,
          resourceVersion,
          timeoutSeconds: WATCH_TIMEOUT_SECONDS,
        },
        (type: string, object: unknown) => {
          const obj = loose(object);
          if (!EVENT_TYPES.has(type) || obj === null) return;
          const event: ClusterWatchEvent = { type: type as WatchEventType, object: obj };
          onEvent(event);
        },
        (error: unknown) => {
          if (error === null || error === undefined) return end(null);
          const status = record(error).statusCode;
          if (typeof status === 'number')
            return end(kubeErrorForStatus(status, '', operation, endpoint));
          if (error instanceof Error && error.name === 'AbortError') return end(null);
          end(toKubeError(error, operation, endpoint));
        },
      );
      return {
        stop() {
          ended = true;
          controller.abort();
        },
      };
    },
  };
}
