import type { ActionResult } from '../../../shared/api';
import type { Phase } from '../../../shared/model/status';
import type { Transport } from '../transport/transport';

export type PlanAction =
  | 'hibernateNow'
  | 'wakeNow'
  | 'keepAwake1'
  | 'keepAwake3'
  | 'keepAwakeTomorrow'
  | 'skipNext'
  | 'suspend'
  | 'resume'
  | 'retry'
  | 'markAwake';

export const ACTION_LABEL: Readonly<Record<PlanAction, string>> = {
  hibernateNow: 'Hibernate now',
  wakeNow: 'Wake now',
  keepAwake1: 'Keep awake 1 h',
  keepAwake3: 'Keep awake 3 h',
  keepAwakeTomorrow: 'Keep awake until tomorrow',
  skipNext: 'Skip next',
  suspend: 'Suspend',
  resume: 'Resume',
  retry: 'Retry',
  markAwake: 'Mark awake',
};

/** Actions that change cloud state or the plan's bookkeeping in a way worth a second look. */
export const CONFIRM_TEXT: Partial<Readonly<Record<PlanAction, string>>> = {
  markAwake:
    'Mark awake records the plan as awake without running the wake-up: use it when you already started the resources by hand. Restore data of the open cycle is kept.',
  suspend:
    'Suspend pauses the schedule: running targets finish, nothing new starts until you resume.',
};

/**
 * What the engine accepts in each phase (main/engine/service/action-methods.ts), so the
 * window never offers a button that can only fail. A paused plan offers only Resume.
 */
export function allowedActions(phase: Phase, suspended: boolean): PlanAction[] {
  if (suspended || phase === 'Suspended') return ['resume'];
  switch (phase) {
    case 'Active':
      return [
        'hibernateNow',
        'skipNext',
        'keepAwake1',
        'keepAwake3',
        'keepAwakeTomorrow',
        'suspend',
      ];
    case 'Hibernated':
      return ['wakeNow', 'keepAwake1', 'keepAwake3', 'keepAwakeTomorrow', 'markAwake', 'suspend'];
    case 'Hibernating':
    case 'WakingUp':
      return ['suspend'];
    case 'Error':
      return ['retry', 'hibernateNow', 'wakeNow', 'markAwake', 'suspend'];
  }
}

export function runAction(
  transport: Transport,
  plan: string,
  action: PlanAction,
): Promise<ActionResult> {
  switch (action) {
    case 'hibernateNow':
      return transport.call('hibernateNow', { plan });
    case 'wakeNow':
      return transport.call('wakeNow', { plan });
    case 'keepAwake1':
      return transport.call('keepAwake', { plan, hours: 1 });
    case 'keepAwake3':
      return transport.call('keepAwake', { plan, hours: 3 });
    case 'keepAwakeTomorrow':
      return transport.call('keepAwakeUntilTomorrow', { plan });
    case 'skipNext':
      return transport.call('skipNextHibernation', { plan });
    case 'suspend':
      return transport.call('suspend', { plan });
    case 'resume':
      return transport.call('resume', { plan });
    case 'retry':
      return transport.call('retry', { plan });
    case 'markAwake':
      return transport.call('markAwake', { plan });
  }
}
