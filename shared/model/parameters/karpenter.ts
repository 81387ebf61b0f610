import { z } from 'zod';
import { ALWAYS } from '../issue';
import { nonEmpty } from '../names';
import { isRecord, isSet } from '../raw';
import { AwaitCompletionSchema, LabelSelectorSchema, ParallelismSchema } from './common';

/** NodePools by name or by label selector; neither = every NodePool of the cluster. */
export const KarpenterParametersSchema = z
  .object({
    nodePools: z.array(nonEmpty('NodePool name')).optional(),
    nodeSelector: LabelSelectorSchema.optional(),
    awaitCompletion: AwaitCompletionSchema.optional(),
    parallelism: ParallelismSchema.optional(),
  })
  .superRefine((value, ctx) => {
    if (isRecord(value) && isSet(value.nodePools) && value.nodeSelector !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['nodeSelector'],
        message: 'cannot be combined with nodePools: pick NodePools either by name or by labels',
      });
    }
  }, ALWAYS);
export type KarpenterParameters = z.infer<typeof KarpenterParametersSchema>;
