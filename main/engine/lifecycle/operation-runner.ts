import type { Connection } from '../../../shared/model';
import type { LedgerEntry, Operation, PlanStatus } from '../../../shared/model/status';
import type { ClassifiedError, Executor, ExecutorContext } from '../executors/executor';
import { CodedError } from '../errors/coded-error';
import { ExecutorError } from '../executors/executor';
import type { RestoreWriter } from '../restore/restore-writer';
import { runLimited } from '../util/concurrency';
import type { EffectiveConfig, EffectiveTarget } from './effective-config';
import type { LifecycleDeps } from './lifecycle-deps';
import { compileStages, descendants, effectiveEdges, operationEdges, type Edge } from './stages';

/** What the operation runner needs from the plan runner that owns the status. */
export interface OperationHost {
  readonly plan: string;
  readonly deps: LifecycleDeps;
  status(): PlanStatus;
  /** Persists the ledger soon (coalesced); phase changes are never left to this. */
  ledgerChanged(entry: LedgerEntry): void;
  /** The plan's restore points: captures are saved and points loaded through it. */
  readonly restore: RestoreWriter;
  /** False once the plan is suspended, deleted or the engine closes: nothing new starts. */
  mayStart(): boolean;
  signal: AbortSignal;
}

export interface OperationOutcome {
  operation: Operation;
  failed: LedgerEntry[];
  aborted: LedgerEntry[];
  /** Stopped early (suspension, shutdown of the engine): the ledger tells where it stopped. */
  interrupted: boolean;
}

const now = (host: OperationHost): string => host.deps.clock.now().toISOString();

export async function runOperation(
  host: OperationHost,
  operation: Operation,
  config: EffectiveConfig,
): Promise<OperationOutcome> {
  const included = config.targets.filter((t) => !t.disabled);
  const byName = new Map(included.map((t) => [t.target.name, t]));
  const stages = compileStages(
    config.strategy,
    included.map((t) => t.target.name),
    operation,
  );
  const edges: Edge[] =
    config.strategy.type === 'DAG'
      ? operationEdges(
          effectiveEdges(config.strategy.dependencies ?? [], [...byName.keys()]),
          operation,
        )
      : [];
  const ledger = (name: string): LedgerEntry | undefined =>
    host.status().ledger.find((e) => e.target === name);

  for (const stage of stages) {
    if (!host.mayStart()) return outcome(host, operation, true);
    const todo = stage.targets.filter((name) => {
      const entry = ledger(name);
      return entry !== undefined && (entry.state === 'Pending' || entry.state === 'Running');
    });
    await runLimited(
      todo,
      stage.maxConcurrency,
      async (name) => {
        const target = byName.get(name);
        const entry = ledger(name);
        if (!target || !entry) return;
        await runTarget(host, operation, target, entry);
      },
      () => host.mayStart(),
    );
    if (!host.mayStart()) return outcome(host, operation, true);
    const failedHere = stage.targets
      .map(ledger)
      .filter((e): e is LedgerEntry => e?.state === 'Failed');
    if (failedHere.length > 0) {
      if (config.behavior.mode === 'Strict') return outcome(host, operation, false);
      // BestEffort: what depends on a failed target must not run; the rest goes on.
      for (const failed of failedHere) {
        for (const name of descendants(failed.target, edges)) {
          const entry = ledger(name);
          if (entry && entry.state === 'Pending') {
            entry.state = 'Aborted';
            entry.message = `not run: ${failed.target} failed and ${name} depends on it`;
            entry.finishedAt = now(host);
            host.ledgerChanged(entry);
          }
        }
      }
    }
  }
  return outcome(host, operation, false);
}

function outcome(
  host: OperationHost,
  operation: Operation,
  interrupted: boolean,
): OperationOutcome {
  const entries = host.status().ledger;
  return {
    operation,
    failed: entries.filter((e) => e.state === 'Failed'),
    aborted: entries.filter((e) => e.state === 'Aborted'),
    interrupted,
  };
}

async function runTarget(
  host: OperationHost,
  operation: Operation,
  target: EffectiveTarget,
  entry: LedgerEntry,
): Promise<void> {
  const { deps } = host;
  entry.state = 'Running';
  entry.attempts += 1;
  entry.startedAt = now(host);
  entry.finishedAt = null;
  entry.message = null;
  entry.transient = undefined;
  entry.errorCode = undefined;
  host.ledgerChanged(entry);
  const executor = deps.executors.get(target.target.type);
  try {
    if (!executor) {
      throw new ExecutorError(
        'UNKNOWN_EXECUTOR',
        `no executor is installed for type "${target.target.type}" (target ${target.target.name})`,
      );
    }
    const message = await execute(host, operation, target, executor, entry);
    entry.state = 'Completed';
    entry.message = message;
  } catch (error) {
    const classified: ClassifiedError = executor
      ? safeClassify(executor, error)
      : classifyUnknown(error);
    entry.state = 'Failed';
    entry.message = classified.message;
    entry.transient = classified.transient;
    entry.errorCode = classified.code;
    const cycleTarget = host.status().cycle?.targets[target.target.name];
    if (operation === 'shutdown' && cycleTarget && cycleTarget.shutdown !== 'completed')
      cycleTarget.shutdown = 'failed';
    deps.logger.warn('target failed', {
      plan: host.plan,
      target: target.target.name,
      operation,
      code: classified.code,
      message: classified.message,
    });
  }
  entry.finishedAt = now(host);
  host.ledgerChanged(entry);
}

