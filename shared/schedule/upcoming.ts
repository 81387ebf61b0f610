import { compileSchedule } from './compile-cache';
import { ScheduleError } from './errors';
import { computeLayers } from './timeline';
import type { ScheduleExceptionLike, SchedulePlan, ScheduleTransition } from './types';
import { DAY_MS, instantMs } from './zoned-time';

/** How far `upcoming` looks (semantics.md section 2). */
export const UPCOMING_HORIZON_DAYS = 366;

const FIRST_CHUNK_MS = 4 * DAY_MS;
const MAX_CHUNK_MS = 64 * DAY_MS;

/**
 * The next `n` instants strictly after `from` at which evaluate's answer changes, up to and
 * including `from` + 366 days; fewer when the answer changes fewer times in that horizon.
 * The timeline is built in growing chunks so the usual "next transition" costs a few days of work.
 */
export function upcoming(
  plan: SchedulePlan,
  exceptions: readonly ScheduleExceptionLike[],
  from: Date,
  n: number,
): ScheduleTransition[] {
  if (!Number.isInteger(n) || n < 0)
    throw new ScheduleError(
      'INVALID_ARGUMENT',
      `n must be a whole number >= 0 (got ${String(n)}).`,
    );
  const c = compileSchedule(plan, exceptions);
  const start = instantMs(from, 'from');
  const horizon = start + UPCOMING_HORIZON_DAYS * DAY_MS;
  const out: ScheduleTransition[] = [];
  if (n === 0) return out;

  let state: boolean | undefined;
  const observe = (at: number, hibernate: boolean): void => {
    if (state === undefined) state = hibernate;
    else if (hibernate !== state) {
      state = hibernate;
      if (at > start && at <= horizon)
        out.push({ at: new Date(at), operation: hibernate ? 'hibernate' : 'wakeup' });
    }
  };

  let chunkStart = start;
  let size = FIRST_CHUNK_MS;
  while (chunkStart <= horizon && out.length < n) {
    const chunkEnd = Math.min(chunkStart + size, horizon + 1);
    const { final } = computeLayers(c, chunkStart, chunkEnd);
    let pos = chunkStart;
    for (let i = 0; i < final.length; i += 2) {
      if ((final[i] as number) > pos) observe(pos, false);
      observe(final[i] as number, true);
      pos = final[i + 1] as number;
    }
    if (pos < chunkEnd) observe(pos, false);
    chunkStart = chunkEnd;
    size = Math.min(size * 2, MAX_CHUNK_MS);
  }
  return out.slice(0, n);
}
