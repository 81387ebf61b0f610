import {
  CoreApi,
  CoreV1Api,
  CustomObjectsApi,
  type KubeConfig,
  PatchStrategy,
  VersionApi,
  setHeaderOptions,
} from '@kubernetes/client-node';
import { keepAliveConfiguration } from './keep-alive-auth';
import {
  KubeObjectSchema,
  type GroupVersionResource,
  type KubeApi,
  type KubeList,
  type KubeObject,
} from './kube-api';
import { plain, record, toPage, toScale } from './kube-json';
import {
  KubeError,
  toKubeError,
  type KubeEndpoint,
  type KubeOperation,
} from '../../cloud-errors/kube-errors';

export interface KubeApiOptions {
  /** Items per list request (`limit`); the apiserver's own default is unbounded, so we always page. Default 250. */
  pageSize?: number;
  /** Attempts per request for throttling, 5xx and network errors (the engine retries the whole target after that). Default 3. */
  maxAttempts?: number;
  /** Waits between attempts; real timers by default (the requests themselves run on real time). */
  sleep?: (ms: number) => Promise<void>;
}

/** Without it client-node sends `application/json-patch+json`, which an apiserver rejects for an object body. */
const MERGE_PATCH = setHeaderOptions('Content-Type', PatchStrategy.MergePatch);
const MAX_RETRY_WAIT_MS = 5000;

function unsupportedCore(gvr: GroupVersionResource, what: string): KubeError {
  return new KubeError(
    'KUBE_UNSUPPORTED',
    `${what} of core resource "${gvr.resource}" is not supported: use a resource of an API group (group/version/resource)`,
    false,
  );
}

