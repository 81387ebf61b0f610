/**
 * The Kubernetes part of `npm run demo`: a K8SCluster reaching the Kubernetes emulator through a
 * kubeconfig file, and a plan that puts the sandbox cluster to sleep in dependency order —
 * workloads first, then Karpenter's NodePools, then the EKS managed node groups of the AWS
 * emulator's `dev-cluster` (through the AWS connection the demo names `sandbox-aws`).
 */

/** The AWS connection (CloudProvider) the demo script creates for the AWS emulator. */
export const KUBE_DEMO_AWS_CONNECTION = 'sandbox-aws';
export const KUBE_DEMO_CONNECTION = 'sandbox-kube';
export const KUBE_DEMO_PLAN = 'sandbox-cluster';

/**
 * A K8SCluster reading `kubeconfigPath`; without `context` it uses the file's current context
 * (the emulator's `kubeconfig(name)` writes one context and makes it current).
 */
export function kubeDemoConnection(
  kubeconfigPath: string,
  options: { name?: string; context?: string } = {},
): Record<string, unknown> {
  return {
    apiVersion: 'hibernator.ardikabs.com/v1alpha1',
    kind: 'K8SCluster',
    metadata: { name: options.name ?? KUBE_DEMO_CONNECTION, labels: { env: 'sandbox' } },
    spec: {
      kubeconfig: {
        path: kubeconfigPath,
        ...(options.context ? { context: options.context } : {}),
      },
    },
  };
}

export function kubeDemoPlan(
  connectionName: string = KUBE_DEMO_CONNECTION,
): Record<string, unknown> {
  const cluster = { kind: 'K8SCluster', name: connectionName };
  return {
    apiVersion: 'hibernator.ardikabs.com/v1alpha1',
    kind: 'HibernatePlan',
    metadata: { name: KUBE_DEMO_PLAN, labels: { team: 'platform', env: 'sandbox' } },
    spec: {
      schedule: {
        timezone: 'Europe/Berlin',
        offHours: [
          { start: '19:00', end: '07:30', daysOfWeek: ['MON', 'TUE', 'WED', 'THU', 'FRI'] },
          { start: '00:00', end: '24:00', daysOfWeek: ['SAT', 'SUN'] },
        ],
      },
      execution: {
        strategy: {
          type: 'DAG',
          // `from` shuts down before `to` (and wakes after it): pods go before the nodes they run on.
          dependencies: [
            { from: 'workloads', to: 'karpenter' },
            { from: 'karpenter', to: 'node-groups' },
          ],
        },
      },
      behavior: { mode: 'Strict', retries: 3 },
      targets: [
        {
          name: 'workloads',
          type: 'workloadscaler',
          connectorRef: cluster,
          parameters: {
            includedGroups: ['Deployment', 'StatefulSet'],
            namespace: { selector: { 'hibernator.ardikabs.com/enabled': 'true' } },
            awaitCompletion: { enabled: true, timeout: '2m' },
          },
        },
        {
          name: 'karpenter',
          type: 'karpenter',
          connectorRef: cluster,
          parameters: {
            nodeSelector: { matchLabels: { env: 'staging' } },
            awaitCompletion: { enabled: true, timeout: '5m' },
          },
        },
        {
          name: 'node-groups',
          type: 'eks',
          connectorRef: { kind: 'CloudProvider', name: KUBE_DEMO_AWS_CONNECTION },
          parameters: {
            clusterName: 'dev-cluster',
            nodeGroups: [{ name: 'general' }, { name: 'batch' }],
          },
        },
      ],
    },
  };
}
