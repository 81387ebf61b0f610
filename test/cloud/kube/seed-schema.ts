/** Parses a seed that arrives over the control API (JSON from another process). */
import { z } from 'zod';
import type { KubeSeed } from './seed';

const stringMap = z.record(z.string(), z.string());
const jsonObject = z.record(z.string(), z.unknown());

const workload = z.object({
  namespace: z.string(),
  name: z.string(),
  replicas: z.number().int(),
  labels: stringMap.optional(),
  annotations: stringMap.optional(),
  image: z.string().optional(),
  readyReplicas: z.number().int().optional(),
});

const denyRule = z.object({
  verb: z.string(),
  resource: z.string(),
  namespace: z.string().optional(),
  name: z.string().optional(),
  apiGroup: z.string().optional(),
});

const scaleSpec = z.object({
  specReplicasPath: z.string(),
  statusReplicasPath: z.string(),
  labelSelectorPath: z.string().optional(),
});

export const kubeSeedSchema = z.object({
  namespaces: z
    .array(
      z.object({
        name: z.string(),
        labels: stringMap.optional(),
        annotations: stringMap.optional(),
      }),
    )
    .optional(),
  deployments: z.array(workload).optional(),
  statefulsets: z.array(workload).optional(),
  replicasets: z.array(workload).optional(),
  hpas: z
    .array(
      z.object({
        namespace: z.string(),
        name: z.string(),
        target: z.object({
          kind: z.enum(['Deployment', 'StatefulSet', 'ReplicaSet']),
          name: z.string(),
        }),
        minReplicas: z.number().int().optional(),
        maxReplicas: z.number().int(),
        cpuUtilization: z.number().optional(),
      }),
    )
    .optional(),
  nodepools: z
    .array(
      z.object({
        name: z.string(),
        labels: stringMap.optional(),
        annotations: stringMap.optional(),
        spec: jsonObject.optional(),
        nodes: z.number().int().nonnegative().optional(),
      }),
    )
    .optional(),
  nodes: z
    .array(
      z.object({
        name: z.string(),
        nodePool: z.string().optional(),
        labels: stringMap.optional(),
        instanceType: z.string().optional(),
        zone: z.string().optional(),
      }),
    )
    .optional(),
  customResources: z
    .array(
      z.object({
        group: z.string(),
        version: z.string(),
        plural: z.string(),
        kind: z.string(),
        singular: z.string().optional(),
        listKind: z.string().optional(),
        namespaced: z.boolean().optional(),
        shortNames: z.array(z.string()).optional(),
        scale: z.union([z.boolean(), scaleSpec]).optional(),
        items: z
          .array(
            z.object({
              namespace: z.string().optional(),
              name: z.string(),
              replicas: z.number().int().optional(),
              labels: stringMap.optional(),
              annotations: stringMap.optional(),
              spec: jsonObject.optional(),
              status: jsonObject.optional(),
            }),
          )
          .optional(),
      }),
    )
    .optional(),
  tokens: z
    .record(z.string(), z.object({ user: z.string(), deny: z.array(denyRule).optional() }))
    .optional(),
});

export type SeedParseResult = { ok: true; seed: KubeSeed } | { ok: false; message: string };

export function parseSeed(input: unknown): SeedParseResult {
  const result = kubeSeedSchema.safeParse(input);
  if (result.success) return { ok: true, seed: result.data };
  const message = result.error.issues
    .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
    .join('; ');
  return { ok: false, message: `invalid seed: ${message}` };
}
