import { describe, expect, it } from 'vitest';
import type { ActionResult } from '../../../shared/api/contract';
import type { ActionOutcome } from '../action-runner';
import { actionNotification } from './action-notification';
import type { TextContext } from './notification-text';

const now = new Date('2026-11-27T14:49:00Z');
const ctx = (buttons: boolean): TextContext => ({
  now,
  timeFormat: { timeZone: 'UTC' },
  plans: new Map(),
  buttons,
});

const awake: ActionResult = {
  plan: 'dev-env',
  message: 'dev-env stays awake until 2026-11-27T17:49:00Z (3 h; costs 3 h awake).',
  override: {
    phase: 'wakeup',
    until: '2026-11-27T17:49:00Z',
    setAt: '2026-11-27T14:49:00Z',
    by: 'tray',
    byUser: 'ana@laptop',
    byYou: true,
    durationMs: 3 * 3_600_000,
  },
  previousOverride: null,
  consequence: { kind: 'costs', deltaMs: -3 * 3_600_000, text: 'costs 3 h awake' },
};
const keep: ActionOutcome = {
  call: { method: 'keepAwake', input: { plan: 'dev-env', hours: 3 } },
  ok: true,
  result: awake,
};
const undo = { kind: 'call', call: { method: 'undoOverride', input: { plan: 'dev-env' } } };

describe('actionNotification', () => {
  it('says what the override is now and what it costs, with Undo where the OS shows buttons', () => {
    expect(actionNotification(keep, ctx(true), 1)).toEqual({
      kind: 'actions',
      key: 'action:keepAwake:dev-env:1',
      group: 'plan:dev-env',
      title: 'dev-env awake until 17:49 · back on schedule after',
      body: 'This costs 3 h awake.',
      click: { kind: 'open', plan: 'dev-env' },
      buttons: [{ label: 'Undo', action: undo }],
    });
  });

  it('without buttons, a click opens the plan', () => {
    const spec = actionNotification(keep, ctx(false), 1);
    expect(spec?.buttons).toEqual([]);
    expect(spec?.body).toBe('This costs 3 h awake. Click to open it in Hibernator.');
    expect(spec?.click).toEqual({ kind: 'open', plan: 'dev-env' });
  });

  it('says "back on schedule" when the action cleared the override, and offers Undo', () => {
    const spec = actionNotification(
      {
        call: { method: 'clearOverride', input: { plan: 'dev-env' } },
        ok: true,
        result: { ...awake, override: null, consequence: undefined },
      },
      ctx(true),
      2,
    );
    expect(spec).toMatchObject({ title: 'dev-env is back on schedule', body: '' });
    expect(spec?.buttons.map((b) => b.label)).toEqual(['Undo']);
  });

  it('offers no Undo of an Undo', () => {
    const spec = actionNotification(
      { call: { method: 'undoOverride', input: { plan: 'dev-env' } }, ok: true, result: awake },
      ctx(true),
      3,
    );
    expect(spec?.title).toBe('dev-env awake until 17:49 · back on schedule after');
    expect(spec?.buttons).toEqual([]);
  });

  it("gives a refusal in the API's words, never silently", () => {
    expect(
      actionNotification(
        {
          call: { method: 'hibernateNow', input: { plan: 'dev-env' } },
          ok: false,
          message: 'Plan dev-env is WakingUp; wait for it to finish or suspend it.',
        },
        ctx(true),
        4,
      ),
    ).toMatchObject({
      title: 'Hibernator could not do that',
      body: 'Plan dev-env is WakingUp; wait for it to finish or suspend it.',
      group: 'plan:dev-env',
      buttons: [],
    });
  });

  it("says other plan actions in the engine's words, and nothing for settings the menu shows", () => {
    expect(
      actionNotification(
        {
          call: { method: 'suspend', input: { plan: 'dev-env' } },
          ok: true,
          result: { plan: 'dev-env', message: 'dev-env is paused.' },
        },
        ctx(true),
        5,
      ),
    ).toMatchObject({ title: 'dev-env', body: 'dev-env is paused.', buttons: [] });
    expect(
      actionNotification(
        { call: { method: 'pauseAll', input: { paused: true } }, ok: true, result: {} },
        ctx(true),
        6,
      ),
    ).toBeNull();
  });
});
