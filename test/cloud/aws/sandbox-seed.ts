import type { AwsSeed } from './seed-schema';

/**
 * The demo sandbox account (`npm run demo`, e2e tests): a small but realistic dev account with the
 * cases the executors must handle — instances inside an Auto Scaling group, an EKS managed node and
 * a Karpenter node (the ec2 executor must skip them), one instance configured for hibernation, one
 * opted out, an Aurora cluster whose members cannot be stopped alone, a read replica (neither it
 * nor its source can be stopped) and a SQL Server Multi-AZ instance (cannot be stopped).
 */
export const SANDBOX_ACCOUNT_ID = '123456789012';
export const OTHER_ACCOUNT_ID = '210987654321';
export const SANDBOX_REGION = 'us-east-1';

export const SANDBOX_KEYS = {
  /** Full access in the sandbox account. */
  admin: { accessKeyId: 'AKIASANDBOXADMIN0001', secretAccessKey: 'sandbox-admin-secret' },
  /** May describe everything but change nothing. */
  readOnly: { accessKeyId: 'AKIASANDBOXREADONLY1', secretAccessKey: 'sandbox-readonly-secret' },
  /** A user of another account: for "connected to the wrong account" checks. */
  otherAccount: { accessKeyId: 'AKIAOTHERACCOUNT0001', secretAccessKey: 'other-account-secret' },
} as const;

export const SANDBOX_ROLES = {
  hibernator: `arn:aws:iam::${SANDBOX_ACCOUNT_ID}:role/hibernator`,
  crossAccount: `arn:aws:iam::${OTHER_ACCOUNT_ID}:role/hibernator-cross-account`,
} as const;

const WRITE_ACTIONS = [
  'ec2:StopInstances',
  'ec2:StartInstances',
  'rds:Stop*',
  'rds:Start*',
  'rds:CreateDBSnapshot',
  'eks:UpdateNodegroupConfig',
  'autoscaling:UpdateAutoScalingGroup',
];

const id = (n: number): string => `i-0de5a00000000${n.toString(16).padStart(4, '0')}`;

export const SANDBOX_INSTANCE_IDS = {
  web1: id(1),
  web2: id(2),
  api1: id(3),
  api2: id(4),
  worker: id(5),
  batch: id(6),
  bastion: id(7),
  ciRunner: id(8),
  webAsgMember: id(9),
  eksNode: id(10),
  karpenterNode: id(11),
  notebook: id(12),
} as const;

export interface SandboxOptions {
  /** Point `dev-cluster` at a running Kubernetes emulator. */
  eksEndpoint?: string;
  /** Base64 PEM of that emulator's CA. */
  eksCertificateAuthority?: string;
}

