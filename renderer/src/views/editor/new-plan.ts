import { API_VERSION, PLAN_KIND } from '../../../../shared/model';
import type { Draft } from '../../forms/draft';

/** A starting point that is one name away from valid: weeknights and weekends asleep, one noop target. */
export function newPlanDraft(timezone: string): Draft {
  return {
    apiVersion: API_VERSION,
    kind: PLAN_KIND,
    metadata: { name: '' },
    spec: {
      schedule: {
        timezone,
        offHours: [
          { start: '19:00', end: '07:00', daysOfWeek: ['MON', 'TUE', 'WED', 'THU', 'FRI'] },
          { start: '00:00', end: '24:00', daysOfWeek: ['SAT', 'SUN'] },
        ],
      },
      execution: { strategy: { type: 'Sequential' } },
      behavior: { mode: 'Strict', retries: 3 },
      targets: [{ name: 'example', type: 'noop', parameters: {} }],
    },
  };
}
