import { formatHumanDuration } from '../time/duration';
import { type CompiledSchedule, type CompiledWindow, windowLabel } from './compile';
import { compileSchedule } from './compile-cache';
import { contains } from './intervals';
import { type Layers, computeLayers, leadEndingAt, patternInstants, preRunEnd } from './timeline';
import type { Evaluation, IntervalSource, ScheduleExceptionLike, SchedulePlan } from './types';
import { instantMs } from './zoned-time';

/** An evaluation plus the machine-readable source the week picture colours by. */
export interface Explanation extends Evaluation {
  source: IntervalSource;
}

/**
 * What the schedule says at `instant`: hibernate or not, why, and which exceptions are in
 * effect. Exceptions of other plans are ignored.
 */
export function evaluate(
  plan: SchedulePlan,
  exceptions: readonly ScheduleExceptionLike[],
  instant: Date,
): Evaluation {
  const { hibernate, reason, activeExceptions } = explainAt(plan, exceptions, instant);
  return { hibernate, reason, activeExceptions };
}

export function explainAt(
  plan: SchedulePlan,
  exceptions: readonly ScheduleExceptionLike[],
  instant: Date,
): Explanation {
  const c = compileSchedule(plan, exceptions);
  const t = instantMs(instant);
  return explain(c, computeLayers(c, t, t + 1), t);
}

function windowAt(
  c: CompiledSchedule,
  windows: CompiledWindow[],
  t: number,
): CompiledWindow | undefined {
  return windows.find((w) => patternInstants(c, w.pattern, t, t + 1).length > 0);
}

function localStamp(c: CompiledSchedule, ms: number): string {
  return new Date(c.zone.wallAt(ms)).toISOString().slice(0, 16).replace('T', ' ');
}

/** Names the window or exception that decides the answer at `t` (which must lie in the layers' range). */
export function explain(c: CompiledSchedule, layers: Layers, t: number): Explanation {
  const active = c.exceptions.filter((e) => e.from <= t && t < e.until).map((e) => e.name);
  const answer = (
    hibernate: boolean,
    reason: string,
    source: IntervalSource,
    extra?: string,
  ): Explanation => ({
    hibernate,
    reason,
    source,
    activeExceptions: extra && !active.includes(extra) ? [...active, extra] : active,
  });

  if (contains(layers.final, t)) {
    if (contains(layers.core, t)) {
      const replace = layers.replaces.find((r) => contains(r.set, t));
      if (replace) {
        const w = windowAt(c, replace.ex.windows, t);
        const label = w ? `window ${w.number} (${windowLabel(w)}) of ` : '';
        return answer(true, `${label}replacing exception ${replace.ex.name}`, {
          kind: 'replace',
          exception: replace.ex.name,
          ...(w ? { window: w.number } : {}),
        });
      }
      const w = windowAt(c, c.windows, t);
      return answer(true, w ? `off-hours window ${w.number} (${windowLabel(w)})` : 'off-hours', {
        kind: 'schedule',
        ...(w ? { window: w.number } : {}),
      });
    }
    const extend = layers.extends.find((l) => contains(l.set, t));
    const name = extend ? extend.ex.name : 'unknown';
    const w = extend ? windowAt(c, extend.ex.windows, t) : undefined;
    return answer(true, `extended by exception ${name}${w ? ` (${windowLabel(w)})` : ''}`, {
      kind: 'extend',
      exception: name,
      ...(w ? { window: w.number } : {}),
    });
  }

  const runEnd = preRunEnd(layers, t);
  if (runEnd !== undefined) {
    const lead = leadEndingAt(layers.suspends, runEnd);
    const name = lead ? lead.ex.name : 'unknown';
    const span = lead ? ` (${formatHumanDuration(lead.ex.leadMs)})` : '';
    return answer(
      false,
      `lead time${span} before suspension by exception ${name} at ${localStamp(c, runEnd)}`,
      { kind: 'lead-time', exception: name },
      name,
    );
  }
  const suspend = layers.suspends.find((l) => contains(l.set, t));
  if (suspend && (contains(layers.core, t) || contains(layers.extend, t))) {
    return answer(false, `suspended by exception ${suspend.ex.name}`, {
      kind: 'suspend',
      exception: suspend.ex.name,
    });
  }
  const replace =
    layers.replaces[0] && contains(layers.replaceValid, t)
      ? layers.replaces.find((r) => r.ex.from <= t && t < r.ex.until)
      : undefined;
  if (replace) {
    return answer(false, `awake: outside the windows of replacing exception ${replace.ex.name}`, {
      kind: 'replace',
      exception: replace.ex.name,
    });
  }
  return answer(false, 'awake: outside off-hours', { kind: 'schedule' });
}
