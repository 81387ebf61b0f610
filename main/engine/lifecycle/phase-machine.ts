import type { Operation, Phase, PlanError } from '../../../shared/model/status';

/**
 * A manual override of the schedule (semantics.md §2 "Manual overrides"): while in effect it is
 * the desired state instead of schedule + exceptions; `spec.suspend` still wins. The caller
 * passes only an override in effect now (null once its `until` has passed).
 */
export interface ManualOverride {
  phase: 'hibernate' | 'wakeup';
  until: string | null;
}

/** Everything the phase machine decides from: the plan's stored facts, read by the runner. */
export interface PhaseFacts {
  phase: Phase;
  /** Why this evaluation runs ('timer', 'plan edited', …); named in the reason unless 'timer'. */
  trigger: string;
  /** What schedule + exceptions say now (`evaluate`). */
  schedule: { hibernate: boolean; reason: string; activeExceptions: string[] };
  override: ManualOverride | null;
  /** `spec.suspend`: 'expired' when its suspend-until has passed (the suspension ends now). */
  suspension: 'none' | 'suspended' | 'expired';
  suspendReason: string | null;
  /** The phase recorded when the plan was suspended (the resume route starts there). */
  suspendedAtPhase: Phase | null;
  lastOperation: Operation | null;
  /** The operation the stored error belongs to, else the last one. */
  failedOperation: Operation | null;
  retriesLeft: number | null;
  /** A next automatic retry is set and its time has come. */
  retryDue: boolean;
  operationRunning: boolean;
  cycleOpen: boolean;
  /** The open cycle has at least one restore point. */
  hasRestoreData: boolean;
  /** Some target's shutdown in the open cycle captured resources. */
  touchedAnything: boolean;
  /** The last transition found late (the machine slept or the engine was off), if any. */
  missed: { at: Date; operation: Operation } | null;
}

/**
 * What happens to the automatic-retry budget: 'fresh' restores it when the operation starts;
 * 'reset' restores it now and drops a pending retry even if nothing can start; 'consume' uses
 * one automatic retry now.
 */
export type RetryBudget = 'fresh' | 'reset' | 'consume';

export interface StartDecision {
  kind: 'start';
  operation: Operation;
  /** Why it starts: the history entry's trigger and the PhaseChanged reason. */
  trigger: string;
  /** Targets already Completed in the ledger of the same operation are not run again. */
  keepCompleted: boolean;
  retry: RetryBudget;
  /** Exceptions locked into a cycle that this shutdown opens. */
  activeExceptions: string[];
  /** Set when this start catches up a transition missed at that instant (CaughtUp event). */
  caughtUp: Date | null;
}

export type Decision =
  /** Nothing to do; the evaluation time is recorded. */
  | { kind: 'none' }
  /** An operation is in flight: its result triggers the next evaluation. Nothing is written. */
  | { kind: 'waitForOperation' }
  /** Asleep as the schedule says: record the evaluation and run the keep-asleep check if due. */
  | { kind: 'keepAsleepCheck' }
  /** Record `from` as the phase at suspension and go to Suspended. */
  | { kind: 'suspend'; from: Phase; reason: string }
  /**
   * A resting phase without running anything: the operation is cleared. `closeCycle` also
   * clears the error and closes the cycle (its restore data is kept for inspection).
   */
  | { kind: 'setPhase'; to: 'Active' | 'Hibernated'; reason: string; closeCycle: boolean }
  | StartDecision
  /** Go to Error without running anything. */
  | { kind: 'fail'; error: Omit<PlanError, 'at'> };

export interface PhaseStep {
  /** The suspension's until-time has passed: `spec.suspend` is lifted before the decision. */
  liftSuspension: boolean;
  /** Leaving Suspended: the recorded phase at suspension is consumed before the decision. */
  consumeSuspendedAt: boolean;
  decision: Decision;
}

