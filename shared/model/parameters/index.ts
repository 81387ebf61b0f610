import type { z } from 'zod';
import type { ExecutorType } from '../constants';
import { PARSE_OPTIONS } from '../friendly-messages';
import {
  IssueCollector,
  type RawIssue,
  type RuleResult,
  type ValidationResult,
  rawIssuesFromZod,
  toIssue,
} from '../issue';
import { isRecord } from '../raw';
import { dropNulls, unknownKeyWarnings } from '../schema-walk';
import { type AsgParameters, AsgParametersSchema } from './asg';
import { type Ec2Parameters, Ec2ParametersSchema } from './ec2';
import { type EksParameters, EksParametersSchema } from './eks';
import { type KarpenterParameters, KarpenterParametersSchema } from './karpenter';
import { type NoopParameters, NoopParametersSchema } from './noop';
import { type RdsParameters, RdsParametersSchema, rdsParameterWarnings } from './rds';
import {
  type WorkloadScalerParameters,
  WorkloadScalerParametersSchema,
  workloadScalerParameterWarnings,
} from './workloadscaler';

export * from './asg';
export * from './common';
export * from './ec2';
export * from './eks';
export * from './karpenter';
export * from './noop';
export * from './rds';
export * from './workloadscaler';

/** The parsed parameters of each executor type (defaults applied). */
export interface ExecutorParameters {
  ec2: Ec2Parameters;
  rds: RdsParameters;
  eks: EksParameters;
  asg: AsgParameters;
  karpenter: KarpenterParameters;
  workloadscaler: WorkloadScalerParameters;
  noop: NoopParameters;
}

/** Each executor's own parameter schema (section 7 of the semantics). */
export const parameterSchemas: { readonly [K in ExecutorType]: z.ZodType<ExecutorParameters[K]> } =
  {
    ec2: Ec2ParametersSchema,
    rds: RdsParametersSchema,
    eks: EksParametersSchema,
    asg: AsgParametersSchema,
    karpenter: KarpenterParametersSchema,
    workloadscaler: WorkloadScalerParametersSchema,
    noop: NoopParametersSchema,
  };

const extraWarnings: Partial<Record<ExecutorType, (params: unknown) => RawIssue[]>> = {
  rds: rdsParameterWarnings,
  workloadscaler: workloadScalerParameterWarnings,
};

/** Operator spellings that were renamed: the warning says what to write instead. */
const RENAMED: Readonly<Record<string, string>> = {
  waitConfig:
    '"waitConfig" is the operator\'s old name for awaitCompletion: rename it, until then it is ignored',
};

/**
 * Errors (from the executor's schema) and warnings (unknown keys, ignored settings) for one
 * target's parameters; paths are relative to `parameters`. Unknown keys are kept in the plan
 * (parameters are stored as written) but the executor never sees them.
 */
export function checkParameters(type: ExecutorType, raw: unknown): RuleResult {
  const out = new IssueCollector();
  const schema = parameterSchemas[type];
  const params = dropNulls(schema, raw);
  if (params !== undefined && params !== null && !isRecord(params)) {
    out.error([], 'must be a mapping of parameter names to values');
    return out;
  }
  const result = schema.safeParse(params ?? {}, PARSE_OPTIONS);
  for (const e of rawIssuesFromZod(result.error)) out.error(e.path, e.message);
  for (const w of unknownKeyWarnings(schema, params ?? {}, RENAMED)) {
    out.warn(w.path, w.message.replace(/^unknown field/, `unknown ${type} parameter`));
  }
  for (const w of extraWarnings[type]?.(params) ?? []) out.warn(w.path, w.message);
  return out;
}

/**
 * For executors: the typed parameters with defaults applied, or the problems found
 * (paths relative to `parameters`, e.g. `selector.instanceIds[0]`).
 */
export function parseExecutorParameters<K extends ExecutorType>(
  type: K,
  params: unknown,
): ValidationResult<ExecutorParameters[K]> {
  const checked = checkParameters(type, params);
  const errors = checked.errors.map(toIssue);
  const warnings = checked.warnings.map(toIssue);
  if (errors.length > 0) return { valid: false, errors, warnings };
  const result = parameterSchemas[type].safeParse(
    dropNulls(parameterSchemas[type], params) ?? {},
    PARSE_OPTIONS,
  );
  if (!result.success)
    return { valid: false, errors: rawIssuesFromZod(result.error).map(toIssue), warnings };
  return { valid: true, value: result.data, errors, warnings };
}
