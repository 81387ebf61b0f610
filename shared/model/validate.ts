import type { z } from 'zod';
import {
  CLOUD_PROVIDER_KIND,
  CONNECTOR_KIND_FOR_EXECUTOR,
  EXCEPTION_KIND,
  K8S_CLUSTER_KIND,
  NOTIFICATION_KIND,
  OBJECT_KINDS,
  PLAN_KIND,
} from './constants';
import {
  type CloudProvider,
  CloudProviderSchema,
  type Connection,
  type K8SCluster,
  K8SClusterSchema,
} from './connection';
import { checkCloudProvider, checkK8SCluster } from './connection-rules';
import { type ScheduleException, ScheduleExceptionSchema } from './exception';
import { checkException, checkExceptionAgainstPlan } from './exception-rules';
import { PARSE_OPTIONS, describe } from './friendly-messages';
import {
  IssueCollector,
  type RawIssue,
  type RuleResult,
  type ValidationResult,
  dedupe,
  formatIssue,
  rawIssuesFromZod,
  toIssue,
} from './issue';
import { checkClusterRules } from './cluster-rules';
import { nestingIssue } from './input-limits';
import { SERVER_METADATA_FIELDS } from './metadata';
import { type HibernateNotification, NotificationSchema, checkNotification } from './notification';
import { type Plan, PlanSchema } from './plan';
import { checkPlan, isExecutorType } from './plan-rules';
import { arrayAt, field, isRecord, quoteList, recordAt, stringAt } from './raw';
import { dropNulls, unknownKeyWarnings } from './schema-walk';

export type { Issue, ValidationResult } from './issue';
export { formatIssue };

export type HibernatorObject = Plan | ScheduleException | Connection | HibernateNotification;

export interface ValidationContext {
  /** Stored connections: when given, a connectorRef naming a missing connection is an error. */
  connections?: readonly Connection[];
  /** Stored plans: when given, exceptions are checked against the plan they name. */
  plans?: readonly Plan[];
  /** Names of plans that exist but are not in `plans` (e.g. invalid ones in the same file): no "unknown plan" warning. */
  knownPlanNames?: readonly string[];
}

export function validatePlan(raw: unknown, ctx: ValidationContext = {}): ValidationResult<Plan> {
  const tooDeep = tooDeepResult<Plan>(raw);
  if (tooDeep) return tooDeep;
  const input = dropNulls(PlanSchema, raw);
  const out = new IssueCollector();
  out.merge({ errors: [], warnings: checkPlan(input).warnings });
  out.merge(checkClusterRules(input));
  if (ctx.connections) out.merge(checkConnectorRefs(input, ctx.connections));
  return finish(PlanSchema, input, out, 'a HibernatePlan');
}

export function validateException(
  raw: unknown,
  ctx: ValidationContext = {},
): ValidationResult<ScheduleException> {
  const tooDeep = tooDeepResult<ScheduleException>(raw);
  if (tooDeep) return tooDeep;
  const input = dropNulls(ScheduleExceptionSchema, raw);
  const out = new IssueCollector();
  out.merge({ errors: [], warnings: checkException(input).warnings });
  out.merge(checkClusterRules(input));
  const planName = stringAt(recordAt(recordAt(input, 'spec'), 'planRef'), 'name');
  if (ctx.plans && planName) {
    const plan = ctx.plans.find((p) => p.metadata.name === planName);
    if (plan) out.merge(checkExceptionAgainstPlan(input, plan));
    else if (!ctx.knownPlanNames?.includes(planName)) {
      out.warn(
        ['spec', 'planRef', 'name'],
        `no plan named "${planName}" is known: the exception takes effect once a plan with that name exists`,
      );
    }
  }
  return finish(ScheduleExceptionSchema, input, out, 'a ScheduleException');
}

export function validateConnection(
  raw: unknown,
  ctx: ValidationContext = {},
): ValidationResult<Connection> {
  const tooDeep = tooDeepResult<Connection>(raw);
  if (tooDeep) return tooDeep;
  const kind = field(raw, 'kind');
  if (kind === CLOUD_PROVIDER_KIND) {
    const input = dropNulls(CloudProviderSchema, raw);
    const out = new IssueCollector();
    out.merge({ errors: [], warnings: checkCloudProvider(input).warnings });
    out.merge(checkClusterRules(input));
    return finish<CloudProvider>(CloudProviderSchema, input, out, 'a CloudProvider');
  }
  if (kind === K8S_CLUSTER_KIND) {
    const input = dropNulls(K8SClusterSchema, raw);
    const out = new IssueCollector();
    out.merge({ errors: [], warnings: checkK8SCluster(input).warnings });
    out.merge(checkClusterRules(input));
    if (ctx.connections) out.merge(checkProviderRef(input, ctx.connections));
    return finish<K8SCluster>(K8SClusterSchema, input, out, 'a K8SCluster');
  }
  return kindError(raw, [CLOUD_PROVIDER_KIND, K8S_CLUSTER_KIND]);
}

export function validateNotification(raw: unknown): ValidationResult<HibernateNotification> {
  const input = dropNulls(NotificationSchema, raw);
  const out = new IssueCollector();
  out.merge({ errors: [], warnings: checkNotification(input).warnings });
  return finish(NotificationSchema, input, out, 'a HibernateNotification');
}

