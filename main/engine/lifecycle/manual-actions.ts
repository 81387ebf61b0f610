import { randomUUID } from 'node:crypto';
import type { Plan, ScheduleException } from '../../../shared/model';
import {
  SUSPEND_REASON_ANNOTATION,
  SUSPEND_UNTIL_ANNOTATION,
} from '../../../shared/model/constants';
import type { Operation, PlanStatus } from '../../../shared/model/status';
import { evaluate } from '../../../shared/schedule';
import { LifecycleError } from './lifecycle-error';
import type { LifecycleDeps } from './lifecycle-deps';
import { wakeUp, type Decision, type RestoreFacts, type StartDecision } from './phase-machine';
import type { PlanState } from './plan-state';

/** What the manual actions need from the plan's runner; they run inside its queue. */
export interface ActionHost {
  readonly name: string;
  readonly deps: LifecycleDeps;
  readonly state: PlanState;
  requireLoaded(): { plan: Plan; status: PlanStatus };
  isBusy(): boolean;
  exceptions(): ScheduleException[];
  restoreFacts(status: PlanStatus): RestoreFacts;
  /** Applies a start or fail decision (the same path the phase machine's decisions take). */
  apply(plan: Plan, exceptions: ScheduleException[], decision: Decision): void;
  arm(plan: Plan, exceptions: ScheduleException[], now: Date): void;
}

/** Writes spec.suspend and its annotations into the stored plan. */
export function writeSuspension(
  deps: LifecycleDeps,
  plan: Plan,
  suspend: boolean,
  until?: string,
  reason?: string,
): Plan {
  const annotations = { ...(plan.metadata.annotations ?? {}) };
  delete annotations[SUSPEND_UNTIL_ANNOTATION];
  delete annotations[SUSPEND_REASON_ANNOTATION];
  if (suspend && until) annotations[SUSPEND_UNTIL_ANNOTATION] = until;
  if (suspend && reason) annotations[SUSPEND_REASON_ANNOTATION] = reason;
  const next: Plan = {
    ...plan,
    metadata: { ...plan.metadata, annotations },
    spec: { ...plan.spec, suspend },
  };
  if (Object.keys(annotations).length === 0) delete next.metadata.annotations;
  deps.plans.upsert(next, deps.clock.now());
  deps.bus.emit({ type: 'PlanChanged', plan: plan.metadata.name, change: 'updated' });
  return next;
}

/** The operation the user asked for, with the restore-point check before a wake-up. */
function userStart(
  host: ActionHost,
  plan: Plan,
  status: PlanStatus,
  exceptions: ScheduleException[],
  operation: Operation,
  start: Pick<StartDecision, 'trigger' | 'keepCompleted'>,
): Decision {
  const common = { ...start, retry: 'fresh' as const, caughtUp: null };
  if (operation === 'wakeup') return wakeUp(host.restoreFacts(status), common);
  return {
    kind: 'start',
    operation: 'shutdown',
    activeExceptions: evaluate(plan, exceptions, host.deps.clock.now()).activeExceptions,
    ...common,
  };
}

/** Re-runs the failed operation (not whatever the schedule says now). */
export function retryNow(host: ActionHost): string {
  const { plan, status } = host.requireLoaded();
  if (status.phase !== 'Error')
    throw new LifecycleError(
      'NOT_ALLOWED',
      `plan ${host.name} is ${status.phase}; retry is for a plan that needs attention (Error)`,
    );
  const operation = status.error?.operation ?? status.lastOperation;
  if (!operation)
    throw new LifecycleError('NOT_ALLOWED', `plan ${host.name} has no failed operation to retry`);
  status.retriesLeft = null;
  const exceptions = host.exceptions();
  const trigger = `manual retry of the failed ${operation === 'wakeup' ? 'wake-up' : 'shutdown'}`;
  host.apply(
    plan,
    exceptions,
    userStart(host, plan, status, exceptions, operation, { trigger, keepCompleted: true }),
  );
  host.arm(plan, exceptions, host.deps.clock.now());
  const says = evaluate(plan, exceptions, host.deps.clock.now()).hibernate ? 'hibernate' : 'awake';
  return `retrying the failed ${operation === 'wakeup' ? 'wake-up' : 'shutdown'} now (the schedule says ${says}; it applies once this finishes)`;
}

/** Runs the operation again from the first target (a failed or stuck one). */
export function restartNow(host: ActionHost, operation: Operation): string {
  const { plan, status } = host.requireLoaded();
  if (host.isBusy())
    throw new LifecycleError(
      'NOT_ALLOWED',
      `plan ${host.name} is ${status.phase} and an operation is running; wait for it or suspend the plan`,
    );
  if (status.phase !== 'Error' && status.phase !== 'Hibernating' && status.phase !== 'WakingUp') {
    throw new LifecycleError(
      'NOT_ALLOWED',
      `plan ${host.name} is ${status.phase}; restart is for a failed or stuck operation`,
    );
  }
  const exceptions = host.exceptions();
  status.ledgerOperation = null; // a fresh ledger: every target runs again
  const trigger = `manual restart of the ${operation === 'wakeup' ? 'wake-up' : 'shutdown'}`;
  host.apply(
    plan,
    exceptions,
    userStart(host, plan, status, exceptions, operation, { trigger, keepCompleted: false }),
  );
  return `restarted the ${operation === 'wakeup' ? 'wake-up' : 'shutdown'} from the beginning`;
}

/** For "hibernate now" / "wake now" in Error: the user decides, so the operation starts at once. */
export function startFromError(host: ActionHost, operation: Operation, trigger: string): void {
  const { plan, status } = host.requireLoaded();
  if (status.phase !== 'Error') return;
  const exceptions = host.exceptions();
  status.retriesLeft = null;
  host.apply(
    plan,
    exceptions,
    userStart(host, plan, status, exceptions, operation, { trigger, keepCompleted: false }),
  );
}

/** Asleep or in Error, the user says it is awake: Active, cycle closed, restore data kept. */
export function markAwake(host: ActionHost): string {
  const { status } = host.requireLoaded();
  if (host.isBusy())
    throw new LifecycleError(
      'NOT_ALLOWED',
      `plan ${host.name} is ${status.phase}; wait for the operation to finish or suspend it`,
    );
  if (status.phase !== 'Error' && status.phase !== 'Hibernated') {
    throw new LifecycleError(
      'NOT_ALLOWED',
      `plan ${host.name} is ${status.phase}; "mark as awake" is for a plan asleep or in Error`,
    );
  }
  status.operation = null;
  status.error = null;
  status.retriesLeft = null;
  status.nextRetryAt = null;
  host.state.setPhase(
    'Active',
    'marked as awake by the user; restore data kept for inspection',
    () => host.state.closeCycle(),
  );
  return 'marked as awake; the cycle is closed and its restore data kept for inspection';
}

/** The open cycle, opened for an `init` when none is open (so the point counts for the next wake-up). */
export function ensureCycle(host: ActionHost): string {
  const { status } = host.requireLoaded();
  if (!status.cycle) {
    status.cycle = {
      id: randomUUID(),
      openedAt: host.deps.clock.now().toISOString(),
      targets: {},
      overrides: null,
    };
    host.state.commit();
  }
  return status.cycle.id;
}
