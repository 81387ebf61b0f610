import type { ExecutorContext } from './executor';

export interface PollOptions<T> {
  timeoutMs: number;
  intervalMs: number;
  /** Reads the current state: what is still not done (empty = done). */
  check: () => Promise<T[]>;
  /** The progress line shown in the ledger while some are pending. */
  progress: (pending: T[]) => string;
  /** The failure when time runs out: it names what is left and where it is stuck. */
  timeoutError: (pending: T[]) => Error;
}

/**
 * The one wait loop of every executor: polls `check` until nothing is pending, sleeping on the
 * engine's clock between rounds (so tests need no real waits) and never past the deadline.
 * Running out of time is a failure: the operator reports an await timeout as success, we do not
 * (semantics.md section 7).
 */
export async function pollUntil<T>(
  ctx: Pick<ExecutorContext, 'clock' | 'sleep' | 'progress'>,
  options: PollOptions<T>,
): Promise<void> {
  const deadline = ctx.clock.monotonicMs() + options.timeoutMs;
  for (;;) {
    const pending = await options.check();
    if (pending.length === 0) return;
    const left = deadline - ctx.clock.monotonicMs();
    if (left <= 0) throw options.timeoutError(pending);
    ctx.progress(options.progress(pending));
    await ctx.sleep(Math.max(1, Math.min(options.intervalMs, left)));
  }
}
