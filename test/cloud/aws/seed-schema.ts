import { z } from 'zod';

/**
 * The fixture an emulator starts from. Top-level `ec2`/`rds`/`eks`/`autoscaling` belong to the
 * default account in `region`; `regions` adds other regions of that account, and each entry of
 * `accounts` can carry its own `regions`. Everything not given gets a realistic default.
 */
const tags = z.record(z.string(), z.string());
const timestamp = z.union([z.string().datetime({ offset: true }), z.number()]);
const accountId = z.string().regex(/^\d{12}$/, 'an AWS account id has 12 digits');

export const Ec2InstanceSeedSchema = z.object({
  instanceId: z
    .string()
    .regex(/^i-[0-9a-f]{8}([0-9a-f]{9})?$/, 'instance ids look like i-0123456789abcdef0')
    .optional(),
  instanceType: z.string().default('t3.micro'),
  state: z
    .enum(['pending', 'running', 'shutting-down', 'terminated', 'stopping', 'stopped'])
    .default('running'),
  tags: tags.default({}),
  launchTime: timestamp.optional(),
  hibernation: z.boolean().default(false),
  availabilityZone: z.string().optional(),
  rootDeviceType: z.enum(['ebs', 'instance-store']).default('ebs'),
  /** A Spot Instance of a request of this type (one-time ones cannot be stopped). */
  spot: z
    .object({
      requestId: z.string().regex(/^sir-[0-9a-z]{8}$/, 'spot request ids look like sir-abcd1234'),
      type: z.enum(['one-time', 'persistent']),
    })
    .optional(),
  disableApiStop: z.boolean().default(false),
  imageId: z.string().default('ami-0abcdef1234567890'),
});

export const RdsInstanceSeedSchema = z.object({
  id: z.string().min(1),
  engine: z.string().default('postgres'),
  engineVersion: z.string().optional(),
  instanceClass: z.string().default('db.t3.micro'),
  status: z.enum(['available', 'stopped']).default('available'),
  multiAZ: z.boolean().default(false),
  clusterId: z.string().optional(),
  readReplicaSourceId: z.string().optional(),
  allocatedStorage: z.number().int().positive().default(20),
  tags: tags.default({}),
});

export const RdsClusterSeedSchema = z.object({
  id: z.string().min(1),
  engine: z.string().default('aurora-postgresql'),
  engineVersion: z.string().optional(),
  engineMode: z.string().default('provisioned'),
  status: z.enum(['available', 'stopped']).default('available'),
  /** Member instances; the first is the writer unless one says `writer: true`. Created if not seeded. */
  members: z
    .array(
      z.union([
        z.string(),
        z.object({
          id: z.string(),
          writer: z.boolean().optional(),
          instanceClass: z.string().optional(),
        }),
      ]),
    )
    .default([]),
  tags: tags.default({}),
});

export const NodegroupSeedSchema = z.object({
  name: z.string().min(1),
  minSize: z.number().int().min(0).default(1),
  maxSize: z.number().int().min(1).default(3),
  desiredSize: z.number().int().min(0).default(1),
  instanceTypes: z.array(z.string()).default(['t3.medium']),
  capacityType: z.enum(['ON_DEMAND', 'SPOT', 'CAPACITY_BLOCK']).default('ON_DEMAND'),
  labels: tags.default({}),
  tags: tags.default({}),
});

export const EksClusterSeedSchema = z.object({
  name: z.string().min(1),
  version: z.string().default('1.31'),
  endpoint: z.string().optional(),
  /** Base64 PEM of the cluster CA, as DescribeCluster returns it. */
  certificateAuthority: z.string().optional(),
  tags: tags.default({}),
  nodegroups: z.array(NodegroupSeedSchema).default([]),
});

export const AsgSeedSchema = z.object({
  name: z.string().min(1),
  minSize: z.number().int().min(0),
  maxSize: z.number().int().min(0),
  desiredCapacity: z.number().int().min(0),
  instanceType: z.string().default('t3.small'),
  availabilityZones: z.array(z.string()).optional(),
  /** Tags propagated to the instances the group launches. */
  tags: tags.default({}),
});

export const RegionResourcesSeedSchema = z.object({
  ec2: z.object({ instances: z.array(Ec2InstanceSeedSchema).default([]) }).optional(),
  rds: z
    .object({
      instances: z.array(RdsInstanceSeedSchema).default([]),
      clusters: z.array(RdsClusterSeedSchema).default([]),
    })
    .optional(),
  eks: z.object({ clusters: z.array(EksClusterSeedSchema).default([]) }).optional(),
  autoscaling: z.object({ groups: z.array(AsgSeedSchema).default([]) }).optional(),
});

export const RoleSeedSchema = z.object({
  name: z.string().min(1),
  /** IAM actions (`ec2:StopInstances`, `rds:*`) sessions of this role may not call. */
  deny: z.array(z.string()).default([]),
  /** Accounts allowed to assume the role; empty = any account. */
  trustedAccounts: z.array(accountId).default([]),
  externalId: z.string().optional(),
  maxSessionDuration: z.number().int().min(3600).max(43200).default(3600),
});

export const UserSeedSchema = z.object({
  name: z.string().min(1),
  accessKeyId: z.string().min(16),
  deny: z.array(z.string()).default([]),
});

export const AccountSeedSchema = z.object({
  id: accountId,
  users: z.array(UserSeedSchema).default([]),
  roles: z.array(RoleSeedSchema).default([]),
  regions: z.record(z.string(), RegionResourcesSeedSchema).default({}),
});

export const AwsSeedSchema = RegionResourcesSeedSchema.extend({
  /** Account of top-level resources and of access keys no account claims. */
  accountId: accountId.default('123456789012'),
  region: z.string().default('us-east-1'),
  /** When false, access keys no account declares are rejected like AWS rejects unknown keys. */
  acceptUnknownKeys: z.boolean().default(true),
  accounts: z.array(AccountSeedSchema).default([]),
  regions: z.record(z.string(), RegionResourcesSeedSchema).default({}),
});

export type AwsSeed = z.input<typeof AwsSeedSchema>;
export type ParsedAwsSeed = z.output<typeof AwsSeedSchema>;
export type RegionResourcesSeed = z.output<typeof RegionResourcesSeedSchema>;
export type ParsedAccountSeed = z.output<typeof AccountSeedSchema>;
export type Ec2InstanceSeed = z.output<typeof Ec2InstanceSeedSchema>;

/** Parses a seed, naming the path of the first problem (`ec2.instances.3.instanceId: …`). */
export function parseAwsSeed(input: unknown): ParsedAwsSeed {
  const result = AwsSeedSchema.safeParse(input ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = issue === undefined ? '' : issue.path.map(String).join('.');
  throw new Error(
    `invalid AWS emulator seed at ${path || '(root)'}: ${issue?.message ?? 'unknown problem'}`,
  );
}
