import { randomUUID } from 'node:crypto';
import type { Plan, ScheduleException } from '../../../shared/model';
import type {
  LedgerEntry,
  Operation,
  Phase,
  PlanError,
  PlanStatus,
} from '../../../shared/model/status';
import type { RestoreWriter } from '../restore/restore-writer';
import { backoffDelayMs } from './backoff';
import { effectiveConfig, lockOverrides, type EffectiveConfig } from './effective-config';
import { LifecycleError } from './lifecycle-error';
import type { LifecycleDeps } from './lifecycle-deps';
import { runOperation, type OperationHost, type OperationOutcome } from './operation-runner';
import type { StartDecision } from './phase-machine';
import type { PlanState } from './plan-state';

/** What a plan's operations need from the runner that serialises the plan's steps. */
export interface OperationOwner {
  readonly name: string;
  readonly deps: LifecycleDeps;
  readonly state: PlanState;
  readonly restore: RestoreWriter;
  /** Runs `fn` in the plan's queue (after every step queued before it). */
  exclusive<T>(fn: () => Promise<T> | T): Promise<T>;
  reconcile(trigger: string): Promise<void>;
  isDisposed(): boolean;
}

/**
 * Starting, finishing and failing a plan's operation: the ledger and the cycle are prepared and
 * the phase set in one commit, the operation runs beside the plan's queue, and its outcome comes
 * back through the queue. At most one operation runs per plan.
 */
export class PlanOperation {
  private op: { promise: Promise<void>; abort: AbortController; operation: Operation } | null =
    null;

  constructor(private readonly owner: OperationOwner) {}

  get running(): boolean {
    return this.op !== null;
  }

  /** The running operation's promise (settles after its outcome was applied), or null. */
  get promise(): Promise<void> | null {
    return this.op?.promise ?? null;
  }

  /** Cancels the running operation and resolves once it stopped. */
  async abort(): Promise<void> {
    const op = this.op;
    op?.abort.abort();
    if (op) await op.promise.catch(() => undefined);
  }

  /** Starts the decided operation; nothing when one already runs. */
  start(plan: Plan, exceptions: ScheduleException[], decision: StartDecision): void {
    const { deps, state, name } = this.owner;
    const status = state.status;
    if (!status || this.op) return;
    if (deps.passive()) {
      throw new LifecycleError(
        'NOT_ALLOWED',
        'No Hibernator engine is running for this data directory: start the app or `hibernator serve`, then try again.',
      );
    }
    const { operation, trigger } = decision;
    const now = deps.clock.now();
    if (operation === 'shutdown' && !status.cycle) {
      status.cycle = {
        id: randomUUID(),
        openedAt: now.toISOString(),
        targets: {},
        overrides: lockOverrides(decision.activeExceptions, exceptions),
      };
    }
    const config = effectiveConfig(plan, status.cycle?.overrides ?? null);
    const included = config.targets.filter((t) => !t.disabled);
    if (operation === 'shutdown' && status.cycle) {
      for (const t of included)
        status.cycle.targets[t.target.name] ??= { touched: false, shutdown: 'pending' };
    }
    const previous = new Map(status.ledger.map((e) => [e.target, e]));
    const keep = decision.keepCompleted && status.ledgerOperation === operation;
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
    if (decision.retry !== 'consume') status.retriesLeft = null;
    status.nextRetryAt = null;
    status.error = null;
    status.operation = operation;
    status.lastOperation = operation;
    status.ledgerOperation = operation;
    const to: Phase = operation === 'shutdown' ? 'Hibernating' : 'WakingUp';
    for (const entry of status.ledger) state.markTargetDirty(entry.target);
    state.setPhase(to, trigger, () => {
      status.operationId = deps.history.start(
        name,
        status.cycle?.id ?? null,
        operation,
        trigger,
        now,
      );
    });
    if (decision.caughtUp) {
      deps.bus.emit({
        type: 'CaughtUp',
        plan: name,
        missedAt: decision.caughtUp.toISOString(),
        operation,
        at: now.toISOString(),
      });
    }
    this.launch(operation, config);
  }

