import { useMemo } from 'react';
import {
  type DayPicture,
  type OverrideLike,
  type ScheduleExceptionLike,
  type SchedulePlan,
  evaluateDesired,
  toWallClock,
  weekPicture,
} from '../../../shared/schedule';
import { type OverrideDaySpan, overrideDaySpans } from './override-span';
import './week-picture.css';

const OVERRIDE_WORD = { hibernate: 'asleep', wakeup: 'awake' } as const;

const HOURS = Array.from({ length: 24 }, (_, h) => h);

function clock(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}

function pct(minute: number): string {
  return `${(minute / 1440) * 100}%`;
}

function describeDay(day: DayPicture, spans: readonly OverrideDaySpan[]): string {
  const asleep = day.intervals
    .filter((i) => i.hibernate)
    .map((i) => `${clock(i.startMinute)}–${clock(i.endMinute)}`);
  const base = `${day.day} ${day.date}: ${asleep.length > 0 ? `asleep ${asleep.join(', ')}` : 'awake all day'}`;
  const manual = spans
    .filter((s) => s.date === day.date)
    .map(
      (s) => `; override: ${OVERRIDE_WORD[s.phase]} ${clock(s.startMinute)}–${clock(s.endMinute)}`,
    );
  return base + manual.join('');
}

function computeWeek(
  plan: SchedulePlan,
  exceptions: readonly ScheduleExceptionLike[],
  now: Date,
): DayPicture[] | null {
  try {
    return weekPicture(plan, exceptions, now);
  } catch {
    // A draft with an invalid schedule has no picture; the editor shows the field errors instead.
    return null;
  }
}

function overrideReason(
  plan: SchedulePlan,
  exceptions: readonly ScheduleExceptionLike[],
  override: OverrideLike,
  now: Date,
): string {
  try {
    return evaluateDesired(plan, exceptions, override, now).reason;
  } catch {
    return 'manual override';
  }
}

/**
 * The current week on the plan's clock: off-hours shaded, stretches decided by an exception
 * in their own colour, the manual override drawn over the schedule it replaces, and a "now"
 * line. Positions are percentages set through React's style prop (CSSOM), which the CSP allows.
 */
export function WeekPicture({
  plan,
  exceptions,
  now,
  override = null,
}: {
  plan: SchedulePlan;
  exceptions: readonly ScheduleExceptionLike[];
  now: Date;
  /** The plan's override (PlanSummary.override shape); drawn from when it was set to its end. */
  override?: (OverrideLike & { setAt?: string | null }) | null;
}) {
  const timezone = plan.spec.schedule.timezone;
  // Recomputed per minute at most: `now` ticks, the week only changes at midnight.
  const minuteKey = Math.floor(now.getTime() / 60_000);
  const days = useMemo(
    () => computeWeek(plan, exceptions, new Date(minuteKey * 60_000)),
    [plan, exceptions, minuteKey],
  );
  if (!days) return <p className="muted">The week picture appears once the schedule is valid.</p>;
  const spans = overrideDaySpans(days, timezone, override, now);
  const reason =
    override && spans.length > 0 ? overrideReason(plan, exceptions, override, now) : '';
  let wall: { date: string; minute: number } | null = null;
  try {
    const w = toWallClock(timezone, now);
    wall = {
      date: `${w.year}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`,
      minute: w.hour * 60 + w.minute,
    };
  } catch {
    wall = null;
  }

  return (
    <figure className="week-picture" aria-label={`Week schedule in ${timezone}`}>
      <div className="week-hours" aria-hidden="true">
        <span className="week-day-label" />
        <div className="week-hour-track">
          {HOURS.filter((h) => h % 3 === 0).map((h) => (
            <span key={h} className="week-hour" style={{ left: pct(h * 60) }}>
              {String(h).padStart(2, '0')}
            </span>
          ))}
        </div>
      </div>
      <ul className="week-days">
        {days.map((day) => (
          <li key={day.date} className="week-day" aria-label={describeDay(day, spans)}>
            <span className="week-day-label" aria-hidden="true">
              {day.day} <span className="muted">{day.date.slice(5)}</span>
            </span>
            <div className="week-track" aria-hidden="true">
              {day.intervals.map((iv) => (
                <span
                  key={iv.startMinute}
                  className={`week-cell ${iv.hibernate ? 'week-asleep' : 'week-awake'} ${iv.source.kind === 'schedule' ? '' : 'week-exception'}`}
                  style={{ left: pct(iv.startMinute), width: pct(iv.endMinute - iv.startMinute) }}
                  title={`${clock(iv.startMinute)}–${clock(iv.endMinute)}: ${iv.reason}`}
                />
              ))}
              {spans
                .filter((span) => span.date === day.date)
                .map((span) => (
                  <span
                    key={`override-${span.startMinute}`}
                    className={`week-override week-override-${span.phase}`}
                    style={{
                      left: pct(span.startMinute),
                      width: pct(span.endMinute - span.startMinute),
                    }}
                    title={`${clock(span.startMinute)}–${clock(span.endMinute)}: ${reason}`}
                  />
                ))}
              {wall && wall.date === day.date && (
                <span
                  className="week-now"
                  style={{ left: pct(wall.minute) }}
                  title={`now ${clock(wall.minute)}`}
                />
              )}
            </div>
          </li>
        ))}
      </ul>
      <figcaption className="week-legend">
        <span className="legend-swatch week-asleep" /> asleep{' '}
        <span className="legend-swatch week-exception week-asleep" /> decided by an exception{' '}
        {spans.length > 0 && (
          <>
            <span
              className={`legend-swatch week-override week-override-${spans[0]?.phase ?? 'wakeup'}`}
            />{' '}
            manual override ({OVERRIDE_WORD[spans[0]?.phase ?? 'wakeup']}){' '}
          </>
        )}
        <span className="legend-swatch week-now-swatch" /> now · times in {timezone}
      </figcaption>
    </figure>
  );
}
