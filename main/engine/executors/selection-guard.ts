import type { Logger } from '../logging/logger';

/**
 * Server-side filters (EC2 and RDS `Filters`, `DBInstanceIdentifier`, Auto Scaling names and tag
 * filters, Kubernetes `labelSelector` / `fieldSelector`) only ever narrow what comes back: an
 * endpoint or proxy that ignores them answers with the whole account. Every executor passes what
 * it listed through `keepSelected` with the selector's own predicate before it plans or touches
 * anything, so a resource the selector does not pick is never acted on (issue 13.1).
 */
export function keepSelected<T>(
  items: readonly T[],
  picks: (item: T) => boolean,
  logger: Pick<Logger, 'debug'>,
  what: string,
): T[] {
  const kept = items.filter(picks);
  const dropped = items.length - kept.length;
  // Silent in the plan (they were never selected), counted here so a filter-ignoring endpoint shows up.
  if (dropped > 0)
    logger.debug('ignored resources the server returned that the selector does not pick', {
      what,
      returned: items.length,
      ignored: dropped,
    });
  return kept;
}

/**
 * The id (or name) selector kind: true when `id` is one of `ids`. RDS identifiers are
 * case-insensitive (AWS stores them in lower case), so `caseInsensitive` compares them that way;
 * EC2 ids and Kubernetes or EKS names are exact.
 */
export function inIdList(
  ids: readonly string[],
  options: { caseInsensitive?: boolean } = {},
): (id: string) => boolean {
  const fold = options.caseInsensitive === true ? (s: string) => s.toLowerCase() : (s: string) => s;
  const wanted = new Set(ids.map(fold));
  return (id) => wanted.has(fold(id));
}
