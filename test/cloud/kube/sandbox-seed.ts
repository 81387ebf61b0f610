/**
 * The demo cluster (`npm run demo`): three labelled namespaces, workloads covering the cases a
 * hibernation run must handle (already at zero, opted out, HPA-managed, stateful), and
 * Karpenter NodePools with nodes.
 */
import type { KubeSeed } from './seed';

export const EXCLUDE_ANNOTATION = 'hibernator.ardikabs.com/exclude';

export const SANDBOX_READONLY_TOKEN = 'sandbox-viewer-token';

export function sandboxSeed(): KubeSeed {
  return {
    namespaces: [
      {
        name: 'payments',
        labels: { env: 'staging', team: 'payments', 'hibernator.ardikabs.com/enabled': 'true' },
      },
      {
        name: 'web',
        labels: { env: 'staging', team: 'web', 'hibernator.ardikabs.com/enabled': 'true' },
      },
      { name: 'tools', labels: { env: 'shared', team: 'platform' } },
    ],
    deployments: [
      { namespace: 'payments', name: 'api', replicas: 3, labels: { tier: 'backend' } },
      { namespace: 'payments', name: 'worker', replicas: 2, labels: { tier: 'backend' } },
      { namespace: 'payments', name: 'legacy-batch', replicas: 0, labels: { tier: 'batch' } },
      {
        namespace: 'payments',
        name: 'ledger-audit',
        replicas: 1,
        labels: { tier: 'backend' },
        annotations: { [EXCLUDE_ANNOTATION]: 'true' },
      },
      { namespace: 'web', name: 'frontend', replicas: 4, labels: { tier: 'frontend' } },
      { namespace: 'web', name: 'static-cache', replicas: 2, labels: { tier: 'frontend' } },
      { namespace: 'tools', name: 'grafana', replicas: 1, labels: { tier: 'ops' } },
    ],
    statefulsets: [
      {
        namespace: 'payments',
        name: 'postgres',
        replicas: 1,
        labels: { tier: 'data' },
        image: 'postgres:16',
      },
    ],
    hpas: [
      {
        namespace: 'web',
        name: 'frontend',
        target: { kind: 'Deployment', name: 'frontend' },
        minReplicas: 2,
        maxReplicas: 10,
      },
    ],
    nodepools: [
      { name: 'default', labels: { env: 'staging' }, nodes: 3 },
      { name: 'batch', labels: { env: 'staging', workload: 'batch' }, nodes: 2 },
    ],
    tokens: {
      [SANDBOX_READONLY_TOKEN]: {
        user: 'viewer',
        deny: ['create', 'update', 'patch', 'delete', 'deletecollection'].map((verb) => ({
          verb,
          resource: '*',
        })),
      },
    },
  };
}
