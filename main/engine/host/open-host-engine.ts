import type { ConnectionTools } from '../connections/connection-tools';
import { createAwsClientProvider, AWS_CLIENTS_KIND } from '../connections/aws/aws-clients';
import { createAwsConnectionTools } from '../connections/aws/aws-connection-tools';
import { applyShellEnv, resolveShellEnv } from '../connections/shell-env';
import { Engine, defaultExecutors, type EngineOptions } from '../engine';
import type { ClientProvider } from '../executors/executor';
import { registerAwsExecutors } from '../executors/aws-common/aws-executors';

export interface HostEngineOptions extends Omit<EngineOptions, 'executors' | 'clients' | 'connectionTools' | 'onClose'> {
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
  const aws = createAwsClientProvider({ env });
  const awsTools = createAwsConnectionTools({ env });
  const executors = registerAwsExecutors(defaultExecutors());
  const clients: ClientProvider = {
    get<T>(kind: string, connection: Parameters<ClientProvider['get']>[1]): Promise<T> {
      if (kind === AWS_CLIENTS_KIND) return aws.get<T>(kind, connection);
      return Promise.reject(new Error(`no cloud clients of kind "${kind}" in this engine`));
    },
  };
  const connectionTools: ConnectionTools = {
    async testConnection(connection, all) {
      if (connection.kind === 'CloudProvider') return awsTools.testConnection(connection, all);
      return {
        connection: connection.metadata.name,
        kind: connection.kind,
        ok: false,
        code: 'NOT_AVAILABLE',
        message: 'Kubernetes connections cannot be tested by this build',
      };
    },
    listAwsProfiles: () => awsTools.listAwsProfiles(),
    listKubeContexts: async () => [],
  };
  const engine = Engine.open({
    ...options,
    run: false,
    executors,
    clients,
    connectionTools,
    onClose: () => aws.close(),
  });
  if (options.resolveShellEnv) {
    const shell = await resolveShellEnv({ logger: engine.logger });
    applyShellEnv(shell);
    Object.assign(env, shell.env);
  }
  if (options.run !== false) engine.start();
  return engine;
}
