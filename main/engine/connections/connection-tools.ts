import type {
  AwsProfileInfo,
  ConnectionTestResult,
  KubeContextInfo,
} from '../../../shared/api/contract';
import type { Connection } from '../../../shared/model';

/**
 * What the engine needs from the machine's AWS and Kubernetes configuration, apart from the
 * executors' clients: testing a connection and listing what can be picked in the editor.
 */
export interface ConnectionTools {
  /** `all` lets a K8SCluster reach its CloudProvider (EKS). */
  testConnection(connection: Connection, all: readonly Connection[]): Promise<ConnectionTestResult>;
  listAwsProfiles(): Promise<AwsProfileInfo[]>;
  listKubeContexts(): Promise<KubeContextInfo[]>;
}

export const noConnectionTools: ConnectionTools = {
  testConnection: async (connection) => ({
    connection: connection.metadata.name,
    kind: connection.kind,
    ok: false,
    code: 'NOT_AVAILABLE',
    message: 'this engine was started without cloud support',
  }),
  listAwsProfiles: async () => [],
  listKubeContexts: async () => [],
};
