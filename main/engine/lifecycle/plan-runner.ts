import { randomUUID } from 'node:crypto';
import type { Plan, ScheduleException } from '../../../shared/model';
import type {
  LedgerEntry,
  Operation,
  Phase,
  PlanError,
  PlanStatus,
} from '../../../shared/model/status';
import { evaluate, upcoming } from '../../../shared/schedule';
import type { TimerHandle } from '../clock';
import type { ResourceCapture } from '../restore/restore-store';
import { WriteBatcher } from '../store/write-batcher';
import { backoffDelayMs } from './backoff';
import { effectiveConfig, lockOverrides } from './effective-config';
import type { LifecycleDeps } from './lifecycle-deps';
import { runOperation, type OperationHost, type OperationOutcome } from './operation-runner';
import { resumeRoute } from './resume-route';

export const SUSPEND_UNTIL_ANNOTATION = 'hibernator.ardikabs.com/suspend-until';
export const SUSPEND_REASON_ANNOTATION = 'hibernator.ardikabs.com/suspend-reason';

/** A transition is "missed" when it is found this late (the machine slept, or the engine was off). */
const MISSED_AFTER_MS = 2_000;
const KEEP_ASLEEP_EVERY_MS = 24 * 3_600_000;

export class LifecycleError extends Error {
  constructor(
    readonly code: 'NOT_ALLOWED' | 'NOT_FOUND',
    message: string,
  ) {
    super(message);
  }
}

interface StartOptions {
  keepCompleted: boolean;
  retry?: boolean;
  missed?: { at: Date; operation: Operation } | null;
}

/**
 * One plan's lifecycle: level-triggered reconciliation of the stored phase against the
 * schedule, serialised per plan so that reconciles, manual actions and operation results never
 * interleave. The in-memory status is authoritative while the engine runs and is written to
 * SQLite (phase, cycle, operation and ledger in one row, in one transaction) on every change.
 */
export class PlanRunner {
  private state: PlanStatus | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private op: { promise: Promise<void>; abort: AbortController; operation: Operation } | null =
    null;
  private timer: TimerHandle | null = null;
  private headsUpSentFor: string | null = null;
  private keepAsleepRunning = false;
  private disposed = false;
  private ledgerDirty = false;
  private flushScheduled = false;
  private readonly dirtyTargets = new Set<string>();
  private readonly writes: WriteBatcher;

  constructor(
    readonly name: string,
    private readonly deps: LifecycleDeps,
  ) {
    this.writes = new WriteBatcher(deps.db, deps.walSync);
  }

