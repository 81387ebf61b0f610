import { describe, expect, it } from 'vitest';
import { describeEvent, planOf } from './describe-event';

describe('activity lines', () => {
  it('says phase changes with the phase words of the UI', () => {
    const line = describeEvent({
      type: 'PhaseChanged',
      plan: 'demo',
      from: 'Active',
      to: 'Hibernating',
      cycleId: 'c',
      operation: 'shutdown',
      reason: 'off-hours',
      at: '2026-11-26T18:00:00Z',
    });
    expect(line).toBe('demo: Awake → Going to sleep… (off-hours)');
  });

  it('says how many retries a failure has left', () => {
    const line = describeEvent({
      type: 'Failure',
      plan: 'qa',
      error: {
        code: 'X',
        message: 'RDS payments-db is in state maintenance',
        transient: true,
        operation: 'wakeup',
        at: '',
      },
      retriesLeft: 2,
    });
    expect(line).toBe(
      'qa needs attention: RDS payments-db is in state maintenance (2 retries left)',
    );
  });

  it('links plan events to their plan and others to none', () => {
    expect(planOf({ type: 'Recovery', plan: 'demo', message: 'ok' })).toBe('demo');
    expect(planOf({ type: 'SettingsChanged' })).toBeNull();
  });
});
