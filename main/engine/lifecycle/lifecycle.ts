import type { TimerHandle } from '../clock';
import type { LifecycleDeps } from './lifecycle-deps';
import { PlanRunner } from './plan-runner';

/** How often the wall clock is compared with the monotonic clock: the only periodic work. */
export const WALL_CLOCK_CHECK_MS = 30_000;
/** A difference larger than this between wall and monotonic time means sleep or a clock change. */
export const CLOCK_JUMP_TOLERANCE_MS = 5_000;

/**
 * All plan runners of one engine, plus the wall-clock check that notices sleep and clock
 * jumps where the OS sends no event.
 */
export class Lifecycle {
  private readonly runners = new Map<string, PlanRunner>();
  private wallTimer: TimerHandle | null = null;
  private lastWall = 0;
  private lastMono = 0;
  private closed = false;
  private started = false;

  constructor(private readonly deps: LifecycleDeps) {}

  get isStarted(): boolean {
    return this.started;
  }

  start(): void {
    this.started = true;
    const now = this.deps.clock.now();
    const interrupted = this.deps.history.interruptRunning(now);
    if (interrupted > 0)
      this.deps.logger.warn('operations interrupted by a stop are resumed', { count: interrupted });
    this.deps.history.prune(now);
    // Expired exceptions stay a week for the Exceptions list ("Expired"), then go.
    this.deps.exceptions.deleteExpiredBefore(new Date(now.getTime() - 7 * 86_400_000));
    for (const stored of this.deps.plans.list(now))
      void this.runner(stored.plan.metadata.name).reconcile('engine start');
    this.armWallClockCheck();
  }

  runner(name: string): PlanRunner {
    let runner = this.runners.get(name);
    if (!runner) {
      runner = new PlanRunner(name, this.deps);
      this.runners.set(name, runner);
    }
    return runner;
  }

  has(name: string): boolean {
    return this.runners.has(name);
  }

  planChanged(name: string, why = 'plan edited'): Promise<void> {
    return this.runner(name).reconcile(why);
  }

  async planDeleted(name: string): Promise<void> {
    const runner = this.runners.get(name);
    this.runners.delete(name);
    await runner?.dispose();
  }

  /** Resume from sleep, unlock, clock or timezone change: every plan is evaluated at once. */
  reevaluateAll(reason: string): Promise<void[]> {
    this.resetWallBaseline();
    return Promise.all([...this.runners.values()].map((r) => r.reconcile(reason)));
  }

  /** Resolves when every plan is idle (tests and benchmarks). */
  async idle(): Promise<void> {
    for (;;) {
      const runners = [...this.runners.values()];
      await Promise.all(runners.map((r) => r.idle()));
      if (runners.every((r) => !r.isBusy())) return;
    }
  }

  busyPlans(): string[] {
    return [...this.runners.values()].filter((r) => r.isBusy()).map((r) => r.name);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.wallTimer?.cancel();
    await Promise.all([...this.runners.values()].map((r) => r.dispose()));
    this.runners.clear();
  }

  private resetWallBaseline(): void {
    this.lastWall = this.deps.clock.now().getTime();
    this.lastMono = this.deps.clock.monotonicMs();
  }

  private armWallClockCheck(): void {
    this.resetWallBaseline();
    const check = (): void => {
      if (this.closed) return;
      const wall = this.deps.clock.now().getTime();
      const mono = this.deps.clock.monotonicMs();
      const drift = wall - this.lastWall - (mono - this.lastMono);
      this.lastWall = wall;
      this.lastMono = mono;
      if (Math.abs(drift) > CLOCK_JUMP_TOLERANCE_MS) {
        this.deps.logger.info('sleep or clock change detected', { driftMs: drift });
        void this.reevaluateAll(
          drift > 0 ? 'the computer was asleep or the clock moved forward' : 'the clock moved back',
        );
      }
      this.wallTimer = this.deps.clock.setTimer(check, WALL_CLOCK_CHECK_MS);
    };
    this.wallTimer = this.deps.clock.setTimer(check, WALL_CLOCK_CHECK_MS);
  }
}
