import type { Plan } from '../../../shared/model';
import type { PlanStatus } from '../../../shared/model/status';
import type { RestoreWriter } from '../restore/restore-writer';
import { effectiveConfig } from './effective-config';
import type { LifecycleDeps } from './lifecycle-deps';

/** How often a hibernated plan's executors check that what they put to sleep stays asleep. */
export const KEEP_ASLEEP_EVERY_MS = 24 * 3_600_000;

/**
 * The keep-asleep check of a hibernated plan: once a day, each executor that has one puts back
 * to sleep what something else woke (a Recovery event says so). Runs beside the plan's
 * serialised steps, one check at a time; a failure is only logged.
 */
export class KeepAsleep {
  private running = false;

  constructor(
    private readonly name: string,
    private readonly deps: LifecycleDeps,
    private readonly restore: RestoreWriter,
  ) {}

  /** Starts the check when it is due; `commit` records its time durably first. */
  maybeRun(plan: Plan, status: PlanStatus, now: Date, commit: () => void): void {
    if (this.running) return;
    const last = Date.parse(status.lastKeepAsleepAt ?? status.phaseSince);
    if (now.getTime() - last < KEEP_ASLEEP_EVERY_MS) return;
    const targets = plan.spec.targets.filter((t) => this.deps.executors.get(t.type)?.keepAsleep);
    status.lastKeepAsleepAt = now.toISOString();
    commit();
    if (targets.length === 0) return;
    this.running = true;
    void this.run(plan, status).finally(() => {
      this.running = false;
    });
  }

  private async run(plan: Plan, status: PlanStatus): Promise<void> {
    const cycleId = status.cycle?.id ?? null;
    const config = effectiveConfig(plan, status.cycle?.overrides ?? null);
    for (const t of config.targets.filter((x) => !x.disabled)) {
      const executor = this.deps.executors.get(t.target.type);
      const point = this.restore.load(t.target.name, cycleId);
      if (!executor?.keepAsleep || !point) continue;
      const connection = t.target.connectorRef
        ? this.deps.connections.get(t.target.connectorRef.name)
        : null;
      const abort = new AbortController();
      try {
        const parsed = executor.parameterSchema.parse(t.parameters);
        const result = await executor.keepAsleep(parsed, point, {
          plan: this.name,
          target: t.target.name,
          connection,
          clients: this.deps.clients,
          clock: this.deps.clock,
          logger: this.deps.logger.child({ plan: this.name, target: t.target.name }),
          signal: abort.signal,
          progress: () => undefined,
          sleep: (ms) => new Promise((resolve) => this.deps.clock.setTimer(resolve, ms)),
        });
        if (result)
          this.deps.bus.emit({
            type: 'Recovery',
            plan: this.name,
            message: `${t.target.name}: ${result.message}`,
          });
      } catch (error) {
        this.deps.logger.warn('keep-asleep check failed', {
          plan: this.name,
          target: t.target.name,
          error: String(error),
        });
      }
    }
  }
}
