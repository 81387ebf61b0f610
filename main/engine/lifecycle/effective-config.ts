import type { Behavior, Plan, ScheduleException, Strategy, Target } from '../../../shared/model';
import type { CycleOverrides } from '../../../shared/model/status';

export interface EffectiveTarget {
  target: Target;
  parameters: Record<string, unknown>;
  disabled: boolean;
}

export interface EffectiveConfig {
  strategy: Strategy;
  behavior: Behavior;
  targets: EffectiveTarget[];
}

/**
 * Overrides of the extend/replace exceptions active when a shutdown starts. They are stored
 * with the cycle so that its wake-up uses the same ones even after the exception expired.
 */
export function lockOverrides(
  active: readonly string[],
  exceptions: readonly ScheduleException[],
): CycleOverrides | null {
  const relevant = exceptions
    .filter(
      (e) =>
        active.includes(e.metadata.name) && (e.spec.type === 'extend' || e.spec.type === 'replace'),
    )
    .filter(
      (e) => (e.spec.targetOverrides?.length ?? 0) > 0 || e.spec.executionOverride !== undefined,
    )
    .sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));
  if (relevant.length === 0) return null;
  const overrides: CycleOverrides = {
    exceptions: relevant.map((e) => e.metadata.name),
    targets: {},
  };
  for (const e of relevant) {
    for (const o of e.spec.targetOverrides ?? []) {
      const current = overrides.targets[o.targetName] ?? {};
      overrides.targets[o.targetName] = {
        ...current,
        ...(o.parameters !== undefined ? { parameters: o.parameters } : {}),
        ...(o.disabled !== undefined ? { disabled: o.disabled } : {}),
      };
    }
    if (e.spec.executionOverride?.strategy) overrides.strategy = e.spec.executionOverride.strategy;
    if (e.spec.executionOverride?.behavior) overrides.behavior = e.spec.executionOverride.behavior;
  }
  return overrides;
}

export function effectiveConfig(plan: Plan, overrides: CycleOverrides | null): EffectiveConfig {
  const strategy = (overrides?.strategy as Strategy | undefined) ?? plan.spec.execution.strategy;
  const behavior = {
    ...plan.spec.behavior,
    ...((overrides?.behavior as Partial<Behavior> | undefined) ?? {}),
  };
  const targets = plan.spec.targets.map((target) => {
    const o = overrides?.targets[target.name];
    return {
      target,
      parameters: (o?.parameters as Record<string, unknown> | undefined) ?? target.parameters ?? {},
      disabled: o?.disabled === true,
    };
  });
  return { strategy, behavior, targets };
}