/** Validates any of the five kinds, dispatching on `kind`. */
export function validateObject(
  input: unknown,
  ctx: ValidationContext = {},
): ValidationResult<HibernatorObject> {
  const kind = field(input, 'kind');
  if (kind === PLAN_KIND) return validatePlan(input, ctx);
  if (kind === EXCEPTION_KIND) return validateException(input, ctx);
  if (kind === CLOUD_PROVIDER_KIND || kind === K8S_CLUSTER_KIND)
    return validateConnection(input, ctx);
  if (kind === NOTIFICATION_KIND) return validateNotification(input);
  return kindError(input, OBJECT_KINDS);
}

/** Input nested past MAX_NESTING is refused before the validators, which recurse, see it. */
function tooDeepResult<T>(raw: unknown): ValidationResult<T> | null {
  const issue = nestingIssue(raw);
  return issue ? { valid: false, errors: [issue], warnings: [] } : null;
}

function kindError<T>(input: unknown, expected: readonly string[]): ValidationResult<T> {
  const list = `${expected.slice(0, -1).join(', ')} or ${expected[expected.length - 1]}`;
  if (!isRecord(input)) {
    return {
      valid: false,
      errors: [
        {
          path: '',
          message: `must be an object with apiVersion, kind, metadata and spec, not ${describe(input)}`,
        },
      ],
      warnings: [],
    };
  }
  const kind = input.kind;
  const message =
    kind === undefined
      ? `is required: set kind to ${list}`
      : `${JSON.stringify(kind)} is not a kind the desktop app knows: use ${list}`;
  return { valid: false, errors: [{ path: 'kind', message }], warnings: [] };
}

/** Parses, then merges the rule pass and the unknown-field warnings; `value` only when valid. */
function finish<T>(
  schema: z.ZodType<T>,
  input: unknown,
  extra: RuleResult,
  what: string,
): ValidationResult<T> {
  if (!isRecord(input)) {
    const message = `must be ${what} object with apiVersion, kind, metadata and spec, not ${describe(input)}`;
    return { valid: false, errors: [{ path: '', message }], warnings: [] };
  }
  const parsed = schema.safeParse(input, PARSE_OPTIONS);
  const errors = dedupe([...rawIssuesFromZod(parsed.error), ...extra.errors]).map(toIssue);
  const warnings = dedupe([...extra.warnings, ...unknownFields(schema, input)]).map(toIssue);
  if (errors.length > 0 || !parsed.success) return { valid: false, errors, warnings };
  return { valid: true, value: parsed.data, errors, warnings };
}

/** Unknown fields are warnings; what the API server adds to a cluster object (status, uid, …) is dropped silently. */
function unknownFields(schema: z.core.$ZodType, input: unknown): RawIssue[] {
  return unknownKeyWarnings(schema, input).filter(({ path }) => {
    if (path.length === 1 && path[0] === 'status') return false;
    return !(
      path.length === 2 &&
      path[0] === 'metadata' &&
      SERVER_METADATA_FIELDS.has(String(path[1]))
    );
  });
}

function connectionList(connections: readonly Connection[], kind: string): string {
  const names = connections.filter((c) => c.kind === kind).map((c) => c.metadata.name);
  return names.length > 0
    ? `use one of ${quoteList(names)}`
    : `no ${kind} connection exists yet: add one`;
}

function checkConnectorRefs(plan: unknown, connections: readonly Connection[]): RuleResult {
  const out = new IssueCollector();
  (arrayAt(recordAt(plan, 'spec'), 'targets') ?? []).forEach((target, i) => {
    const ref = recordAt(target, 'connectorRef');
    const kind = stringAt(ref, 'kind');
    const name = stringAt(ref, 'name');
    const type = field(target, 'type');
    if (!kind || !name || !isExecutorType(type)) return;
    if (connections.some((c) => c.kind === kind && c.metadata.name === name)) return;
    const path = ['spec', 'targets', i, 'connectorRef', 'name'];
    const other = connections.find((c) => c.metadata.name === name);
    const message = other
      ? `"${name}" is a ${other.kind} connection, not a ${kind}: ${connectionList(connections, kind)}`
      : `no ${kind} connection named "${name}": ${connectionList(connections, kind)}`;
    if (CONNECTOR_KIND_FOR_EXECUTOR[type] === null)
      out.warn(path, `${message} (noop targets do not use it)`);
    else out.error(path, message);
  });
  return out;
}

function checkProviderRef(cluster: unknown, connections: readonly Connection[]): RuleResult {
  const out = new IssueCollector();
  const spec = recordAt(cluster, 'spec');
  const name = stringAt(recordAt(spec, 'providerRef'), 'name');
  if (!name || !isRecord(spec?.eks)) return out;
  if (!connections.some((c) => c.kind === CLOUD_PROVIDER_KIND && c.metadata.name === name)) {
    out.error(
      ['spec', 'providerRef', 'name'],
      `no CloudProvider connection named "${name}": ${connectionList(connections, CLOUD_PROVIDER_KIND)}`,
    );
  }
  return out;
}