export function sandboxSeed(options: SandboxOptions = {}): AwsSeed {
  const dev = { Environment: 'dev' };
  const ids = SANDBOX_INSTANCE_IDS;
  const cluster = {
    'eks:cluster-name': 'dev-cluster',
    'kubernetes.io/cluster/dev-cluster': 'owned',
  };
  return {
    accountId: SANDBOX_ACCOUNT_ID,
    region: SANDBOX_REGION,
    accounts: [
      {
        id: SANDBOX_ACCOUNT_ID,
        users: [
          { name: 'hibernator-admin', accessKeyId: SANDBOX_KEYS.admin.accessKeyId },
          {
            name: 'hibernator-readonly',
            accessKeyId: SANDBOX_KEYS.readOnly.accessKeyId,
            deny: WRITE_ACTIONS,
          },
        ],
        roles: [{ name: 'hibernator', maxSessionDuration: 43200 }],
      },
      {
        id: OTHER_ACCOUNT_ID,
        users: [{ name: 'someone-else', accessKeyId: SANDBOX_KEYS.otherAccount.accessKeyId }],
        roles: [
          {
            name: 'hibernator-cross-account',
            trustedAccounts: [SANDBOX_ACCOUNT_ID],
            externalId: 'hibernator-demo',
          },
        ],
      },
    ],
    ec2: {
      instances: [
        {
          instanceId: ids.web1,
          instanceType: 't3.small',
          tags: { Name: 'web-1', ...dev, Team: 'web' },
        },
        {
          instanceId: ids.web2,
          instanceType: 't3.small',
          tags: { Name: 'web-2', ...dev, Team: 'web' },
        },
        {
          instanceId: ids.api1,
          instanceType: 't3.medium',
          tags: { Name: 'api-1', ...dev, Team: 'api' },
        },
        {
          instanceId: ids.api2,
          instanceType: 't3.medium',
          state: 'stopped',
          tags: { Name: 'api-2', ...dev, Team: 'api' },
        },
        {
          instanceId: ids.worker,
          instanceType: 'c6i.large',
          hibernation: true,
          tags: { Name: 'worker-1', Environment: 'staging', Team: 'data' },
        },
        {
          instanceId: ids.batch,
          instanceType: 'c6i.xlarge',
          state: 'stopped',
          tags: { Name: 'batch-1', Environment: 'staging', Team: 'data' },
        },
        {
          instanceId: ids.bastion,
          instanceType: 't3.nano',
          tags: {
            Name: 'bastion',
            Environment: 'shared',
            'hibernator.ardikabs.com/exclude': 'true',
          },
        },
        {
          instanceId: ids.ciRunner,
          instanceType: 'm6i.large',
          tags: { Name: 'ci-runner', Environment: 'ci', Team: 'platform' },
        },
        {
          instanceId: ids.webAsgMember,
          instanceType: 't3.small',
          tags: { Name: 'web-asg', ...dev, Team: 'web', 'aws:autoscaling:groupName': 'web-asg' },
        },
        {
          instanceId: ids.eksNode,
          instanceType: 't3.large',
          tags: {
            Name: 'dev-cluster-general',
            ...dev,
            ...cluster,
            'eks:nodegroup-name': 'general',
          },
        },
        {
          instanceId: ids.karpenterNode,
          instanceType: 'm6i.xlarge',
          tags: {
            Name: 'dev-cluster-karpenter',
            ...dev,
            ...cluster,
            'karpenter.sh/nodepool': 'default',
            'karpenter.sh/nodeclaim': 'default-x7k2p',
          },
        },
        {
          instanceId: ids.notebook,
          instanceType: 'r6i.large',
          state: 'stopped',
          tags: { Name: 'analytics-notebook', Environment: 'staging', Team: 'data' },
        },
      ],
    },
    autoscaling: {
      groups: [
        {
          name: 'web-asg',
          minSize: 1,
          maxSize: 4,
          desiredCapacity: 1,
          instanceType: 't3.small',
          tags: { ...dev, Team: 'web' },
        },
      ],
    },
    eks: {
      clusters: [
        {
          name: 'dev-cluster',
          version: '1.31',
          tags: dev,
          ...(options.eksEndpoint === undefined ? {} : { endpoint: options.eksEndpoint }),
          ...(options.eksCertificateAuthority === undefined
            ? {}
            : { certificateAuthority: options.eksCertificateAuthority }),
          nodegroups: [
            {
              name: 'general',
              minSize: 1,
              maxSize: 3,
              desiredSize: 1,
              instanceTypes: ['t3.large'],
              labels: { role: 'general' },
              tags: dev,
            },
            {
              name: 'batch',
              minSize: 0,
              maxSize: 5,
              desiredSize: 0,
              instanceTypes: ['c6i.xlarge'],
              capacityType: 'SPOT',
              labels: { role: 'batch' },
              tags: dev,
            },
          ],
        },
      ],
    },
    rds: {
      instances: [
        {
          id: 'orders-db',
          engine: 'postgres',
          instanceClass: 'db.t4g.medium',
          tags: { ...dev, Team: 'api' },
        },
        {
          id: 'legacy-mysql',
          engine: 'mysql',
          instanceClass: 'db.t3.medium',
          tags: { ...dev, Team: 'web' },
        },
        {
          id: 'legacy-mysql-replica',
          engine: 'mysql',
          instanceClass: 'db.t3.medium',
          readReplicaSourceId: 'legacy-mysql',
          tags: { ...dev, Team: 'web' },
        },
        {
          id: 'billing-sqlserver',
          engine: 'sqlserver-se',
          instanceClass: 'db.m6i.large',
          multiAZ: true,
          allocatedStorage: 100,
          tags: { Environment: 'staging', Team: 'billing' },
        },
      ],
      clusters: [
        {
          id: 'analytics-aurora',
          engine: 'aurora-postgresql',
          members: [{ id: 'analytics-aurora-1', writer: true }, 'analytics-aurora-2'],
          tags: { Environment: 'staging', Team: 'data' },
        },
      ],
    },
  };
}
