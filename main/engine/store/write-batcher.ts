import type { Database } from 'better-sqlite3';

interface Pending {
  write: () => void;
  durable: boolean;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit: writes queued in the same turn of the event loop share one transaction (one
 * fsync), and each caller's promise resolves only after that transaction committed. A thousand
 * targets reporting at once cost one disk flush, not a thousand, and write-ahead still holds:
 * nobody acts before its own capture is durable.
 */
export class WriteBatcher {
  private queue: Pending[] = [];
  private scheduled = false;

  constructor(private readonly db: Database) {}

  /**
   * Queues a write. `durable` writes (restore captures and markers) are committed with
   * synchronous=FULL, so they survive a power cut; the rest (ledger progress) with NORMAL,
   * which survives a process crash, and costs no fsync per commit.
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
    const full = durable || batch.some((item) => item.durable);
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
    }
    for (const item of batch) {
      if (failed.has(item)) item.reject(failed.get(item));
      else item.resolve();
    }
  }

  get pending(): number {
    return this.queue.length;
  }
}
