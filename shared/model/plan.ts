import { z } from 'zod';
import { API_VERSION, PLAN_KIND } from './constants';
import { ALWAYS, addRuleErrors } from './issue';
import { PlanMetadataSchema } from './metadata';
import { checkPlan } from './plan-rules';
import { ScheduleSchema } from './schedule';
import { BehaviorSchema, StrategySchema } from './strategy';
import { TargetSchema } from './target';

export const PlanSpecSchema = z.object({
  schedule: ScheduleSchema,
  execution: z.object({ strategy: StrategySchema }),
  /** Absent or empty = `{ mode: Strict, retries: 3 }`. */
  behavior: BehaviorSchema.prefault({}),
  suspend: z.boolean().default(false),
  targets: z.array(TargetSchema).min(1, { error: 'must not be empty: add at least one target' }),
});

/**
 * A HibernatePlan. Parsing it checks every rule that needs nothing outside the plan; rules
 * that need the stored connections, and warnings, are added by `validatePlan`.
 */
export const PlanSchema = z
  .object({
    apiVersion: z.literal(API_VERSION),
    kind: z.literal(PLAN_KIND),
    metadata: PlanMetadataSchema,
    spec: PlanSpecSchema,
  })
  .superRefine((value, ctx) => addRuleErrors(ctx, checkPlan(value).errors), ALWAYS);
export type Plan = z.infer<typeof PlanSchema>;
/** What may be written (defaults not yet applied). */
export type PlanInput = z.input<typeof PlanSchema>;
