import { z } from 'zod';

/**
 * Go-style durations as the operator writes them (`30m`, `1h30m`, `90s`, `1.5h`). Units are the
 * ones the schedule engine understands (h, m, s, ms); Go's ns/us are never useful here.
 */
const DURATION = /^(?:\d+(?:\.\d+)?(?:h|ms|m|s))+$/;
const TERM = /(\d+(?:\.\d+)?)(h|ms|m|s)/g;
const UNIT_MS: Record<string, number> = { h: 3_600_000, m: 60_000, s: 1000, ms: 1 };

/** Milliseconds, or undefined when the text is not a duration. */
export function parseDuration(text: string): number | undefined {
  if (!DURATION.test(text)) return undefined;
  let total = 0;
  for (const m of text.matchAll(TERM)) total += Number(m[1]) * (UNIT_MS[m[2] ?? 's'] ?? 1000);
  return Math.round(total);
}

const DURATION_HINT = 'write it like "30m", "1h", "1h30m" or "90s"';

function durationSchema(allowEmpty: boolean) {
  return z.string().superRefine((text, ctx) => {
    if (allowEmpty && text === '') return;
    const ms = parseDuration(text);
    if (ms === undefined)
      ctx.addIssue({ code: 'custom', message: `"${text}" is not a duration: ${DURATION_HINT}` });
    else if (ms <= 0)
      ctx.addIssue({ code: 'custom', message: `must be longer than zero: ${DURATION_HINT}` });
  });
}

/** A positive duration string; the text is kept as written. */
export const DurationSchema = durationSchema(false);
/** The same, where the operator lets `""` mean "use the default". */
export const DurationOrEmptySchema = durationSchema(true);