function safeClassify(executor: Executor<unknown>, error: unknown): ClassifiedError {
  try {
    return executor.classifyError(error);
  } catch {
    return classifyUnknown(error);
  }
}

function classifyUnknown(error: unknown): ClassifiedError {
  if (error instanceof CodedError)
    return { code: error.code, message: error.message, transient: error.transient };
  return {
    code: 'INTERNAL',
    message: error instanceof Error ? error.message : String(error),
    transient: false,
  };
}

async function execute(
  host: OperationHost,
  operation: Operation,
  target: EffectiveTarget,
  executor: Executor<unknown>,
  entry: LedgerEntry,
): Promise<string> {
  const name = target.target.name;
  const parsed = executor.parameterSchema.safeParse(target.parameters);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = ['spec', 'targets', name, 'parameters', ...(issue?.path ?? [])].join('.');
    throw new ExecutorError(
      'INVALID_PARAMETERS',
      `${path}: ${issue?.message ?? 'invalid'}; fix the plan and retry`,
    );
  }
  const connection = resolveConnection(host, target, executor);
  const ctx = makeContext(host, name, connection, entry);
  const status = host.status();
  const cycle = status.cycle;
  if (operation === 'shutdown') {
    if (!cycle) throw new ExecutorError('NO_CYCLE', 'internal: shutdown without an open cycle');
    const result = await executor.shutdown(parsed.data, ctx, async (resources) => {
      await host.restore.saveCaptures(
        host.status().cycle?.id ?? null,
        name,
        executor.type,
        resources,
      );
      const ct = host.status().cycle?.targets[name];
      if (ct && resources.length > 0) ct.touched = true;
    });
    const ct = host.status().cycle?.targets[name];
    if (ct) ct.shutdown = 'completed';
    return result.message;
  }
  const cycleId = cycle?.id ?? null;
  const point = host.restore.load(name, cycleId);
  if (point) {
    if (point.restoredAt)
      return `already restored in this cycle at ${point.restoredAt}; not redone`;
    if (point.resources.length === 0) {
      await host.restore.markRestored(name);
      return 'restore point holds no resources to wake; nothing to do';
    }
    const result = await executor.wakeUp(parsed.data, point, ctx);
    await host.restore.markRestored(name);
    return result.message;
  }
  if (cycle?.targets[name]?.touched) {
    throw new ExecutorError(
      'NO_RESTORE_POINT',
      `no restore point for target ${name}: its shutdown captured resources but the point is gone; initialise an empty one (Restore points → Initialise) to continue`,
    );
  }
  return 'nothing to wake: its shutdown in this cycle touched nothing';
}

function resolveConnection(
  host: OperationHost,
  target: EffectiveTarget,
  executor: Executor<unknown>,
): Connection | null {
  if (!executor.connectionKind) return null;
  const ref = target.target.connectorRef;
  if (!ref) {
    throw new ExecutorError(
      'NO_CONNECTION',
      `target ${target.target.name} needs a ${executor.connectionKind} connection: set spec.targets[].connectorRef`,
    );
  }
  const connection = host.deps.connections.get(ref.name);
  if (!connection) {
    throw new ExecutorError(
      'CONNECTION_NOT_FOUND',
      `connection "${ref.name}" used by target ${target.target.name} does not exist: add it under Connections or fix connectorRef`,
    );
  }
  if (connection.kind !== executor.connectionKind) {
    throw new ExecutorError(
      'CONNECTION_KIND',
      `target ${target.target.name} (${executor.type}) needs a ${executor.connectionKind}, but "${ref.name}" is a ${connection.kind}`,
    );
  }
  return connection;
}

function makeContext(
  host: OperationHost,
  target: string,
  connection: Connection | null,
  entry: LedgerEntry,
): ExecutorContext {
  const { deps } = host;
  return {
    plan: host.plan,
    target,
    connection,
    clients: deps.clients,
    clock: deps.clock,
    logger: deps.logger.child({ plan: host.plan, target }),
    signal: host.signal,
    progress(message) {
      entry.message = message;
      host.ledgerChanged(entry);
    },
    sleep(ms) {
      return new Promise<void>((resolve, reject) => {
        if (host.signal.aborted)
          return reject(new ExecutorError('ABORTED', 'the operation was cancelled', true));
        if (ms <= 0) return resolve();
        const timer = deps.clock.setTimer(() => {
          host.signal.removeEventListener('abort', onAbort);
          resolve();
        }, ms);
        const onAbort = (): void => {
          timer.cancel();
          reject(new ExecutorError('ABORTED', 'the operation was cancelled', true));
        };
        host.signal.addEventListener('abort', onAbort, { once: true });
      });
    },
  };
}
