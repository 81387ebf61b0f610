import type { Clock } from '../clock';
import type { WriteBatcher } from '../store/write-batcher';
import type { LoadedRestorePoint, ResourceCapture, RestoreStore } from './restore-store';

/**
 * One plan's restore points as its operations see them: captures and markers go through the
 * plan's write batcher, so they share a transaction with the status commits queued beside them,
 * and reads come from the same store.
 */
export class RestoreWriter {
  constructor(
    readonly plan: string,
    private readonly store: RestoreStore,
    private readonly writes: WriteBatcher,
    private readonly clock: Clock,
  ) {}

  /** Commits captures durably (write-ahead); resolves only after the commit reached the disk. */
  saveCaptures(
    cycleId: string | null,
    target: string,
    executor: string,
    resources: ResourceCapture[],
  ): Promise<void> {
    if (!cycleId) return Promise.reject(new Error('no open cycle'));
    return this.writes.enqueue(() => {
      this.store.saveOrPreserve({
        plan: this.plan,
        target,
        executor,
        cycleId,
        resources,
        now: this.clock.now(),
      });
    });
  }

  /** A marker lost in a power cut only means that target is woken again (idempotent): no fsync. */
  markRestored(target: string): Promise<void> {
    return this.writes.enqueue(
      () => this.store.markTargetRestored(this.plan, target, this.clock.now()),
      false,
    );
  }

  /** The target's point in the open cycle, or null. */
  load(target: string, cycleId: string | null): LoadedRestorePoint | null {
    return this.store.load(this.plan, target, cycleId);
  }

  hasRestoreData(cycleId: string | null): boolean {
    return this.store.hasRestoreData(this.plan, cycleId);
  }

  /** True when every target of the cycle is restored: the cycle may close (unlock). */
  unlock(cycleId: string | null): boolean {
    return this.store.unlockRestoreData(this.plan, cycleId);
  }
}
