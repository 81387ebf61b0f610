import type { Database } from 'better-sqlite3';

interface Pending {
  write: () => void;
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

  enqueue(write: () => void): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ write, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  /** Runs everything queued, plus `extra`, in one transaction now. */
  flush(extra?: () => void): void {
    const batch = this.queue;
    this.queue = [];
    this.scheduled = false;
    const failed = new Map<Pending, unknown>();
    try {
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
