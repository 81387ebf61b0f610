import { z } from 'zod';
import { DurationOrEmptySchema } from '../duration';
import { ALWAYS } from '../issue';
import { nonEmpty } from '../names';
import { arrayAt, isRecord, stringAt } from '../raw';

/** `{key: value}` tags or labels; an empty value in an AWS `tags` map means "the key exists". */
export const StringMapSchema = z.record(nonEmpty('key'), z.string());

/** A map that must hold something: an empty one would silently select every resource. */
export function nonEmptyMap(what: string) {
  return StringMapSchema.refine((map) => Object.keys(map).length > 0, {
    error: `is empty: add at least one key, or remove ${what}`,
  });
}

export const TAG_OPERATORS = [
  'In',
  'NotIn',
  'Exists',
  'DoesNotExist',
  'Matches',
  'NotMatches',
] as const;
export const LABEL_OPERATORS = ['In', 'NotIn', 'Exists', 'DoesNotExist'] as const;
const NEEDS_VALUES: ReadonlySet<string> = new Set(['In', 'NotIn', 'Matches', 'NotMatches']);

/** Kubernetes' rule, shared by tag and label expressions: set operators need values, existence ones none. */
function checkExpression(value: unknown, ctx: z.core.$RefinementCtx<unknown>): void {
  const operator = stringAt(value, 'operator');
  if (!operator) return;
  const values = arrayAt(value, 'values');
  if (NEEDS_VALUES.has(operator) && (!values || values.length === 0)) {
    ctx.addIssue({
      code: 'custom',
      path: ['values'],
      message: `is required for ${operator}: list at least one value`,
    });
  }
  if (!NEEDS_VALUES.has(operator) && values && values.length > 0) {
    ctx.addIssue({
      code: 'custom',
      path: ['values'],
      message: `must be empty for ${operator}, which only looks at the key: remove the values`,
    });
  }
}

function expressionSchema(operators: readonly [string, ...string[]]) {
  return z
    .object({
      key: nonEmpty('key'),
      operator: z.enum(operators),
      values: z.array(z.string()).optional(),
    })
    .superRefine(checkExpression, ALWAYS);
}

export const TagExpressionSchema = expressionSchema(TAG_OPERATORS);
export type TagExpression = z.infer<typeof TagExpressionSchema>;

/** AWS tag selector; all terms are AND-ed; `Matches`/`NotMatches` take globs. */
export const TagSelectorSchema = z
  .object({
    matchTags: StringMapSchema.optional(),
    matchExpressions: z.array(TagExpressionSchema).optional(),
  })
  .superRefine((value, ctx) => {
    if (!isRecord(value)) return;
    const tags = value.matchTags;
    const exprs = value.matchExpressions;
    const empty =
      (!isRecord(tags) || Object.keys(tags).length === 0) &&
      (!Array.isArray(exprs) || exprs.length === 0);
    if (empty)
      ctx.addIssue({
        code: 'custom',
        message: 'is empty and would match every resource: add matchTags or matchExpressions',
      });
  }, ALWAYS);
export type TagSelector = z.infer<typeof TagSelectorSchema>;

export const LabelExpressionSchema = expressionSchema(LABEL_OPERATORS);

/** Kubernetes label selector; empty means "everything", as in Kubernetes. */
export const LabelSelectorSchema = z.object({
  matchLabels: StringMapSchema.optional(),
  matchExpressions: z.array(LabelExpressionSchema).optional(),
});
export type LabelSelector = z.infer<typeof LabelSelectorSchema>;

/**
 * Wait for the desired state; a timeout is a failure. An empty timeout is the operator's
 * spelling of "the executor's default".
 */
export const AwaitCompletionSchema = z.object({
  enabled: z.boolean().default(false),
  timeout: DurationOrEmptySchema.optional(),
});
export type AwaitCompletion = z.infer<typeof AwaitCompletionSchema>;

export const IdListSchema = (what: string, pattern: RegExp, example: string) =>
  z
    .array(
      z.string().regex(pattern, {
        error: (iss) => `${JSON.stringify(iss.input)} is not ${what}: write it like ${example}`,
      }),
    )
    .min(1, { error: `must not be empty: list at least one id, or remove the field` });

/** How many resources of one target are changed at once when AWS or Kubernetes has no batch call. */
export const DEFAULT_PARALLELISM = 10;
export const MAX_PARALLELISM = 100;

/**
 * Desktop-only (the operator has no such parameter): per-resource calls of one target (RDS
 * stop/start, EKS node group updates, ASG updates, scale patches, NodePool deletes) in flight at
 * once. Separate from the strategy's maxConcurrency, which counts targets.
 */
export const ParallelismSchema = z
  .number()
  .int({ error: 'must be a whole number of calls in flight at once' })
  .min(1, { error: 'must be at least 1 (one call at a time)' })
  .max(MAX_PARALLELISM, {
    error: `must be at most ${MAX_PARALLELISM}: AWS and the API server throttle wider bursts`,
  });