/** The KubeApi over @kubernetes/client-node: CustomObjectsApi for every API group, CoreV1Api for the core group. */
export function createKubeApi(
  kc: KubeConfig,
  endpoint: KubeEndpoint,
  options: KubeApiOptions = {},
): KubeApi {
  const { configuration, close } = keepAliveConfiguration(kc, endpoint.description);
  const core = new CoreV1Api(configuration);
  const custom = new CustomObjectsApi(configuration);
  const versions = new VersionApi(configuration);
  const discovery = new CoreApi(configuration);
  const pageSize = options.pageSize ?? 250;
  const maxAttempts = Math.max(1, options.maxAttempts ?? 3);
  const sleep =
    options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));

  const op = (
    verb: KubeOperation['verb'],
    gvr: GroupVersionResource,
    namespace: string | undefined,
    name?: string,
    sub?: string,
  ): KubeOperation => ({
    verb,
    group: gvr.group,
    version: gvr.version,
    resource: sub === undefined ? gvr.resource : `${gvr.resource}/${sub}`,
    ...(namespace === undefined ? {} : { namespace }),
    ...(name === undefined ? {} : { name }),
  });

  async function call<T>(operation: KubeOperation, fn: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await fn();
      } catch (error) {
        const e = toKubeError(error, operation, endpoint);
        // An expired continue token is handled by the list (it starts over), not by repeating the page.
        if (!e.transient || e.code === 'KUBE_EXPIRED' || attempt >= maxAttempts) throw e;
        await sleep(
          e.retryAfterSeconds !== undefined
            ? Math.min(e.retryAfterSeconds * 1000, MAX_RETRY_WAIT_MS)
            : 200 * 2 ** (attempt - 1),
        );
      }
    }
  }

  /** null when the object is not there (but a resource type the server does not serve is an error). */
  async function orNull<T>(promise: Promise<T>): Promise<T | null> {
    try {
      return await promise;
    } catch (error) {
      if (error instanceof KubeError && error.code === 'KUBE_NOT_FOUND') return null;
      throw error;
    }
  }

  function listPage(
    gvr: GroupVersionResource,
    namespace: string | undefined,
    labelSelector: string | undefined,
    token: string | undefined,
  ): Promise<unknown> {
    const query = {
      limit: pageSize,
      ...(labelSelector ? { labelSelector } : {}),
      ...(token ? { _continue: token } : {}),
    };
    if (gvr.group !== '') {
      const base = { group: gvr.group, version: gvr.version, plural: gvr.resource, ...query };
      return namespace === undefined
        ? custom.listClusterCustomObject(base)
        : custom.listNamespacedCustomObject({ ...base, namespace });
    }
    switch (gvr.resource) {
      case 'namespaces':
        return core.listNamespace(query);
      case 'nodes':
        return core.listNode(query);
      case 'replicationcontrollers':
        return namespace === undefined
          ? core.listReplicationControllerForAllNamespaces(query)
          : core.listNamespacedReplicationController({ namespace, ...query });
      default:
        return Promise.reject(unsupportedCore(gvr, 'listing'));
    }
  }

  async function listOnce(
    gvr: GroupVersionResource,
    namespace: string | undefined,
    labelSelector: string | undefined,
  ): Promise<KubeList> {
    const items: KubeObject[] = [];
    let kind: string | undefined;
    let token: string | undefined;
    let pages = 0;
    do {
      const page = toPage(
        await call(op('list', gvr, namespace), () =>
          listPage(gvr, namespace, labelSelector, token),
        ),
      );
      pages += 1;
      kind ??= page.kind;
      items.push(...page.items);
      token = page.continueToken;
    } while (token !== undefined);
    return { kind: (kind ?? gvr.resource).replace(/List$/, ''), items, pages };
  }

  return {
    endpoint,
    close,
    async serverVersion() {
      const info = await call({ verb: 'get', group: '', version: '', resource: 'version' }, () =>
        versions.getCode(),
      );
      return info.gitVersion;
    },
    async checkCredentials() {
      await call({ verb: 'get', group: '', version: 'v1', resource: 'api' }, () =>
        discovery.getAPIVersions(),
      );
    },
    async list(gvr, namespace, options = {}) {
      try {
        return await listOnce(gvr, namespace, options.labelSelector);
      } catch (error) {
        // The continue token expired (the list changed a lot meanwhile): read it again from the start, once.
        if (error instanceof KubeError && error.code === 'KUBE_EXPIRED')
          return listOnce(gvr, namespace, options.labelSelector);
        throw error;
      }
    },
    async get(gvr, namespace, name) {
      const fetch = (): Promise<unknown> => {
        if (gvr.group !== '') {
          const base = { group: gvr.group, version: gvr.version, plural: gvr.resource, name };
          return namespace === undefined
            ? custom.getClusterCustomObject(base)
            : custom.getNamespacedCustomObject({ ...base, namespace });
        }
        if (gvr.resource === 'namespaces') return core.readNamespace({ name });
        if (gvr.resource === 'nodes') return core.readNode({ name });
        if (gvr.resource === 'replicationcontrollers' && namespace !== undefined)
          return core.readNamespacedReplicationController({ name, namespace });
        return Promise.reject(unsupportedCore(gvr, 'reading'));
      };
      const value = await orNull(call(op('get', gvr, namespace, name), fetch));
      if (value === null) return null;
      const parsed = KubeObjectSchema.safeParse(plain(value));
      return parsed.success ? parsed.data : null;
    },
    async getScale(gvr, namespace, name) {
      const fetch = (): Promise<unknown> => {
        if (gvr.group !== '') {
          const base = { group: gvr.group, version: gvr.version, plural: gvr.resource, name };
          return namespace === undefined
            ? custom.getClusterCustomObjectScale(base)
            : custom.getNamespacedCustomObjectScale({ ...base, namespace });
        }
        if (gvr.resource === 'replicationcontrollers' && namespace !== undefined)
          return core.readNamespacedReplicationControllerScale({ name, namespace });
        return Promise.reject(unsupportedCore(gvr, 'scaling'));
      };
      const value = await orNull(call(op('get', gvr, namespace, name, 'scale'), fetch));
      return value === null ? null : toScale(value);
    },
    async patchScale(gvr, namespace, name, replicas) {
      const body = { spec: { replicas } };
      const send = (): Promise<unknown> => {
        if (gvr.group !== '') {
          const base = { group: gvr.group, version: gvr.version, plural: gvr.resource, name, body };
          return namespace === undefined
            ? custom.patchClusterCustomObjectScale(base, MERGE_PATCH)
            : custom.patchNamespacedCustomObjectScale({ ...base, namespace }, MERGE_PATCH);
        }
        if (gvr.resource === 'replicationcontrollers' && namespace !== undefined)
          return core.patchNamespacedReplicationControllerScale(
            { name, namespace, body },
            MERGE_PATCH,
          );
        return Promise.reject(unsupportedCore(gvr, 'scaling'));
      };
      const value = await orNull(call(op('patch', gvr, namespace, name, 'scale'), send));
      return value === null ? null : toScale(value);
    },
    async create(gvr, namespace, body) {
      if (gvr.group === '') throw unsupportedCore(gvr, 'creating');
      const base = { group: gvr.group, version: gvr.version, plural: gvr.resource, body };
      try {
        await call(
          op(
            'create',
            gvr,
            namespace,
            typeof record(body.metadata).name === 'string'
              ? String(record(body.metadata).name)
              : undefined,
          ),
          () =>
            namespace === undefined
              ? custom.createClusterCustomObject(base)
              : custom.createNamespacedCustomObject({ ...base, namespace }),
        );
        return 'created';
      } catch (error) {
        if (error instanceof KubeError && error.code === 'KUBE_ALREADY_EXISTS') return 'exists';
        throw error;
      }
    },
    async delete(gvr, namespace, name) {
      if (gvr.group === '') throw unsupportedCore(gvr, 'deleting');
      const base = { group: gvr.group, version: gvr.version, plural: gvr.resource, name };
      const result = await orNull(
        call(op('delete', gvr, namespace, name), () =>
          namespace === undefined
            ? custom.deleteClusterCustomObject(base)
            : custom.deleteNamespacedCustomObject({ ...base, namespace }),
        ),
      );
      return result === null ? 'absent' : 'deleted';
    },
  };
}
