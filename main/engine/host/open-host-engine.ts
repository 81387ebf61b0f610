import type { ConnectionTools } from '../connections/connection-tools';
import { createAwsClientProvider, AWS_CLIENTS_KIND } from '../connections/aws/aws-clients';
import { createAwsConnectionTools } from '../connections/aws/aws-connection-tools';
import { applyShellEnv, resolveShellEnv } from '../connections/shell-env';
import { Engine, type EngineOptions } from '../engine';
import type { ClientProvider } from '../connections/client-provider';
import { createExecutorRegistry } from '../executors/registry';
import {
  createKubeClientProvider,
  KUBE_CLIENT_KIND,
} from '../connections/kube/kube-client-provider';
import { createKubeConnectionTools } from '../connections/kube/kube-connection-tools';
import { createHibernatorClientFactory } from '../cluster/hibernator-client-factory';

export interface HostEngineOptions extends Omit<
  EngineOptions,
  'executors' | 'clients' | 'connectionTools' | 'onClose'
> {
  /**
   * Read the user's login-shell environment before anything runs (desktop: launched from a
   * menu, the process lacks PATH additions, credential_process helpers, SSO settings).
   */
  resolveShellEnv?: boolean;
}

/**
 * The engine as hosts run it: every executor registered, cloud clients and connection tools
 * wired, the login-shell environment applied. Desktop, `serve` and the CLI all open it here.
 */
export async function openHostEngine(options: HostEngineOptions): Promise<Engine> {
  // One env object shared by every client factory; filled in with the login-shell env below.
  const env: NodeJS.ProcessEnv = { ...process.env };
  // EKS clusters reach their CloudProvider through the engine's connections (bound once open).
  let engine: Engine | null = null;
  const findConnection = (name: string) => engine?.connection(name) ?? null;
  const aws = createAwsClientProvider({ env });
  const awsTools = createAwsConnectionTools({ env });
  const kube = createKubeClientProvider({ env, findConnection });
  const kubeTools = createKubeConnectionTools({ env, findConnection });
  const clusterClients = createHibernatorClientFactory({ env, findConnection });
  const executors = createExecutorRegistry();
  const clients: ClientProvider = {
    get<T>(kind: string, connection: Parameters<ClientProvider['get']>[1]): Promise<T> {
      if (kind === AWS_CLIENTS_KIND) return aws.get<T>(kind, connection);
      if (kind === KUBE_CLIENT_KIND) return kube.get<T>(kind, connection);
      return Promise.reject(new Error(`no cloud clients of kind "${kind}" in this engine`));
    },
  };
  const connectionTools: ConnectionTools = {
    testConnection: (connection, all) =>
      connection.kind === 'CloudProvider'
        ? awsTools.testConnection(connection, all)
        : kubeTools.testConnection(connection, all),
    listAwsProfiles: () => awsTools.listAwsProfiles(),
    listKubeContexts: () => kubeTools.listKubeContexts(),
  };
  engine = Engine.open({
    ...options,
    run: false,
    executors,
    clients,
    clusterClients,
    connectionTools,
    onClose: async () => {
      await aws.close();
      await kube.close();
      clusterClients.close();
    },
  });
  if (options.resolveShellEnv) {
    const shell = await resolveShellEnv({ logger: engine.logger });
    applyShellEnv(shell);
    Object.assign(env, shell.env);
  }
  if (options.run !== false) engine.start();
  return engine;
}
