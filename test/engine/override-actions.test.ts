import { afterEach, describe, expect, it } from 'vitest';
import type { ApiMethod } from '../../shared/api/contract';
import { FakeWorld } from './fake-world';
import { planObject, startTestEngine, type TestEngine } from './harness';

/**
 * Every override action in every phase, with the schedule saying awake or hibernate (issue 12):
 * what the plan's one override becomes, what runs (the phase once everything settled), and what
 * the API answers. The plan sleeps weeknights 20:00–06:00 UTC; the clock starts Wed 12:00.
 */

let t: TestEngine | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const SLOW = { delayMs: 60_000 };
type Says = 'awake' | 'hibernate';
type Phase = 'Active' | 'Hibernating' | 'Hibernated' | 'WakingUp' | 'Suspended' | 'Error';

async function engineWith(world: FakeWorld, start = '2026-01-28T12:00:00Z'): Promise<TestEngine> {
  const engine = await startTestEngine(start, world);
  t = engine;
  await engine.call('applyPlan', { plan: planObject({ targets: ['web'] }) });
  await engine.settle();
  return engine;
}

/** Brings a plan into `phase` with the schedule saying `says`; slow targets stay in flight. */
const SETUPS: Record<Phase, Record<Says, () => Promise<TestEngine>>> = {
  Active: {
    awake: () => engineWith(new FakeWorld().add('web', 'i-1', true)),
    // Kept awake by an earlier "wake now" (until Thu 00:00) while the schedule says sleep.
    hibernate: async () => {
      const e = await engineWith(new FakeWorld().add('web', 'i-1', true));
      await e.advanceTo('2026-01-28T21:00:00Z');
      await e.call('wakeNow', { plan: 'dev' });
      await e.settle();
      return e;
    },
  },
  Hibernating: {
    awake: async () => {
      const e = await engineWith(new FakeWorld().add('web', 'i-1', true).script('web', SLOW));
      await e.call('hibernateNow', { plan: 'dev' });
      await e.settle();
      return e;
    },
    hibernate: async () => {
      const e = await engineWith(new FakeWorld().add('web', 'i-1', true).script('web', SLOW));
      await e.advanceTo('2026-01-28T20:00:00Z');
      return e;
    },
  },
  Hibernated: {
    awake: async () => {
      const e = await engineWith(new FakeWorld().add('web', 'i-1', true));
      await e.call('hibernateNow', { plan: 'dev' });
      await e.settle();
      return e;
    },
    hibernate: async () => {
      const e = await engineWith(new FakeWorld().add('web', 'i-1', true));
      await e.advanceTo('2026-01-28T21:00:00Z');
      return e;
    },
  },
  WakingUp: {
    awake: async () => {
      const world = new FakeWorld().add('web', 'i-1', true);
      const e = await engineWith(world);
      await e.advanceTo('2026-01-28T21:00:00Z');
      world.script('web', SLOW);
      await e.advanceTo('2026-01-29T06:00:00Z');
      return e;
    },
    hibernate: async () => {
      const world = new FakeWorld().add('web', 'i-1', true);
      const e = await engineWith(world);
      await e.advanceTo('2026-01-28T21:00:00Z');
      world.script('web', SLOW);
      await e.call('wakeNow', { plan: 'dev' });
      await e.settle();
      return e;
    },
  },
  Suspended: {
    awake: async () => {
      const e = await engineWith(new FakeWorld().add('web', 'i-1', true));
      await e.call('suspend', { plan: 'dev' });
      await e.settle();
      return e;
    },
    hibernate: async () => {
      const e = await engineWith(new FakeWorld().add('web', 'i-1', true));
      await e.advanceTo('2026-01-28T21:00:00Z');
      await e.call('suspend', { plan: 'dev' });
      await e.settle();
      return e;
    },
  },
  Error: {
    // "Hibernate now" whose shutdown failed for good (the override hibernate stays).
    awake: async () => {
      const world = new FakeWorld()
        .add('web', 'i-1', true)
        .script('web', { errors: [{ code: 'AccessDenied', transient: false, on: 'shutdown' }] });
      const e = await engineWith(world);
      await e.call('hibernateNow', { plan: 'dev' });
      await e.settle();
      return e;
    },
    hibernate: async () => {
      const world = new FakeWorld()
        .add('web', 'i-1', true)
        .script('web', { errors: [{ code: 'AccessDenied', transient: false, on: 'shutdown' }] });
      const e = await engineWith(world);
      await e.advanceTo('2026-01-28T20:00:00Z');
      return e;
    },
  },
};

type Action =
  | 'hibernateNow'
  | 'wakeNow'
  | 'keepAwake'
  | 'keepAwakeUntilTomorrow'
  | 'skipNextHibernation'
  | 'clearOverride'
  | 'undoOverride'
  | 'keepOverride';
