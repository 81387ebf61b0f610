import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ApiCaller, ApiInput, ApiMethod, ApiOutputs } from '../../shared/api/contract';
import type { HibernatorEvent } from '../../shared/api/events';
import { ManualClock } from '../../main/engine/clock';
import { Engine } from '../../main/engine/engine';
import { ExecutorRegistry } from '../../main/engine/executors/registry';
import { createMemoryLogger } from '../../main/engine/logging/logger';
import { FakeWorld, createScriptableExecutor } from './fake-world';

export interface PlanOptions {
  name?: string;
  targets: string[];
  strategy?: Record<string, unknown>;
  behavior?: Record<string, unknown>;
  offHours?: Array<{ start: string; end: string; daysOfWeek: string[] }>;
  timezone?: string;
  suspend?: boolean;
}

/** Weeknights 20:00–06:00 UTC; the default clock starts Wednesday 2026-01-28 12:00 (awake). */
export function planObject(options: PlanOptions): Record<string, unknown> {
  return {
    apiVersion: 'hibernator.ardikabs.com/v1alpha1',
    kind: 'HibernatePlan',
    metadata: { name: options.name ?? 'dev' },
    spec: {
      schedule: {
        timezone: options.timezone ?? 'UTC',
        offHours: options.offHours ?? [
          { start: '20:00', end: '06:00', daysOfWeek: ['MON', 'TUE', 'WED', 'THU', 'FRI'] },
        ],
      },
      execution: { strategy: options.strategy ?? { type: 'Parallel' } },
      ...(options.behavior ? { behavior: options.behavior } : {}),
      suspend: options.suspend ?? false,
      targets: options.targets.map((name) => ({ name, type: 'noop', parameters: {} })),
    },
  };
}

export class TestEngine {
  engine: Engine;
  readonly events: HibernatorEvent[] = [];
  private unsubscribe: () => void;

  constructor(
    readonly clock: ManualClock,
    readonly world: FakeWorld,
    readonly dataDir: string,
  ) {
    this.engine = this.open();
    this.unsubscribe = this.engine.subscribe((e) => this.events.push(e));
  }

  private open(): Engine {
    return Engine.open({
      dataDir: this.dataDir,
      host: 'serve',
      clock: this.clock,
      logger: createMemoryLogger(),
      executors: new ExecutorRegistry().register(createScriptableExecutor(this.world)),
    });
  }

  /** Calls the API like a host would; throws the API error as an Error with its code. */
  async call<M extends ApiMethod>(
    method: M,
    input: ApiInput<M>,
    caller?: ApiCaller,
  ): Promise<ApiOutputs[M]> {
    const result = await this.engine.call(method, input, caller);
    if (!result.ok)
      throw Object.assign(new Error(result.error.message), {
        code: result.error.code,
        issues: result.error.issues,
      });
    return result.result as ApiOutputs[M];
  }

  /**
   * Lets the engine run until nothing more happens without the clock moving: operations that
   * wait on the manual clock (slow targets) stay in flight.
   */
  async settle(): Promise<void> {
    // Captures resolve after a WAL fsync on the thread pool (real time), so wait in real time
    // too — but not forever: an operation waiting on the manual clock stays in flight.
    const deadline = Date.now() + 300;
    while (Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 1));
      if (this.engine.lifecycle.busyPlans().length === 0) {
        await this.engine.idle();
        await new Promise((resolve) => setTimeout(resolve, 1));
        if (this.engine.lifecycle.busyPlans().length === 0) return;
      }
    }
  }

  async advanceTo(iso: string): Promise<void> {
    this.clock.advanceTo(iso);
    await this.settle();
  }

  async advance(ms: number): Promise<void> {
    this.clock.advance(ms);
    await this.settle();
  }

  async phase(plan = 'dev'): Promise<string> {
    return (await this.call('getPlan', { name: plan })).status.phase;
  }

  async status(plan = 'dev') {
    return (await this.call('getPlan', { name: plan })).status;
  }

  /** Closes the engine (like a quit or a crash after the last commit) and opens it again on the same data. */
  async restart(): Promise<void> {
    this.unsubscribe();
    await this.engine.close();
    this.engine = this.open();
    this.unsubscribe = this.engine.subscribe((e) => this.events.push(e));
    await this.settle();
  }

  async close(): Promise<void> {
    this.unsubscribe();
    await this.engine.close();
  }

  eventsOf<T extends HibernatorEvent['type']>(
    type: T,
  ): Array<Extract<HibernatorEvent, { type: T }>> {
    return this.events.filter((e): e is Extract<HibernatorEvent, { type: T }> => e.type === type);
  }
}

export async function startTestEngine(
  start = '2026-01-28T12:00:00Z',
  world = new FakeWorld(),
): Promise<TestEngine> {
  const t = new TestEngine(new ManualClock(start), world, mkdtempSync(join(tmpdir(), 'hib-eng-')));
  await t.settle();
  return t;
}
