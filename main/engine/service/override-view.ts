import type { OverrideView } from '../../../shared/api/contract';
import type { PlanOverride } from '../../../shared/model/override';

/**
 * The override as every API answer shows it (plan list, plan detail, action results).
 * `localUser` is the `user@host` this engine runs as: an override set by that account is "by
 * you" wherever it is shown, whichever host (window, tray, CLI) set it.
 */
export function toOverrideView(
  override: PlanOverride | null,
  localUser: string | null,
): OverrideView | null {
  if (!override) return null;
  return {
    phase: override.phase,
    until: override.until,
    setAt: override.setAt ?? null,
    by: override.by ?? null,
    byUser: override.byUser ?? null,
    byYou: override.byUser !== undefined && override.byUser === localUser,
    durationMs: override.durationMs ?? null,
  };
}
