import type { PlanSummary } from '../../../shared/model/status';

export type PlanActionId =
  | 'hibernateNow'
  | 'wakeNow'
  | 'keepAwake'
  | 'skipTonight'
  | 'suspend'
  | 'resume'
  | 'retry'
  | 'markAwake';

/**
 * Which manual actions the engine accepts for a plan right now (docs/lifecycle.md, "Manual
 * actions by phase", and the checks in the engine's action methods). The tray shows every
 * action and disables the others, so a person learns where an action lives even when it
 * cannot run.
 */
export function allowedActions(
  plan: Pick<PlanSummary, 'phase' | 'suspended'>,
): Record<PlanActionId, boolean> {
  const { phase } = plan;
  const paused = plan.suspended || phase === 'Suspended';
  return {
    // The engine refuses both while an operation runs and while paused; from Error either direction restarts.
    hibernateNow: !paused && (phase === 'Active' || phase === 'Error'),
    wakeNow: !paused && (phase === 'Hibernated' || phase === 'Error'),
    // They set the plan's one override: accepted in every phase, it applies when the plan can act
    // (docs/lifecycle.md, "Manual actions by phase"); from Hibernated they wake the plan.
    keepAwake: true,
    skipTonight: true,
    suspend: !paused,
    resume: paused,
    retry: phase === 'Error',
    // The engine also accepts it in Hibernated, but from a tray one stray click would drop the cycle.
    markAwake: phase === 'Error',
  };
}

/**
 * The one hibernate/wake toggle the tray shows: the direction a person most likely wants from
 * this phase. In Error it is the opposite of the operation that failed (a failed wake-up can
 * be put back to sleep; a failed shutdown can be woken), Retry covers the same direction.
 */
export function toggleFor(plan: Pick<PlanSummary, 'phase' | 'error'>): 'hibernateNow' | 'wakeNow' {
  switch (plan.phase) {
    case 'Active':
    case 'WakingUp':
    case 'Suspended':
      return 'hibernateNow';
    case 'Hibernated':
    case 'Hibernating':
      return 'wakeNow';
    case 'Error':
      return plan.error?.operation === 'wakeup' ? 'hibernateNow' : 'wakeNow';
  }
}
