import type { Database } from 'better-sqlite3';
import type { WalSync } from './wal-sync';

interface Pending {
  write: () => void;
  durable: boolean;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit: writes queued in the same turn of the event loop share one transaction, and
 * each caller's promise resolves only after that transaction committed — and, for durable
 * writes, after the WAL reached the disk. A thousand targets reporting at once cost one disk
 * flush, and write-ahead still holds: nobody acts before its own capture is durable.
 */
export class WriteBatcher {
  private queue: Pending[] = [];
  private scheduled = false;

  /** Without a WalSync, durable batches commit with synchronous=FULL (an fsync on this thread). */
  constructor(
    private readonly db: Database,
    private readonly wal?: WalSync,
  ) {}

  /**
   * Queues a write. `durable` writes (restore captures) resolve once they survive a power cut;
   * the rest (ledger progress, restore markers) once committed, which survives a crash of the
   * process, and the WAL is synced shortly after without anyone waiting.
   */
  enqueue(write: () => void, durable = true): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ write, durable, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => {
          try {
            this.flush();
          } catch {
            // Already delivered to every waiting caller; an unhandled throw here would crash the process.
          }
        });
      }
    });
  }

  /** Runs everything queued, plus `extra`, in one transaction now. */
  flush(extra?: () => void, durable = true): void {
    const batch = this.queue;
    this.queue = [];
    this.scheduled = false;
    if (!this.db.open) {
      const closed = new Error(
        'the database is closed (the engine stopped); the write was not made',
      );
      for (const item of batch) item.reject(closed);
      throw closed;
    }
    const failed = new Map<Pending, unknown>();
    // With a WalSync the fsync happens off this thread, after the commit; without one, FULL does it here.
    const full = (durable || batch.some((item) => item.durable)) && !this.wal;
    try {
      this.db.pragma(`synchronous = ${full ? 'FULL' : 'NORMAL'}`);
      this.db.transaction(() => {
        for (const item of batch) {
          // A savepoint per write: one bad write is rejected alone, the others still commit.
          try {
            this.db.transaction(item.write)();
          } catch (error) {
            failed.set(item, error);
          }
        }
        extra?.();
      })();
    } catch (error) {
      for (const item of batch) item.reject(error);
      throw error;
    } finally {
      this.db.pragma('synchronous = FULL');
    }
    if (!this.wal) {
      for (const item of batch) {
        if (failed.has(item)) item.reject(failed.get(item));
        else item.resolve();
      }
      return;
    }
    const synced = this.wal.sync();
    // Nobody waits for the sync of a batch without captures; a failure reaches those who wait.
    synced.catch(() => undefined);
    for (const item of batch) {
      if (failed.has(item)) item.reject(failed.get(item));
      else if (item.durable) synced.then(item.resolve, item.reject);
      else item.resolve();
    }
  }

  get pending(): number {
    return this.queue.length;
  }
}