const ACTIONS: Action[] = [
  'hibernateNow',
  'wakeNow',
  'keepAwake',
  'keepAwakeUntilTomorrow',
  'skipNextHibernation',
  'clearOverride',
  'undoOverride',
  'keepOverride',
];

/**
 * [override after the action (phase and until, or null = back on schedule), phase after
 * settling]; or 409 when the API refuses with what to do.
 */
type Expect = [override: string | null, phase: Phase] | 409;

const SLEEP_TO_THU = 'hibernate until 2026-01-29T06:00:00Z';
const AWAKE_TO_THU = 'wakeup until 2026-01-29T06:00:00Z';

const TABLE: Array<{ phase: Phase; says: Says; expect: Record<Action, Expect> }> = [
  {
    phase: 'Active',
    says: 'awake',
    expect: {
      hibernateNow: [SLEEP_TO_THU, 'Hibernated'],
      wakeNow: [null, 'Active'],
      keepAwake: [null, 'Active'],
      keepAwakeUntilTomorrow: [AWAKE_TO_THU, 'Active'],
      skipNextHibernation: [AWAKE_TO_THU, 'Active'],
      clearOverride: [null, 'Active'],
      undoOverride: 409,
      keepOverride: 409,
    },
  },
  {
    phase: 'Active',
    says: 'hibernate',
    expect: {
      hibernateNow: [null, 'Hibernated'],
      wakeNow: ['wakeup until 2026-01-29T00:00:00Z', 'Active'],
      keepAwake: ['wakeup until 2026-01-28T23:00:00Z', 'Active'],
      keepAwakeUntilTomorrow: [AWAKE_TO_THU, 'Active'],
      skipNextHibernation: [AWAKE_TO_THU, 'Active'],
      clearOverride: [null, 'Hibernated'],
      undoOverride: [null, 'Hibernated'],
      keepOverride: ['wakeup until 2026-01-29T03:00:00Z', 'Active'],
    },
  },
  {
    phase: 'Hibernating',
    says: 'awake',
    expect: {
      hibernateNow: [SLEEP_TO_THU, 'Hibernated'],
      wakeNow: [null, 'Active'],
      keepAwake: [null, 'Active'],
      keepAwakeUntilTomorrow: [AWAKE_TO_THU, 'Active'],
      skipNextHibernation: [AWAKE_TO_THU, 'Active'],
      clearOverride: [null, 'Active'],
      undoOverride: [null, 'Active'],
      keepOverride: ['hibernate until 2026-01-30T00:00:00Z', 'Hibernated'],
    },
  },
  {
    phase: 'Hibernating',
    says: 'hibernate',
    expect: {
      hibernateNow: [null, 'Hibernated'],
      wakeNow: ['wakeup until 2026-01-28T23:00:00Z', 'Active'],
      keepAwake: ['wakeup until 2026-01-28T22:00:00Z', 'Active'],
      keepAwakeUntilTomorrow: [AWAKE_TO_THU, 'Active'],
      skipNextHibernation: [AWAKE_TO_THU, 'Active'],
      clearOverride: [null, 'Hibernated'],
      undoOverride: 409,
      keepOverride: 409,
    },
  },
  {
    phase: 'Hibernated',
    says: 'awake',
    expect: {
      hibernateNow: [SLEEP_TO_THU, 'Hibernated'],
      wakeNow: [null, 'Active'],
      keepAwake: [null, 'Active'],
      keepAwakeUntilTomorrow: [AWAKE_TO_THU, 'Active'],
      skipNextHibernation: [AWAKE_TO_THU, 'Active'],
      clearOverride: [null, 'Active'],
      undoOverride: [null, 'Active'],
      keepOverride: ['hibernate until 2026-01-30T00:00:00Z', 'Hibernated'],
    },
  },
  {
    phase: 'Hibernated',
    says: 'hibernate',
    expect: {
      hibernateNow: [null, 'Hibernated'],
      wakeNow: ['wakeup until 2026-01-29T00:00:00Z', 'Active'],
      keepAwake: ['wakeup until 2026-01-28T23:00:00Z', 'Active'],
      keepAwakeUntilTomorrow: [AWAKE_TO_THU, 'Active'],
      skipNextHibernation: [AWAKE_TO_THU, 'Active'],
      clearOverride: [null, 'Hibernated'],
      undoOverride: 409,
      keepOverride: 409,
    },
  },
  {
    phase: 'WakingUp',
    says: 'awake',
    expect: {
      hibernateNow: ['hibernate until 2026-01-30T06:00:00Z', 'Hibernated'],
      wakeNow: [null, 'Active'],
      keepAwake: [null, 'Active'],
      keepAwakeUntilTomorrow: ['wakeup until 2026-01-30T06:00:00Z', 'Active'],
      skipNextHibernation: ['wakeup until 2026-01-30T06:00:00Z', 'Active'],
      clearOverride: [null, 'Active'],
      undoOverride: 409,
      keepOverride: 409,
    },
  },
  {
    phase: 'WakingUp',
    says: 'hibernate',
    expect: {
      hibernateNow: [null, 'Hibernated'],
      wakeNow: ['wakeup until 2026-01-29T00:00:00Z', 'Active'],
      keepAwake: ['wakeup until 2026-01-28T23:00:00Z', 'Active'],
      keepAwakeUntilTomorrow: [AWAKE_TO_THU, 'Active'],
      skipNextHibernation: [AWAKE_TO_THU, 'Active'],
      clearOverride: [null, 'Hibernated'],
      undoOverride: [null, 'Hibernated'],
      keepOverride: ['wakeup until 2026-01-29T03:00:00Z', 'Active'],
    },
  },
  {
    phase: 'Suspended',
    says: 'awake',
    expect: {
      hibernateNow: [SLEEP_TO_THU, 'Suspended'],
      wakeNow: [null, 'Suspended'],
      keepAwake: [null, 'Suspended'],
      keepAwakeUntilTomorrow: [AWAKE_TO_THU, 'Suspended'],
      skipNextHibernation: [AWAKE_TO_THU, 'Suspended'],
      clearOverride: [null, 'Suspended'],
      undoOverride: 409,
      keepOverride: 409,
    },
  },
  {
    phase: 'Suspended',
    says: 'hibernate',
    expect: {
      hibernateNow: [null, 'Suspended'],
      wakeNow: ['wakeup until 2026-01-29T00:00:00Z', 'Suspended'],
      keepAwake: ['wakeup until 2026-01-28T23:00:00Z', 'Suspended'],
      keepAwakeUntilTomorrow: [AWAKE_TO_THU, 'Suspended'],
      skipNextHibernation: [AWAKE_TO_THU, 'Suspended'],
      clearOverride: [null, 'Suspended'],
      undoOverride: 409,
      keepOverride: 409,
    },
  },
  {
    phase: 'Error',
    says: 'awake',
    expect: {
      hibernateNow: [SLEEP_TO_THU, 'Hibernated'],
      wakeNow: [null, 'Active'],
      keepAwake: [null, 'Active'],
      keepAwakeUntilTomorrow: [AWAKE_TO_THU, 'Active'],
      skipNextHibernation: [AWAKE_TO_THU, 'Active'],
      clearOverride: [null, 'Active'],
      undoOverride: [null, 'Active'],
      keepOverride: ['hibernate until 2026-01-30T00:00:00Z', 'Error'],
    },
  },
  {
    phase: 'Error',
    says: 'hibernate',
    expect: {
      hibernateNow: [null, 'Hibernated'],
      wakeNow: ['wakeup until 2026-01-28T23:00:00Z', 'Active'],
      keepAwake: ['wakeup until 2026-01-28T22:00:00Z', 'Active'],
      keepAwakeUntilTomorrow: [AWAKE_TO_THU, 'Active'],
      skipNextHibernation: [AWAKE_TO_THU, 'Active'],
      clearOverride: [null, 'Error'],
      undoOverride: 409,
      keepOverride: 409,
    },
  },
];

