import type { Phase, PlanSummary } from '../../../shared/model/status';

/** A plan-list row for tests; override what the test is about. */
export function planSummary(
  name: string,
  phase: Phase,
  overrides: Partial<PlanSummary> = {},
): PlanSummary {
  return {
    name,
    labels: {},
    phase,
    phaseSince: '2026-11-26T08:00:00.000Z',
    targetCount: 3,
    timezone: 'UTC',
    suspended: phase === 'Suspended',
    nextTransition: null,
    error: null,
    override: null,
    updatedAt: '2026-11-26T08:00:00.000Z',
    offHours: [{ start: '18:00', end: '08:00', daysOfWeek: ['MON', 'TUE', 'WED', 'THU', 'FRI'] }],
    lastResult: null,
    ...overrides,
  };
}
