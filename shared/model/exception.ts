import { z } from 'zod';
import { API_VERSION, EXCEPTION_KIND, EXCEPTION_TYPES } from './constants';
import { DurationSchema } from './duration';
import { checkException } from './exception-rules';
import { InstantSchema } from './instant';
import { ALWAYS, addRuleErrors } from './issue';
import { ObjectMetadataSchema } from './metadata';
import { NamespaceNameSchema, PlanNameSchema, TargetNameSchema } from './names';
import { OffHourWindowSchema } from './schedule';
import { BehaviorOverrideSchema, StrategySchema } from './strategy';
import { ParametersSchema } from './target';

export const ExceptionTypeSchema = z.enum(EXCEPTION_TYPES, {
  error: (issue) =>
    issue.input === undefined ? 'is required: use extend, suspend or replace' : undefined,
});
export type ExceptionType = z.infer<typeof ExceptionTypeSchema>;

export const TargetOverrideSchema = z.object({
  targetName: TargetNameSchema,
  /** Replaces the target's parameters for cycles started while the exception is valid. */
  parameters: ParametersSchema.optional(),
  /** The target sits the cycle out (and so never holds its restore data locked). */
  disabled: z.boolean().optional(),
});
export type TargetOverride = z.infer<typeof TargetOverrideSchema>;

export const ExecutionOverrideSchema = z.object({
  strategy: StrategySchema.optional(),
  /** Only the fields given replace the plan's behaviour. */
  behavior: BehaviorOverrideSchema.optional(),
});
export type ExecutionOverride = z.infer<typeof ExecutionOverrideSchema>;

export const ScheduleExceptionSpecSchema = z.object({
  planRef: z.object({ name: PlanNameSchema, namespace: NamespaceNameSchema.optional() }),
  type: ExceptionTypeSchema,
  /** Inclusive. */
  validFrom: InstantSchema,
  /** Exclusive; at most 90 days after validFrom. */
  validUntil: InstantSchema,
  /** suspend only: keep the plan awake this long before each suspend window. */
  leadTime: DurationSchema.optional(),
  windows: z
    .array(OffHourWindowSchema)
    .min(1, { error: 'must not be empty: add at least one window { start, end, daysOfWeek }' }),
  targetOverrides: z.array(TargetOverrideSchema).optional(),
  executionOverride: ExecutionOverrideSchema.optional(),
});

/**
 * A ScheduleException. Parsing it checks the rules that need nothing but the exception; the
 * rules against its plan (target names, parameters) are added by `validateException`.
 */
export const ScheduleExceptionSchema = z
  .object({
    apiVersion: z.literal(API_VERSION),
    kind: z.literal(EXCEPTION_KIND),
    metadata: ObjectMetadataSchema,
    spec: ScheduleExceptionSpecSchema,
  })
  .superRefine((value, ctx) => addRuleErrors(ctx, checkException(value).errors), ALWAYS);
export type ScheduleException = z.infer<typeof ScheduleExceptionSchema>;
export type ScheduleExceptionInput = z.input<typeof ScheduleExceptionSchema>;
