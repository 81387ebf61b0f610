import type { ControllableClock } from '../shared/clock';
import { createScheduler, type ScheduledRun, type Scheduler } from '../shared/scheduler';
import { createIdFactory, type IdFactory } from './ids';
import type { RegionState, Timings } from './types';

/**
 * All emulated state: one `RegionState` per (account, region), the virtual clock, and the
 * scheduler of pending transitions. Transitions are settled lazily (`settle()` before every request
 * and dump), so there are no timers to leak and a manual clock is exact.
 */
export class AwsWorld {
  readonly scheduler: Scheduler = createScheduler();
  ids: IdFactory;
  private readonly regions = new Map<string, RegionState>();

  constructor(
    readonly clock: ControllableClock,
    public timings: Timings,
    private readonly idSeed: number,
  ) {
    this.ids = createIdFactory(idSeed);
  }

  now(): number {
    return this.clock.now();
  }

  /** The state of one account in one region, created empty on first use (AWS regions start empty). */
  region(accountId: string, region: string): RegionState {
    const key = `${accountId}/${region}`;
    let state = this.regions.get(key);
    if (state === undefined) {
      state = {
        accountId,
        region,
        ec2: new Map(),
        rds: {
          instances: new Map(),
          clusters: new Map(),
          snapshots: new Map(),
          clusterSnapshots: new Map(),
        },
        eks: new Map(),
        asg: new Map(),
      };
      this.regions.set(key, state);
    }
    return state;
  }

  allRegions(): RegionState[] {
    return [...this.regions.values()];
  }

  /** Schedules a transition `delayMs` after `from` (default: now) under a per-resource key. */
  after(
    state: RegionState,
    resourceKey: string,
    delayMs: number,
    run: ScheduledRun,
    from: number = this.now(),
  ): void {
    this.scheduler.schedule(
      `${state.accountId}/${state.region}/${resourceKey}`,
      from + delayMs,
      run,
    );
  }

  cancel(state: RegionState, resourceKey: string): void {
    this.scheduler.cancel(`${state.accountId}/${state.region}/${resourceKey}`);
  }

  /** Applies every transition due by now. */
  settle(): number {
    return this.scheduler.runDue(this.now());
  }

  /** Forgets all resources and pending transitions; ids restart so a reseed repeats exactly. */
  clear(): void {
    this.regions.clear();
    this.scheduler.clear();
    this.ids = createIdFactory(this.idSeed);
  }
}
