import { describe, expect, it } from 'vitest';
import type { Operation, Phase } from '../../../shared/model/status';
import {
  decide,
  resumeRoute,
  type Decision,
  type PhaseFacts,
  type RetryBudget,
  type StartDecision,
} from './phase-machine';

type Schedule = PhaseFacts['schedule'];
const AWAKE: Schedule = { hibernate: false, reason: 'outside the off-hours', activeExceptions: [] };
const ASLEEP: Schedule = {
  hibernate: true,
  reason: 'in the off-hours 20:00–06:00',
  activeExceptions: ['late-release'],
};
const MISSED_AT = new Date('2026-01-28T20:00:00Z');

function facts(over: Partial<PhaseFacts>): PhaseFacts {
  return {
    phase: 'Active',
    trigger: 'timer',
    schedule: AWAKE,
    override: null,
    suspension: 'none',
    suspendReason: null,
    suspendedAtPhase: null,
    lastOperation: null,
    failedOperation: null,
    retriesLeft: null,
    retryDue: false,
    operationRunning: false,
    cycleOpen: false,
    hasRestoreData: false,
    touchedAnything: false,
    missed: null,
    ...over,
  };
}

/** A cycle whose shutdown captured resources and saved them. */
const HIBERNATED_WITH_DATA = { cycleOpen: true, hasRestoreData: true, touchedAnything: true };

function start(
  operation: Operation,
  trigger: string,
  keepCompleted: boolean,
  more: Partial<Pick<StartDecision, 'retry' | 'activeExceptions' | 'caughtUp'>> = {},
): StartDecision {
  return {
    kind: 'start',
    operation,
    trigger,
    keepCompleted,
    retry: 'fresh' satisfies RetryBudget,
    activeExceptions: operation === 'shutdown' ? ASLEEP.activeExceptions : [],
    caughtUp: null,
    ...more,
  };
}

const NO_RESTORE_POINT: Decision = {
  kind: 'fail',
  error: {
    code: 'NO_RESTORE_POINT',
    message: 'cannot wake up: no restore point found',
    transient: false,
    operation: 'wakeup',
  },
};

interface Row {
  when: string;
  facts: Partial<PhaseFacts>;
  then: Decision;
}

function table(rows: Row[], flags: { liftSuspension?: boolean; consumeSuspendedAt?: boolean }) {
  for (const row of rows) {
    it(row.when, () => {
      expect(decide(facts(row.facts))).toEqual({
        liftSuspension: flags.liftSuspension ?? false,
        consumeSuspendedAt: flags.consumeSuspendedAt ?? false,
        decision: row.then,
      });
    });
  }
}

describe('decide: Active', () => {
  table(
    [
      {
        when: 'Active and the schedule says awake: nothing to do',
        facts: { phase: 'Active', schedule: AWAKE },
        then: { kind: 'none' },
      },
      {
        when: 'Active and the schedule says hibernate: a shutdown starts with the exceptions to lock',
        facts: { phase: 'Active', schedule: ASLEEP },
        then: start('shutdown', 'in the off-hours 20:00–06:00', false),
      },
      {
        when: 'a trigger other than the timer is named after the schedule reason',
        facts: { phase: 'Active', schedule: ASLEEP, trigger: 'plan edited' },
        then: start('shutdown', 'in the off-hours 20:00–06:00 (plan edited)', false),
      },
      {
        when: 'a shutdown found late catches up the missed transition',
        facts: {
          phase: 'Active',
          schedule: ASLEEP,
          missed: { at: MISSED_AT, operation: 'shutdown' },
        },
        then: start('shutdown', 'in the off-hours 20:00–06:00', false, { caughtUp: MISSED_AT }),
      },
      {
        when: 'a missed wake-up is not reported by a shutdown',
        facts: {
          phase: 'Active',
          schedule: ASLEEP,
          missed: { at: MISSED_AT, operation: 'wakeup' },
        },
        then: start('shutdown', 'in the off-hours 20:00–06:00', false),
      },
    ],
    {},
  );
});

