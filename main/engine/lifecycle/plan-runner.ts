import type { Plan, ScheduleException } from '../../../shared/model';
import {
  SUSPEND_REASON_ANNOTATION,
  SUSPEND_UNTIL_ANNOTATION,
} from '../../../shared/model/constants';
import type { Operation, PlanStatus } from '../../../shared/model/status';
import type { PlanOverride } from '../../../shared/model/override';
import { evaluate, overrideInEffect, upcomingDesired } from '../../../shared/schedule';
import { RestoreWriter } from '../restore/restore-writer';
import { WriteBatcher } from '../store/write-batcher';
import type { KeepAsleepReport } from '../../../shared/api/events';
import { KeepAsleep, hasKeepAsleepCheck } from './keep-asleep';
import { LifecycleError, isExpectedRefusal } from './lifecycle-error';
import type { LifecycleDeps } from './lifecycle-deps';
import * as actions from './manual-actions';
import { saveOverride, storedOverride, type OverrideWrite } from './override-store';
import { decide, type Decision, type PhaseFacts, type RestoreFacts } from './phase-machine';
import { PlanOperation } from './plan-operation';
import { PlanState } from './plan-state';
import { PlanTimer } from './plan-timer';

export { LifecycleError } from './lifecycle-error';

/** A transition is "missed" when it is found this late (the machine slept, or the engine was off). */
const MISSED_AFTER_MS = 2_000;

/**
 * One plan's lifecycle: level-triggered reconciliation of the stored phase against the
 * schedule, serialised per plan so that reconciles, manual actions and operation results never
 * interleave. Each step reads the plan's facts, asks the phase machine (`decide`) and applies
 * its decision; the status lives in `PlanState`, the timer in `PlanTimer`, the operation in
 * `PlanOperation`, the manual actions in `manual-actions`.
 */
export class PlanRunner {
  readonly state: PlanState;
  readonly restore: RestoreWriter;
  private readonly operation: PlanOperation;
  private readonly timer: PlanTimer;
  private readonly keepAsleep: KeepAsleep;
  private queue: Promise<unknown> = Promise.resolve();
  private disposed = false;

  constructor(
    readonly name: string,
    readonly deps: LifecycleDeps,
  ) {
    const writes = new WriteBatcher(deps.db, deps.walSync);
    this.state = new PlanState(name, deps, writes);
    this.restore = new RestoreWriter(name, deps.restore, writes, deps.clock);
    this.operation = new PlanOperation(this);
    this.timer = new PlanTimer(name, deps, () => {
      void this.reconcile('timer');
    });
    this.keepAsleep = new KeepAsleep(name, deps, this.restore);
  }

  /** Runs `fn` after everything queued before it; the plan's state is never touched concurrently. */
  exclusive<T>(fn: () => Promise<T> | T): Promise<T> {
    const run = this.queue.then(() =>
      this.disposed
        ? Promise.reject(new LifecycleError('NOT_FOUND', `plan ${this.name} no longer exists`))
        : fn(),
    );
    this.queue = run.catch((error: unknown) => {
      // A refused manual action is the caller's answer (409/400), not an engine failure.
      if (isExpectedRefusal(error)) return;
      this.deps.logger.error('plan runner step failed', { plan: this.name, error: String(error) });
    });
    return run;
  }

  reconcile(trigger: string): Promise<void> {
    return this.exclusive(() => this.reconcileNow(trigger));
  }

  /** Resolves when no step is queued and no operation runs. */
  async idle(): Promise<void> {
    for (;;) {
      const queued = this.queue;
      await queued;
      const op = this.operation.promise;
      if (op) await op;
      if (queued === this.queue && !this.operation.running) return;
    }
  }

  isBusy(): boolean {
    return this.operation.running;
  }

  isDisposed(): boolean {
    return this.disposed;
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    this.state.markDisposed();
    this.timer.stop();
    await this.operation.abort();
    this.state.flushLedger();
  }

