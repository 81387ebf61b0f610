import { z } from 'zod';
import { ALWAYS } from '../issue';
import { isRecord } from '../raw';
import { AwaitCompletionSchema, IdListSchema, TagSelectorSchema, nonEmptyMap } from './common';

function checkSelector(value: unknown, ctx: z.core.$RefinementCtx<unknown>): void {
  if (!isRecord(value)) return;
  const has = (key: string): boolean => value[key] !== undefined && value[key] !== null;
  if (!has('instanceIds') && !has('tags') && !has('tagSelector')) {
    ctx.addIssue({
      code: 'custom',
      message: 'must say which instances to handle: set instanceIds, tags or tagSelector',
    });
  }
  if (has('tags') && has('instanceIds')) {
    ctx.addIssue({
      code: 'custom',
      path: ['tags'],
      message: 'cannot be combined with instanceIds: select instances either by id or by tags',
    });
  }
  if (has('tags') && has('tagSelector')) {
    ctx.addIssue({
      code: 'custom',
      path: ['tags'],
      message: 'cannot be combined with tagSelector: move these tags into tagSelector.matchTags',
    });
  }
}

export const Ec2SelectorSchema = z
  .object({
    instanceIds: IdListSchema(
      'an EC2 instance id',
      /^i-[0-9a-f]+$/,
      'i-0123456789abcdef0',
    ).optional(),
    tags: nonEmptyMap('tags').optional(),
    tagSelector: TagSelectorSchema.optional(),
  })
  .superRefine(checkSelector, ALWAYS);

export const Ec2ParametersSchema = z.object({
  selector: Ec2SelectorSchema,
  /** Hibernate (suspend to disk) where the instance supports it, else stop. */
  hibernate: z.boolean().optional(),
  awaitCompletion: AwaitCompletionSchema.optional(),
});
export type Ec2Parameters = z.infer<typeof Ec2ParametersSchema>;
