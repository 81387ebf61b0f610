import { MAX_EXCEPTION_DAYS } from './constants';
import { parseInstant } from './instant';
import { IssueCollector, type RuleResult } from './issue';
import { checkParameters } from './parameters';
import { isExecutorType, targetNamesOf } from './plan-rules';
import { arrayAt, field, isRecord, quoteList, recordAt, stringAt } from './raw';
import { checkStrategyShape, checkStrategyTargets } from './strategy-rules';

const DAY_MS = 86_400_000;

/** Exception rules that need nothing but the exception. Paths are relative to the exception. */
export function checkException(exception: unknown): RuleResult {
  const out = new IssueCollector();
  const spec = recordAt(exception, 'spec');
  if (!spec) return out;
  const type = stringAt(spec, 'type');

  const fromText = stringAt(spec, 'validFrom');
  const untilText = stringAt(spec, 'validUntil');
  const from = fromText === undefined ? undefined : parseInstant(fromText);
  const until = untilText === undefined ? undefined : parseInstant(untilText);
  if (from !== undefined && until !== undefined) {
    if (until <= from) {
      out.error(
        ['spec', 'validUntil'],
        `must be after validFrom (${fromText}): an exception is valid from validFrom up to validUntil`,
      );
    } else if (until - from > MAX_EXCEPTION_DAYS * DAY_MS) {
      const days = Math.round(((until - from) / DAY_MS) * 10) / 10;
      const latest = new Date(from + MAX_EXCEPTION_DAYS * DAY_MS)
        .toISOString()
        .replace('.000Z', 'Z');
      out.error(
        ['spec', 'validUntil'],
        `the exception would last ${days} days; at most ${MAX_EXCEPTION_DAYS} are allowed: set validUntil no later than ${latest}, or split it into several exceptions`,
      );
    }
  }

  if (spec.leadTime !== undefined && type !== undefined && type !== 'suspend') {
    out.error(
      ['spec', 'leadTime'],
      `is only allowed on suspend exceptions (this one is ${type}): remove it`,
    );
  }
  if (type === 'suspend') {
    for (const key of ['targetOverrides', 'executionOverride'] as const) {
      if (spec[key] !== undefined)
        out.error(
          ['spec', key],
          `only applies to extend and replace exceptions (this one is suspend): remove it`,
        );
    }
  }

  const firstIndex = new Map<string, number>();
  (arrayAt(spec, 'targetOverrides') ?? []).forEach((override, i) => {
    const name = stringAt(override, 'targetName');
    if (name) {
      const first = firstIndex.get(name);
      if (first !== undefined)
        out.error(
          ['spec', 'targetOverrides', i, 'targetName'],
          `"${name}" already has an override (targetOverrides[${first}]): merge the two`,
        );
      else firstIndex.set(name, i);
    }
    if (!isRecord(override)) return;
    if (override.disabled === true && override.parameters !== undefined) {
      out.warn(
        ['spec', 'targetOverrides', i, 'parameters'],
        'is ignored because the target is disabled',
      );
    }
    if (override.disabled === undefined && override.parameters === undefined) {
      out.warn(['spec', 'targetOverrides', i], 'changes nothing: set parameters or disabled: true');
    }
  });

  const strategy = field(recordAt(spec, 'executionOverride'), 'strategy');
  out.merge({ errors: [], warnings: checkStrategyShape(strategy).warnings }, [
    'spec',
    'executionOverride',
    'strategy',
  ]);
  return out;
}

/**
 * Rules against the plan the exception names: overrides must name its targets, override
 * parameters must fit the target's executor, an overriding strategy must fit its targets.
 */
export function checkExceptionAgainstPlan(exception: unknown, plan: unknown): RuleResult {
  const out = new IssueCollector();
  const spec = recordAt(exception, 'spec');
  if (!spec) return out;
  const planName = stringAt(recordAt(plan, 'metadata'), 'name') ?? '';
  const targetNames = targetNamesOf(plan);
  const targetTypes = new Map<string, unknown>();
  for (const target of arrayAt(recordAt(plan, 'spec'), 'targets') ?? []) {
    const name = stringAt(target, 'name');
    if (name) targetTypes.set(name, field(target, 'type'));
  }

  (arrayAt(spec, 'targetOverrides') ?? []).forEach((override, i) => {
    const name = stringAt(override, 'targetName');
    if (!name) return;
    if (!targetTypes.has(name)) {
      out.error(
        ['spec', 'targetOverrides', i, 'targetName'],
        `plan "${planName}" has no target "${name}" (targets: ${quoteList(targetNames)})`,
      );
      return;
    }
    const type = targetTypes.get(name);
    const params = field(override, 'parameters');
    if (params !== undefined && isExecutorType(type)) {
      out.merge(checkParameters(type, params), ['spec', 'targetOverrides', i, 'parameters']);
    }
  });

  const strategy = field(recordAt(spec, 'executionOverride'), 'strategy');
  if (strategy !== undefined)
    out.merge(checkStrategyTargets(strategy, targetNames), [
      'spec',
      'executionOverride',
      'strategy',
    ]);
  return out;
}
