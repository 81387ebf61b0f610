import type { K8SCluster } from '../../../shared/model';
import {
  resolveKubeTarget,
  type KubeClientOptions,
} from '../connections/kube/kube-client-provider';
import type { HibernatorClient } from './hibernator-client';

/** Gives the HibernatorClient of a K8SCluster connection. */
export type HibernatorClientFactory = (connection: K8SCluster) => Promise<HibernatorClient>;

/**
 * One client per connection (and per version of its spec, so an edited connection gets a new
 * one), resolved like the executors' clients: kubeconfig context or EKS through an AWS connection.
 */
export function createHibernatorClientFactory(
  options: KubeClientOptions = {},
): HibernatorClientFactory & { close(): void } {
  const cache = new Map<string, Promise<HibernatorClient>>();
  const factory = (connection: K8SCluster): Promise<HibernatorClient> => {
    const key = JSON.stringify([connection.metadata.name, connection.spec]);
    let pending = cache.get(key);
    if (pending === undefined) {
      pending = resolveKubeTarget(connection, options).then(async ({ kc, endpoint }) => {
        // client-node is loaded on first use: hosts that never reach a cluster never load it.
        const { createHibernatorClient } = await import('./client-node-hibernator-client');
        return createHibernatorClient(kc, endpoint);
      });
      cache.set(key, pending);
      pending.catch(() => cache.delete(key));
    }
    return pending;
  };
  return Object.assign(factory, {
    close() {
      const all = [...cache.values()];
      cache.clear();
      for (const p of all) p.then((c) => c.close()).catch(() => undefined);
    },
  });
}