/** The facts the restore-point check before a wake-up reads. */
export type RestoreFacts = Pick<PhaseFacts, 'cycleOpen' | 'hasRestoreData' | 'touchedAnything'>;

/**
 * The next step of a plan's lifecycle (semantics.md §3), as a pure function of its facts. The
 * runner reads the facts, asks this, and applies the answer; nothing here has side effects.
 */
export function decide(facts: PhaseFacts): PhaseStep {
  if (facts.suspension === 'suspended') {
    const decision: Decision =
      facts.phase === 'Suspended'
        ? { kind: 'none' }
        : {
            kind: 'suspend',
            from: facts.phase,
            reason: facts.suspendReason ? `suspended: ${facts.suspendReason}` : 'suspended',
          };
    return { liftSuspension: false, consumeSuspendedAt: false, decision };
  }
  const liftSuspension = facts.suspension === 'expired';
  const desired = desiredState(facts);
  // Resumed while the operation it was suspended in still finishes: route once it has ended,
  // or the recorded phase would be consumed by a start that cannot happen yet.
  if (facts.phase === 'Suspended' && facts.operationRunning)
    return { liftSuspension, consumeSuspendedAt: false, decision: { kind: 'waitForOperation' } };
  if (facts.phase === 'Suspended')
    return { liftSuspension, consumeSuspendedAt: true, decision: resume(facts, desired) };
  return { liftSuspension, consumeSuspendedAt: false, decision: byPhase(facts, desired) };
}

interface Desired {
  hibernate: boolean;
  reason: string;
}

/** The override while in effect, else schedule + exceptions. */
function desiredState(facts: PhaseFacts): Desired {
  const override = facts.override;
  if (!override) return { hibernate: facts.schedule.hibernate, reason: facts.schedule.reason };
  const verb = override.phase === 'hibernate' ? 'asleep' : 'awake';
  return {
    hibernate: override.phase === 'hibernate',
    reason: `kept ${verb} by a manual override${override.until ? ` until ${override.until}` : ''}`,
  };
}

function byPhase(facts: PhaseFacts, desired: Desired): Decision {
  switch (facts.phase) {
    case 'Active':
      if (!desired.hibernate) return { kind: 'none' };
      return {
        kind: 'start',
        operation: 'shutdown',
        trigger: describeTrigger(facts.trigger, desired.reason),
        keepCompleted: false,
        retry: 'fresh',
        activeExceptions: facts.schedule.activeExceptions,
        caughtUp: caughtUp(facts, 'shutdown'),
      };
    case 'Hibernating':
    case 'WakingUp':
      if (facts.operationRunning) return { kind: 'waitForOperation' };
      // The engine stopped during the operation: the ledger says where to go on.
      return {
        kind: 'start',
        operation: facts.phase === 'Hibernating' ? 'shutdown' : 'wakeup',
        trigger: 'resumed after an engine restart',
        keepCompleted: true,
        retry: 'fresh',
        activeExceptions: facts.schedule.activeExceptions,
        caughtUp: null,
      };
    case 'Hibernated':
      // Phase guard: asleep and the schedule says asleep never runs a second shutdown.
      if (desired.hibernate) return { kind: 'keepAsleepCheck' };
      return wakeUp(facts, {
        trigger: describeTrigger(facts.trigger, desired.reason),
        keepCompleted: false,
        retry: 'fresh',
        caughtUp: caughtUp(facts, 'wakeup'),
      });
    case 'Error':
      return fromError(facts, desired);
    case 'Suspended':
      return resume(facts, desired);
  }
}

