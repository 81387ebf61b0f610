import { describe, expect, it } from 'vitest';
import { WEEKDAYS, planOf, win } from '../../../shared/schedule/test-fixtures';
import { hibernateConfirmation, stopsSentence } from './tray-menu';
import { createTrayQuestions, overrideQuestion } from './override-question';
import type { TrayAction } from './tray-action';
import { planSummary } from '../test-support/plan-summary';

// Weeknights 19:00 → 07:00 UTC; 2026-03-06 is a Friday, so Fri 19:00 → Mon 07:00.
const weeknights = planOf('UTC', [win('19:00', '07:00', WEEKDAYS)]);
const plan = { ...weeknights, spec: { ...weeknights.spec, targets: ['a', 'b', 'c'] } };
const detail = { plan, exceptions: [] };
const FRI_1449 = new Date('2026-03-06T14:49:00Z');
const utc = { timeZone: 'UTC' };
const ctx = { now: FRI_1449, timeFormat: utc };

type CallAction = Extract<TrayAction, { kind: 'call' }>;
const item = (call: CallAction['call'], confirm?: CallAction['confirm']): CallAction =>
  confirm ? { kind: 'call', call, confirm } : { kind: 'call', call };

describe('overrideQuestion (the tray asks before an override longer than 12 h)', () => {
  const table: Array<[string, CallAction['call'], string | null]> = [
    [
      'keep awake 1 h: short, no question',
      { method: 'keepAwake', input: { plan: 'dev-env', hours: 1 } },
      null,
    ],
    [
      'keep awake 3 h: a real override, still short',
      { method: 'keepAwake', input: { plan: 'dev-env', hours: 3 } },
      null,
    ],
    [
      'skip next sleep on a Friday: the whole weekend',
      { method: 'skipNextHibernation', input: { plan: 'dev-env' } },
      'Skip next sleep dev-env until Mon 07:00?',
    ],
    [
      'until tomorrow on a Friday: at most 24 h',
      { method: 'keepAwakeUntilTomorrow', input: { plan: 'dev-env' } },
      'Keep awake dev-env until Sat 14:49?',
    ],
    ['not an override action', { method: 'suspend', input: { plan: 'dev-env' } }, null],
  ];
  it.each(table)('%s', (_, call, title) => {
    const question = overrideQuestion(item(call), detail, ctx);
    expect(question?.title ?? null).toBe(title);
  });

  it('says the length and the cost in the window’s words, with the window’s label', () => {
    expect(
      overrideQuestion(
        item({ method: 'skipNextHibernation', input: { plan: 'dev-env' } }),
        detail,
        ctx,
      ),
    ).toEqual({
      title: 'Skip next sleep dev-env until Mon 07:00?',
      message: 'Skip next sleep dev-env until Mon 07:00?',
      detail:
        'That is 64 h 11 min and costs 60 h awake. The plan returns to its schedule afterwards.',
      confirmLabel: 'Skip next sleep',
    });
  });

  it('keeps saying what Hibernate now stops', () => {
    const question = overrideQuestion(
      item({ method: 'hibernateNow', input: { plan: 'dev-env' } }),
      detail,
      ctx,
    );
    expect(question?.title).toBe('Hibernate now dev-env until Mon 07:00?');
    expect(question?.detail.startsWith(`${stopsSentence(3)} That is `)).toBe(true);
    expect(question?.confirmLabel).toBe('Hibernate now');
  });
});

describe('createTrayQuestions', () => {
  const hibernate = item(
    { method: 'hibernateNow', input: { plan: 'dev-env' } },
    hibernateConfirmation(planSummary('dev-env', 'Active')),
  );

  it('reads the plan and asks the long question', async () => {
    const questions = createTrayQuestions({
      call: () => Promise.resolve({ ok: true, result: detail }),
      context: () => ctx,
    });
    expect((await questions(hibernate))?.title).toBe('Hibernate now dev-env until Mon 07:00?');
  });

  it('falls back to the item’s own question when the plan cannot be read', async () => {
    const refused = createTrayQuestions({
      call: () => Promise.resolve({ ok: false, error: { code: 'NOT_FOUND', message: 'gone' } }),
      context: () => ctx,
    });
    const failed = createTrayQuestions({
      call: () => Promise.reject(new Error('engine closed')),
      context: () => ctx,
    });
    expect(await refused(hibernate)).toEqual(hibernate.confirm);
    expect(await failed(hibernate)).toEqual(hibernate.confirm);
  });
});
