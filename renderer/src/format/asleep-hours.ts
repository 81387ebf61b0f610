import { type ScheduleExceptionLike, type SchedulePlan, intervals } from '../../../shared/schedule';

/** Hours the schedule (with its exceptions) keeps the plan asleep within [from, to); null if it cannot say. */
export function asleepHours(
  plan: SchedulePlan,
  exceptions: readonly ScheduleExceptionLike[],
  from: Date,
  to: Date,
): number | null {
  try {
    let ms = 0;
    for (const iv of intervals(plan, exceptions, from, to))
      if (iv.hibernate) ms += iv.to.getTime() - iv.from.getTime();
    return ms / 3_600_000;
  } catch {
    return null;
  }
}

/** The calendar month holding `now`, in the user's local time: [first day 00:00, next month's). */
export function monthOf(now: Date): { from: Date; to: Date } {
  return {
    from: new Date(now.getFullYear(), now.getMonth(), 1),
    to: new Date(now.getFullYear(), now.getMonth() + 1, 1),
  };
}
