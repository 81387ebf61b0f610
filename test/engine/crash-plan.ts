import { planObject } from './harness';

/** Three targets one after the other; the schedule never sleeps, only manual holds move it. */
export const CRASH_PLAN = planObject({
  targets: ['a', 'b', 'c'],
  strategy: { type: 'Sequential' },
  offHours: [{ start: '00:00', end: '00:01', daysOfWeek: ['SUN'] }],
});

export const CRASH_WORLD = {
  a: { 'a-1': { running: true, size: 2 } },
  b: { 'b-1': { running: true, size: 4 }, 'b-2': { running: false, size: 1 } },
  c: { 'c-1': { running: true, size: 8 } },
};
