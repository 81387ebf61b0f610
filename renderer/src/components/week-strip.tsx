import {
  DAYS,
  type DayPicture,
  type ScheduleExceptionLike,
  toWallClock,
  weekPicture,
} from '../../../shared/schedule';
import type { PlanSummary } from '../../../shared/model/status';
import { overrideDaySpans } from './override-span';
import './week-strip.css';

type Day = (typeof DAYS)[number];

function isDay(value: string): value is Day {
  return DAYS.some((d) => d === value);
}

/** Pictures survive a row scrolling out of the window and back; the key holds all they depend on. */
const cache = new Map<string, DayPicture[] | null>();
const CACHE_LIMIT = 2000;

function pictureOf(
  plan: Pick<PlanSummary, 'name' | 'timezone' | 'offHours'>,
  exceptions: readonly ScheduleExceptionLike[],
  weekOf: Date,
  key: string,
): DayPicture[] | null {
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  let days: DayPicture[] | null;
  try {
    const offHours = plan.offHours.map((w) => ({ ...w, daysOfWeek: w.daysOfWeek.filter(isDay) }));
    days = weekPicture(
      { metadata: { name: plan.name }, spec: { schedule: { timezone: plan.timezone, offHours } } },
      exceptions,
      weekOf,
    );
  } catch {
    days = null;
  }
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, days);
  return days;
}

function hours(days: readonly DayPicture[]): number {
  let minutes = 0;
  for (const d of days)
    for (const iv of d.intervals) if (iv.hibernate) minutes += iv.endMinute - iv.startMinute;
  return Math.round(minutes / 60);
}

/**
 * The plan's week in one small bar (Monday to Sunday, its own time zone): asleep stretches
 * shaded, exceptions hatched, the manual override as a band over the schedule, a mark at
 * "now". Drawn in a 7 × 1 SVG space, one unit per day.
 */
export function WeekStrip({
  plan,
  exceptions,
  now,
}: {
  plan: Pick<PlanSummary, 'name' | 'timezone' | 'offHours'> & {
    override?: PlanSummary['override'];
  };
  exceptions: readonly ScheduleExceptionLike[];
  now: Date;
}) {
  // One picture per plan-week: `now` ticks every 30 s, the stretches change at most per hour.
  const hourKey = Math.floor(now.getTime() / 3_600_000);
  const key = JSON.stringify([
    plan.name,
    plan.timezone,
    plan.offHours,
    exceptions.map((e) => [e.metadata.name, e.spec]),
    hourKey,
  ]);
  const days = pictureOf(plan, exceptions, new Date(hourKey * 3_600_000), key);
  if (!days) return <span className="muted week-strip-none">no valid schedule</span>;
  const spans = overrideDaySpans(days, plan.timezone, plan.override ?? null, now);
  let nowX: number | null = null;
  try {
    const w = toWallClock(plan.timezone, now);
    const date = `${w.year}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;
    const index = days.findIndex((d) => d.date === date);
    if (index >= 0) nowX = index + (w.hour * 60 + w.minute) / 1440;
  } catch {
    nowX = null;
  }
  return (
    <svg
      className="week-strip"
      viewBox="0 0 7 1"
      preserveAspectRatio="none"
      role="img"
      aria-label={`Asleep ${hours(days)} h this week${spans.length > 0 ? `; manual override ${spans[0]?.phase === 'hibernate' ? 'asleep' : 'awake'}` : ''} (${plan.timezone})`}
    >
      <rect className="week-strip-awake" x="0" y="0" width="7" height="1" />
      {days.map((d, i) =>
        d.intervals
          .filter((iv) => iv.hibernate || iv.source.kind !== 'schedule')
          .map((iv) => (
            <rect
              key={`${i}-${iv.startMinute}`}
              className={`${iv.hibernate ? 'week-strip-asleep' : 'week-strip-kept'}${iv.source.kind === 'schedule' ? '' : ' week-strip-exception'}`}
              x={i + iv.startMinute / 1440}
              y="0"
              width={(iv.endMinute - iv.startMinute) / 1440}
              height="1"
            />
          )),
      )}
      {spans.map((span) => {
        const i = days.findIndex((d) => d.date === span.date);
        return (
          <rect
            key={`override-${span.date}`}
            className={`week-strip-override week-strip-override-${span.phase}`}
            x={i + span.startMinute / 1440}
            y="0.15"
            width={(span.endMinute - span.startMinute) / 1440}
            height="0.7"
          />
        );
      })}
      {[1, 2, 3, 4, 5, 6].map((x) => (
        <line key={x} className="week-strip-day" x1={x} x2={x} y1="0" y2="1" />
      ))}
      {nowX !== null && <line className="week-strip-now" x1={nowX} x2={nowX} y1="0" y2="1" />}
    </svg>
  );
}
