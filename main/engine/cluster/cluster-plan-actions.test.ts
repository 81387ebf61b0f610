/**
 * The exact merge patches of the cluster actions, against what the operator's kubectl plugin
 * sends (cmd/kubectl-hibernator/cli/<command>/command.go: `client.MergeFrom(plan.DeepCopy())`
 * over the annotations of internal/wellknown, so only changed keys, removals as null, and
 * `spec.suspend` — `omitempty` — removed rather than set false).
 */
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/api/errors';
import { isPermanentError, planAction, type ActionPlan } from './cluster-plan-actions';
import type { LooseObject } from './cluster-plan-summary';

const NOW = new Date('2026-12-04T10:00:00Z');
const A = 'hibernator.ardikabs.com/';

function plan(
  phase: string,
  annotations: Record<string, string> = {},
  extra: { suspend?: boolean; status?: Record<string, unknown>; retries?: number } = {},
): LooseObject {
  return {
    metadata: { name: 'dev', namespace: 'team-a', annotations: { owner: 'me', ...annotations } },
    spec: {
      ...(extra.suspend === undefined ? {} : { suspend: extra.suspend }),
      ...(extra.retries === undefined ? {} : { behavior: { retries: extra.retries } }),
    },
    status: { phase, currentOperation: 'shutdown', ...extra.status },
  };
}

function patchOf(result: ActionPlan): unknown {
  if (!result.write) throw new Error(`nothing written: ${result.message}`);
  return result.patch;
}

function refusal(fn: () => unknown): ApiError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ApiError) return error;
  }
  throw new Error('not refused');
}

describe('hibernate / wakeup (plugin: override --to)', () => {
  it('sets override-action and override-phase-target, as `override --to hibernate`', () => {
    expect(patchOf(planAction(plan('Active'), 'hibernate', {}, NOW, null))).toEqual({
      metadata: {
        annotations: {
          [`${A}override-action`]: 'true',
          [`${A}override-phase-target`]: 'hibernate',
        },
      },
    });
  });

  it('adds override-until in RFC 3339 seconds, as `override --to wakeup --until`', () => {
    expect(
      patchOf(
        planAction(plan('Hibernated'), 'wakeup', { until: '2026-12-04T18:30:00.000Z' }, NOW, null),
      ),
    ).toEqual({
      metadata: {
        annotations: {
          [`${A}override-action`]: 'true',
          [`${A}override-phase-target`]: 'wakeup',
          [`${A}override-until`]: '2026-12-04T18:30:00Z',
        },
      },
    });
  });

  it('removes a stale override-until when no until is given (the plugin would leave it)', () => {
    const current = plan('Active', {
      [`${A}override-action`]: 'true',
      [`${A}override-phase-target`]: 'wakeup',
      [`${A}override-until`]: '2026-12-04T09:00:00Z',
    });
    expect(patchOf(planAction(current, 'hibernate', {}, NOW, null))).toEqual({
      metadata: {
        annotations: {
          [`${A}override-phase-target`]: 'hibernate',
          [`${A}override-until`]: null,
        },
      },
    });
  });

  it.each(['Hibernating', 'WakingUp', 'Suspended', 'Error', 'Pending'])(
    'refuses with 409 in %s, as the plugin does outside Active and Hibernated',
    (phase) => {
      const error = refusal(() => planAction(plan(phase), 'hibernate', {}, NOW, null));
      expect(error.code).toBe('CONFLICT');
      expect(error.message).toContain(`is ${phase}`);
    },
  );

  it('refuses an until in the past', () => {
    const error = refusal(() =>
      planAction(plan('Active'), 'wakeup', { until: '2026-12-04T09:00:00Z' }, NOW, null),
    );
    expect(error.code).toBe('INVALID_INPUT');
  });
});

describe('clearOverride (plugin: override --disable)', () => {
  it('removes the three override annotations that are there', () => {
    const current = plan('Hibernated', {
      [`${A}override-action`]: 'true',
      [`${A}override-phase-target`]: 'hibernate',
      [`${A}override-until`]: '2026-12-05T00:00:00Z',
    });
    expect(patchOf(planAction(current, 'clearOverride', {}, NOW, null))).toEqual({
      metadata: {
        annotations: {
          [`${A}override-action`]: null,
          [`${A}override-phase-target`]: null,
          [`${A}override-until`]: null,
        },
      },
    });
  });

  it('writes nothing when there is no active override, like the plugin', () => {
    const result = planAction(plan('Active'), 'clearOverride', {}, NOW, null);
    expect(result.write).toBe(false);
  });
});

