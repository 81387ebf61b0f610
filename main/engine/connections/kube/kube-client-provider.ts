import type { KubeConfig } from '@kubernetes/client-node';
import type { CloudProvider, Connection, K8SCluster } from '../../../../shared/model';
import type { KubeApiOptions } from './client-node-kube-api';
import type { KubeApi } from './kube-api';
import { KubeError, type KubeEndpoint } from '../../cloud-errors/kube-errors';
import type { ClientProvider } from '../client-provider';
import type { KubeEnvironment } from './kubeconfig-paths';

/** The client kind the Kubernetes executors ask the ClientProvider for; the client is a KubeApi. */
export const KUBE_CLIENT_KIND = 'kubernetes';

export interface KubeClientOptions extends KubeEnvironment {
  /** Finds the AWS connection an EKS cluster's `spec.providerRef.name` names (the engine's connection store). */
  findConnection?: (name: string) => Connection | null | undefined;
  /** Time for EKS token signing (default: the wall clock). */
  now?: () => Date;
  api?: KubeApiOptions;
}

export interface ResolvedKubeTarget {
  kc: KubeConfig;
  endpoint: KubeEndpoint;
}

function providerOf(
  connection: K8SCluster,
  find: KubeClientOptions['findConnection'],
): CloudProvider {
  const name = connection.spec.providerRef?.name;
  if (name === undefined) {
    throw new KubeError(
      'KUBE_CONNECTION_INCOMPLETE',
      `connection "${connection.metadata.name}" sets spec.eks but no spec.providerRef: name the AWS connection used to reach the cluster`,
      false,
    );
  }
  const provider = find?.(name);
  if (!provider)
    throw new KubeError(
      'CONNECTION_NOT_FOUND',
      `AWS connection "${name}" (spec.providerRef of "${connection.metadata.name}") does not exist: add it under Connections`,
      false,
    );
  if (provider.kind !== 'CloudProvider') {
    throw new KubeError(
      'CONNECTION_KIND',
      `spec.providerRef of "${connection.metadata.name}" must name an AWS connection (CloudProvider), but "${name}" is a ${provider.kind}`,
      false,
    );
  }
  return provider;
}

/**
 * How a K8SCluster connection reaches its cluster: an EKS cluster through an AWS connection
 * (`spec.eks` + `spec.providerRef`), or a kubeconfig file and context (`spec.kubeconfig`, or the
 * default files and their current context when neither is set).
 */
export async function resolveKubeTarget(
  connection: K8SCluster,
  options: KubeClientOptions = {},
): Promise<ResolvedKubeTarget> {
  // The modules that load @kubernetes/client-node (and the AWS SDK for EKS) are imported on
  // first use: hosts that never reach a cluster (most CLI runs) never load them.
  const eks = connection.spec.eks;
  if (eks !== undefined) {
    const provider = providerOf(connection, options.findConnection);
    const { resolveEksCluster } = await import('./eks-cluster');
    return resolveEksCluster(eks, provider, {
      env: options.env,
      ...(options.now ? { now: options.now } : {}),
    });
  }
  const { resolveKubeconfig } = await import('./kubeconfig-connection');
  return resolveKubeconfig(connection.spec.kubeconfig ?? {}, options);
}

function asK8SCluster(connection: Connection | null): K8SCluster {
  if (connection === null)
    throw new KubeError(
      'NO_CONNECTION',
      'this target needs a Kubernetes connection (K8SCluster): set connectorRef',
      false,
    );
  if (connection.kind !== 'K8SCluster') {
    throw new KubeError(
      'CONNECTION_KIND',
      `"${connection.metadata.name}" is a ${connection.kind}, but a Kubernetes connection (K8SCluster) is needed`,
      false,
    );
  }
  return connection;
}

/** Whatever the client depends on: an edited connection (or its AWS connection) gets a new client. */
function cacheKey(connection: K8SCluster, find: KubeClientOptions['findConnection']): string {
  const provider =
    connection.spec.eks !== undefined && connection.spec.providerRef
      ? find?.(connection.spec.providerRef.name)
      : undefined;
  return JSON.stringify([connection.metadata.name, connection.spec, provider?.spec ?? null]);
}

export interface KubeClientProvider extends ClientProvider {
  /** Forgets every cached client (after the login environment changed, for example). */
  clear(): void;
  /** Forgets every client and drops their idle connections (the engine's onClose). */
  close(): Promise<void>;
}

/**
 * The engine's ClientProvider part for Kubernetes: `get('kubernetes', connection)` gives a
 * KubeApi for that connection, created once and cached until the connection changes. A failed
 * resolution (missing file, unknown context) is not cached, so fixing it needs no restart.
 */
export function createKubeClientProvider(options: KubeClientOptions = {}): KubeClientProvider {
  const cache = new Map<string, Promise<KubeApi>>();
  return {
    async get<T>(kind: string, connection: Connection | null): Promise<T> {
      if (kind !== KUBE_CLIENT_KIND)
        throw new Error(`the Kubernetes client provider has no "${kind}" clients`);
      const cluster = asK8SCluster(connection);
      const key = cacheKey(cluster, options.findConnection);
      let pending = cache.get(key);
      if (pending === undefined) {
        pending = resolveKubeTarget(cluster, options).then(async ({ kc, endpoint }) => {
          const { createKubeApi } = await import('./client-node-kube-api');
          return createKubeApi(kc, endpoint, options.api);
        });
        cache.set(key, pending);
        pending.catch(() => cache.delete(key));
      }
      // The ClientProvider contract hands out untyped clients; executors name the type they asked for.
      return (await pending) as unknown as T;
    },
    clear() {
      cache.clear();
    },
    async close() {
      const pending = [...cache.values()];
      cache.clear();
      for (const result of await Promise.allSettled(pending))
        if (result.status === 'fulfilled') result.value.close();
    },
  };
}
