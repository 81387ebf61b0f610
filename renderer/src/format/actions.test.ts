import { describe, expect, it } from 'vitest';
import { PHASES } from '../../../shared/model/status';
import { allowedActions } from './actions';
import { PHASE_WORD } from './phase';

describe('actions per phase', () => {
  it('offers Hibernate now when awake and Wake now when asleep, never both', () => {
    expect(allowedActions('Active', false)).toContain('hibernateNow');
    expect(allowedActions('Active', false)).not.toContain('wakeNow');
    expect(allowedActions('Hibernated', false)).toContain('wakeNow');
    expect(allowedActions('Hibernated', false)).not.toContain('hibernateNow');
  });

  it('offers only Resume for a paused plan, whatever its phase', () => {
    for (const phase of PHASES) expect(allowedActions(phase, true)).toEqual(['resume']);
  });

  it('offers Retry and Mark awake only when the plan needs attention or is asleep', () => {
    expect(allowedActions('Error', false)).toEqual(expect.arrayContaining(['retry', 'markAwake']));
    expect(allowedActions('Active', false)).not.toContain('retry');
    expect(allowedActions('Hibernating', false)).toEqual(['suspend']);
  });

  it('offers Back to schedule first, and only while an override is set and the plan is not paused', () => {
    expect(allowedActions('Active', false, true)[0]).toBe('backToSchedule');
    expect(allowedActions('Hibernated', false, true)[0]).toBe('backToSchedule');
    expect(allowedActions('Active', false)).not.toContain('backToSchedule');
    expect(allowedActions('Active', true, true)).toEqual(['resume']);
  });

  it('offers one Keep awake (its lengths are choices) instead of one button per length', () => {
    expect(allowedActions('Active', false)).toEqual([
      'hibernateNow',
      'skipNext',
      'keepAwake',
      'suspend',
    ]);
  });

  it('has a word for every phase', () => {
    expect(PHASES.map((p) => PHASE_WORD[p])).toEqual([
      'Awake',
      'Going to sleep…',
      'Asleep',
      'Waking up…',
      'Paused',
      'Needs attention',
    ]);
  });
});
