import { z } from 'zod';
import { DURATION_HINT, parseDuration } from '../time/duration';

/** Go-style duration fields of the plan model (`leadTime`, `awaitCompletion.timeout`). */
function durationSchema(allowEmpty: boolean) {
  return z.string().superRefine((text, ctx) => {
    if (allowEmpty && text === '') return;
    const parsed = parseDuration(text);
    if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.message });
    else if (parsed.ms <= 0)
      ctx.addIssue({ code: 'custom', message: `must be longer than zero: ${DURATION_HINT}` });
  });
}

/** A positive duration string; the text is kept as written. */
export const DurationSchema = durationSchema(false);
/** The same, where the operator lets `""` mean "use the default". */
export const DurationOrEmptySchema = durationSchema(true);
