import { DEFAULT_PARALLELISM } from '../../../shared/model';
import { CodedError, type ClassifiedError } from '../errors/coded-error';
import { runLimited } from '../util/concurrency';
import { ExecutorError, type ExecutorContext } from './executor';

/** One resource whose call failed while the others went on. */
export interface ResourceFailure {
  id: string;
  error: ClassifiedError;
}

/** The target's `parallelism` parameter, or the default (10). */
export function parallelismOf(params: { parallelism?: number | undefined }): number {
  return params.parallelism ?? DEFAULT_PARALLELISM;
}

/**
 * Runs `task` for every item where the service has no batch call, at most `parallelism` in
 * flight. One resource's failure never stops the others: it is classified and returned. Nothing
 * new starts once the operation is aborted (in-flight calls finish or abort with the signal).
 */
export async function forEachResource<T>(
  ctx: Pick<ExecutorContext, 'signal'>,
  items: readonly T[],
  options: {
    parallelism: number;
    id: (item: T) => string;
    classify: (error: unknown) => ClassifiedError;
  },
  task: (item: T) => Promise<void>,
): Promise<ResourceFailure[]> {
  const failures: ResourceFailure[] = [];
  await runLimited(
    items,
    options.parallelism,
    async (item) => {
      try {
        await task(item);
      } catch (error) {
        failures.push({ id: options.id(item), error: options.classify(error) });
      }
    },
    () => !ctx.signal.aborted,
  );
  if (ctx.signal.aborted) throw new ExecutorError('ABORTED', 'the operation was cancelled', true);
  return failures.sort((a, b) => a.id.localeCompare(b.id));
}

/** "db-1 (InvalidDBInstanceState: …), db-2 (…)": the failed resources, each with its reason. */
export function describeFailures(failures: readonly ResourceFailure[], max = 5): string {
  const shown = failures.slice(0, max).map((f) => `${f.id} (${f.error.message})`);
  const more = failures.length - shown.length;
  return more > 0 ? `${shown.join(', ')} and ${more} more` : shown.join(', ');
}

/**
 * A target with failed resources fails (semantics.md section 4: the ledger shows the executor's
 * own message) after the others were done, with what was done and what failed. It is retried
 * automatically only when every failure was transient; the code is the failures' own when they
 * share one, else PARTIAL_FAILURE. `total`: how many resources were attempted.
 */
export function throwIfAnyFailed(
  failures: readonly ResourceFailure[],
  total: number,
  done: string,
): void {
  const [first] = failures;
  if (first === undefined) return;
  // Every resource refused for one and the same reason (one resource, or RBAC denying them all):
  // that reason is the target's, as it always was.
  const same = failures.every(
    (f) => f.error.code === first.error.code && f.error.message === first.error.message,
  );
  if (failures.length === total && same)
    throw new CodedError(first.error.code, first.error.message, first.error.transient);
  const codes = new Set(failures.map((f) => f.error.code));
  const [only] = codes;
  throw new CodedError(
    codes.size === 1 && only !== undefined ? only : 'PARTIAL_FAILURE',
    `${done}; ${failures.length} failed: ${describeFailures(failures)}`,
    failures.every((f) => f.error.transient),
  );
}
