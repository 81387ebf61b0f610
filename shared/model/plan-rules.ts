import {
  CONNECTOR_KIND_FOR_EXECUTOR,
  EXECUTOR_TYPES,
  type ExecutorType,
  SUSPEND_UNTIL_ANNOTATION,
} from './constants';
import { INSTANT_HINT, parseInstant } from './instant';
import { IssueCollector, type RuleResult } from './issue';
import { checkParameters } from './parameters';
import { arrayAt, field, isRecord, recordAt, stringAt } from './raw';
import { checkStrategyShape, checkStrategyTargets } from './strategy-rules';

export function isExecutorType(value: unknown): value is ExecutorType {
  return typeof value === 'string' && (EXECUTOR_TYPES as readonly string[]).includes(value);
}

/** Target names as written, in order (skipping entries without a usable name). */
export function targetNamesOf(plan: unknown): string[] {
  const names: string[] = [];
  for (const target of arrayAt(recordAt(plan, 'spec'), 'targets') ?? []) {
    const name = stringAt(target, 'name');
    if (name) names.push(name);
  }
  return names;
}

/**
 * Plan rules beyond each field's own shape: unique target names, the strategy against the
 * targets, connectors that fit their executor, each executor's parameters, the suspension
 * annotations. Reads half-parsed input; paths are relative to the plan.
 */
export function checkPlan(plan: unknown): RuleResult {
  const out = new IssueCollector();
  const spec = recordAt(plan, 'spec');
  if (!spec) return out;
  const targets = arrayAt(spec, 'targets') ?? [];

  const firstIndex = new Map<string, number>();
  targets.forEach((target, i) => {
    const name = stringAt(target, 'name');
    if (!name) return;
    const first = firstIndex.get(name);
    if (first !== undefined) {
      out.error(
        ['spec', 'targets', i, 'name'],
        `duplicate target name "${name}" (also spec.targets[${first}]): target names must be unique in a plan`,
      );
    } else {
      firstIndex.set(name, i);
    }
  });
  targets.forEach((target, i) => checkTarget(target, ['spec', 'targets', i], out));

  const strategy = field(recordAt(spec, 'execution'), 'strategy');
  out.merge({ errors: [], warnings: checkStrategyShape(strategy).warnings }, [
    'spec',
    'execution',
    'strategy',
  ]);
  out.merge(checkStrategyTargets(strategy, targetNamesOf(plan)), ['spec', 'execution', 'strategy']);

  if (field(recordAt(spec, 'behavior'), 'failFast') !== undefined) {
    out.warn(
      ['spec', 'behavior', 'failFast'],
      'is an operator setting the desktop app does not use (Strict mode stops at the failing stage); it is kept for export',
    );
  }

  const annotations = recordAt(recordAt(plan, 'metadata'), 'annotations');
  const until = annotations?.[SUSPEND_UNTIL_ANNOTATION];
  if (typeof until === 'string') {
    const path = ['metadata', 'annotations', SUSPEND_UNTIL_ANNOTATION];
    if (parseInstant(until) === undefined)
      out.error(path, `"${until}" is not a valid instant: ${INSTANT_HINT}`);
    else if (spec.suspend !== true) out.warn(path, 'is ignored while spec.suspend is false');
  }
  return out;
}

function checkTarget(target: unknown, path: (string | number)[], out: IssueCollector): void {
  if (!isRecord(target)) return;
  const type = target.type;
  if (!isExecutorType(type)) return; // the type's own error is reported by the schema
  const needed = CONNECTOR_KIND_FOR_EXECUTOR[type];
  const ref = target.connectorRef;
  if (needed && ref === undefined) {
    out.error(
      [...path, 'connectorRef'],
      `is required for ${type} targets: add connectorRef: { kind: ${needed}, name: <connection name> }`,
    );
  }
  const kind = stringAt(ref, 'kind');
  if (needed && kind && kind !== needed && (kind === 'CloudProvider' || kind === 'K8SCluster')) {
    out.error(
      [...path, 'connectorRef', 'kind'],
      `${type} targets work through a ${needed} connection, not a ${kind}: set kind: ${needed}`,
    );
  }
  out.merge(checkParameters(type, target.parameters), [...path, 'parameters']);
}