describe('decide: Hibernating and WakingUp', () => {
  const rows: Row[] = [];
  for (const phase of ['Hibernating', 'WakingUp'] as const) {
    const operation: Operation = phase === 'Hibernating' ? 'shutdown' : 'wakeup';
    for (const schedule of [ASLEEP, AWAKE]) {
      const says = schedule.hibernate ? 'hibernate' : 'awake';
      rows.push(
        {
          when: `${phase}, schedule says ${says}, operation running: waits for its result`,
          facts: { phase, schedule, operationRunning: true },
          then: { kind: 'waitForOperation' },
        },
        {
          when: `${phase}, schedule says ${says}, nothing running (engine restarted): the ${operation} goes on where the ledger stopped`,
          facts: { phase, schedule, operationRunning: false },
          then: start(operation, 'resumed after an engine restart', true, {
            activeExceptions: schedule.activeExceptions,
          }),
        },
      );
    }
  }
  table(rows, {});
});

describe('decide: Hibernated', () => {
  table(
    [
      {
        when: 'phase guard: asleep and the schedule says hibernate never runs a second shutdown',
        facts: { phase: 'Hibernated', schedule: ASLEEP, ...HIBERNATED_WITH_DATA },
        then: { kind: 'keepAsleepCheck' },
      },
      {
        when: 'asleep and the schedule says awake, restore data present: the wake-up starts',
        facts: { phase: 'Hibernated', schedule: AWAKE, ...HIBERNATED_WITH_DATA },
        then: start('wakeup', 'outside the off-hours', false),
      },
      {
        when: 'a wake-up found late catches up the missed transition',
        facts: {
          phase: 'Hibernated',
          schedule: AWAKE,
          ...HIBERNATED_WITH_DATA,
          missed: { at: MISSED_AT, operation: 'wakeup' },
        },
        then: start('wakeup', 'outside the off-hours', false, { caughtUp: MISSED_AT }),
      },
      {
        when: 'restore-point check: a shutdown captured resources but no point is left → Error',
        facts: {
          phase: 'Hibernated',
          schedule: AWAKE,
          cycleOpen: true,
          hasRestoreData: false,
          touchedAnything: true,
        },
        then: NO_RESTORE_POINT,
      },
      {
        when: 'restore-point check: no cycle at all → Error',
        facts: { phase: 'Hibernated', schedule: AWAKE, cycleOpen: false },
        then: NO_RESTORE_POINT,
      },
      {
        when: 'a cycle whose shutdowns touched nothing wakes without restore data',
        facts: {
          phase: 'Hibernated',
          schedule: AWAKE,
          cycleOpen: true,
          hasRestoreData: false,
          touchedAnything: false,
        },
        then: start('wakeup', 'outside the off-hours', false),
      },
    ],
    {},
  );
});

