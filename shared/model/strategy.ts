import { z } from 'zod';
import {
  BEHAVIOR_MODES,
  DEFAULT_BEHAVIOR_MODE,
  DEFAULT_RETRIES,
  MAX_RETRIES,
  STRATEGY_TYPES,
} from './constants';
import { ALWAYS, addRuleErrors } from './issue';
import { nonEmpty } from './names';
import { checkStrategyShape } from './strategy-rules';

const concurrency = z
  .number()
  .int()
  .min(1, { error: 'must be at least 1 (leave it out to run the whole stage at once)' });

export const StrategyTypeSchema = z.enum(STRATEGY_TYPES);
export type StrategyType = z.infer<typeof StrategyTypeSchema>;

export const DependencySchema = z.object({
  /** Shuts down before `to`; wakes up after it. */
  from: nonEmpty('target name'),
  to: nonEmpty('target name'),
});
export type Dependency = z.infer<typeof DependencySchema>;

export const StageSchema = z.object({
  name: nonEmpty('stage name'),
  /** The operator's default (false), so an operator plan imported unchanged runs its stages the same way. */
  parallel: z.boolean().default(false),
  maxConcurrency: concurrency.optional(),
  targets: z.array(nonEmpty('target name')),
});
export type Stage = z.infer<typeof StageSchema>;

export const StrategySchema = z
  .object({
    type: StrategyTypeSchema,
    maxConcurrency: concurrency.optional(),
    dependencies: z.array(DependencySchema).optional(),
    stages: z.array(StageSchema).optional(),
  })
  .superRefine((value, ctx) => addRuleErrors(ctx, checkStrategyShape(value).errors), ALWAYS);
export type Strategy = z.infer<typeof StrategySchema>;

export const BehaviorModeSchema = z.enum(BEHAVIOR_MODES);
export type BehaviorMode = z.infer<typeof BehaviorModeSchema>;

const retriesRange = (issue: { input?: unknown }): string =>
  `must be between 0 and ${MAX_RETRIES}, not ${String(issue.input)}`;
const retries = z
  .number()
  .int()
  .min(0, { error: retriesRange })
  .max(MAX_RETRIES, { error: retriesRange });

/**
 * `mode` is Strict unless BestEffort is asked for, also when `behavior` is absent (the
 * operator treats an empty behavior as BestEffort; we do not). `failFast` is the operator's
 * field, kept for export only.
 */
export const BehaviorSchema = z.object({
  mode: BehaviorModeSchema.default(DEFAULT_BEHAVIOR_MODE),
  retries: retries.default(DEFAULT_RETRIES),
  failFast: z.boolean().optional(),
});
export type Behavior = z.infer<typeof BehaviorSchema>;

/** In an exception's executionOverride: only what is given replaces the plan's behaviour. */
export const BehaviorOverrideSchema = z.object({
  mode: BehaviorModeSchema.optional(),
  retries: retries.optional(),
});
export type BehaviorOverride = z.infer<typeof BehaviorOverrideSchema>;
