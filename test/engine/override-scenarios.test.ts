import { afterEach, describe, expect, it } from 'vitest';
import type { Plan } from '../../shared/model';
import { readOverride } from '../../shared/model/override';
import { hibernateUntil, wakeUntil } from '../../shared/schedule';
import { HOLD_MIGRATION_FLAG } from '../../main/engine/lifecycle/hold-migration';
import { localUser } from '../../main/engine/host/local-user';
import { FakeWorld } from './fake-world';
import { planObject, startTestEngine, type TestEngine } from './harness';

let t: TestEngine | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

async function engineAt(start: string, extra: Partial<Parameters<typeof planObject>[0]> = {}) {
  const engine = await startTestEngine(start, new FakeWorld().add('web', 'i-1', true));
  t = engine;
  await engine.call('applyPlan', { plan: planObject({ targets: ['web'], ...extra }) });
  await engine.settle();
  return engine;
}

async function overrideOf(e: TestEngine): Promise<string | null> {
  const plan = (await e.call('getPlan', { name: 'dev' })).plan;
  const { override } = readOverride(plan.metadata.annotations);
  return override ? `${override.phase} until ${override.until}` : null;
}

/** Weeknights, and the whole weekend (Fri 20:00 → Mon 06:00), like the issue's plan. */
const WEEKEND = [
  { start: '20:00', end: '06:00', daysOfWeek: ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SUN'] },
  { start: '00:00', end: '24:00', daysOfWeek: ['SAT', 'SUN'] },
];

describe('issue 12: Friday 14:49, hibernate now → wake now → hibernate now', () => {
  it('keeps at most one override, creates no exception, never fails, and the weekend sleeps as scheduled', async () => {
    const e = await engineAt('2026-01-30T14:49:00Z', { offHours: WEEKEND });
    const first = await e.call('hibernateNow', { plan: 'dev' });
    expect(first.override?.until).toBe('2026-02-02T06:00:00Z');
    await e.settle();
    expect(await e.phase()).toBe('Hibernated');
    const woken = await e.call('wakeNow', { plan: 'dev' });
    expect(woken.override).toBeNull();
    expect(woken.previousOverride?.phase).toBe('hibernate');
    await e.settle();
    expect(await e.phase()).toBe('Active');
    expect(await overrideOf(e)).toBeNull();
    const again = await e.call('hibernateNow', { plan: 'dev' });
    expect(again.override?.phase).toBe('hibernate');
    await e.settle();
    expect(await overrideOf(e)).toBe('hibernate until 2026-02-02T06:00:00Z');
    // "Keep awake 3 h" at 17:30 before the 20:00 sleep is a real override, and it ends.
    await e.advanceTo('2026-01-30T17:30:00Z');
    const kept = await e.call('keepAwake', { plan: 'dev', hours: 3 });
    expect(kept.override?.until).toBe('2026-01-30T20:30:00Z');
    await e.settle();
    expect(await e.phase()).toBe('Active');
    expect(await e.call('listExceptions', {})).toEqual([]);
    await e.advanceTo('2026-01-30T20:29:00Z');
    expect(await e.phase()).toBe('Active');
    await e.advanceTo('2026-01-30T20:30:00Z');
    expect(await e.phase()).toBe('Hibernated');
    expect(await overrideOf(e)).toBeNull();
    await e.advanceTo('2026-02-01T12:00:00Z');
    expect(await e.phase()).toBe('Hibernated');
    await e.advanceTo('2026-02-02T06:00:00Z');
    expect(await e.phase()).toBe('Active');
    expect(await e.call('listExceptions', {})).toEqual([]);
  });
});

describe('the desired state drives timers, heads-up, catch-up and upcoming', () => {
  it('a timer fires at override-until: the plan follows the schedule again and the override is removed', async () => {
    const e = await engineAt('2026-01-28T12:00:00Z');
    await e.call('hibernateNow', { plan: 'dev', until: '2026-01-28T15:00:00Z' });
    await e.settle();
    expect(await e.phase()).toBe('Hibernated');
    const detail = await e.call('getPlan', { name: 'dev' });
    expect(detail.evaluation.reason).toContain('manual override');
    expect(detail.upcoming[0]).toEqual({ at: '2026-01-28T15:00:00.000Z', operation: 'wakeup' });
    const changedBefore = e.eventsOf('PlanChanged').length;
    await e.advanceTo('2026-01-28T15:00:00Z');
    expect(await e.phase()).toBe('Active');
    expect(await overrideOf(e)).toBeNull();
    expect(e.eventsOf('PlanChanged').length).toBeGreaterThan(changedBefore);
    expect((await e.call('listPlans', {}))[0]?.nextTransition).toEqual({
      at: '2026-01-28T20:00:00.000Z',
      operation: 'hibernate',
    });
  });

  it('the heads-up announces the override ending into sleep, not the sleep it suppressed', async () => {
    const e = await engineAt('2026-01-28T19:00:00Z');
    await e.call('keepAwake', { plan: 'dev', until: '2026-01-28T22:00:00Z' });
    await e.advanceTo('2026-01-28T19:55:00Z');
    await e.advanceTo('2026-01-28T20:01:00Z');
    expect(e.eventsOf('HeadsUp')).toEqual([]);
    expect(await e.phase()).toBe('Active');
    await e.advanceTo('2026-01-28T21:50:00Z');
    expect(e.eventsOf('HeadsUp')).toEqual([
      {
        type: 'HeadsUp',
        plan: 'dev',
        at: '2026-01-28T22:00:00.000Z',
        minutes: 10,
        overrideEnds: true,
      },
    ]);
    // "Keep it" extends by the original length (3 h).
    const kept = await e.call('keepOverride', { plan: 'dev' });
    expect(kept.override?.until).toBe('2026-01-29T01:00:00Z');
  });

  it('a transition the override suppressed is not reported as missed after the computer slept', async () => {
    const e = await engineAt('2026-01-28T19:00:00Z');
    await e.call('keepAwake', { plan: 'dev', until: '2026-01-28T22:00:00Z' });
    await e.settle();
    e.clock.sleep(2 * 3_600_000);
    await e.advance(30_000);
    expect(await e.phase()).toBe('Active');
    expect(e.eventsOf('CaughtUp')).toEqual([]);
  });
});

describe('never a 500 on user input', () => {
  it.each([
    ['1970-01-01T00:00:00Z', /not in the future/],
    ['9999-12-31T00:00:00Z', /more than 366 days ahead/],
  ])('hibernateNow with until %s answers 400 naming until', async (until, message) => {
    const e = await engineAt('2026-01-28T12:00:00Z');
    const result = await e.engine.call('hibernateNow', { plan: 'dev', until });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('INVALID_INPUT');
    expect(result.error.message).toMatch(message);
    expect(result.error.issues?.map((i) => i.path)).toEqual(['until']);
    expect(await overrideOf(e)).toBeNull();
  });

  it('a malformed until answers 400 naming until', async () => {
    const e = await engineAt('2026-01-28T12:00:00Z');
    const result = await e.engine.call('wakeNow', { plan: 'dev', until: 'tomorrow' });
    expect(result.ok ? null : result.error.issues?.[0]?.path).toBe('until');
  });

  it('skipNextHibernation on a plan asleep all day every day keeps it awake for the setting', async () => {
    const e = await engineAt('2026-01-28T12:00:00Z', {
      offHours: [
        {
          start: '00:00',
          end: '24:00',
          daysOfWeek: ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'],
        },
      ],
    });
    expect(await e.phase()).toBe('Hibernated');
    const result = await e.call('skipNextHibernation', { plan: 'dev' });
    expect(result.override?.until).toBe('2026-01-28T15:00:00Z');
    await e.settle();
    expect(await e.phase()).toBe('Active');
  });

  it('hibernateNow on a plan in Error whose schedule says hibernate starts the shutdown', async () => {
    const world = new FakeWorld()
      .add('web', 'i-1', true)
      .script('web', { errors: [{ code: 'AccessDenied', transient: false, on: 'shutdown' }] });
    const e = await startTestEngine('2026-01-28T12:00:00Z', world);
    t = e;
    await e.call('applyPlan', { plan: planObject({ targets: ['web'] }) });
    await e.advanceTo('2026-01-28T20:00:00Z');
    expect(await e.phase()).toBe('Error');
    expect((await e.status()).error?.message).not.toMatch(/will be retried/);
    const result = await e.call('hibernateNow', { plan: 'dev' });
    expect(result.message).toContain('The shutdown starts now');
    await e.settle();
    expect(await e.phase()).toBe('Hibernated');
  });

  it('expected refusals are answered, not logged as errors', async () => {
    const e = await engineAt('2026-01-28T12:00:00Z');
    const refused = await e.engine.call('undoOverride', { plan: 'dev' });
    expect(refused.ok).toBe(false);
    await e.settle();
    const lines = (e.engine.logger as unknown as { lines: Array<{ level: string }> }).lines;
    expect(lines.filter((l) => l.level === 'error')).toEqual([]);
  });
});

describe('the plan list shows the override with its length', () => {
  it('carries the length the override was set for, so the tray can say "awake until 06:00 — 18 h"', async () => {
    const e = await engineAt('2026-01-28T12:00:00Z');
    await e.call('keepAwakeUntilTomorrow', { plan: 'dev' });
    await e.settle();
    expect((await e.call('listPlans', {}))[0]?.override).toMatchObject({
      phase: 'wakeup',
      until: '2026-01-29T06:00:00Z',
      durationMs: 18 * 3_600_000,
    });
  });
});

describe('who set the override', () => {
  it('records the caller the host names, shows it the same in the list, the detail and the answer, and keeps it over a restart', async () => {
    const e = await engineAt('2026-01-28T12:00:00Z');
    const answer = await e.call(
      'hibernateNow',
      { plan: 'dev', until: '2026-01-28T15:00:00Z' },
      { origin: 'tray', user: 'someone@elsewhere' },
    );
    await e.settle();
    const expected = { by: 'tray', byUser: 'someone@elsewhere', byYou: false };
    expect(answer.override).toMatchObject(expected);
    expect((await e.call('listPlans', {}))[0]?.override).toMatchObject(expected);
    const detail = await e.call('getPlan', { name: 'dev' });
    expect(detail.override).toEqual((await e.call('listPlans', {}))[0]?.override);
    await e.restart();
    expect((await e.call('getPlan', { name: 'dev' })).override).toMatchObject(expected);
  });

  it('is "by you" when the caller is the account the engine runs as', async () => {
    const e = await engineAt('2026-01-28T12:00:00Z');
    const me = localUser();
    if (me === null) return; // an OS that names no account: nothing to compare (see local-user.test.ts)
    await e.call('hibernateNow', { plan: 'dev' }, { origin: 'cli', user: me });
    expect((await e.call('getPlan', { name: 'dev' })).override).toMatchObject({
      by: 'cli',
      byUser: me,
      byYou: true,
    });
  });

  it('without a caller the origin is unknown, stored as earlier versions did ("user")', async () => {
    const e = await engineAt('2026-01-28T12:00:00Z');
    await e.call('hibernateNow', { plan: 'dev' });
    expect((await e.call('getPlan', { name: 'dev' })).override).toMatchObject({
      by: 'user',
      byUser: null,
      byYou: false,
    });
  });

  it('the detail has no override once it ended, like the list', async () => {
    const e = await engineAt('2026-01-28T12:00:00Z');
    await e.call('hibernateNow', { plan: 'dev', until: '2026-01-28T13:00:00Z' });
    await e.settle();
    expect((await e.call('getPlan', { name: 'dev' })).override).not.toBeNull();
    await e.advanceTo('2026-01-28T13:30:00Z');
    expect((await e.call('getPlan', { name: 'dev' })).override).toBeNull();
  });
});

describe('editing and importing keep the stored override', () => {
  it('saving the plan without override annotations keeps it; changed annotations are adopted', async () => {
    const e = await engineAt('2026-01-28T12:00:00Z');
    await e.call('keepAwakeUntilTomorrow', { plan: 'dev' });
    await e.call('applyPlan', { plan: planObject({ targets: ['web'] }) });
    await e.settle();
    expect(await overrideOf(e)).toBe('wakeup until 2026-01-29T06:00:00Z');
    expect((await e.call('listPlans', {}))[0]?.override?.by).toBe('user');
    const edited = planObject({ targets: ['web'] }) as { metadata: Plan['metadata'] };
    edited.metadata.annotations = {
      'hibernator.ardikabs.com/override-action': 'true',
      'hibernator.ardikabs.com/override-phase-target': 'hibernate',
      'hibernator.ardikabs.com/override-until': '2026-01-28T18:00:00Z',
    };
    await e.call('applyPlan', { plan: edited });
    await e.settle();
    expect(await overrideOf(e)).toBe('hibernate until 2026-01-28T18:00:00Z');
    expect(await e.phase()).toBe('Hibernated');
  });

  it('a plan with a malformed override annotation is refused, naming the annotation', async () => {
    const e = await engineAt('2026-01-28T12:00:00Z');
    const bad = planObject({ targets: ['web'] }) as { metadata: Plan['metadata'] };
    bad.metadata.annotations = {
      'hibernator.ardikabs.com/override-action': 'true',
      'hibernator.ardikabs.com/override-phase-target': 'sleep',
    };
    const result = await e.engine.call('applyPlan', { plan: bad });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('INVALID_PLAN');
    expect(result.error.issues?.map((i) => i.path).join(' ')).toContain('override-phase-target');
  });

  it('re-importing the exported YAML keeps the override; export warns when it is left out', async () => {
    const e = await engineAt('2026-01-28T12:00:00Z');
    await e.call('keepAwakeUntilTomorrow', { plan: 'dev' });
    const exported = await e.call('exportYaml', {});
    expect(exported.yaml).toContain('override-until: "2026-01-29T06:00:00Z"');
    expect(exported.warnings?.length).toBeGreaterThan(0);
    const imported = await e.call('importYaml', { yaml: exported.yaml });
    expect(imported.ok).toBe(true);
    expect(await overrideOf(e)).toBe('wakeup until 2026-01-29T06:00:00Z');
    await e.advanceTo('2026-01-29T05:58:00Z');
    const late = await e.call('exportYaml', {});
    expect(late.yaml).not.toContain('override-until');
    expect(late.warnings?.map((w) => w.message).join(' ')).toMatch(/./);
  });
});

describe('migration of earlier versions’ manual holds (once, at engine start)', () => {
  async function upgradeWith(holds: (plan: Plan, now: Date) => unknown[]): Promise<TestEngine> {
    const e = await engineAt('2026-01-28T21:00:00Z');
    const plan = (await e.call('getPlan', { name: 'dev' })).plan;
    for (const hold of holds(plan, e.clock.now()))
      await e.call('applyException', { exception: hold });
    // As if the data came from an earlier version: the migration has not run yet.
    e.engine.db.prepare('DELETE FROM settings WHERE key LIKE ?').run(`%${HOLD_MIGRATION_FLAG}`);
    await e.restart();
    return e;
  }

  it('the latest hold in effect becomes the override; the losing one in effect is deleted; the user is told once', async () => {
    const e = await upgradeWith((plan, now) => {
      const asleep = hibernateUntil(plan, [], new Date(now.getTime() - 2 * 3_600_000));
      const awake = wakeUntil(plan, [asleep], now, new Date('2026-01-28T23:00:00Z'));
      return [asleep, awake];
    });
    expect(await overrideOf(e)).toBe('wakeup until 2026-01-28T23:00:00Z');
    expect(await e.call('listExceptions', {})).toEqual([]);
    expect(await e.phase()).toBe('Active');
    const told = e.eventsOf('PlanChanged').filter((p) => p.message);
    expect(told).toHaveLength(1);
    expect(told[0]?.message).toMatch(/manual override/);
    const history = await e.call('getHistory', { plan: 'dev' });
    expect(history.some((h) => h.message === told[0]?.message)).toBe(true);
    await e.restart();
    expect(e.eventsOf('PlanChanged').filter((p) => p.message)).toHaveLength(1);
    await e.advanceTo('2026-01-28T23:00:00Z');
    expect(await e.phase()).toBe('Hibernated');
  });

  it('a hold not in effect now stays as an ordinary exception', async () => {
    const e = await upgradeWith((plan) => [
      wakeUntil(plan, [], new Date('2026-01-29T21:00:00Z'), new Date('2026-01-29T23:00:00Z')),
    ]);
    expect(await overrideOf(e)).toBeNull();
    expect((await e.call('listExceptions', {})).map((x) => x.metadata.name)).toHaveLength(1);
    expect(e.eventsOf('PlanChanged').filter((p) => p.message)).toHaveLength(1);
  });
});
