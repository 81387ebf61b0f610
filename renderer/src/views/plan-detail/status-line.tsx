import type { PlanDetail } from '../../../../shared/api';
import { useNow } from '../../app/app-context';
import { isBusy } from '../../format/phase';
import { type ShownOverride, overrideText } from '../../format/override';
import { formatAgo, formatRelative } from '../../format/time';

/** "Override: awake until 17:49 by you · back on schedule after" (its way out is in the actions). */
function OverrideLine({ override, now }: { override: ShownOverride | null; now: Date }) {
  if (!override) return null;
  return (
    <p className={`override-line override-${override.phase}`} aria-label="Manual override">
      <strong>Manual override:</strong> {overrideText(override, now)}
    </p>
  );
}

/** What is happening now, in one sentence: progress while busy, the error when stuck, else why. */
export function StatusLine({
  detail,
  override,
}: {
  detail: PlanDetail;
  override: ShownOverride | null;
}) {
  const now = useNow();
  const { status, evaluation } = detail;
  // The clock ticks every 30 s: a phase change newer than the last tick is "just now", not in the future.
  const since = formatAgo(new Date(status.phaseSince), now);
  if (isBusy(status.phase)) {
    const done = status.ledger.filter((e) => e.state === 'Completed').length;
    const running = status.ledger.filter((e) => e.state === 'Running').map((e) => e.target);
    const verb = status.phase === 'Hibernating' ? 'Going to sleep' : 'Waking up';
    return (
      <>
        <p className="status-line" aria-live="polite">
          {verb}: {done} of {status.ledger.length} targets done
          {running.length > 0 ? ` — ${running.join(', ')} running` : ''}.
        </p>
        <OverrideLine override={override} now={now} />
      </>
    );
  }
  if (status.phase === 'Error' && status.error) {
    const retry = status.nextRetryAt
      ? ` Retrying ${formatRelative(new Date(status.nextRetryAt), now)} (${status.retriesLeft ?? 0} left).`
      : '';
    return (
      <>
        <p className="status-line status-error" role="alert">
          {status.error.message}
          {retry}
        </p>
        <OverrideLine override={override} now={now} />
      </>
    );
  }
  return (
    <>
      <p className="status-line muted">
        {evaluation.reason.charAt(0).toUpperCase() + evaluation.reason.slice(1)} (phase changed{' '}
        {since}){detail.plan.spec.suspend ? ' — the schedule is paused.' : '.'}
      </p>
      <OverrideLine override={override} now={now} />
    </>
  );
}