describe('decide: Error', () => {
  const afterShutdown = { phase: 'Error' as const, failedOperation: 'shutdown' as const };
  const afterWakeup = { phase: 'Error' as const, failedOperation: 'wakeup' as const };
  table(
    [
      {
        when: 'failed shutdown, schedule turns awake: wakes what was hibernated with a fresh budget',
        facts: { ...afterShutdown, schedule: AWAKE, retriesLeft: 2, ...HIBERNATED_WITH_DATA },
        then: start(
          'wakeup',
          'the schedule says awake after a failed shutdown: waking what was hibernated',
          false,
          { retry: 'reset' },
        ),
      },
      {
        when: 'failed shutdown, schedule turns awake, restore data lost: Error, nothing runs',
        facts: { ...afterShutdown, schedule: AWAKE, cycleOpen: true, touchedAnything: true },
        then: NO_RESTORE_POINT,
      },
      {
        when: 'failed shutdown, schedule says hibernate, retry due: the shutdown is retried, one retry used',
        facts: { ...afterShutdown, schedule: ASLEEP, retriesLeft: 2, retryDue: true },
        then: start('shutdown', 'automatic retry (1 left after this one)', true, {
          retry: 'consume',
        }),
      },
      {
        when: 'failed shutdown, schedule says hibernate, retry not due yet: waits',
        facts: { ...afterShutdown, schedule: ASLEEP, retriesLeft: 2, retryDue: false },
        then: { kind: 'none' },
      },
      {
        when: 'failed shutdown, no retries left: waits for the user',
        facts: { ...afterShutdown, schedule: ASLEEP, retriesLeft: 0, retryDue: true },
        then: { kind: 'none' },
      },
      {
        when: 'failed shutdown, permanent error (no budget recorded): waits for the user',
        facts: { ...afterShutdown, schedule: ASLEEP, retriesLeft: null, retryDue: true },
        then: { kind: 'none' },
      },
      {
        when: 'failed wake-up, schedule says awake, retry due: the wake-up is retried',
        facts: {
          ...afterWakeup,
          schedule: AWAKE,
          retriesLeft: 1,
          retryDue: true,
          ...HIBERNATED_WITH_DATA,
        },
        then: start('wakeup', 'automatic retry (0 left after this one)', true, {
          retry: 'consume',
        }),
      },
      {
        when: 'failed wake-up, schedule says hibernate, retry due: still the wake-up, never a shutdown',
        facts: {
          ...afterWakeup,
          schedule: ASLEEP,
          retriesLeft: 3,
          retryDue: true,
          ...HIBERNATED_WITH_DATA,
        },
        then: start('wakeup', 'automatic retry (2 left after this one)', true, {
          retry: 'consume',
        }),
      },
      {
        when: 'failed wake-up, retry due but the restore data is gone: Error again, nothing runs',
        facts: {
          ...afterWakeup,
          schedule: AWAKE,
          retriesLeft: 1,
          retryDue: true,
          cycleOpen: true,
          touchedAnything: true,
        },
        then: NO_RESTORE_POINT,
      },
      {
        when: 'failed wake-up, schedule says awake, retry not due: waits',
        facts: { ...afterWakeup, schedule: AWAKE, retriesLeft: 1, ...HIBERNATED_WITH_DATA },
        then: { kind: 'none' },
      },
      {
        when: 'failed wake-up, schedule says hibernate, no retries left: waits for the user',
        facts: { ...afterWakeup, schedule: ASLEEP, retriesLeft: 0, ...HIBERNATED_WITH_DATA },
        then: { kind: 'none' },
      },
      {
        when: 'an Error without a known operation waits for the user, whatever the schedule says',
        facts: { phase: 'Error', failedOperation: null, schedule: AWAKE, retryDue: true },
        then: { kind: 'none' },
      },
    ],
    {},
  );
});

describe('decide: suspension', () => {
  const rows: Row[] = [];
  for (const phase of ['Active', 'Hibernating', 'Hibernated', 'WakingUp', 'Error'] as const) {
    for (const schedule of [ASLEEP, AWAKE]) {
      rows.push({
        when: `suspending in ${phase} (schedule says ${schedule.hibernate ? 'hibernate' : 'awake'}) records the phase and goes to Suspended`,
        facts: { phase, schedule, suspension: 'suspended', operationRunning: true },
        then: { kind: 'suspend', from: phase, reason: 'suspended' },
      });
    }
  }
  rows.push(
    {
      when: 'the suspension reason is named in the phase change',
      facts: { phase: 'Active', suspension: 'suspended', suspendReason: 'release freeze' },
      then: { kind: 'suspend', from: 'Active', reason: 'suspended: release freeze' },
    },
    {
      when: 'already Suspended and still suspended: nothing starts, whatever the schedule says',
      facts: { phase: 'Suspended', schedule: ASLEEP, suspension: 'suspended' },
      then: { kind: 'none' },
    },
    {
      when: 'a suspension beats a manual override',
      facts: {
        phase: 'Active',
        suspension: 'suspended',
        override: { phase: 'hibernate', until: null },
      },
      then: { kind: 'suspend', from: 'Active', reason: 'suspended' },
    },
  );
  table(rows, {});
});

describe('decide: a suspension whose until-time has passed ends, then the phase decides', () => {
  table(
    [
      {
        when: 'suspend-until passed in Active, schedule says hibernate: lifted and the shutdown starts',
        facts: { phase: 'Active', schedule: ASLEEP, suspension: 'expired' },
        then: start('shutdown', 'in the off-hours 20:00–06:00', false),
      },
      {
        when: 'suspend-until passed in Active, schedule says awake: lifted, nothing else',
        facts: { phase: 'Active', schedule: AWAKE, suspension: 'expired' },
        then: { kind: 'none' },
      },
    ],
    { liftSuspension: true },
  );
  it('suspend-until passed while Suspended: lifted and resumed by the resume table', () => {
    expect(
      decide(
        facts({
          phase: 'Suspended',
          suspension: 'expired',
          suspendedAtPhase: 'Hibernated',
          schedule: ASLEEP,
        }),
      ),
    ).toEqual({
      liftSuspension: true,
      consumeSuspendedAt: true,
      decision: {
        kind: 'setPhase',
        to: 'Hibernated',
        reason:
          'resumed; the schedule says hibernate: already asleep, the shutdown is not run again',
        closeCycle: false,
      },
    });
  });
});

