import { expect, it } from 'vitest';
import { evaluate } from './evaluate';
import type {
  Day,
  ExceptionType,
  OffHourWindow,
  ScheduleExceptionLike,
  SchedulePlan,
} from './types';
import { upcoming } from './upcoming';

/** Compact builders and a table runner for the schedule tests. Not exported from the package index. */

export const WEEKDAYS: Day[] = ['MON', 'TUE', 'WED', 'THU', 'FRI'];
export const EVERY_DAY: Day[] = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'];

export function win(start: string, end: string, daysOfWeek: Day[]): OffHourWindow {
  return { start, end, daysOfWeek };
}

export function planOf(
  timezone: string,
  offHours: OffHourWindow[],
  name = 'dev-env',
): SchedulePlan {
  return { metadata: { name }, spec: { schedule: { timezone, offHours } } };
}

export interface ExceptionInput {
  type: ExceptionType;
  validFrom: string;
  validUntil: string;
  windows: OffHourWindow[];
  leadTime?: string;
  name?: string;
  plan?: string;
}

export function exceptionOf(input: ExceptionInput, index = 0): ScheduleExceptionLike {
  return {
    metadata: { name: input.name ?? `${input.type}-${index}` },
    spec: {
      planRef: { name: input.plan ?? 'dev-env' },
      type: input.type,
      validFrom: input.validFrom,
      validUntil: input.validUntil,
      ...(input.leadTime ? { leadTime: input.leadTime } : {}),
      windows: input.windows,
    },
  };
}

export function at(iso: string): Date {
  return new Date(iso);
}

/** ISO string without milliseconds, as the spec vectors write instants. */
export function iso(d: Date): string {
  return d.toISOString().replace('.000Z', 'Z');
}

/** A validity covering the first quarter of 2026, for exceptions whose validity is not the point. */
export const Q1 = { validFrom: '2026-01-01T00:00:00Z', validUntil: '2026-03-31T00:00:00Z' };
export const WEEKNIGHTS = win('20:00', '06:00', WEEKDAYS);

/** One row of a behaviour table: a plan, its exceptions and what must hold. */
export interface ScheduleCase {
  name: string;
  tz?: string;
  windows: OffHourWindow[];
  exceptions?: ExceptionInput[];
  /** [instant, hibernate] pairs. */
  expect: Array<[string, boolean]>;
  /** Optional: upcoming(from, n) as [iso, operation] pairs. */
  next?: { from: string; n: number; expect: Array<[string, 'hibernate' | 'wakeup']> };
}

/** One `it()` per row, named after the row. */
export function runCases(cases: ScheduleCase[]): void {
  for (const c of cases) {
    it(c.name, () => {
      const plan = planOf(c.tz ?? 'UTC', c.windows);
      const exceptions = (c.exceptions ?? []).map((e, i) => exceptionOf(e, i));
      for (const [instant, hibernate] of c.expect) {
        expect({ instant, hibernate: evaluate(plan, exceptions, at(instant)).hibernate }).toEqual({
          instant,
          hibernate,
        });
      }
      if (c.next) {
        const got = upcoming(plan, exceptions, at(c.next.from), c.next.n).map((t) => [
          iso(t.at),
          t.operation,
        ]);
        expect(got).toEqual(c.next.expect);
      }
    });
  }
}
