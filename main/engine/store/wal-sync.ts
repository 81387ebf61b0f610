import { closeSync, existsSync, fdatasync, openSync } from 'node:fs';

/**
 * Makes committed WAL frames durable without blocking the event loop. Batched writes commit
 * with synchronous=NORMAL (SQLite write()s the frames to the -wal file, no fsync), then this
 * fdatasyncs the -wal file on libuv's thread pool. The WAL is append-only until a checkpoint
 * (which syncs by itself), so one sync covers every frame written before it started: callers
 * that arrive while a sync runs share the next one (group commit). Same guarantee as
 * synchronous=FULL — a capture survives a power cut once `sync()` resolves — without stalling
 * every other target for each fsync.
 */
export class WalSync {
  private fd: number | null = null;
  private running: Promise<void> | null = null;
  private next: Promise<void> | null = null;
  private closed = false;

  constructor(private readonly walPath: string) {}

  /** Resolves once every frame committed before the call is on disk. */
  sync(): Promise<void> {
    if (!this.running) {
      this.running = this.syncOnce().finally(() => {
        this.running = null;
      });
      return this.running;
    }
    // Frames written after the running sync started may not be covered: wait for the next one.
    this.next ??= this.running.then(() => {
      this.next = null;
      return this.sync();
    });
    return this.next;
  }

  private syncOnce(): Promise<void> {
    if (this.closed) return Promise.reject(new Error('the database is closed'));
    if (this.fd === null) {
      // Until the first commit there is no -wal file and nothing to sync.
      if (!existsSync(this.walPath)) return Promise.resolve();
      this.fd = openSync(this.walPath, 'r+');
    }
    const fd = this.fd;
    return new Promise((resolve, reject) =>
      fdatasync(fd, (error) => (error ? reject(error) : resolve())),
    );
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.running?.catch(() => undefined);
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }
}
