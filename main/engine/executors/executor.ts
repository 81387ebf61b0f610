import type { ZodType } from 'zod';
import type { PlannedAction } from '../../../shared/api/contract';
import type { Connection, ExecutorType } from '../../../shared/model';
import type { Clock } from '../clock';
import type { ClientProvider } from '../connections/client-provider';
import type { Logger } from '../logging/logger';
import { CodedError, type ClassifiedError } from '../errors/coded-error';
import type { LoadedRestorePoint, ResourceCapture } from '../restore/restore-store';

/**
 * Write-ahead: an executor reports the state of the resources it is about to change, and
 * the call resolves only once the engine has committed them durably. Only then may it act.
 */
export type ReportCaptures = (resources: ResourceCapture[]) => Promise<void>;

export interface ExecutorContext {
  plan: string;
  target: string;
  connection: Connection | null;
  clients: ClientProvider;
  clock: Clock;
  logger: Logger;
  signal: AbortSignal;
  /** A progress line shown in the ledger while the target runs ("stopped 12 of 40 instances"). */
  progress(message: string): void;
  /** Sleeps on the injected clock; rejects when the signal aborts. */
  sleep(ms: number): Promise<void>;
}

export interface ExecutorResult {
  /** The executor's own summary, shown in the ledger and the history ("stopped 3 instances; 1 already stopped"). */
  message: string;
}

/** What one target's keep-asleep check found and did. */
export interface KeepAsleepResult {
  /** What the resources are ("database"), for "AWS restarted 3 databases". */
  noun: string;
  /** Found awake and put back to sleep. */
  stoppedAgain: string[];
  /** Found awake and could not be put back to sleep, each with the reason. */
  refused: Array<{ id: string; reason: string }>;
  /** The executor's summary; null when everything was still asleep. */
  message: string | null;
}

export type { ClassifiedError, ClientProvider, PlannedAction };

export interface Executor<P = unknown> {
  readonly type: ExecutorType;
  /** Connection kind the executor needs; null when it needs none (noop). */
  readonly connectionKind: 'CloudProvider' | 'K8SCluster' | null;
  readonly parameterSchema: ZodType<P>;
  /** Schema of one resource's captured `state`; `patch` and `init` are validated with it. */
  readonly stateSchema: ZodType;
  discover(params: P, ctx: ExecutorContext): Promise<PlannedAction[]>;
  shutdown(params: P, ctx: ExecutorContext, report: ReportCaptures): Promise<ExecutorResult>;
  wakeUp(params: P, restore: LoadedRestorePoint, ctx: ExecutorContext): Promise<ExecutorResult>;
  /**
   * Optional periodic check while hibernated (RDS: AWS restarts stopped databases after 7 days):
   * puts back to sleep what woke. One resource's refusal never stops the others: it is reported.
   */
  keepAsleep?(
    params: P,
    restore: LoadedRestorePoint,
    ctx: ExecutorContext,
  ): Promise<KeepAsleepResult>;
  classifyError(error: unknown): ClassifiedError;
}

/** An error an executor throws on purpose, already classified. */
export class ExecutorError extends CodedError {
  constructor(code: string, message: string, transient = false) {
    super(code, message, transient);
    this.name = 'ExecutorError';
  }
}
