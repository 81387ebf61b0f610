import { z } from 'zod';
import { ALWAYS } from '../issue';
import { nonEmpty } from '../names';
import { isRecord } from '../raw';
import { AwaitCompletionSchema, ParallelismSchema, TagSelectorSchema, nonEmptyMap } from './common';

export const AsgSelectorSchema = z
  .object({
    names: z
      .array(nonEmpty('Auto Scaling group name'))
      .min(1, { error: 'must not be empty: list at least one group name, or remove the field' })
      .optional(),
    tags: nonEmptyMap('tags').optional(),
    tagSelector: TagSelectorSchema.optional(),
  })
  .superRefine((value, ctx) => {
    // An empty selector would scale every group in the account to zero.
    if (
      isRecord(value) &&
      value.names === undefined &&
      value.tags === undefined &&
      value.tagSelector === undefined
    ) {
      ctx.addIssue({
        code: 'custom',
        message: 'must say which Auto Scaling groups to handle: set names, tags or tagSelector',
      });
    }
  }, ALWAYS);

export const AsgParametersSchema = z.object({
  selector: AsgSelectorSchema,
  awaitCompletion: AwaitCompletionSchema.optional(),
  parallelism: ParallelismSchema.optional(),
});
export type AsgParameters = z.infer<typeof AsgParametersSchema>;