describe('decide: resumed while the suspended operation still winds down', () => {
  table(
    [
      {
        when: 'resumed with the wake-up still finishing: wait, keep the recorded phase for the route',
        facts: {
          phase: 'Suspended',
          suspendedAtPhase: 'WakingUp',
          lastOperation: 'wakeup',
          schedule: AWAKE,
          operationRunning: true,
          ...HIBERNATED_WITH_DATA,
        },
        then: { kind: 'waitForOperation' },
      },
    ],
    {},
  );
});

describe('decide: resume (semantics.md §3, the resume table)', () => {
  const resumed = (
    suspendedAtPhase: Phase | null,
    lastOperation: Operation | null,
    schedule: Schedule,
    more: Partial<PhaseFacts> = {},
  ): Partial<PhaseFacts> => ({
    phase: 'Suspended',
    suspendedAtPhase,
    lastOperation,
    schedule,
    ...HIBERNATED_WITH_DATA,
    ...more,
  });
  const AWAKE_WHY = 'resumed; the schedule says awake';
  const ASLEEP_WHY = 'resumed; the schedule says hibernate';
  table(
    [
      {
        when: 'suspended at Active, awake → Active',
        facts: resumed('Active', null, AWAKE),
        then: { kind: 'setPhase', to: 'Active', reason: AWAKE_WHY, closeCycle: false },
      },
      {
        when: 'suspended at Active, hibernate → Hibernating: a normal shutdown',
        facts: resumed('Active', null, ASLEEP),
        then: start('shutdown', ASLEEP_WHY, false),
      },
      {
        when: 'suspended at Hibernating, awake → WakingUp: wake what was shut down',
        facts: resumed('Hibernating', 'shutdown', AWAKE),
        then: start('wakeup', AWAKE_WHY, false),
      },
      {
        when: 'suspended at Hibernating, hibernate → Hibernating: continue the shutdown',
        facts: resumed('Hibernating', 'shutdown', ASLEEP),
        then: start('shutdown', ASLEEP_WHY, true),
      },
      {
        when: 'suspended at Hibernated, awake → WakingUp: forced wake-up',
        facts: resumed('Hibernated', 'shutdown', AWAKE),
        then: start('wakeup', `${AWAKE_WHY}: forced wake-up`, false),
      },
      {
        when: 'suspended at Hibernated, hibernate → Hibernated: the shutdown is not run again',
        facts: resumed('Hibernated', 'shutdown', ASLEEP),
        then: {
          kind: 'setPhase',
          to: 'Hibernated',
          reason: `${ASLEEP_WHY}: already asleep, the shutdown is not run again`,
          closeCycle: false,
        },
      },
      {
        when: 'suspended at WakingUp, awake → WakingUp: continue',
        facts: resumed('WakingUp', 'wakeup', AWAKE),
        then: start('wakeup', AWAKE_WHY, true),
      },
      {
        when: 'suspended at WakingUp, hibernate → Hibernating: put back to sleep what was woken',
        facts: resumed('WakingUp', 'wakeup', ASLEEP),
        then: start('shutdown', ASLEEP_WHY, false),
      },
      {
        when: 'suspended in Error after a shutdown, awake → WakingUp: wake what was shut down',
        facts: resumed('Error', 'shutdown', AWAKE),
        then: start('wakeup', AWAKE_WHY, false),
      },
      {
        when: 'suspended in Error after a shutdown, hibernate → Hibernating: retry the shutdown',
        facts: resumed('Error', 'shutdown', ASLEEP),
        then: start('shutdown', ASLEEP_WHY, true),
      },
      {
        when: 'suspended in Error after a wake-up, awake → WakingUp: retry the wake-up',
        facts: resumed('Error', 'wakeup', AWAKE),
        then: start('wakeup', AWAKE_WHY, true),
      },
      {
        when: 'suspended in Error after a wake-up, hibernate → Hibernating: put back to sleep what was woken',
        facts: resumed('Error', 'wakeup', ASLEEP),
        then: start('shutdown', ASLEEP_WHY, false),
      },
      {
        when: 'no recorded phase at suspension resumes as from Active',
        facts: resumed(null, 'wakeup', ASLEEP),
        then: start('shutdown', ASLEEP_WHY, false),
      },
      {
        when: 'a route to WakingUp with nothing hibernated (no restore data, nothing touched) goes to Active',
        facts: resumed('Hibernating', 'shutdown', AWAKE, {
          hasRestoreData: false,
          touchedAnything: false,
        }),
        then: {
          kind: 'setPhase',
          to: 'Active',
          reason: `${AWAKE_WHY}: nothing was hibernated, so there is nothing to wake`,
          closeCycle: true,
        },
      },
      {
        when: 'a route to WakingUp without a cycle goes to Active',
        facts: resumed('Hibernated', 'shutdown', AWAKE, {
          cycleOpen: false,
          hasRestoreData: false,
          touchedAnything: false,
        }),
        then: {
          kind: 'setPhase',
          to: 'Active',
          reason: `${AWAKE_WHY}: nothing was hibernated, so there is nothing to wake`,
          closeCycle: true,
        },
      },
      {
        when: 'a route to WakingUp whose restore data is lost after resources were captured: Error',
        facts: resumed('Hibernated', 'shutdown', AWAKE, { hasRestoreData: false }),
        then: NO_RESTORE_POINT,
      },
      {
        when: 'a route to WakingUp with only a touched-nothing cycle and a restore point wakes',
        facts: resumed('WakingUp', 'wakeup', AWAKE, { touchedAnything: false }),
        then: start('wakeup', AWAKE_WHY, true),
      },
    ],
    { consumeSuspendedAt: true },
  );
});