  private launch(operation: Operation, config: EffectiveConfig): void {
    const { deps, state, name, restore } = this.owner;
    const abort = new AbortController();
    const expected: Phase = operation === 'shutdown' ? 'Hibernating' : 'WakingUp';
    const host: OperationHost = {
      plan: name,
      deps,
      signal: abort.signal,
      status: () => state.status as PlanStatus,
      ledgerChanged: (entry) => state.ledgerChanged(entry),
      restore,
      mayStart: () =>
        !abort.signal.aborted && !this.owner.isDisposed() && state.status?.phase === expected,
    };
    const promise = runOperation(host, operation, config)
      .then((outcome) =>
        this.owner.exclusive(() =>
          this.finish(outcome, config.behavior.mode, config.behavior.retries),
        ),
      )
      .catch((error: unknown) => {
        deps.logger.error('operation crashed', { plan: name, error: String(error) });
        return this.owner.exclusive(() =>
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
    const { deps, state, name, restore } = this.owner;
    const status = state.status;
    if (!status) return;
    this.op = null;
    if (outcome.interrupted) {
      const operationId = status.operationId;
      state.commit(() => {
        if (operationId !== null)
          deps.history.finish(
            operationId,
            'interrupted',
            `stopped early (plan ${status.phase})`,
            deps.clock.now(),
          );
      });
      // A resume may have come in while this operation wound down: let it route now.
      void this.owner.reconcile('operation stopped');
      return;
    }
    const problems = [...outcome.failed, ...outcome.aborted];
    const now = deps.clock.now();
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
      const unlock = outcome.operation === 'wakeup' && restore.unlock(status.cycle?.id ?? null);
      if (outcome.operation === 'shutdown') status.lastKeepAsleepAt = now.toISOString();
      state.setPhase(
        to,
        summary ??
          `${outcome.operation === 'shutdown' ? 'hibernated' : 'woke up'}: ${status.ledger.length} target(s) done`,
        () => {
          if (operationId !== null)
            deps.history.finish(
              operationId,
              problems.length === 0 ? 'succeeded' : 'partial',
              summary,
              now,
            );
          if (unlock) state.closeCycle();
        },
      );
      deps.history.prune(now);
      if (summary) deps.bus.emit({ type: 'Recovery', plan: name, message: summary });
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
    void this.owner.reconcile('operation finished');
  }

  /** Error: a transient one schedules an automatic retry while the budget (`retries`) lasts. */
  fail(error: Omit<PlanError, 'at'>, retries: number): void {
    const { deps, state, name } = this.owner;
    const status = state.status;
    if (!status) return;
    const running = status.operation !== null;
    const now = deps.clock.now();
    const retriesLeft = error.transient ? (status.retriesLeft ?? retries) : 0;
    const nextRetryAt =
      error.transient && retriesLeft > 0
        ? new Date(now.getTime() + backoffDelayMs(retries - retriesLeft)).toISOString()
        : null;
    // The target's own text may promise a retry; with none left that would be a false promise.
    const message = nextRetryAt === null ? withoutRetryPromise(error.message) : error.message;
    const full: PlanError = { ...error, message, at: now.toISOString() };
    status.error = full;
    status.operation = null;
    if (error.operation) status.lastOperation = error.operation;
    status.retriesLeft = retriesLeft;
    status.nextRetryAt = nextRetryAt;
    const operationId = status.operationId;
    state.setPhase('Error', message, () => {
      if (running && operationId !== null) deps.history.finish(operationId, 'failed', message, now);
    });
    // One notification when there is nothing more the engine will do by itself, not on every attempt.
    if (status.nextRetryAt === null)
      deps.bus.emit({ type: 'Failure', plan: name, error: full, retriesLeft: 0 });
  }
}

/** "…; it will be retried" becomes "…; no automatic retry is left: use Retry". */
export function withoutRetryPromise(message: string): string {
  return message.replace(
    /([;,]?\s*)it will be retried/g,
    '$1no automatic retry is left: use Retry',
  );
}

function summarize(entries: readonly LedgerEntry[]): string {
  return (
    entries
      .slice(0, 3)
      .map((e) => `${e.target}: ${e.message ?? e.state}`)
      .join('; ') + (entries.length > 3 ? `; …${entries.length - 3} more` : '')
  );
}
