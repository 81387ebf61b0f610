import type { OverrideView } from '../../../shared/api/contract';
import type { PlanOverride } from '../../../shared/model/override';

/** The override as every API answer shows it (plan list, action results). */
export function toOverrideView(override: PlanOverride | null): OverrideView | null {
  if (!override) return null;
  return {
    phase: override.phase,
    until: override.until,
    setAt: override.setAt ?? null,
    by: override.by ?? null,
    durationMs: override.durationMs ?? null,
  };
}
