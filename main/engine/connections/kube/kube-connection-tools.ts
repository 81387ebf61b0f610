import type { ConnectionTestResult, KubeContextInfo } from '../../../../shared/api/contract';
import type { Connection } from '../../../../shared/model';
import { formatHumanDuration } from '../../../../shared/time/duration';
import type { ConnectionTools } from '../connection-tools';
import { KubeError } from '../../cloud-errors/kube-errors';
import { defaultKubeconfigPaths } from './kubeconfig-paths';
import { resolveKubeTarget, type KubeClientOptions } from './kube-client-provider';

export interface KubeConnectionToolsOptions extends KubeClientOptions {
  /** How long "Test connection" waits for the server before calling it unreachable. Default 10 s. */
  timeoutMs?: number;
  /** Told about kubeconfig files that could not be read while listing contexts. */
  onSkippedFile?: (file: string, reason: string) => void;
}

export type KubeConnectionTools = Pick<ConnectionTools, 'testConnection' | 'listKubeContexts'>;

function withTimeout<T>(promise: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(onTimeout()), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * The Kubernetes half of ConnectionTools (the lead combines it with the AWS half): "Test
 * connection" for K8SCluster connections and the kubeconfig contexts the editor offers.
 */
export function createKubeConnectionTools(
  options: KubeConnectionToolsOptions = {},
): KubeConnectionTools {
  const timeoutMs = options.timeoutMs ?? 10_000;
  return {
    async testConnection(
      connection: Connection,
      all: readonly Connection[],
    ): Promise<ConnectionTestResult> {
      const base = { connection: connection.metadata.name, kind: connection.kind };
      if (connection.kind !== 'K8SCluster') {
        return {
          ...base,
          ok: false,
          code: 'NOT_SUPPORTED',
          message: 'the Kubernetes tools test only Kubernetes connections (K8SCluster)',
        };
      }
      const findConnection = (name: string): Connection | null | undefined =>
        all.find((c) => c.metadata.name === name) ?? options.findConnection?.(name);
      let server = 'the cluster';
      try {
        const run = async (): Promise<ConnectionTestResult> => {
          const { kc, endpoint } = await resolveKubeTarget(connection, {
            ...options,
            findConnection,
          });
          server = endpoint.server;
          // Loaded on first use: the modules behind it load @kubernetes/client-node.
          const { createKubeApi } = await import('./client-node-kube-api');
          // One attempt: a test should say at once what is wrong, not retry it.
          const api = createKubeApi(kc, endpoint, { ...options.api, maxAttempts: 1 });
          const version = await api.serverVersion();
          // /version answers anonymous callers; /api proves the credentials work.
          await api.checkCredentials();
          return {
            ...base,
            ok: true,
            serverVersion: version,
            message: `reached ${endpoint.server} (Kubernetes ${version}) with ${endpoint.description}`,
          };
        };
        return await withTimeout(
          run(),
          timeoutMs,
          () =>
            new KubeError(
              'KUBE_UNREACHABLE',
              `no answer from ${server} within ${formatHumanDuration(timeoutMs)}: check the network, VPN or proxy`,
              true,
            ),
        );
      } catch (error) {
        const e =
          error instanceof KubeError
            ? error
            : new KubeError(
                'KUBE_REQUEST_FAILED',
                error instanceof Error ? error.message : String(error),
                false,
              );
        return { ...base, ok: false, code: e.code, message: e.message };
      }
    },
    async listKubeContexts(): Promise<KubeContextInfo[]> {
      const { listContextsIn } = await import('./kubeconfig-files');
      return listContextsIn(defaultKubeconfigPaths(options), options.onSkippedFile);
    },
  };
}
