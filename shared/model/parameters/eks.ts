import { z } from 'zod';
import { nonEmpty } from '../names';
import { AwaitCompletionSchema, ParallelismSchema } from './common';

export const EksParametersSchema = z.object({
  clusterName: nonEmpty('EKS cluster name'),
  /** Managed node groups to scale to zero; empty or absent = all of the cluster's node groups. */
  nodeGroups: z.array(z.object({ name: nonEmpty('node group name') })).optional(),
  awaitCompletion: AwaitCompletionSchema.optional(),
  parallelism: ParallelismSchema.optional(),
});
export type EksParameters = z.infer<typeof EksParametersSchema>;
