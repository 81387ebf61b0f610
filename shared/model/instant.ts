import { z } from 'zod';

// RFC 3339 (what the operator's metav1.Time accepts): seconds required, an offset required.
const RFC3339 =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?([Zz]|([+-])(\d{2}):(\d{2}))$/;

/** Epoch milliseconds of an RFC 3339 instant, or undefined when it is not one (or not a real date). */
export function parseInstant(text: string): number | undefined {
  const m = RFC3339.exec(text);
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6]].map(
    Number,
  ) as [number, number, number, number, number, number];
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) return undefined;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > daysInMonth) return undefined;
  let offsetMinutes = 0;
  if (m[9] !== undefined) {
    const oh = Number(m[10]);
    const om = Number(m[11]);
    if (oh > 23 || om > 59) return undefined;
    offsetMinutes = (m[9] === '-' ? -1 : 1) * (oh * 60 + om);
  }
  const fraction = m[7] ? Math.floor(Number(`0${m[7]}`) * 1000) : 0;
  return Date.UTC(year, month - 1, day, hour, minute, second, fraction) - offsetMinutes * 60_000;
}

export const INSTANT_HINT =
  'write an ISO-8601 instant with a time zone, such as 2026-12-24T18:00:00Z or 2026-12-24T19:00:00+01:00';

/**
 * An instant as text (kept as written: the offset the author chose is meaningful to them).
 * A `Date` (from code, not YAML) is accepted and stored in UTC.
 */
export const InstantSchema = z.preprocess(
  (v) => (v instanceof Date && !Number.isNaN(v.getTime()) ? v.toISOString() : v),
  z.string().superRefine((text, ctx) => {
    if (parseInstant(text) === undefined)
      ctx.addIssue({
        code: 'custom',
        message: `"${text}" is not a valid instant: ${INSTANT_HINT}`,
      });
  }),
);
