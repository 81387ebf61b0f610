import { listNames, plural } from './batching';

/** What eks and asg decide per group: scale it, or skip it (with a capture when it is already at 0). */
export interface ScaleDecision {
  action: string;
  capture?: unknown;
  description: string;
}

/** "scaled 2 node groups to 0; 1 already at 0; skipped …; not found: …" — the ledger message of a scale-down. */
export function scaleDownSummary(
  scaled: number,
  noun: string,
  decisions: readonly ScaleDecision[],
  missing: readonly string[],
): string {
  const parts = [scaled > 0 ? `scaled ${plural(scaled, noun)} to 0` : `no ${noun} to scale down`];
  const already = decisions.filter((d) => d.action === 'skip' && d.capture).length;
  if (already > 0) parts.push(`${already} already at 0`);
  const skipped = decisions.filter((d) => d.action === 'skip' && !d.capture);
  if (skipped.length > 0)
    parts.push(
      `skipped ${listNames(
        skipped.map((d) => d.description.replace(/^skip /, '')),
        3,
      )}`,
    );
  if (missing.length > 0) parts.push(`not found: ${listNames(missing)}`);
  return parts.join('; ');
}
