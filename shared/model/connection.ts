import { z } from 'zod';
import { API_VERSION, CLOUD_PROVIDER_KIND, K8S_CLUSTER_KIND } from './constants';
import { checkCloudProvider, checkK8SCluster } from './connection-rules';
import { ALWAYS, addRuleErrors } from './issue';
import { ObjectMetadataSchema } from './metadata';
import { NamespaceNameSchema, ObjectNameSchema, nonEmpty } from './names';

const REGION = /^[a-z]{2,4}(-[a-z]+)+-\d{1,2}$/;
export const AwsRegionSchema = z.string().regex(REGION, {
  error: (issue) =>
    `${JSON.stringify(issue.input)} is not an AWS region: write it like eu-central-1 or us-east-1`,
});

/** Operator-only blocks (service accounts, secrets): kept verbatim for export, never used. */
const OperatorOnlySchema = z.record(z.string(), z.unknown());

export const AwsConfigSchema = z.object({
  region: AwsRegionSchema,
  /** Pinned: `sts:GetCallerIdentity` must return it before any destructive call. */
  accountId: z
    .string({
      error: (i) =>
        typeof i.input === 'number'
          ? 'must be 12 digits in quotes (YAML reads an unquoted number and drops leading zeros), e.g. "012345678901"'
          : undefined,
    })
    .regex(/^\d{12}$/, {
      error: (i) =>
        `${JSON.stringify(i.input)} is not an AWS account id: it has exactly 12 digits, e.g. "012345678901"`,
    })
    .optional(),
  assumeRoleArn: z
    .string()
    .regex(/^arn:aws[a-z-]*:iam::\d{12}:role\/.+$/, {
      error: (i) =>
        `${JSON.stringify(i.input)} is not an IAM role ARN: write it like arn:aws:iam::012345678901:role/hibernator`,
    })
    .optional(),
  /** Local profile from ~/.aws/config or ~/.aws/credentials (SSO included); absent = the default profile. */
  profile: nonEmpty('AWS profile name').optional(),
  /** Points the connection at LocalStack, moto or the test emulators. */
  endpoint: z.string().optional(),
  auth: OperatorOnlySchema.optional(),
});
export type AwsConfig = z.infer<typeof AwsConfigSchema>;

export const CloudProviderSchema = z
  .object({
    apiVersion: z.literal(API_VERSION),
    kind: z.literal(CLOUD_PROVIDER_KIND),
    metadata: ObjectMetadataSchema,
    spec: z.object({
      type: z.literal('aws', {
        error: (i) =>
          i.input === undefined
            ? 'is required: set type: aws'
            : `only "aws" is supported (got ${JSON.stringify(i.input)})`,
      }),
      aws: AwsConfigSchema,
    }),
  })
  .superRefine((value, ctx) => addRuleErrors(ctx, checkCloudProvider(value).errors), ALWAYS);
export type CloudProvider = z.infer<typeof CloudProviderSchema>;

/**
 * Loose on purpose: the operator's other access blocks (`k8s`, `gke`, …) are kept verbatim so
 * that export gives them back; warnings say which local equivalent to pick.
 */
export const K8SClusterSpecSchema = z.looseObject({
  providerRef: z
    .object({ name: ObjectNameSchema, namespace: NamespaceNameSchema.optional() })
    .optional(),
  eks: z.object({ name: nonEmpty('EKS cluster name'), region: AwsRegionSchema }).optional(),
  /** Local kubeconfig: absent path = the default (KUBECONFIG or ~/.kube/config); absent context = its current one. */
  kubeconfig: z
    .object({
      path: nonEmpty('kubeconfig path').optional(),
      context: nonEmpty('context name').optional(),
    })
    .optional(),
  kubeconfigRef: OperatorOnlySchema.optional(),
});

export const K8SClusterSchema = z
  .object({
    apiVersion: z.literal(API_VERSION),
    kind: z.literal(K8S_CLUSTER_KIND),
    metadata: ObjectMetadataSchema,
    spec: K8SClusterSpecSchema,
  })
  .superRefine((value, ctx) => addRuleErrors(ctx, checkK8SCluster(value).errors), ALWAYS);
export type K8SCluster = z.infer<typeof K8SClusterSchema>;

/** Either kind of connection, told apart by `kind`. */
export const ConnectionSchema = z.discriminatedUnion('kind', [
  CloudProviderSchema,
  K8SClusterSchema,
]);
export type Connection = CloudProvider | K8SCluster;
