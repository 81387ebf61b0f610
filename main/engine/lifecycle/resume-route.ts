import type { Operation, Phase } from '../../../shared/model/status';

export type ResumeRoute =
  | { phase: 'Active' }
  | { phase: 'Hibernated' }
  | { phase: 'Hibernating'; mode: 'start' | 'continue' | 'retry' | 'resleep' }
  | { phase: 'WakingUp'; mode: 'continue' | 'retry' | 'wake-shutdown' | 'forced' };

/**
 * Where a resumed plan goes (semantics.md section 3, the resume table), from the phase it was
 * suspended in, the operation it ran last, and what the schedule says now. The caller sends a
 * route to WakingUp with no restore data at all to Active instead.
 */
export function resumeRoute(
  suspendedAt: Phase,
  lastOperation: Operation | null,
  hibernate: boolean,
): ResumeRoute {
  switch (suspendedAt) {
    case 'Active':
    case 'Suspended':
      return hibernate ? { phase: 'Hibernating', mode: 'start' } : { phase: 'Active' };
    case 'Hibernating':
      return hibernate
        ? { phase: 'Hibernating', mode: 'continue' }
        : { phase: 'WakingUp', mode: 'wake-shutdown' };
    case 'Hibernated':
      // Never re-run a full shutdown for a plan that was already asleep (operator defect).
      return hibernate ? { phase: 'Hibernated' } : { phase: 'WakingUp', mode: 'forced' };
    case 'WakingUp':
      return hibernate
        ? { phase: 'Hibernating', mode: 'resleep' }
        : { phase: 'WakingUp', mode: 'continue' };
    case 'Error':
      if (lastOperation === 'wakeup') {
        return hibernate
          ? { phase: 'Hibernating', mode: 'resleep' }
          : { phase: 'WakingUp', mode: 'retry' };
      }
      return hibernate
        ? { phase: 'Hibernating', mode: 'retry' }
        : { phase: 'WakingUp', mode: 'wake-shutdown' };
  }
}
