import type { ActionResult, ApiInput, OverrideChoiceView } from '../../../shared/api';
import type { Phase } from '../../../shared/model/status';
import { OVERRIDE_WORDS } from '../../../shared/override/words';
import type { Transport } from '../transport/transport';

export type PlanAction =
  | 'backToSchedule'
  | 'hibernateNow'
  | 'wakeNow'
  | 'keepAwake'
  | 'skipNext'
  | 'suspend'
  | 'resume'
  | 'retry'
  | 'markAwake';

/** The words of the tray for the same actions (shared/override/words.ts). */
export const ACTION_LABEL: Readonly<Record<PlanAction, string>> = {
  backToSchedule: OVERRIDE_WORDS.backToSchedule,
  hibernateNow: OVERRIDE_WORDS.hibernateNow,
  wakeNow: OVERRIDE_WORDS.wakeNow,
  keepAwake: OVERRIDE_WORDS.keepAwake,
  skipNext: OVERRIDE_WORDS.skipNext,
  suspend: 'Suspend',
  resume: 'Resume',
  retry: 'Retry',
  markAwake: 'Mark awake',
};

/** The manual actions that set the plan's one override; each offers its choices first. */
export const OVERRIDE_METHOD = {
  hibernateNow: 'hibernateNow',
  wakeNow: 'wakeNow',
  keepAwake: 'keepAwake',
  skipNext: 'skipNextHibernation',
} as const;
export type ChoiceAction = keyof typeof OVERRIDE_METHOD;

export function isChoiceAction(action: PlanAction): action is ChoiceAction {
  return action in OVERRIDE_METHOD;
}

/** Actions that change cloud state or the plan's bookkeeping in a way worth a second look. */
export const CONFIRM_TEXT: Partial<Readonly<Record<PlanAction, string>>> = {
  markAwake:
    'Mark awake records the plan as awake without running the wake-up: use it when you already started the resources by hand. Restore data of the open cycle is kept.',
  suspend:
    'Suspend pauses the schedule: running targets finish, nothing new starts until you resume.',
};

/**
 * What the engine accepts in each phase (main/engine/service/action-methods.ts), so the
 * window never offers a button that can only fail. A paused plan offers only Resume. With an
 * override set, "Back to schedule" comes first: it is the one way out of it.
 */
export function allowedActions(
  phase: Phase,
  suspended: boolean,
  hasOverride = false,
): PlanAction[] {
  if (suspended || phase === 'Suspended') return ['resume'];
  const back: PlanAction[] = hasOverride ? ['backToSchedule'] : [];
  switch (phase) {
    case 'Active':
      return [...back, 'hibernateNow', 'skipNext', 'keepAwake', 'suspend'];
    case 'Hibernated':
      return [...back, 'wakeNow', 'keepAwake', 'markAwake', 'suspend'];
    case 'Hibernating':
    case 'WakingUp':
      return [...back, 'suspend'];
    case 'Error':
      return [...back, 'retry', 'hibernateNow', 'wakeNow', 'markAwake', 'suspend'];
  }
}

/** The actions without choices. */
export function runAction(
  transport: Transport,
  plan: string,
  action: Exclude<PlanAction, ChoiceAction>,
): Promise<ActionResult> {
  switch (action) {
    case 'backToSchedule':
      return transport.call('clearOverride', { plan });
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

type Request = OverrideChoiceView['request'];

function withUntil(plan: string, request: Request): ApiInput<'wakeNow'> {
  return request.until === undefined ? { plan } : { plan, until: request.until };
}

/**
 * Sends one choice as the engine offered it (`request` of overrideChoices), or an action with
 * its default end when the choices could not be had. The contract types `request.action` as the
 * five override actions, so every one has its case here and nothing else can be sent.
 */
export function runOverrideRequest(
  transport: Transport,
  plan: string,
  request: Request,
): Promise<ActionResult> {
  switch (request.action) {
    case 'hibernateNow':
      return transport.call('hibernateNow', withUntil(plan, request));
    case 'wakeNow':
      return transport.call('wakeNow', withUntil(plan, request));
    case 'keepAwakeUntilTomorrow':
      return transport.call('keepAwakeUntilTomorrow', withUntil(plan, request));
    case 'skipNextHibernation':
      return transport.call('skipNextHibernation', withUntil(plan, request));
    case 'keepAwake':
      return transport.call('keepAwake', {
        plan,
        ...(request.hours === undefined ? {} : { hours: request.hours }),
        ...(request.until === undefined ? {} : { until: request.until }),
      });
  }
}

/** The request an action sends when no choice was made (its default end; keep awake: 3 h). */
export function defaultRequest(action: ChoiceAction): Request {
  return action === 'keepAwake'
    ? { action: 'keepAwake', hours: 3 }
    : { action: OVERRIDE_METHOD[action] };
}
