import { z } from 'zod';
import { classifyCommonError } from '../../main/engine/errors/coded-error';
import { ExecutorError, type Executor } from '../../main/engine/executors/executor';

/**
 * A tiny in-memory "cloud" for engine tests, and a scriptable executor over it. It registers
 * as type `noop` (plans in tests use noop targets) but behaves like a real executor: it
 * reports each resource before stopping it, and restores exactly what was captured.
 */
export interface FakeResource {
  running: boolean;
  size: number;
}

export interface TargetScript {
  /** Fail the shutdown right before acting on the resource with this index (after reporting it). */
  failShutdownAt?: number;
  failShutdownBeforeReport?: boolean;
  failWakeup?: boolean;
  /** Errors thrown by the next calls, in order (then normal behaviour). */
  errors?: Array<{
    code: string;
    transient: boolean;
    message?: string;
    on?: 'shutdown' | 'wakeup';
  }>;
  /** Calls `hook` after reporting resource `index` and before stopping it. */
  afterReport?: { index: number; hook: () => Promise<void> | void };
  delayMs?: number;
}

export class FakeWorld {
  readonly resources = new Map<string, Map<string, FakeResource>>();
  readonly scripts = new Map<string, TargetScript>();
  readonly calls: Array<{
    target: string;
    op: 'shutdown' | 'wakeup' | 'stop' | 'start';
    key?: string;
  }> = [];
  /** Called after every stop/start: a crash test persists the world here (it outlives the process). */
  onChange: ((call: { target: string; op: 'stop' | 'start'; key: string }) => void) | null = null;

  toJSON(): Record<string, Record<string, FakeResource>> {
    return Object.fromEntries([...this.resources].map(([t, m]) => [t, Object.fromEntries(m)]));
  }

  static fromJSON(data: Record<string, Record<string, FakeResource>>): FakeWorld {
    const world = new FakeWorld();
    for (const [target, resources] of Object.entries(data)) {
      for (const [key, r] of Object.entries(resources)) world.add(target, key, r.running, r.size);
    }
    return world;
  }

  add(target: string, key: string, running: boolean, size = 1): this {
    if (!this.resources.has(target)) this.resources.set(target, new Map());
    this.resources.get(target)?.set(key, { running, size });
    return this;
  }

  remove(target: string, key: string): void {
    this.resources.get(target)?.delete(key);
  }

  set(target: string, key: string, patch: Partial<FakeResource>): void {
    const r = this.resources.get(target)?.get(key);
    if (r) Object.assign(r, patch);
  }

  get(target: string, key: string): FakeResource | undefined {
    return this.resources.get(target)?.get(key);
  }

  script(target: string, script: TargetScript): this {
    this.scripts.set(target, script);
    return this;
  }

  running(target: string): string[] {
    return [...(this.resources.get(target)?.entries() ?? [])]
      .filter(([, r]) => r.running)
      .map(([k]) => k);
  }

  takeError(target: string, op: 'shutdown' | 'wakeup'): ExecutorError | null {
    const script = this.scripts.get(target);
    const index = script?.errors?.findIndex((e) => !e.on || e.on === op) ?? -1;
    if (!script?.errors || index < 0) return null;
    const [e] = script.errors.splice(index, 1);
    return e
      ? new ExecutorError(e.code, e.message ?? `${e.code} on ${op} of ${target}`, e.transient)
      : null;
  }
}

const stateSchema = z.object({ running: z.boolean(), size: z.number() }).strict();

export function createScriptableExecutor(world: FakeWorld): Executor<Record<string, unknown>> {
  return {
    type: 'noop',
    connectionKind: null,
    parameterSchema: z.record(z.string(), z.unknown()),
    stateSchema,
    async discover(_params, ctx) {
      return [...(world.resources.get(ctx.target)?.entries() ?? [])].map(([key, r]) => ({
        key,
        action: r.running ? 'stop' : 'skip',
        description: r.running ? `stop ${key}` : `skip ${key}: already stopped`,
      }));
    },
    async shutdown(_params, ctx, report) {
      world.calls.push({ target: ctx.target, op: 'shutdown' });
      const script = world.scripts.get(ctx.target) ?? {};
      if (script.delayMs) await ctx.sleep(script.delayMs);
      const scripted = world.takeError(ctx.target, 'shutdown');
      if (script.failShutdownBeforeReport)
        throw new ExecutorError('AccessDenied', `not allowed to list resources of ${ctx.target}`);
      if (scripted) throw scripted;
      const entries = [...(world.resources.get(ctx.target)?.entries() ?? [])];
      let stoppedCount = 0;
      for (const [index, [key, r]] of entries.entries()) {
        await report([{ key, state: { running: r.running, size: r.size }, isLive: r.running }]);
        if (script.afterReport?.index === index) await script.afterReport.hook();
        if (script.failShutdownAt === index)
          throw new ExecutorError('StopFailed', `could not stop ${key}`, false);
        if (r.running) {
          world.calls.push({ target: ctx.target, op: 'stop', key });
          r.running = false;
          stoppedCount++;
          world.onChange?.({ target: ctx.target, op: 'stop', key });
        }
      }
      return { message: `stopped ${stoppedCount} of ${entries.length}` };
    },
    async wakeUp(_params, restore, ctx) {
      world.calls.push({ target: ctx.target, op: 'wakeup' });
      const script = world.scripts.get(ctx.target) ?? {};
      if (script.delayMs) await ctx.sleep(script.delayMs);
      const scripted = world.takeError(ctx.target, 'wakeup');
      if (scripted) throw scripted;
      if (script.failWakeup)
        throw new ExecutorError('StartFailed', `could not start resources of ${ctx.target}`, false);
      let started = 0;
      const missing: string[] = [];
      for (const resource of restore.resources) {
        const state = stateSchema.parse(resource.state);
        const current = world.get(ctx.target, resource.key);
        if (!current) {
          missing.push(resource.key);
          continue;
        }
        current.size = state.size;
        if (state.running && !current.running) {
          world.calls.push({ target: ctx.target, op: 'start', key: resource.key });
          current.running = true;
          started++;
          world.onChange?.({ target: ctx.target, op: 'start', key: resource.key });
        }
      }
      return {
        message: `started ${started}${missing.length ? `; skipped missing ${missing.join(', ')}` : ''}`,
      };
    },
    classifyError: classifyCommonError,
  };
}
