import { z } from 'zod';
import { DAYS, type Day } from './constants';
import { ALWAYS } from './issue';
import { isRecord } from './raw';
import { normaliseTimeZone, suggestTimeZone } from './time-zone';

const DAY_SET: ReadonlySet<string> = new Set(DAYS);

/** `MON`..`SUN`, any case on input (`mon`, `Mon`), stored upper-case. Full names are refused with a hint. */
export const DaySchema = z.string().transform((text, ctx): Day => {
  const upper = text.trim().toUpperCase();
  if (DAY_SET.has(upper)) return upper as Day;
  ctx.addIssue({ code: 'custom', message: `"${text}" is not a day; use MON..SUN` });
  return z.NEVER;
});

const TIME = /^(\d{1,2}):(\d{2})$/;

/**
 * `HH:MM`. A one-digit hour (`7:30`, which the operator's pattern allows) is accepted and stored
 * as `07:30`, so every stored time has one spelling.
 */
function timeSchema(role: 'start' | 'end') {
  return z.string().transform((text, ctx): string => {
    const m = TIME.exec(text.trim());
    const hours = m ? Number(m[1]) : NaN;
    const minutes = m ? Number(m[2]) : NaN;
    if (role === 'end' && hours === 24 && minutes === 0) return '24:00';
    if (hours === 24 && minutes === 0) {
      ctx.addIssue({
        code: 'custom',
        message: '"24:00" can only be an end time; start at "00:00" instead',
      });
      return z.NEVER;
    }
    if (!(hours >= 0 && hours <= 23 && minutes >= 0 && minutes <= 59)) {
      const range = role === 'end' ? '00:00 and 24:00' : '00:00 and 23:59';
      ctx.addIssue({
        code: 'custom',
        message: `"${text}" is not a time: use HH:MM between ${range}, e.g. "19:00"`,
      });
      return z.NEVER;
    }
    return `${String(hours).padStart(2, '0')}:${m?.[2] ?? '00'}`;
  });
}

export const StartTimeSchema = timeSchema('start');
export const EndTimeSchema = timeSchema('end');

/** Window-level rules; they read half-parsed input so they also run next to field errors. */
function checkWindow(value: unknown, ctx: z.core.$RefinementCtx<unknown>): void {
  if (!isRecord(value)) return;
  const { start, end, daysOfWeek } = value;
  if (
    typeof start === 'string' &&
    typeof end === 'string' &&
    normaliseTime(start) === normaliseTime(end)
  ) {
    ctx.addIssue({
      code: 'custom',
      path: ['end'],
      message: `start and end are both "${start}": a window needs different start and end times (use 00:00–24:00 for a whole day)`,
    });
  }
  if (Array.isArray(daysOfWeek)) {
    const seen = new Set<string>();
    daysOfWeek.forEach((day, i) => {
      if (typeof day !== 'string') return;
      const upper = day.trim().toUpperCase();
      if (seen.has(upper)) {
        ctx.addIssue({
          code: 'custom',
          path: ['daysOfWeek', i],
          message: `"${upper}" is listed twice; remove the duplicate`,
        });
      }
      seen.add(upper);
    });
  }
}

function normaliseTime(text: string): string {
  const m = TIME.exec(text.trim());
  return m ? `${String(Number(m[1])).padStart(2, '0')}:${m[2]}` : text;
}

export const OffHourWindowSchema = z
  .object({
    start: StartTimeSchema,
    end: EndTimeSchema,
    daysOfWeek: z
      .array(DaySchema)
      .min(1, { error: 'must not be empty: list at least one day, e.g. [MON, TUE]' }),
  })
  .superRefine(checkWindow, ALWAYS);
export type OffHourWindow = z.infer<typeof OffHourWindowSchema>;

/** A real IANA zone; the case is normalised (`europe/berlin` → `Europe/Berlin`). */
export const TimeZoneSchema = z.string().transform((text, ctx): string => {
  if (text.trim() === '') {
    ctx.addIssue({
      code: 'custom',
      message: 'must not be empty: set an IANA time zone such as "Europe/Berlin"',
    });
    return z.NEVER;
  }
  const zone = normaliseTimeZone(text.trim());
  if (zone !== undefined) return zone;
  const suggestion = suggestTimeZone(text.trim());
  const hint = suggestion
    ? `did you mean "${suggestion}"?`
    : 'use an IANA name such as "Europe/Berlin" or "America/New_York"';
  ctx.addIssue({ code: 'custom', message: `"${text}" is not a known time zone: ${hint}` });
  return z.NEVER;
});

export const ScheduleSchema = z.object({
  timezone: TimeZoneSchema,
  offHours: z
    .array(OffHourWindowSchema)
    .min(1, { error: 'must not be empty: add at least one window { start, end, daysOfWeek }' }),
});
export type Schedule = z.infer<typeof ScheduleSchema>;
