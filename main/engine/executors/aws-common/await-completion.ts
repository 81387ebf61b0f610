import type { AwaitCompletion } from '../../../../shared/model';
import { formatHumanDuration, parseDuration } from '../../../../shared/time/duration';
import { ExecutorError, type ExecutorContext } from '../executor';
import { pollUntil } from '../poll-until';
import { listNames } from './batching';

/** How long to wait for a state, resolved from `awaitCompletion` and the executor's default. */
export interface AwaitSettings {
  enabled: boolean;
  timeoutMs: number;
}

/** An empty, absent or unreadable timeout is the operator's "use the executor's default". */
export function awaitSettings(
  awaitCompletion: AwaitCompletion | undefined,
  defaultMs: number,
): AwaitSettings {
  const parsed = parseDuration(awaitCompletion?.timeout ?? '');
  return {
    enabled: awaitCompletion?.enabled === true,
    timeoutMs: parsed.ok && parsed.ms > 0 ? parsed.ms : defaultMs,
  };
}

/** One resource that has not reached the desired state yet, with the state it is in. */
export interface Pending {
  id: string;
  state: string;
}

export interface WaitOptions {
  ctx: Pick<ExecutorContext, 'sleep' | 'clock' | 'progress'>;
  timeoutMs: number;
  intervalMs: number;
  /** "stopped", "scaled to 0": the state waited for, in the failure message. */
  desired: string;
  /** Reads the current state: the resources still not there (empty = done). */
  check: () => Promise<Pending[]>;
  /** "instance", "database": for the progress line. */
  noun: string;
}

/**
 * The AWS executors' wait (pollUntil) in their words: the timeout message says what is still
 * where: "timed out after 5 min waiting for i-0ab to be stopped; it is stopping".
 */
export function waitUntil(options: WaitOptions): Promise<void> {
  return pollUntil(options.ctx, {
    timeoutMs: options.timeoutMs,
    intervalMs: options.intervalMs,
    check: options.check,
    progress: (pending) =>
      `waiting for ${pending.length} ${options.noun}(s) to be ${options.desired}`,
    timeoutError: (pending) => timeoutError(options, pending),
  });
}

function timeoutError(options: WaitOptions, pending: Pending[]): ExecutorError {
  const first = pending[0];
  const head = `timed out after ${formatHumanDuration(options.timeoutMs)} waiting for`;
  if (pending.length === 1 && first !== undefined) {
    return new ExecutorError(
      'AWAIT_TIMEOUT',
      `${head} ${first.id} to be ${options.desired}; it is ${first.state}`,
    );
  }
  const where = listNames(pending.map((p) => `${p.id} is ${p.state}`));
  return new ExecutorError(
    'AWAIT_TIMEOUT',
    `${head} ${pending.length} ${options.noun}s to be ${options.desired}: ${where}`,
  );
}

/**
 * For waits the executor needs whatever `awaitCompletion` says (an instance still stopping must
 * be stopped before it can start): the user's timeout when longer, else the default.
 */
export function preconditionWait(settings: AwaitSettings, defaultMs: number): AwaitSettings {
  if (settings.enabled && settings.timeoutMs >= defaultMs) return settings;
  return { enabled: true, timeoutMs: defaultMs };
}
