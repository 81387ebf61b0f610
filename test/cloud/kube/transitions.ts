/**
 * Delayed state changes (replicas becoming ready, nodes draining away). They are applied lazily,
 * before each request is served and on demand, instead of with timers: the emulator stays
 * deterministic under an injected clock and never keeps a process alive.
 */
export class Transitions {
  private seq = 0;
  private readonly pending = new Map<string, { dueAt: number; seq: number; run: () => void }>();

  /** Schedules `run` at `dueAt`, replacing any pending change with the same key. */
  schedule(key: string, dueAt: number, run: () => void): void {
    this.seq += 1;
    this.pending.set(key, { dueAt, seq: this.seq, run });
  }

  cancel(key: string): void {
    this.pending.delete(key);
  }

  /** Runs every change due at `now` (or all of them), oldest first; returns how many ran. */
  run(now: number | 'all'): number {
    let count = 0;
    for (;;) {
      const due = [...this.pending.entries()]
        .filter(([, p]) => now === 'all' || p.dueAt <= now)
        .sort(([, a], [, b]) => a.dueAt - b.dueAt || a.seq - b.seq);
      if (due.length === 0) return count;
      for (const [key, p] of due) {
        // A change run earlier in this pass may have replaced or cancelled this one.
        if (this.pending.get(key)?.seq !== p.seq) continue;
        this.pending.delete(key);
        p.run();
        count += 1;
      }
    }
  }

  size(): number {
    return this.pending.size;
  }

  clear(): void {
    this.pending.clear();
  }
}