  status(): PlanStatus | null {
    return this.state.status ?? this.state.load()?.status ?? null;
  }

  requireLoaded(): { plan: Plan; status: PlanStatus } {
    const loaded = this.state.load();
    if (!loaded) throw new LifecycleError('NOT_FOUND', `plan ${this.name} does not exist`);
    return loaded;
  }

  exceptions(): ScheduleException[] {
    return this.deps.exceptions.list(this.name);
  }

  // ---- reconciliation -----------------------------------------------------------------------

  private async reconcileNow(trigger: string): Promise<void> {
    const loaded = this.state.load();
    if (!loaded) {
      // Not awaited: the running operation's last step queues behind this one.
      void this.dispose();
      return;
    }
    if (this.deps.passive()) return;
    let { plan } = loaded;
    const status = loaded.status;
    const now = this.deps.clock.now();
    const exceptions = this.exceptions();
    const override = storedOverride(plan, status);
    const facts = this.facts(plan, status, exceptions, override, now, trigger);
    // An override that has ended is removed from the plan (the operator does the same).
    if (override && !overrideInEffect(override, now))
      plan = saveOverride(this.deps, this.state, plan, { override: null });
    status.lastEvaluatedAt = now.toISOString();
    const step = decide(facts);
    if (step.liftSuspension) plan = actions.writeSuspension(this.deps, plan, false);
    if (step.consumeSuspendedAt) status.suspendedAtPhase = null;
    this.apply(plan, exceptions, step.decision);
    this.arm(plan, exceptions, now);
  }

  /** What the phase machine decides from, read from the plan, its status and the store. */
  private facts(
    plan: Plan,
    status: PlanStatus,
    exceptions: ScheduleException[],
    override: PlanOverride | null,
    now: Date,
    trigger: string,
  ): PhaseFacts {
    const annotations = plan.metadata.annotations;
    const until = annotations?.[SUSPEND_UNTIL_ANNOTATION];
    const evaluation = evaluate(plan, exceptions, now);
    return {
      phase: status.phase,
      trigger,
      schedule: evaluation,
      override: override && overrideInEffect(override, now) ? override : null,
      suspension: !plan.spec.suspend
        ? 'none'
        : until && Date.parse(until) <= now.getTime()
          ? 'expired'
          : 'suspended',
      suspendReason: annotations?.[SUSPEND_REASON_ANNOTATION] ?? null,
      suspendedAtPhase: status.suspendedAtPhase,
      lastOperation: status.lastOperation,
      failedOperation: status.error?.operation ?? status.lastOperation,
      retriesLeft: status.retriesLeft,
      retryDue: status.nextRetryAt !== null && Date.parse(status.nextRetryAt) <= now.getTime(),
      operationRunning: this.operation.running,
      missed: this.findMissed(plan, status, exceptions, override, now),
      ...this.restoreFacts(status),
    };
  }

  restoreFacts(status: PlanStatus): RestoreFacts {
    const cycle = status.cycle;
    return {
      cycleOpen: cycle !== null,
      hasRestoreData: this.restore.hasRestoreData(cycle?.id ?? null),
      touchedAnything: cycle ? Object.values(cycle.targets).some((t) => t.touched) : false,
    };
  }

  /**
   * The last change of the desired state that fell between the previous evaluation and now, when
   * it is late. A schedule transition that the override suppressed was not missed.
   */
  private findMissed(
    plan: Plan,
    status: PlanStatus,
    exceptions: ScheduleException[],
    override: PlanOverride | null,
    now: Date,
  ): { at: Date; operation: Operation } | null {
    const last = status.lastEvaluatedAt;
    if (!last) return null;
    const late = upcomingDesired(plan, exceptions, override, new Date(last), 64).filter(
      (t) => t.at.getTime() <= now.getTime() - MISSED_AFTER_MS,
    );
    const missed = late.at(-1);
    if (!missed) return null;
    return { at: missed.at, operation: missed.operation === 'hibernate' ? 'shutdown' : 'wakeup' };
  }