function input(action: Action): { plan: string; hours?: number } {
  return action === 'keepAwake' ? { plan: 'dev', hours: 2 } : { plan: 'dev' };
}

function describeExpect(expected: Expect): string {
  if (expected === 409) return 'answers 409 with what to do';
  const [override, phase] = expected;
  return `${override ? `the override becomes ${override}` : 'back on schedule (no override)'}, and the plan ends ${phase}`;
}

async function overrideOf(e: TestEngine): Promise<string | null> {
  const row = (await e.call('listPlans', {})).find((p) => p.name === 'dev');
  return row?.override ? `${row.override.phase} until ${row.override.until}` : null;
}

describe('override actions: every action × phase × schedule state', () => {
  const rows = TABLE.flatMap((row) =>
    ACTIONS.map((action) => ({
      phase: row.phase,
      says: row.says,
      action,
      expected: row.expect[action],
      name: `${row.phase} while the schedule says ${row.says}: ${action} ${describeExpect(row.expect[action])}`,
    })),
  );
  for (const { name, phase, says, action, expected } of rows)
    it(name, async () => {
      const e = await SETUPS[phase][says]();
      expect(await e.phase()).toBe(phase);
      const result = await e.engine.call(action as ApiMethod, input(action));
      if (expected === 409) {
        expect(result.ok).toBe(false);
        if (!result.ok) {
          expect(result.error.code).toBe('NOT_ALLOWED');
          expect(result.error.message.length).toBeGreaterThan(20);
        }
        return;
      }
      expect(result.ok ? 'ok' : result.error).toBe('ok');
      // Finish whatever runs (slow targets take 60 s of the manual clock; a second may follow).
      for (let i = 0; i < 3; i++) await e.advance(61_000);
      const [override, finalPhase] = expected;
      expect({ override: await overrideOf(e), phase: await e.phase() }).toEqual({
        override,
        phase: finalPhase,
      });
      expect(await e.call('listExceptions', {})).toEqual([]);
    });
});
