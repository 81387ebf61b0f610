import { describe, expect, it } from 'vitest';
import {
  type ActionResult,
  OVERRIDE_ACTION_NAMES,
  type OverrideChoiceView,
} from '../../../shared/api';
import { PHASES } from '../../../shared/model/status';
import { type FakeTransport, createFakeTransport } from '../test-support/fake-transport';
import { allowedActions, defaultRequest, runOverrideRequest } from './actions';
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

describe('sending an override choice', () => {
  const result: ActionResult = { plan: 'demo', message: 'done' };
  const transport = (): FakeTransport =>
    createFakeTransport({
      hibernateNow: () => result,
      wakeNow: () => result,
      keepAwake: () => result,
      keepAwakeUntilTomorrow: () => result,
      skipNextHibernation: () => result,
    });
  const until = '2026-12-07T05:00:00Z';

  it('sends each of the five actions to its own method, with the end the choice carries', async () => {
    const fake = transport();
    for (const action of OVERRIDE_ACTION_NAMES)
      await runOverrideRequest(fake, 'demo', { action, until });
    expect(fake.calls).toEqual(
      OVERRIDE_ACTION_NAMES.map((method) => ({ method, input: { plan: 'demo', until } })),
    );
  });

  it('sends keep awake with its hours, and an action without an end as its default', async () => {
    const fake = transport();
    await runOverrideRequest(fake, 'demo', defaultRequest('keepAwake'));
    await runOverrideRequest(fake, 'demo', defaultRequest('hibernateNow'));
    expect(fake.calls).toEqual([
      { method: 'keepAwake', input: { plan: 'demo', hours: 3 } },
      { method: 'hibernateNow', input: { plan: 'demo' } },
    ]);
  });

  it('cannot be given an action outside the five (the contract types it)', () => {
    const request: OverrideChoiceView['request'] = {
      // @ts-expect-error: not an override action, so the window has nothing to send it to
      action: 'suspend',
    };
    expect(OVERRIDE_ACTION_NAMES).not.toContain(request.action);
  });
});
