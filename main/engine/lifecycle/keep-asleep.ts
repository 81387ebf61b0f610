import type { KeepAsleepReport, KeepAsleepTargetReport } from '../../../shared/api/events';
import type { Plan } from '../../../shared/model';
import type { PlanStatus } from '../../../shared/model/status';
import type { Executor } from '../executors/executor';
import type { RestoreWriter } from '../restore/restore-writer';
import { KEEP_ASLEEP_TRIGGER } from '../store/history-repository';
import { effectiveConfig } from './effective-config';
import { keepAsleepActed, keepAsleepResult, keepAsleepSummary } from './keep-asleep-report';
import type { LifecycleDeps } from './lifecycle-deps';

/** The check's period when the settings do not say (AWS restarts a stopped database after 7 days). */
export const DEFAULT_KEEP_ASLEEP_HOURS = 24;

/** How often a hibernated plan's executors check that what they put to sleep stays asleep. */
export function keepAsleepEveryMs(deps: Pick<LifecycleDeps, 'settings'>): number {
  return (deps.settings().keepAsleepHours ?? DEFAULT_KEEP_ASLEEP_HOURS) * 3_600_000;
}

/** True when one of the plan's targets has a keep-asleep check. */
export function hasKeepAsleepCheck(plan: Plan, deps: Pick<LifecycleDeps, 'executors'>): boolean {
  return plan.spec.targets.some((t) => deps.executors.get(t.type)?.keepAsleep);
}

/**
 * The keep-asleep check of a hibernated plan: every period (the setting, default daily), each
 * executor that has one puts back to sleep what something else woke. Runs beside the plan's
 * serialised steps, one check at a time. One target's failure never stops the others, and a
 * check that acted or failed is told (a KeepAsleep event, which the desktop notifies) and lands
 * in the plan's history.
 */
export class KeepAsleep {
  private current: Promise<KeepAsleepReport> | null = null;

  constructor(
    private readonly name: string,
    private readonly deps: LifecycleDeps,
    private readonly restore: RestoreWriter,
  ) {}

  /** Starts the check when it is due; `commit` records its time durably first. */
  maybeRun(plan: Plan, status: PlanStatus, now: Date, commit: () => void): void {
    if (this.current) return;
    const last = Date.parse(status.lastKeepAsleepAt ?? status.phaseSince);
    if (now.getTime() - last < keepAsleepEveryMs(this.deps)) return;
    status.lastKeepAsleepAt = now.toISOString();
    commit();
    if (!hasKeepAsleepCheck(plan, this.deps)) return;
    this.start(plan, status).catch((error: unknown) => {
      this.deps.logger.error('keep-asleep check failed', {
        plan: this.name,
        error: String(error),
      });
    });
  }

  /** "Check now": runs the check at once (or joins the one running) and answers what it did. */
  runNow(plan: Plan, status: PlanStatus, now: Date, commit: () => void): Promise<KeepAsleepReport> {
    if (this.current) return this.current;
    status.lastKeepAsleepAt = now.toISOString();
    commit();
    return this.start(plan, status);
  }

  private start(plan: Plan, status: PlanStatus): Promise<KeepAsleepReport> {
    const run = this.run(plan, status).finally(() => {
      this.current = null;
    });
    this.current = run;
    return run;
  }

  private async run(plan: Plan, status: PlanStatus): Promise<KeepAsleepReport> {
    const at = this.deps.clock.now();
    const cycleId = status.cycle?.id ?? null;
    const config = effectiveConfig(plan, status.cycle?.overrides ?? null);
    const targets: KeepAsleepTargetReport[] = [];
    const types = new Map<string, string>();
    for (const t of config.targets.filter((x) => !x.disabled)) {
      const executor = this.deps.executors.get(t.target.type);
      const point = this.restore.load(t.target.name, cycleId);
      if (!executor?.keepAsleep || !point) continue;
      types.set(t.target.name, executor.type);
      targets.push(await this.checkTarget(executor, t.target, t.parameters, point));
    }
    const report: KeepAsleepReport = {
      plan: this.name,
      at: at.toISOString(),
      targets,
      message: keepAsleepSummary(this.name, targets),
    };
    if (keepAsleepActed(report)) {
      this.record(report, types, cycleId, at);
      this.deps.bus.emit({ type: 'KeepAsleep', plan: this.name, report });
    }
    return report;
  }

  private async checkTarget(
    executor: Executor,
    target: Plan['spec']['targets'][number],
    parameters: unknown,
    point: NonNullable<ReturnType<RestoreWriter['load']>>,
  ): Promise<KeepAsleepTargetReport> {
    const logger = this.deps.logger.child({ plan: this.name, target: target.name });
    const connection = target.connectorRef
      ? this.deps.connections.get(target.connectorRef.name)
      : null;
    try {
      const parsed = executor.parameterSchema.parse(parameters);
      const result = await executor.keepAsleep?.(parsed, point, {
        plan: this.name,
        target: target.name,
        connection,
        clients: this.deps.clients,
        clock: this.deps.clock,
        logger,
        signal: new AbortController().signal,
        progress: () => undefined,
        sleep: (ms) => new Promise((resolve) => this.deps.clock.setTimer(resolve, ms)),
      });
      if (result === undefined) throw new Error(`${executor.type} has no keep-asleep check`);
      if (result.refused.length > 0)
        logger.warn('keep-asleep: some resources could not be put back to sleep', {
          refused: result.refused,
        });
      return { target: target.name, ...result, error: null };
    } catch (error) {
      const classified = executor.classifyError(error);
      logger.warn('keep-asleep check failed', { error: classified.message });
      return {
        target: target.name,
        noun: 'resource',
        stoppedAgain: [],
        refused: [],
        error: classified.message,
        message: null,
      };
    }
  }

  /** One history row per check that acted, one target row per target checked. */
  private record(
    report: KeepAsleepReport,
    types: ReadonlyMap<string, string>,
    cycleId: string | null,
    at: Date,
  ): void {
    const history = this.deps.history;
    const finished = this.deps.clock.now();
    const id = history.start(this.name, cycleId, 'shutdown', KEEP_ASLEEP_TRIGGER, at);
    history.recordTargets(
      id,
      report.targets.map((t) => ({
        target: t.target,
        executor: types.get(t.target) ?? '',
        state: t.error !== null || t.refused.length > 0 ? 'Failed' : 'Completed',
        attempts: 1,
        startedAt: at.toISOString(),
        finishedAt: finished.toISOString(),
        message: t.error ?? t.message ?? 'everything still asleep',
        touched: false,
      })),
    );
    history.finish(id, keepAsleepResult(report), report.message, finished);
  }
}
