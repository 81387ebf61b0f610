import type { ScheduleException } from '../../../../shared/model';

export type ExceptionGroup = 'Active' | 'Pending' | 'Expired';
export const EXCEPTION_GROUPS: readonly ExceptionGroup[] = ['Active', 'Pending', 'Expired'];

/** Active while valid (from inclusive, until exclusive), Pending before, Expired after. */
export function groupOf(e: ScheduleException, now: Date): ExceptionGroup {
  const t = now.getTime();
  if (t >= Date.parse(e.spec.validUntil)) return 'Expired';
  if (t < Date.parse(e.spec.validFrom)) return 'Pending';
  return 'Active';
}

/**
 * The exceptions per group: Active ending soonest first, Pending starting soonest first,
 * Expired most recent first.
 */
export function groupExceptions(
  list: readonly ScheduleException[],
  now: Date,
): Record<ExceptionGroup, ScheduleException[]> {
  const out: Record<ExceptionGroup, ScheduleException[]> = { Active: [], Pending: [], Expired: [] };
  for (const e of list) out[groupOf(e, now)].push(e);
  out.Active.sort((a, b) => a.spec.validUntil.localeCompare(b.spec.validUntil));
  out.Pending.sort((a, b) => a.spec.validFrom.localeCompare(b.spec.validFrom));
  out.Expired.sort((a, b) => b.spec.validUntil.localeCompare(a.spec.validUntil));
  return out;
}

/** The exception ending at `now` (rounded to the second, as the engine writes instants). */
export function endedAt(e: ScheduleException, now: Date): ScheduleException {
  return { ...e, spec: { ...e.spec, validUntil: now.toISOString().replace(/\.\d{3}Z$/, 'Z') } };
}

/** The exception `hours` longer, kept within the 90 days an exception may last. */
export function extendedBy(e: ScheduleException, hours: number): ScheduleException {
  const from = Date.parse(e.spec.validFrom);
  const until = Math.min(Date.parse(e.spec.validUntil) + hours * 3_600_000, from + 90 * 86_400_000);
  return {
    ...e,
    spec: { ...e.spec, validUntil: new Date(until).toISOString().replace(/\.\d{3}Z$/, 'Z') },
  };
}
