import { fixtureText } from './fixtures';

const DAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'] as const;

/**
 * The noop fixture with its off-hours moved to one hour three days from now, so the plan is
 * awake when the test starts whatever the time of day it runs.
 */
export function awakeNoopPlan(name = 'demo'): string {
  const day = DAYS[(new Date().getUTCDay() + 3) % 7] ?? 'SUN';
  const text = fixtureText('plans/sequential-noop.yaml').replace(
    / {4}offHours:\n(?: {6}.*\n)+/,
    `    offHours:\n      - { start: "01:00", end: "02:00", daysOfWeek: [${day}] }\n`,
  );
  if (!text.includes(`daysOfWeek: [${day}]`))
    throw new Error('the fixture changed: could not replace its offHours');
  return text.replace(/name: demo\n/, `name: ${name}\n`);
}
