import type { Transition } from '../../../shared/model/status';
import { formatInZone, formatLocalTime, formatRelative, localTimeZone } from '../format/time';

/**
 * "sleeps in 6 h 55 min · 18:00" in the user's local time; the plan's own clock is in the
 * tooltip when its zone differs (ui.md).
 */
export function NextTransition({
  transition,
  timezone,
  now,
}: {
  transition: Transition | null;
  timezone: string;
  now: Date;
}) {
  if (!transition) return <span className="muted">no change in the next year</span>;
  const at = new Date(transition.at);
  const verb = transition.operation === 'hibernate' ? 'sleeps' : 'wakes';
  const title =
    timezone !== localTimeZone()
      ? `${formatInZone(at, timezone)} in the plan's time zone (${timezone})`
      : undefined;
  return (
    <span className="next-transition tabular" title={title}>
      {verb} {formatRelative(at, now)} ·{' '}
      <time dateTime={transition.at}>{formatLocalTime(at, now)}</time>
    </span>
  );
}
