import type { ZodType } from 'zod';
import type { PlannedAction } from '../../../shared/api/contract';
import type { Connection, ExecutorType } from '../../../shared/model';
import type { Clock } from '../clock';
import type { Logger } from '../logging/logger';
import type { LoadedRestorePoint, ResourceCapture } from '../restore/restore-store';

/**
 * Write-ahead: an executor reports the state of the resources it is about to change, and
 * the call resolves only once the engine has committed them durably. Only then may it act.
 */
export type ReportCaptures = (resources: ResourceCapture[]) => Promise<void>;

/** Cloud clients for the target's connection, created lazily and cached per connection. */
export interface ClientProvider {
  /** Returns the named client set for the connection; executors narrow it with their own types. */
  get<T>(kind: string, connection: Connection | null): Promise<T>;
}

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

export type { PlannedAction };

export interface ClassifiedError {
  code: string;
  message: string;
  /** Throttling, 5xx, timeouts, network: retried automatically. Access denied, validation: not. */
  transient: boolean;
}

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
  /** Optional daily check while hibernated (RDS: AWS restarts stopped databases after 7 days). */
  keepAsleep?(
    params: P,
    restore: LoadedRestorePoint,
    ctx: ExecutorContext,
  ): Promise<ExecutorResult | null>;
  classifyError(error: unknown): ClassifiedError;
}

/** An error an executor throws on purpose, already classified. */
export class ExecutorError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly transient = false,
  ) {
    super(message);
    this.name = 'ExecutorError';
  }
}

const TRANSIENT_CODES = new Set([
  'Throttling',
  'ThrottlingException',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'InternalError',
  'InternalFailure',
  'ServiceUnavailable',
  'ServiceUnavailableException',
  'RequestTimeout',
  'RequestTimeoutException',
  'ECONNRESET',
  'ECONNREFUSED',
  'ETIMEDOUT',
  'EPIPE',
  'EAI_AGAIN',
  'TimeoutError',
]);

/**
 * Default classification from the error codes the SDKs use: AWS SDK v3 errors carry `name` and
 * `$metadata.httpStatusCode`; Kubernetes ApiException carries `code` (the HTTP status); Node
 * network errors carry `code`.
 */
export function classifyCommonError(error: unknown): ClassifiedError {
  if (error instanceof ExecutorError)
    return { code: error.code, message: error.message, transient: error.transient };
  const e = (typeof error === 'object' && error !== null ? error : {}) as Record<string, unknown>;
  const message = error instanceof Error ? error.message : String(error);
  const name = typeof e.name === 'string' ? e.name : 'Error';
  const metadata = e.$metadata as { httpStatusCode?: number } | undefined;
  const status =
    typeof metadata?.httpStatusCode === 'number'
      ? metadata.httpStatusCode
      : typeof e.code === 'number'
        ? e.code
        : undefined;
  const code = typeof e.code === 'string' ? e.code : typeof e.Code === 'string' ? e.Code : name;
  if (TRANSIENT_CODES.has(code) || TRANSIENT_CODES.has(name))
    return { code, message, transient: true };
  if (status !== undefined && (status >= 500 || status === 429))
    return { code: code || `HTTP_${status}`, message, transient: true };
  if (name === 'AbortError')
    return { code: 'ABORTED', message: 'The operation was cancelled.', transient: true };
  return { code, message, transient: false };
}