/** Error follows the schedule toward safety, and retries with backoff what is worth retrying. */
function fromError(facts: PhaseFacts, desired: Desired): Decision {
  const failed = facts.failedOperation;
  if (failed === 'shutdown' && !desired.hibernate) {
    return wakeUp(facts, {
      trigger: 'the schedule says awake after a failed shutdown: waking what was hibernated',
      keepCompleted: false,
      retry: 'reset',
      caughtUp: null,
    });
  }
  const retriesLeft = facts.retriesLeft ?? 0;
  if (!failed || !facts.retryDue || retriesLeft <= 0) return { kind: 'none' };
  const trigger = `automatic retry (${retriesLeft - 1} left after this one)`;
  if (failed === 'wakeup')
    return wakeUp(facts, { trigger, keepCompleted: true, retry: 'consume', caughtUp: null });
  return {
    kind: 'start',
    operation: 'shutdown',
    trigger,
    keepCompleted: true,
    retry: 'consume',
    activeExceptions: facts.schedule.activeExceptions,
    caughtUp: null,
  };
}

/** Where a resumed plan goes: the resume table, plus "nothing was hibernated → Active". */
function resume(facts: PhaseFacts, desired: Desired): Decision {
  const route = resumeRoute(
    facts.suspendedAtPhase ?? 'Active',
    facts.lastOperation,
    desired.hibernate,
  );
  const why = `resumed; the schedule says ${desired.hibernate ? 'hibernate' : 'awake'}`;
  switch (route.phase) {
    case 'Active':
      return { kind: 'setPhase', to: 'Active', reason: why, closeCycle: false };
    case 'Hibernated':
      return {
        kind: 'setPhase',
        to: 'Hibernated',
        reason: `${why}: already asleep, the shutdown is not run again`,
        closeCycle: false,
      };
    case 'Hibernating':
      return {
        kind: 'start',
        operation: 'shutdown',
        trigger: why,
        keepCompleted: route.mode === 'continue' || route.mode === 'retry',
        retry: 'fresh',
        activeExceptions: facts.schedule.activeExceptions,
        caughtUp: null,
      };
    case 'WakingUp':
      if (!facts.cycleOpen || (!facts.hasRestoreData && !facts.touchedAnything)) {
        return {
          kind: 'setPhase',
          to: 'Active',
          reason: `${why}: nothing was hibernated, so there is nothing to wake`,
          closeCycle: true,
        };
      }
      return wakeUp(facts, {
        trigger: route.mode === 'forced' ? `${why}: forced wake-up` : why,
        keepCompleted: route.mode === 'continue' || route.mode === 'retry',
        retry: 'fresh',
        caughtUp: null,
      });
  }
}

/**
 * A wake-up after the restore-point check (semantics.md §3): no restore data while a shutdown
 * captured something (or no cycle at all) is an Error the user resolves; a cycle whose
 * shutdowns touched nothing wakes (each target succeeds at once).
 */
export function wakeUp(
  facts: RestoreFacts,
  start: Pick<StartDecision, 'trigger' | 'keepCompleted' | 'retry' | 'caughtUp'>,
): Decision {
  if (!facts.hasRestoreData && (facts.touchedAnything || !facts.cycleOpen)) {
    return {
      kind: 'fail',
      error: {
        code: 'NO_RESTORE_POINT',
        message: 'cannot wake up: no restore point found',
        transient: false,
        operation: 'wakeup',
      },
    };
  }
  return { kind: 'start', operation: 'wakeup', activeExceptions: [], ...start };
}

function caughtUp(facts: PhaseFacts, operation: Operation): Date | null {
  return facts.missed && facts.missed.operation === operation ? facts.missed.at : null;
}

function describeTrigger(trigger: string, reason: string): string {
  return trigger === 'timer' ? reason : `${reason} (${trigger})`;
}

export type ResumeRoute =
  | { phase: 'Active' }
  | { phase: 'Hibernated' }
  | { phase: 'Hibernating'; mode: 'start' | 'continue' | 'retry' | 'resleep' }
  | { phase: 'WakingUp'; mode: 'continue' | 'retry' | 'wake-shutdown' | 'forced' };

/**
 * The resume table of semantics.md §3: where a resumed plan goes, from the phase it was
 * suspended in, the operation it ran last, and what the schedule says now. (`decide` sends a
 * route to WakingUp with nothing hibernated to Active instead.)
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
