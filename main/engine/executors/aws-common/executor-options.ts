/** Knobs of the AWS executors that tests and benchmarks turn; the defaults suit real AWS. */
export interface AwsExecutorOptions {
  /** Between two polls while waiting for a state (awaitCompletion, a resource still stopping). */
  pollIntervalMs?: number;
}

export const DEFAULT_POLL_INTERVAL_MS = 5000;

export function pollInterval(options: AwsExecutorOptions): number {
  return options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS;
}