  /** Runs `fn` after everything queued before it; the plan's state is never touched concurrently. */
  exclusive<T>(fn: () => Promise<T> | T): Promise<T> {
    const run = this.queue.then(() =>
      this.disposed
        ? Promise.reject(new LifecycleError('NOT_FOUND', `plan ${this.name} no longer exists`))
        : fn(),
    );
    this.queue = run.catch((error: unknown) => {
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
      const op = this.op?.promise;
      if (op) await op;
      if (queued === this.queue && !this.op) return;
    }
  }

  isBusy(): boolean {
    return this.op !== null;
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    this.timer?.cancel();
    this.timer = null;
    const op = this.op;
    op?.abort.abort();
    if (op) await op.promise.catch(() => undefined);
    this.flushLedger();
  }

  // ---- state access -------------------------------------------------------------------------

  private load(): { plan: Plan; status: PlanStatus } | null {
    const now = this.deps.clock.now();
    const stored = this.deps.plans.get(this.name, now);
    if (!stored) return null;
    if (!this.state) {
      this.state = stored.status;
      // A target that was Running when the engine stopped is re-run: executors are idempotent.
      for (const entry of this.state.ledger) {
        if (entry.state === 'Running') {
          entry.state = 'Pending';
          entry.message = 'interrupted by an engine restart; will be re-run';
        }
      }
    }
    return { plan: stored.plan, status: this.state };
  }

  status(): PlanStatus | null {
    return this.state ?? this.load()?.status ?? null;
  }

  /** Writes the status (and `extra`) in one transaction, with any captures still queued. */
  private commit(extra?: () => void, durable = true): void {
    const status = this.state;
    if (!status) return;
    status.updatedAt = this.deps.clock.now().toISOString();
    this.ledgerDirty = false;
    const dirty = status.ledger.filter((e) => this.dirtyTargets.has(e.target));
    this.dirtyTargets.clear();
    this.writes.flush(() => {
      extra?.();
      this.deps.plans.saveStatus(this.name, status);
      if (status.operationId !== null && dirty.length > 0)
        this.deps.history.recordTargets(status.operationId, dirty);
    }, durable);
  }

  private scheduleLedgerFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => {
      this.flushScheduled = false;
      if (this.disposed) return; // dispose() flushed what was left
      try {
        this.flushLedger();
      } catch (error) {
        this.deps.logger.error('could not write the ledger', {
          plan: this.name,
          error: String(error),
        });
      }
    });
  }

  /** Ledger progress is not worth an fsync: a lost 'Running' mark only means a re-run (idempotent). */
  private flushLedger(): void {
    if (this.ledgerDirty && this.state && !this.disposedPlanGone()) this.commit(undefined, false);
  }

  private disposedPlanGone(): boolean {
    return this.disposed && this.deps.plans.get(this.name, this.deps.clock.now()) === null;
  }

  private setPhase(to: Phase, reason: string, extra?: () => void): void {
    const status = this.state;
    if (!status) return;
    const from = status.phase;
    const at = this.deps.clock.now().toISOString();
    const cycleId = status.cycle?.id ?? null;
    if (from !== to) {
      status.phase = to;
      status.phaseSince = at;
    }
    this.commit(extra);
    if (from !== to) {
      this.deps.logger.info('phase changed', { plan: this.name, from, to, reason });
      this.deps.bus.emit({
        type: 'PhaseChanged',
        plan: this.name,
        from,
        to,
        cycleId: status.cycle?.id ?? cycleId,
        operation: status.operation,
        reason,
        at,
      });
    }
  }

  // ---- reconciliation -----------------------------------------------------------------------

  private exceptions(): ScheduleException[] {
    return this.deps.exceptions.list(this.name);
  }

  /** The last transition that fell between the previous evaluation and now, when it is late. */
  private findMissed(
    plan: Plan,
    exceptions: ScheduleException[],
    now: Date,
  ): { at: Date; operation: Operation } | null {
    const last = this.state?.lastEvaluatedAt;
    if (!last) return null;
    const late = upcoming(plan, exceptions, new Date(last), 64).filter(
      (t) => t.at.getTime() <= now.getTime() - MISSED_AFTER_MS,
    );
    const missed = late.at(-1);
    if (!missed) return null;
    return { at: missed.at, operation: missed.operation === 'hibernate' ? 'shutdown' : 'wakeup' };
  }

  private async reconcileNow(trigger: string): Promise<void> {
    const loaded = this.load();
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
    const missed = this.findMissed(plan, exceptions, now);
    status.lastEvaluatedAt = now.toISOString();

    if (plan.spec.suspend) {
      const until = plan.metadata.annotations?.[SUSPEND_UNTIL_ANNOTATION];
      if (until && Date.parse(until) <= now.getTime()) {
        plan = this.writeSuspension(plan, false);
      } else {
        if (status.phase !== 'Suspended') {
          status.suspendedAtPhase = status.phase;
          const reason = plan.metadata.annotations?.[SUSPEND_REASON_ANNOTATION];
          this.setPhase('Suspended', reason ? `suspended: ${reason}` : 'suspended');
        } else {
          this.commit(undefined, false);
        }
        this.arm(plan, exceptions, now);
        return;
      }
    }

    const evaluation = evaluate(plan, exceptions, now);
    const hibernate = evaluation.hibernate;

    if (status.phase === 'Suspended') {
      this.resume(plan, exceptions, hibernate, evaluation.activeExceptions);
      this.arm(plan, exceptions, now);
      return;
    }

    switch (status.phase) {
      case 'Active':
        if (hibernate)
          this.start(
            plan,
            exceptions,
            'shutdown',
            describeTrigger(trigger, evaluation.reason),
            { keepCompleted: false, missed },
            evaluation.activeExceptions,
          );
        else this.commit(undefined, false);
        break;
      case 'Hibernating':
      case 'WakingUp':
        if (!this.op) {
          const operation: Operation = status.phase === 'Hibernating' ? 'shutdown' : 'wakeup';
          this.start(
            plan,
            exceptions,
            operation,
            'resumed after an engine restart',
            { keepCompleted: true },
            evaluation.activeExceptions,
          );
        }
        break;
      case 'Hibernated':
        if (!hibernate)
          this.beginWakeup(plan, exceptions, describeTrigger(trigger, evaluation.reason), {
            keepCompleted: false,
            missed,
          });
        else {
          this.commit(undefined, false);
          this.maybeKeepAsleep(plan, now);
        }
        break;
      case 'Error':
        this.handleError(plan, exceptions, hibernate, now, evaluation.activeExceptions);
        break;
    }
    this.arm(plan, exceptions, now);
  }

  private handleError(
    plan: Plan,
    exceptions: ScheduleException[],
    hibernate: boolean,
    now: Date,
    active: string[],
  ): void {
    const status = this.state;
    if (!status) return;
    const failedOperation = status.error?.operation ?? status.lastOperation;
    if (failedOperation === 'shutdown' && !hibernate) {
      // Error follows the schedule toward safety: wake what was hibernated, with a fresh budget.
      status.retriesLeft = null;
      status.nextRetryAt = null;
      this.beginWakeup(
        plan,
        exceptions,
        'the schedule says awake after a failed shutdown: waking what was hibernated',
        { keepCompleted: false },
      );
      return;
    }
    if (
      failedOperation &&
      status.nextRetryAt &&
      Date.parse(status.nextRetryAt) <= now.getTime() &&
      (status.retriesLeft ?? 0) > 0
    ) {
      status.retriesLeft = (status.retriesLeft ?? 1) - 1;
      status.nextRetryAt = null;
      const trigger = `automatic retry (${status.retriesLeft} left after this one)`;
      if (failedOperation === 'wakeup')
        this.beginWakeup(plan, exceptions, trigger, { keepCompleted: true, retry: true });
      else
        this.start(
          plan,
          exceptions,
          'shutdown',
          trigger,
          { keepCompleted: true, retry: true },
          active,
        );
      return;
    }
    this.commit(undefined, false);
  }

  private resume(
    plan: Plan,
    exceptions: ScheduleException[],
    hibernate: boolean,
    active: string[],
  ): void {
    const status = this.state;
    if (!status) return;
    const route = resumeRoute(status.suspendedAtPhase ?? 'Active', status.lastOperation, hibernate);
    status.suspendedAtPhase = null;
    const why = `resumed; the schedule says ${hibernate ? 'hibernate' : 'awake'}`;
    switch (route.phase) {
      case 'Active':
        status.operation = null;
        this.setPhase('Active', why);
        return;
      case 'Hibernated':
        status.operation = null;
        this.setPhase('Hibernated', `${why}: already asleep, the shutdown is not run again`);
        return;
      case 'Hibernating':
        this.start(
          plan,
          exceptions,
          'shutdown',
          why,
          { keepCompleted: route.mode === 'continue' || route.mode === 'retry' },
          active,
        );
        return;
      case 'WakingUp':
        if (!this.hasAnythingToWake()) {
          status.operation = null;
          status.error = null;
          this.setPhase(
            'Active',
            `${why}: nothing was hibernated, so there is nothing to wake`,
            () => this.closeCycle(),
          );
          return;
        }
        this.beginWakeup(
          plan,
          exceptions,
          route.mode === 'forced' ? `${why}: forced wake-up` : why,
          {
            keepCompleted: route.mode === 'continue' || route.mode === 'retry',
          },
        );
        return;
    }
  }

  private hasAnythingToWake(): boolean {
    const cycle = this.state?.cycle;
    if (!cycle) return false;
    return (
      this.deps.restore.hasRestoreData(this.name, cycle.id) ||
      Object.values(cycle.targets).some((t) => t.touched)
    );
  }

  /** The restore-point check before a wake-up (semantics.md section 3). */
  private beginWakeup(
    plan: Plan,
    exceptions: ScheduleException[],
    trigger: string,
    options: StartOptions,
  ): void {
    const status = this.state;
    if (!status) return;
    const cycle = status.cycle;
    const touchedAnything = cycle ? Object.values(cycle.targets).some((t) => t.touched) : false;
    if (
      !this.deps.restore.hasRestoreData(this.name, cycle?.id ?? null) &&
      (touchedAnything || !cycle)
    ) {
      this.fail(
        {
          code: 'NO_RESTORE_POINT',
          message: 'cannot wake up: no restore point found',
          transient: false,
          operation: 'wakeup',
        },
        0,
      );
      return;
    }
    this.start(plan, exceptions, 'wakeup', trigger, options, []);
  }

  private start(
    plan: Plan,
    exceptions: ScheduleException[],
    operation: Operation,
    trigger: string,
    options: StartOptions,
    active: string[],
  ): void {
    const status = this.state;
    if (!status || this.op) return;
    if (this.deps.passive()) {
      throw new LifecycleError(
        'NOT_ALLOWED',
        'No Hibernator engine is running for this data directory: start the app or `hibernator serve`, then try again.',
      );
    }
    const now = this.deps.clock.now();
    if (operation === 'shutdown' && !status.cycle) {
      status.cycle = {
        id: randomUUID(),
        openedAt: now.toISOString(),
        targets: {},
        overrides: lockOverrides(active, exceptions),
      };
    }
    const config = effectiveConfig(plan, status.cycle?.overrides ?? null);
    const included = config.targets.filter((t) => !t.disabled);
    if (operation === 'shutdown' && status.cycle) {
      for (const t of included)
        status.cycle.targets[t.target.name] ??= { touched: false, shutdown: 'pending' };
    }
    const previous = new Map(status.ledger.map((e) => [e.target, e]));
    const keep = options.keepCompleted && status.ledgerOperation === operation;
    status.ledger = included.map((t): LedgerEntry => {
      const old = previous.get(t.target.name);
      if (keep && old && old.state === 'Completed') return old;
      return {
        target: t.target.name,
        executor: t.target.type,
        state: 'Pending',
        attempts: keep && old ? old.attempts : 0,
        startedAt: null,
        finishedAt: null,
        message: null,
        touched: false,
      };
    });
    if (!options.retry) status.retriesLeft = null;
    status.nextRetryAt = null;
    status.error = null;
    status.operation = operation;
    status.lastOperation = operation;
    status.ledgerOperation = operation;
    const to: Phase = operation === 'shutdown' ? 'Hibernating' : 'WakingUp';
    for (const entry of status.ledger) this.dirtyTargets.add(entry.target);
    this.setPhase(to, trigger, () => {
      status.operationId = this.deps.history.start(
        this.name,
        status.cycle?.id ?? null,
        operation,
        trigger,
        now,
      );
    });
    if (options.missed && options.missed.operation === operation) {
      this.deps.bus.emit({
        type: 'CaughtUp',
        plan: this.name,
        missedAt: options.missed.at.toISOString(),
        operation,
        at: now.toISOString(),
      });
    }
    this.launch(operation, config);
  }

  private launch(operation: Operation, config: ReturnType<typeof effectiveConfig>): void {
    const abort = new AbortController();
    const expected: Phase = operation === 'shutdown' ? 'Hibernating' : 'WakingUp';
    const host: OperationHost = {
      plan: this.name,
      deps: this.deps,
      signal: abort.signal,
      status: () => this.state as PlanStatus,
      ledgerChanged: (entry) => {
        this.ledgerDirty = true;
        this.dirtyTargets.add(entry.target);
        this.deps.bus.emit({
          type: 'TargetProgress',
          plan: this.name,
          target: entry.target,
          state: entry.state,
          message: entry.message,
        });
        this.scheduleLedgerFlush();
      },
      commitCaptures: (target: string, executor: string, resources: ResourceCapture[]) => {
        const cycleId = this.state?.cycle?.id;
        if (!cycleId) return Promise.reject(new Error('no open cycle'));
        return this.writes.enqueue(() => {
          this.deps.restore.saveOrPreserve({
            plan: this.name,
            target,
            executor,
            cycleId,
            resources,
            now: this.deps.clock.now(),
          });
        });
      },
      // A marker lost in a power cut only means that target is woken again (idempotent): no fsync.
      markRestored: (target: string) =>
        this.writes.enqueue(
          () => this.deps.restore.markTargetRestored(this.name, target, this.deps.clock.now()),
          false,
        ),
      mayStart: () => !abort.signal.aborted && !this.disposed && this.state?.phase === expected,
    };
    const promise = runOperation(host, operation, config)
      .then((outcome) =>
        this.exclusive(() => this.finish(outcome, config.behavior.mode, config.behavior.retries)),
      )
      .catch((error: unknown) => {
        this.deps.logger.error('operation crashed', { plan: this.name, error: String(error) });
        return this.exclusive(() =>
          this.fail(
            {
              code: 'INTERNAL',
              message: `internal error: ${String(error)}`,
              transient: true,
              operation,
            },
            config.behavior.retries,
          ),
        );
      })
      .catch(() => undefined)
      .finally(() => {
        if (this.op?.promise === promise) this.op = null;
      });
    this.op = { promise, abort, operation };
  }

  private finish(outcome: OperationOutcome, mode: 'Strict' | 'BestEffort', retries: number): void {
    const status = this.state;
    if (!status) return;
    this.op = null;
    if (outcome.interrupted) {
      const operationId = status.operationId;
      this.commit(() => {
        if (operationId !== null)
          this.deps.history.finish(
            operationId,
            'interrupted',
            `stopped early (plan ${status.phase})`,
            this.deps.clock.now(),
          );
      });
      return;
    }
    const problems = [...outcome.failed, ...outcome.aborted];
    const now = this.deps.clock.now();
    const operationId = status.operationId;
    if (problems.length === 0 || mode === 'BestEffort') {
      const summary =
        problems.length === 0
          ? null
          : `completed with ${problems.length} problem(s): ${summarize(problems)}`;
      status.operation = null;
      status.error = null;
      status.retriesLeft = null;
      status.nextRetryAt = null;
      const to: Phase = outcome.operation === 'shutdown' ? 'Hibernated' : 'Active';
      const unlock =
        outcome.operation === 'wakeup' &&
        this.deps.restore.unlockRestoreData(this.name, status.cycle?.id ?? null);
      if (outcome.operation === 'shutdown') status.lastKeepAsleepAt = now.toISOString();
      this.setPhase(
        to,
        summary ??
          `${outcome.operation === 'shutdown' ? 'hibernated' : 'woke up'}: ${status.ledger.length} target(s) done`,
        () => {
          if (operationId !== null)
            this.deps.history.finish(
              operationId,
              problems.length === 0 ? 'succeeded' : 'partial',
              summary,
              now,
            );
          if (unlock) this.closeCycle();
        },
      );
      this.deps.history.prune(now);
      if (summary) this.deps.bus.emit({ type: 'Recovery', plan: this.name, message: summary });
    } else {
      const first = outcome.failed[0] ?? problems[0];
      const transient = outcome.failed.every((e) => e.transient === true);
      this.fail(
        {
          code: first?.errorCode ?? 'TARGET_FAILED',
          message: `${first?.target}: ${first?.message ?? 'failed'}${problems.length > 1 ? ` (and ${problems.length - 1} more: ${summarize(problems.slice(1))})` : ''}`,
          transient,
          operation: outcome.operation,
        },
        retries,
      );
    }
    void this.reconcile('operation finished');
  }

  private fail(error: Omit<PlanError, 'at'>, retries: number): void {
    const status = this.state;
    if (!status) return;
    const running = status.operation !== null;
    const now = this.deps.clock.now();
    const full: PlanError = { ...error, at: now.toISOString() };
    status.error = full;
    status.operation = null;
    if (error.operation) status.lastOperation = error.operation;
    const retriesLeft = error.transient ? (status.retriesLeft ?? retries) : 0;
    status.retriesLeft = retriesLeft;
    status.nextRetryAt =
      error.transient && retriesLeft > 0
        ? new Date(now.getTime() + backoffDelayMs(retries - retriesLeft)).toISOString()
        : null;
    const operationId = status.operationId;
    this.setPhase('Error', error.message, () => {
      if (running && operationId !== null)
        this.deps.history.finish(operationId, 'failed', error.message, now);
    });
    // One notification when there is nothing more the engine will do by itself, not on every attempt.
    if (status.nextRetryAt === null)
      this.deps.bus.emit({ type: 'Failure', plan: this.name, error: full, retriesLeft: 0 });
  }

  /** Unlock: the cycle closes; its restore points are kept for inspection (consumed). */
  private closeCycle(): void {
    if (this.state) this.state.cycle = null;
  }

  private maybeKeepAsleep(plan: Plan, now: Date): void {
    const status = this.state;
    if (!status || this.keepAsleepRunning) return;
    const last = Date.parse(status.lastKeepAsleepAt ?? status.phaseSince);
    if (now.getTime() - last < KEEP_ASLEEP_EVERY_MS) return;
    const targets = plan.spec.targets.filter((t) => this.deps.executors.get(t.type)?.keepAsleep);
    status.lastKeepAsleepAt = now.toISOString();
    this.commit();
    if (targets.length === 0) return;
    this.keepAsleepRunning = true;
    void this.runKeepAsleep(plan).finally(() => {
      this.keepAsleepRunning = false;
    });
  }

  private async runKeepAsleep(plan: Plan): Promise<void> {
    const cycleId = this.state?.cycle?.id ?? null;
    const config = effectiveConfig(plan, this.state?.cycle?.overrides ?? null);
    for (const t of config.targets.filter((x) => !x.disabled)) {
      const executor = this.deps.executors.get(t.target.type);
      const point = this.deps.restore.load(this.name, t.target.name, cycleId);
      if (!executor?.keepAsleep || !point) continue;
      const connection = t.target.connectorRef
        ? this.deps.connections.get(t.target.connectorRef.name)
        : null;
      const abort = new AbortController();
      try {
        const parsed = executor.parameterSchema.parse(t.parameters);
        const result = await executor.keepAsleep(parsed, point, {
          plan: this.name,
          target: t.target.name,
          connection,
          clients: this.deps.clients,
          clock: this.deps.clock,
          logger: this.deps.logger.child({ plan: this.name, target: t.target.name }),
          signal: abort.signal,
          progress: () => undefined,
          sleep: (ms) => new Promise((resolve) => this.deps.clock.setTimer(resolve, ms)),
        });
        if (result)
          this.deps.bus.emit({
            type: 'Recovery',
            plan: this.name,
            message: `${t.target.name}: ${result.message}`,
          });
      } catch (error) {
        this.deps.logger.warn('keep-asleep check failed', {
          plan: this.name,
          target: t.target.name,
          error: String(error),
        });
      }
    }
  }

  // ---- timers -------------------------------------------------------------------------------

  /** Arms one timer for the next instant this plan has something to do; no polling. */
  private arm(plan: Plan, exceptions: ScheduleException[], now: Date): void {
    this.timer?.cancel();
    this.timer = null;
    if (this.disposed) return;
    const status = this.state;
    if (!status) return;
    const candidates: number[] = [];
    const next = upcoming(plan, exceptions, now, 1)[0];
    if (next) candidates.push(next.at.getTime());
    const minutes = this.deps.settings().headsUpMinutes;
    if (
      next &&
      next.operation === 'hibernate' &&
      status.phase === 'Active' &&
      !plan.spec.suspend &&
      minutes > 0
    ) {
      const headsUpAt = next.at.getTime() - minutes * 60_000;
      const key = next.at.toISOString();
      if (now.getTime() >= headsUpAt) {
        if (this.headsUpSentFor !== key) {
          this.headsUpSentFor = key;
          this.deps.bus.emit({
            type: 'HeadsUp',
            plan: this.name,
            at: key,
            minutes: Math.ceil((next.at.getTime() - now.getTime()) / 60_000),
          });
        }
      } else candidates.push(headsUpAt);
    }
    if (status.phase === 'Error' && status.nextRetryAt)
      candidates.push(Date.parse(status.nextRetryAt));
    const until = plan.metadata.annotations?.[SUSPEND_UNTIL_ANNOTATION];
    if (plan.spec.suspend && until && !Number.isNaN(Date.parse(until)))
      candidates.push(Date.parse(until));
    if (
      status.phase === 'Hibernated' &&
      plan.spec.targets.some((t) => this.deps.executors.get(t.type)?.keepAsleep)
    ) {
      candidates.push(
        Date.parse(status.lastKeepAsleepAt ?? status.phaseSince) + KEEP_ASLEEP_EVERY_MS,
      );
    }
    if (candidates.length === 0) return;
    const at = Math.min(...candidates);
    this.timer = this.deps.clock.setTimer(
      () => {
        void this.reconcile('timer');
      },
      Math.max(0, at - now.getTime()),
    );
  }

  // ---- manual actions (called through exclusive) ---------------------------------------------

  requireLoaded(): { plan: Plan; status: PlanStatus } {
    const loaded = this.load();
    if (!loaded) throw new LifecycleError('NOT_FOUND', `plan ${this.name} does not exist`);
    return loaded;
  }

  /** Writes spec.suspend and its annotations into the stored plan. */
  writeSuspension(plan: Plan, suspend: boolean, until?: string, reason?: string): Plan {
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
    this.deps.plans.upsert(next, this.deps.clock.now());
    this.deps.bus.emit({ type: 'PlanChanged', plan: this.name, change: 'updated' });
    return next;
  }

  async reconcileAfterAction(trigger: string): Promise<void> {
    await this.reconcileNow(trigger);
  }

  /** Re-runs the failed operation (not whatever the schedule says now). */
  retryNow(): string {
    const { plan, status } = this.requireLoaded();
    if (status.phase !== 'Error')
      throw new LifecycleError(
        'NOT_ALLOWED',
        `plan ${this.name} is ${status.phase}; retry is for a plan that needs attention (Error)`,
      );
    const operation = status.error?.operation ?? status.lastOperation;
    if (!operation)
      throw new LifecycleError('NOT_ALLOWED', `plan ${this.name} has no failed operation to retry`);
    status.retriesLeft = null;
    const exceptions = this.exceptions();
    if (operation === 'wakeup')
      this.beginWakeup(plan, exceptions, 'manual retry of the failed wake-up', {
        keepCompleted: true,
      });
    else
      this.start(
        plan,
        exceptions,
        'shutdown',
        'manual retry of the failed shutdown',
        { keepCompleted: true },
        evaluate(plan, exceptions, this.deps.clock.now()).activeExceptions,
      );
    this.arm(plan, exceptions, this.deps.clock.now());
    const says = evaluate(plan, exceptions, this.deps.clock.now()).hibernate
      ? 'hibernate'
      : 'awake';
    return `retrying the failed ${operation === 'wakeup' ? 'wake-up' : 'shutdown'} now (the schedule says ${says}; it applies once this finishes)`;
  }

  restartNow(operation: Operation): string {
    const { plan, status } = this.requireLoaded();
    if (this.op)
      throw new LifecycleError(
        'NOT_ALLOWED',
        `plan ${this.name} is ${status.phase} and an operation is running; wait for it or suspend the plan`,
      );
    if (status.phase !== 'Error' && status.phase !== 'Hibernating' && status.phase !== 'WakingUp') {
      throw new LifecycleError(
        'NOT_ALLOWED',
        `plan ${this.name} is ${status.phase}; restart is for a failed or stuck operation`,
      );
    }
    const exceptions = this.exceptions();
    status.ledgerOperation = null; // a fresh ledger: every target runs again
    if (operation === 'wakeup')
      this.beginWakeup(plan, exceptions, `manual restart of the wake-up`, { keepCompleted: false });
    else
      this.start(
        plan,
        exceptions,
        'shutdown',
        'manual restart of the shutdown',
        { keepCompleted: false },
        evaluate(plan, exceptions, this.deps.clock.now()).activeExceptions,
      );
    return `restarted the ${operation === 'wakeup' ? 'wake-up' : 'shutdown'} from the beginning`;
  }

  /** For "hibernate now" / "wake now" in Error: the user decides, so the operation starts at once. */
  startFromError(operation: Operation, trigger: string): void {
    const { plan, status } = this.requireLoaded();
    if (status.phase !== 'Error') return;
    const exceptions = this.exceptions();
    status.retriesLeft = null;
    if (operation === 'wakeup')
      this.beginWakeup(plan, exceptions, trigger, { keepCompleted: false });
    else
      this.start(
        plan,
        exceptions,
        'shutdown',
        trigger,
        { keepCompleted: false },
        evaluate(plan, exceptions, this.deps.clock.now()).activeExceptions,
      );
  }

  markAwake(): string {
    const { status } = this.requireLoaded();
    if (this.op)
      throw new LifecycleError(
        'NOT_ALLOWED',
        `plan ${this.name} is ${status.phase}; wait for the operation to finish or suspend it`,
      );
    if (status.phase !== 'Error' && status.phase !== 'Hibernated') {
      throw new LifecycleError(
        'NOT_ALLOWED',
        `plan ${this.name} is ${status.phase}; "mark as awake" is for a plan asleep or in Error`,
      );
    }
    status.operation = null;
    status.error = null;
    status.retriesLeft = null;
    status.nextRetryAt = null;
    this.setPhase('Active', 'marked as awake by the user; restore data kept for inspection', () =>
      this.closeCycle(),
    );
    return 'marked as awake; the cycle is closed and its restore data kept for inspection';
  }

  /** The open cycle, opened for an `init` when none is open (so the point counts for the next wake-up). */
  ensureCycle(): string {
    const { status } = this.requireLoaded();
    if (!status.cycle) {
      status.cycle = {
        id: randomUUID(),
        openedAt: this.deps.clock.now().toISOString(),
        targets: {},
        overrides: null,
      };
      this.commit();
    }
    return status.cycle.id;
  }

  rearm(): void {
    const loaded = this.load();
    if (loaded) this.arm(loaded.plan, this.exceptions(), this.deps.clock.now());
  }
}

function describeTrigger(trigger: string, reason: string): string {
  return trigger === 'timer' ? reason : `${reason} (${trigger})`;
}

function summarize(entries: readonly LedgerEntry[]): string {
  return (
    entries
      .slice(0, 3)
      .map((e) => `${e.target}: ${e.message ?? e.state}`)
      .join('; ') + (entries.length > 3 ? `; …${entries.length - 3} more` : '')
  );
}
