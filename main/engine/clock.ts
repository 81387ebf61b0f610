/**
 * Time is injected everywhere in the engine so that tests run a week of schedule in
 * milliseconds. `monotonicMs` lets the wall-clock check tell sleep and clock jumps apart
 * from normal passage of time.
 */
export interface TimerHandle {
  cancel(): void;
}

export interface Clock {
  now(): Date;
  monotonicMs(): number;
  setTimer(callback: () => void, delayMs: number): TimerHandle;
}

/** Node's setTimeout overflows past 2^31-1 ms (~24.8 days): longer delays are re-armed in steps. */
export const MAX_TIMER_STEP_MS = 2_147_483_647;

export const systemClock: Clock = {
  now: () => new Date(),
  monotonicMs: () => performance.now(),
  setTimer(callback, delayMs) {
    let handle: NodeJS.Timeout | undefined;
    let cancelled = false;
    const target = Date.now() + Math.max(0, delayMs);
    const arm = (): void => {
      const remaining = target - Date.now();
      if (remaining <= 0) {
        if (!cancelled) callback();
        return;
      }
      // Not unref'd: an executor waiting on a timer mid-operation must keep the process alive.
      // Engine.close() cancels every timer, so nothing lingers after a host stops.
      handle = setTimeout(arm, Math.min(remaining, MAX_TIMER_STEP_MS));
    };
    arm();
    return {
      cancel() {
        cancelled = true;
        if (handle) clearTimeout(handle);
      },
    };
  },
};

interface ManualTimer {
  id: number;
  dueMonotonic: number;
  callback: () => void;
}

/**
 * A clock for tests: time moves only when told. `advance` fires due timers in order;
 * `jumpWall` moves the wall clock without monotonic time (a clock change), and `sleep`
 * moves both without firing timers until the end (a laptop that was asleep).
 */
export class ManualClock implements Clock {
  private wallMs: number;
  private mono = 0;
  private timers: ManualTimer[] = [];
  private nextId = 1;

  constructor(start: Date | string) {
    this.wallMs = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.wallMs);
  }

  monotonicMs(): number {
    return this.mono;
  }

  setTimer(callback: () => void, delayMs: number): TimerHandle {
    const timer: ManualTimer = {
      id: this.nextId++,
      dueMonotonic: this.mono + Math.max(0, delayMs),
      callback,
    };
    this.timers.push(timer);
    return {
      cancel: () => {
        this.timers = this.timers.filter((t) => t.id !== timer.id);
      },
    };
  }

  pendingTimers(): number {
    return this.timers.length;
  }

  /** Moves time forward by `ms`, firing every timer that falls due, in order. */
  advance(ms: number): void {
    const end = this.mono + ms;
    for (;;) {
      const due = this.timers
        .filter((t) => t.dueMonotonic <= end)
        .sort((a, b) => a.dueMonotonic - b.dueMonotonic || a.id - b.id)[0];
      if (!due) break;
      this.timers = this.timers.filter((t) => t.id !== due.id);
      this.wallMs += due.dueMonotonic - this.mono;
      this.mono = due.dueMonotonic;
      due.callback();
    }
    this.wallMs += end - this.mono;
    this.mono = end;
  }

  /** Moves both clocks forward to `instant` (firing timers on the way). */
  advanceTo(instant: Date | string): void {
    this.advance(new Date(instant).getTime() - this.wallMs);
  }

  /** The machine slept: wall time and monotonic time jump without timers firing on the way. */
  sleep(ms: number): void {
    this.wallMs += ms;
    // Monotonic clocks stop during system sleep on macOS/Linux (CLOCK_MONOTONIC), so only wall time moves.
  }

  /** The user or NTP changed the wall clock. */
  jumpWall(ms: number): void {
    this.wallMs += ms;
  }
}
