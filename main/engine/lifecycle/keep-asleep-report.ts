import type { HistoryEntry } from '../../../shared/api/contract';
import type { KeepAsleepReport, KeepAsleepTargetReport } from '../../../shared/api/events';

function plural(n: number, one: string): string {
  return `${n} ${one}${n === 1 ? '' : 's'}`;
}

function list(items: readonly string[], max = 3): string {
  const shown = items.slice(0, max);
  return items.length > max
    ? `${shown.join(', ')} and ${items.length - max} more`
    : shown.join(', ');
}

/** True when the check put something back to sleep, could not, or failed: it is told and recorded. */
export function keepAsleepActed(report: Pick<KeepAsleepReport, 'targets'>): boolean {
  return report.targets.some(
    (t) => t.stoppedAgain.length > 0 || t.refused.length > 0 || t.error !== null,
  );
}

/**
 * The check in one line, for the history, the notification and the API's answer: "AWS restarted
 * 3 databases of dev-env after 7 days; stopped them again." Only RDS has a keep-asleep check, so
 * the words are AWS's seven-day restart's; the noun comes from the executor.
 */
export function keepAsleepSummary(
  plan: string,
  targets: readonly KeepAsleepTargetReport[],
): string {
  const noun =
    targets.find((t) => t.stoppedAgain.length + t.refused.length > 0)?.noun ?? 'resource';
  const stopped = targets.flatMap((t) => t.stoppedAgain);
  const refused = targets.flatMap((t) => t.refused);
  const failed = targets.filter((t) => t.error !== null);
  const woke = stopped.length + refused.length;
  const parts: string[] = [];
  if (woke > 0) {
    const again =
      refused.length === 0
        ? 'stopped them again'
        : stopped.length === 0
          ? 'could not stop them again'
          : `stopped ${stopped.length} of them again`;
    parts.push(`AWS restarted ${plural(woke, noun)} of ${plan} after 7 days; ${again}`);
  }
  if (refused.length > 0)
    parts.push(
      `${plural(refused.length, noun)} stay${refused.length === 1 ? 's' : ''} awake: ${list(
        refused.map((r) => `${r.id} (${r.reason})`),
      )}`,
    );
  if (failed.length > 0)
    parts.push(
      `the keep-asleep check of ${list(failed.map((t) => `${t.target} failed (${t.error ?? ''})`))}`,
    );
  if (parts.length === 0) return `everything of ${plan} is still asleep`;
  return `${parts.map((p) => p.replace(/^./, (c) => c.toUpperCase())).join('. ')}.`;
}

/** The history's result of a check that acted: refusals or failures next to success are partial. */
export function keepAsleepResult(report: KeepAsleepReport): HistoryEntry['result'] {
  const stopped = report.targets.some((t) => t.stoppedAgain.length > 0);
  const troubled = report.targets.some((t) => t.refused.length > 0 || t.error !== null);
  if (!troubled) return 'succeeded';
  return stopped ? 'partial' : 'failed';
}