  /** Carries out a decision of the phase machine (or of a manual action). */
  apply(plan: Plan, exceptions: ScheduleException[], decision: Decision): void {
    const status = this.state.status;
    if (!status) return;
    switch (decision.kind) {
      case 'none':
        this.state.commit(undefined, false);
        return;
      case 'waitForOperation':
        return;
      case 'keepAsleepCheck':
        this.state.commit(undefined, false);
        this.keepAsleep.maybeRun(plan, status, this.deps.clock.now(), () => this.state.commit());
        return;
      case 'suspend':
        status.suspendedAtPhase = decision.from;
        this.state.setPhase('Suspended', decision.reason);
        return;
      case 'setPhase':
        status.operation = null;
        if (decision.closeCycle) {
          status.error = null;
          this.state.setPhase(decision.to, decision.reason, () => this.state.closeCycle());
        } else this.state.setPhase(decision.to, decision.reason);
        return;
      case 'start':
        if (decision.retry === 'consume') {
          status.retriesLeft = (status.retriesLeft ?? 1) - 1;
          status.nextRetryAt = null;
        } else if (decision.retry === 'reset') {
          status.retriesLeft = null;
          status.nextRetryAt = null;
        }
        this.operation.start(plan, exceptions, decision);
        return;
      case 'fail':
        this.operation.fail(decision.error, 0);
        return;
    }
  }

  arm(plan: Plan, exceptions: ScheduleException[], now: Date): void {
    const status = this.state.status;
    if (this.disposed) this.timer.cancel();
    else if (status) this.timer.arm(plan, exceptions, status, storedOverride(plan, status), now);
    else this.timer.cancel();
  }

  rearm(): void {
    const loaded = this.state.load();
    if (loaded) this.arm(loaded.plan, this.exceptions(), this.deps.clock.now());
  }

  // ---- manual actions (called through exclusive) ---------------------------------------------

  /** Writes spec.suspend and its annotations into the stored plan. */
  writeSuspension(plan: Plan, suspend: boolean, until?: string, reason?: string): Plan {
    return actions.writeSuspension(this.deps, plan, suspend, until, reason);
  }

  /** Writes the plan's override (annotations) and its bookkeeping (status) together. */
  saveOverride(plan: Plan, write: OverrideWrite): Plan {
    return saveOverride(this.deps, this.state, plan, write);
  }

  async reconcileAfterAction(trigger: string): Promise<void> {
    await this.reconcileNow(trigger);
  }

  retryNow(): string {
    return actions.retryNow(this);
  }

  restartNow(operation: Operation): string {
    return actions.restartNow(this, operation);
  }

  startFromError(operation: Operation, trigger: string): void {
    actions.startFromError(this, operation, trigger);
  }

  markAwake(): string {
    return actions.markAwake(this);
  }

  /**
   * "Check now" (checkKeepAsleep): starts the keep-asleep check at once, only while Hibernated.
   * The check runs beside the plan's steps; the caller awaits `report` outside `exclusive`.
   */
  startKeepAsleepCheck(): { report: Promise<KeepAsleepReport> } {
    const { plan, status } = this.requireLoaded();
    if (status.phase !== 'Hibernated')
      throw new LifecycleError(
        'NOT_ALLOWED',
        `plan ${this.name} is ${status.phase}; the keep-asleep check runs only while it is hibernated`,
      );
    if (!hasKeepAsleepCheck(plan, this.deps))
      throw new LifecycleError(
        'NOT_ALLOWED',
        `plan ${this.name} has no target with a keep-asleep check (rds has one)`,
      );
    const report = this.keepAsleep.runNow(plan, status, this.deps.clock.now(), () => {
      this.state.commit();
      this.rearm();
    });
    return { report };
  }

  ensureCycle(): string {
    return actions.ensureCycle(this);
  }
}
