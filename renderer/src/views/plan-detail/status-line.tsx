import type { PlanDetail } from '../../../../shared/api';
import { useNow } from '../../app/app-context';
import { isBusy } from '../../format/phase';
import { formatAgo, formatRelative } from '../../format/time';

/** What is happening now, in one sentence: progress while busy, the error when stuck, else why. */
export function StatusLine({ detail }: { detail: PlanDetail }) {
  const now = useNow();
  const { status, evaluation } = detail;
  // The clock ticks every 30 s: a phase change newer than the last tick is "just now", not in the future.
  const since = formatAgo(new Date(status.phaseSince), now);
  if (isBusy(status.phase)) {
    const done = status.ledger.filter((e) => e.state === 'Completed').length;
    const running = status.ledger.filter((e) => e.state === 'Running').map((e) => e.target);
    const verb = status.phase === 'Hibernating' ? 'Going to sleep' : 'Waking up';
    return (
      <p className="status-line" aria-live="polite">
        {verb}: {done} of {status.ledger.length} targets done
        {running.length > 0 ? ` — ${running.join(', ')} running` : ''}.
      </p>
    );
  }
  if (status.phase === 'Error' && status.error) {
    const retry = status.nextRetryAt
      ? ` Retrying ${formatRelative(new Date(status.nextRetryAt), now)} (${status.retriesLeft ?? 0} left).`
      : '';
    return (
      <p className="status-line status-error" role="alert">
        {status.error.message}
        {retry}
      </p>
    );
  }
  return (
    <p className="status-line muted">
      {evaluation.reason.charAt(0).toUpperCase() + evaluation.reason.slice(1)} (phase changed{' '}
      {since}){detail.plan.spec.suspend ? ' — the schedule is paused.' : '.'}
    </p>
  );
}
