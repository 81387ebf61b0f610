import { NOOP_FAILURE_MODES } from '../../../../../shared/model/parameters/noop';
import type { ExecutorType } from '../../../../../shared/model';

/**
 * The form fields of each executor's common parameters; everything else is edited in the raw
 * YAML under them. `path` is relative to the target's `parameters`.
 */
export type ParameterField =
  | { kind: 'list'; path: string[]; label: string; placeholder?: string; hint?: string }
  | { kind: 'map'; path: string[]; label: string; placeholder?: string; hint?: string }
  | { kind: 'text'; path: string[]; label: string; placeholder?: string; hint?: string }
  | { kind: 'number'; path: string[]; label: string; placeholder?: string; hint?: string }
  | { kind: 'check'; path: string[]; label: string; hint?: string }
  | { kind: 'select'; path: string[]; label: string; options: readonly string[]; hint?: string }
  /** A list of `{ name }` objects (EKS node groups) typed as a list of names. */
  | { kind: 'names'; path: string[]; label: string; placeholder?: string; hint?: string };

const WAIT: ParameterField[] = [
  {
    kind: 'check',
    path: ['awaitCompletion', 'enabled'],
    label: 'wait until done',
    hint: 'The target succeeds only once the resources reached their state; a timeout fails it.',
  },
  {
    kind: 'text',
    path: ['awaitCompletion', 'timeout'],
    label: 'wait timeout',
    placeholder: '10m',
  },
];

export const PARAMETER_FIELDS: Readonly<Record<ExecutorType, readonly ParameterField[]>> = {
  ec2: [
    {
      kind: 'list',
      path: ['selector', 'instanceIds'],
      label: 'instance ids',
      placeholder: 'i-0123456789abcdef0, i-0fedcba9876543210',
    },
    {
      kind: 'map',
      path: ['selector', 'tags'],
      label: 'tags',
      placeholder: 'Environment=dev, Team=web',
      hint: 'Instances carrying all of these tags (Key alone: the tag exists). Either ids or tags.',
    },
    { kind: 'check', path: ['hibernate'], label: 'hibernate where the instance supports it' },
    ...WAIT,
  ],
  rds: [
    {
      kind: 'list',
      path: ['selector', 'instanceIds'],
      label: 'DB instance ids',
      placeholder: 'orders-db',
    },
    {
      kind: 'list',
      path: ['selector', 'clusterIds'],
      label: 'DB cluster ids',
      placeholder: 'analytics-aurora',
    },
    { kind: 'map', path: ['selector', 'tags'], label: 'tags', placeholder: 'Environment=dev' },
    { kind: 'check', path: ['selector', 'discoverInstances'], label: 'discover DB instances' },
    { kind: 'check', path: ['selector', 'discoverClusters'], label: 'discover Aurora clusters' },
    { kind: 'check', path: ['snapshotBeforeStop'], label: 'snapshot before stopping' },
    ...WAIT,
  ],
  eks: [
    { kind: 'text', path: ['clusterName'], label: 'EKS cluster name', placeholder: 'dev-cluster' },
    {
      kind: 'names',
      path: ['nodeGroups'],
      label: 'node groups',
      placeholder: 'general, batch',
      hint: 'Empty: every managed node group of the cluster.',
    },
    ...WAIT,
  ],
  asg: [
    { kind: 'list', path: ['selector', 'names'], label: 'group names', placeholder: 'web-asg' },
    { kind: 'map', path: ['selector', 'tags'], label: 'tags', placeholder: 'Environment=dev' },
    ...WAIT,
  ],
  karpenter: [
    {
      kind: 'list',
      path: ['nodePools'],
      label: 'NodePools',
      placeholder: 'default, batch',
      hint: 'Empty (and no node selector): every NodePool of the cluster.',
    },
    ...WAIT,
  ],
  workloadscaler: [
    {
      kind: 'list',
      path: ['namespace', 'literals'],
      label: 'namespaces',
      placeholder: 'payments, web',
    },
    {
      kind: 'map',
      path: ['namespace', 'selector'],
      label: 'namespace labels',
      placeholder: 'env=staging',
      hint: 'Namespaces by name or by labels, not both.',
    },
    {
      kind: 'list',
      path: ['includedGroups'],
      label: 'workload kinds',
      placeholder: 'Deployment, StatefulSet',
      hint: 'Empty: Deployments. Also ReplicaSet or group/version/resource of a custom resource.',
    },
    ...WAIT,
  ],
  noop: [
    {
      kind: 'number',
      path: ['randomDelaySeconds'],
      label: 'random delay (seconds)',
      placeholder: '0',
    },
    {
      kind: 'select',
      path: ['failureMode'],
      label: 'fails on',
      options: NOOP_FAILURE_MODES,
      hint: 'A noop target touches nothing; it can pretend to fail, to try out retries.',
    },
    { kind: 'text', path: ['failureMessage'], label: 'failure message' },
  ],
};

/** Parameters a new target of this type starts with: the shape the form fills in. */
export function parameterTemplate(type: ExecutorType): Record<string, unknown> {
  switch (type) {
    case 'ec2':
    case 'rds':
    case 'asg':
      return { selector: {} };
    case 'eks':
      return { clusterName: '' };
    case 'workloadscaler':
      return { namespace: {} };
    case 'karpenter':
    case 'noop':
      return {};
  }
}
