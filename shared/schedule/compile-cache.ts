import { type CompiledSchedule, compilePlan } from './compile';
import type { OffHourWindow, ScheduleExceptionLike, SchedulePlan } from './types';

const WINDOW_MARK = '\u0001w';
const EXCEPTION_MARK = '\u0001e';
const END_MARK = '\u0001z';

/**
 * Calls `visit` with every schedule-relevant string of a plan and its exceptions, in a fixed
 * order with structure markers; stops early when `visit` returns false. Used both to record a
 * fingerprint and to compare against one without allocating.
 */
function visitFields(
  plan: SchedulePlan,
  exceptions: readonly ScheduleExceptionLike[],
  visit: (s: string) => boolean,
): boolean {
  const visitWindows = (windows: readonly OffHourWindow[] | undefined): boolean => {
    for (const w of windows ?? []) {
      if (!visit(WINDOW_MARK) || !visit(w.start) || !visit(w.end)) return false;
      for (const d of w.daysOfWeek ?? []) if (!visit(d)) return false;
    }
    return visit(END_MARK);
  };
  const planName = plan.metadata.name;
  if (
    !visit(planName) ||
    !visit(plan.spec.schedule.timezone) ||
    !visitWindows(plan.spec.schedule.offHours)
  )
    return false;
  for (const ex of exceptions) {
    if (ex.spec.planRef.name !== planName) continue;
    const s = ex.spec;
    if (
      !visit(EXCEPTION_MARK) ||
      !visit(ex.metadata.name) ||
      !visit(s.type) ||
      !visit(s.validFrom) ||
      !visit(s.validUntil)
    )
      return false;
    if (!visit(s.leadTime ?? '') || !visitWindows(s.windows)) return false;
  }
  return visit(END_MARK);
}

interface CacheEntry {
  fields: string[];
  compiled: CompiledSchedule;
}

const CACHE_LIMIT = 128;
const byContent = new Map<string, CacheEntry>();
const byPlanObject = new WeakMap<object, CacheEntry>();

function sameFields(
  entry: CacheEntry,
  plan: SchedulePlan,
  exceptions: readonly ScheduleExceptionLike[],
): boolean {
  let i = 0;
  const fields = entry.fields;
  return visitFields(plan, exceptions, (s) => fields[i++] === s) && i === fields.length;
}

/**
 * Compiled form of a plan + exceptions, memoised on their schedule-relevant content, never on
 * object identity alone: a plan edited in place must miss, and one read fresh from the database
 * must hit. The per-object entry is only a shortcut that is re-verified field by field.
 */
export function compileSchedule(
  plan: SchedulePlan,
  exceptions: readonly ScheduleExceptionLike[],
): CompiledSchedule {
  const recent = byPlanObject.get(plan);
  if (recent && sameFields(recent, plan, exceptions)) return recent.compiled;
  const fields: string[] = [];
  visitFields(plan, exceptions, (s) => {
    fields.push(String(s));
    return true;
  });
  const key = fields.join('\u0000');
  let entry = byContent.get(key);
  if (entry) {
    byContent.delete(key);
  } else {
    entry = { fields, compiled: compilePlan(plan, exceptions) };
    if (byContent.size >= CACHE_LIMIT) {
      const oldest = byContent.keys().next();
      if (!oldest.done) byContent.delete(oldest.value);
    }
  }
  byContent.set(key, entry);
  byPlanObject.set(plan, entry);
  return entry.compiled;
}
