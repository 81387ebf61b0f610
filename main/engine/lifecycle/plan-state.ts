import type { Plan } from '../../../shared/model';
import type { LedgerEntry, Phase, PlanStatus } from '../../../shared/model/status';
import type { WriteBatcher } from '../store/write-batcher';
import type { LifecycleDeps } from './lifecycle-deps';

/**
 * One plan's status: loaded once, then authoritative in memory while the engine runs and
 * written to SQLite (phase, cycle, operation and ledger in one row, in one transaction) on every
 * change. Phase changes are committed durably and announced (PhaseChanged); ledger progress is
 * coalesced into non-durable writes.
 */
export class PlanState {
  private current: PlanStatus | null = null;
  private ledgerDirty = false;
  private flushScheduled = false;
  private disposed = false;
  private readonly dirtyTargets = new Set<string>();

  constructor(
    readonly name: string,
    private readonly deps: LifecycleDeps,
    private readonly writes: WriteBatcher,
  ) {}

  /** The status in memory, without reading the store. */
  get status(): PlanStatus | null {
    return this.current;
  }

  /** The stored plan and the status (read from the store the first time); null once deleted. */
  load(): { plan: Plan; status: PlanStatus } | null {
    const now = this.deps.clock.now();
    const stored = this.deps.plans.get(this.name, now);
    if (!stored) return null;
    if (!this.current) {
      this.current = stored.status;
      // A target that was Running when the engine stopped is re-run: executors are idempotent.
      for (const entry of this.current.ledger) {
        if (entry.state === 'Running') {
          entry.state = 'Pending';
          entry.message = 'interrupted by an engine restart; will be re-run';
        }
      }
    }
    return { plan: stored.plan, status: this.current };
  }

  /** Writes the status (and `extra`) in one transaction, with any captures still queued. */
  commit(extra?: () => void, durable = true): void {
    const status = this.current;
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

  /** The next commit also records this target's row in the operation's history. */
  markTargetDirty(target: string): void {
    this.dirtyTargets.add(target);
  }

  /** A ledger entry moved on: announced at once, written soon (coalesced). */
  ledgerChanged(entry: LedgerEntry): void {
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
  flushLedger(): void {
    if (this.ledgerDirty && this.current && !this.disposedPlanGone()) this.commit(undefined, false);
  }

  /** From now on no coalesced flush runs; the runner flushes what is left once its operation stopped. */
  markDisposed(): void {
    this.disposed = true;
  }

  private disposedPlanGone(): boolean {
    return this.disposed && this.deps.plans.get(this.name, this.deps.clock.now()) === null;
  }

  /** Commits the status (with `extra` in the same transaction) and announces a phase change. */
  setPhase(to: Phase, reason: string, extra?: () => void): void {
    const status = this.current;
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

  /** Unlock: the cycle closes; its restore points are kept for inspection (consumed). */
  closeCycle(): void {
    if (this.current) this.current.cycle = null;
  }
}