describe('decide: a manual override is the desired state instead of the schedule', () => {
  table(
    [
      {
        when: 'no override: the schedule decides (every row above)',
        facts: { phase: 'Active', schedule: AWAKE, override: null },
        then: { kind: 'none' },
      },
      {
        when: 'override hibernate while the schedule says awake: the shutdown starts',
        facts: {
          phase: 'Active',
          schedule: AWAKE,
          override: { phase: 'hibernate', until: '2026-01-29T06:00:00Z' },
        },
        then: start(
          'shutdown',
          'kept asleep by a manual override until 2026-01-29T06:00:00Z',
          false,
          {
            activeExceptions: [],
          },
        ),
      },
      {
        when: 'override wakeup while the schedule says hibernate: an asleep plan wakes',
        facts: {
          phase: 'Hibernated',
          schedule: ASLEEP,
          override: { phase: 'wakeup', until: null },
          ...HIBERNATED_WITH_DATA,
        },
        then: start('wakeup', 'kept awake by a manual override', false),
      },
      {
        when: 'override wakeup in Active while the schedule says hibernate: nothing starts',
        facts: { phase: 'Active', schedule: ASLEEP, override: { phase: 'wakeup', until: null } },
        then: { kind: 'none' },
      },
    ],
    {},
  );
});

describe('resumeRoute', () => {
  const rows: Array<[Phase, Operation | null, boolean, string]> = [
    ['Active', null, false, 'Active'],
    ['Active', null, true, 'Hibernating:start'],
    ['Hibernating', 'shutdown', false, 'WakingUp:wake-shutdown'],
    ['Hibernating', 'shutdown', true, 'Hibernating:continue'],
    ['Hibernated', 'shutdown', false, 'WakingUp:forced'],
    ['Hibernated', 'shutdown', true, 'Hibernated'],
    ['WakingUp', 'wakeup', false, 'WakingUp:continue'],
    ['WakingUp', 'wakeup', true, 'Hibernating:resleep'],
    ['Error', 'shutdown', false, 'WakingUp:wake-shutdown'],
    ['Error', 'shutdown', true, 'Hibernating:retry'],
    ['Error', 'wakeup', false, 'WakingUp:retry'],
    ['Error', 'wakeup', true, 'Hibernating:resleep'],
  ];
  for (const [phase, last, hibernate, expected] of rows) {
    it(`suspended at ${phase}${last ? ` after ${last}` : ''}, schedule says ${hibernate ? 'hibernate' : 'awake'} → ${expected}`, () => {
      const route = resumeRoute(phase, last, hibernate);
      expect('mode' in route ? `${route.phase}:${route.mode}` : route.phase).toBe(expected);
    });
  }
});