describe('suspend / resume', () => {
  it('sets spec.suspend and suspend-reason with the plugin default reason', () => {
    expect(patchOf(planAction(plan('Active'), 'suspend', {}, NOW, null))).toEqual({
      metadata: { annotations: { [`${A}suspend-reason`]: 'User initiated' } },
      spec: { suspend: true },
    });
  });

  it('adds suspend-until, as `suspend --until … --reason …`', () => {
    expect(
      patchOf(
        planAction(
          plan('Hibernated'),
          'suspend',
          { until: '2026-12-05T06:00:00Z', reason: 'holiday freeze' },
          NOW,
          null,
        ),
      ),
    ).toEqual({
      metadata: {
        annotations: {
          [`${A}suspend-reason`]: 'holiday freeze',
          [`${A}suspend-until`]: '2026-12-05T06:00:00Z',
        },
      },
      spec: { suspend: true },
    });
  });

  it('removes a past suspend-until when suspending without one (it would resume the plan at once)', () => {
    const current = plan('Active', { [`${A}suspend-until`]: '2026-12-01T00:00:00Z' });
    expect(patchOf(planAction(current, 'suspend', { reason: 'r' }, NOW, null))).toEqual({
      metadata: { annotations: { [`${A}suspend-reason`]: 'r', [`${A}suspend-until`]: null } },
      spec: { suspend: true },
    });
  });

  it('resumes exactly as the plugin: suspend removed, suspend-until removed', () => {
    const current = plan(
      'Suspended',
      { [`${A}suspend-until`]: '2026-12-05T06:00:00Z', [`${A}suspend-reason`]: 'x' },
      { suspend: true },
    );
    expect(patchOf(planAction(current, 'resume', {}, NOW, null))).toEqual({
      metadata: { annotations: { [`${A}suspend-until`]: null } },
      spec: { suspend: null },
    });
  });

  it('resumes a plan suspended only by a future suspend-until', () => {
    const current = plan('Suspended', { [`${A}suspend-until`]: '2026-12-05T06:00:00Z' });
    expect(patchOf(planAction(current, 'resume', {}, NOW, null))).toEqual({
      metadata: { annotations: { [`${A}suspend-until`]: null } },
    });
  });

  it('writes nothing to resume a plan that is not suspended', () => {
    expect(planAction(plan('Active'), 'resume', {}, NOW, null).write).toBe(false);
  });
});

describe('retry', () => {
  it('writes retry-now once the operator has no retries left, as `retry`', () => {
    const current = plan('Error', {}, { status: { retryCount: 3, errorMessage: 'timeout' } });
    expect(patchOf(planAction(current, 'retry', {}, NOW, null))).toEqual({
      metadata: { annotations: { [`${A}retry-now`]: 'true' } },
    });
  });

  it('writes retry-now for an error the operator classifies as permanent', () => {
    const current = plan(
      'Error',
      {},
      { status: { retryCount: 0, errorMessage: 'AccessDenied: forbidden' } },
    );
    expect(planAction(current, 'retry', {}, NOW, null).write).toBe(true);
  });

  it('says when the operator retries on its own while auto-retries remain, writing nothing', () => {
    const current = plan('Error', {}, { status: { retryCount: 1, errorMessage: 'timeout' } });
    const result = planAction(current, 'retry', {}, NOW, '2026-12-04T10:02:00.000Z');
    expect(result).toEqual({
      write: false,
      message:
        'the operator retries HibernatePlan "team-a/dev" on its own at 2026-12-04T10:02:00.000Z (attempt 2 of 3); it would ignore a manual retry until its retries run out',
    });
  });

  it('refuses with 409 outside Error, as the plugin does', () => {
    expect(refusal(() => planAction(plan('Active'), 'retry', {}, NOW, null)).code).toBe('CONFLICT');
  });
});

describe('restart', () => {
  it('writes restart: "true" on an Active plan with a recorded operation, as `restart`', () => {
    expect(patchOf(planAction(plan('Active'), 'restart', {}, NOW, null))).toEqual({
      metadata: { annotations: { [`${A}restart`]: 'true' } },
    });
  });

  it('refuses with 409 outside Active and Hibernated', () => {
    expect(refusal(() => planAction(plan('WakingUp'), 'restart', {}, NOW, null)).code).toBe(
      'CONFLICT',
    );
  });

  it('refuses a plan that has not completed a cycle yet', () => {
    const current = plan('Active', {}, { status: { currentOperation: '' } });
    expect(refusal(() => planAction(current, 'restart', {}, NOW, null)).message).toContain(
      'no recorded operation',
    );
  });
});

describe("isPermanentError (the operator's ClassifyError by message)", () => {
  it.each([
    ['resource not found', true],
    ['request timeout: not found', false],
    ['one or more targets in stage 0 failed: invalid', false],
    ['something odd', false],
  ])('%s → %s', (message, permanent) => {
    expect(isPermanentError(message)).toBe(permanent);
  });
});
