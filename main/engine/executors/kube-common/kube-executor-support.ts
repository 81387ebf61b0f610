import { EXCLUDE_ANNOTATION, type AwaitCompletion } from '../../../../shared/model';
import { formatHumanDuration, parseDuration } from '../../../../shared/time/duration';
import type { KubeObject } from '../../connections/kube/kube-api';
import { ExecutorError, type ExecutorContext } from '../executor';
import { pollUntil } from '../poll-until';

/** `hibernator.ardikabs.com/exclude: "true"` opts a workload or NodePool out of every plan. */
export function isExcluded(object: KubeObject): boolean {
  return object.metadata.annotations?.[EXCLUDE_ANNOTATION]?.trim().toLowerCase() === 'true';
}

/** The wait asked for, in ms, or null when the plan does not wait; `""` or no timeout = the executor's default. */
export function awaitTimeoutMs(
  awaitCompletion: AwaitCompletion | undefined,
  defaultMs: number,
): number | null {
  if (!awaitCompletion?.enabled) return null;
  const parsed = parseDuration(awaitCompletion.timeout ?? '');
  return parsed.ok ? parsed.ms : defaultMs;
}

/** The Kubernetes executors' wait (pollUntil) in their words: what is left, described. */
export async function pollUntilDone<T>(
  ctx: Pick<ExecutorContext, 'clock' | 'sleep' | 'progress'>,
  options: {
    timeoutMs: number;
    intervalMs: number;
    what: string;
    describe: (pending: T[]) => string;
  },
  check: () => Promise<T[]>,
): Promise<void> {
  return pollUntil(ctx, {
    timeoutMs: options.timeoutMs,
    intervalMs: options.intervalMs,
    check,
    progress: (pending) => `waiting: ${options.what}: ${options.describe(pending)}`,
    timeoutError: (pending) =>
      new ExecutorError(
        'AWAIT_TIMEOUT',
        `awaitCompletion timed out after ${formatHumanDuration(options.timeoutMs)}: ${options.what}: ${options.describe(pending)}; raise awaitCompletion.timeout or check why they do not converge`,
        false,
      ),
  });
}

/**
 * Long loops (hundreds of scale patches) start nothing new once the operation is cancelled (the
 * engine closes, the plan is suspended); what was already sent is left to finish.
 */
export function notAborted(ctx: Pick<ExecutorContext, 'signal'>): () => boolean {
  return () => !ctx.signal.aborted;
}

export function throwIfAborted(ctx: Pick<ExecutorContext, 'signal'>): void {
  if (ctx.signal.aborted) throw new ExecutorError('ABORTED', 'the operation was cancelled', true);
}

/** "a, b, c and 4 more": long lists stay readable in the ledger. */
export function listSome(items: readonly string[], max = 5): string {
  if (items.length <= max) return items.join(', ');
  return `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
}
