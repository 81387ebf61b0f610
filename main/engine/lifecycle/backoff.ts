/** Automatic retries (semantics.md section 3): immediately, then 2 min, 4 min, ... capped at 30 min. */
export const BACKOFF_CAP_MS = 30 * 60_000;

/** Delay before retry number `retryIndex` (0 = the first retry). */
export function backoffDelayMs(retryIndex: number): number {
  if (retryIndex <= 0) return 0;
  return Math.min(2 ** retryIndex * 60_000, BACKOFF_CAP_MS);
}
