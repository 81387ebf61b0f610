import type { EngineInfo, OverrideChoiceView, PlanDetail, Settings } from '../../../shared/api';
import { writeOverrideAnnotations } from '../../../shared/model';
import type { Plan } from '../../../shared/model';
import type { LedgerEntry, Phase, PlanSummary } from '../../../shared/model/status';

export function samplePlan(name = 'demo'): Plan {
  return {
    apiVersion: 'hibernator.ardikabs.com/v1alpha1',
    kind: 'HibernatePlan',
    metadata: { name, labels: { purpose: 'demo' } },
    spec: {
      schedule: {
        timezone: 'UTC',
        offHours: [
          { start: '18:00', end: '08:00', daysOfWeek: ['MON', 'TUE', 'WED', 'THU', 'FRI'] },
        ],
      },
      execution: { strategy: { type: 'Sequential' } },
      behavior: { mode: 'Strict', retries: 3 },
      suspend: false,
      targets: [
        { name: 'frontend', type: 'noop', parameters: {} },
        { name: 'api', type: 'noop', parameters: {} },
      ],
    },
  };
}

export function sampleSummary(name = 'demo', phase: Phase = 'Active'): PlanSummary {
  return {
    name,
    labels: { purpose: 'demo' },
    phase,
    phaseSince: '2026-11-26T10:00:00.000Z',
    targetCount: 2,
    timezone: 'UTC',
    suspended: phase === 'Suspended',
    nextTransition: { at: '2026-11-26T18:00:00.000Z', operation: 'hibernate' },
    error: null,
    override: null,
    updatedAt: '2026-11-26T10:00:00.000Z',
    offHours: [{ start: '18:00', end: '08:00', daysOfWeek: ['MON', 'TUE', 'WED', 'THU', 'FRI'] }],
    lastResult: null,
  };
}

export function sampleLedger(state: LedgerEntry['state'] = 'Pending'): LedgerEntry[] {
  return ['frontend', 'api'].map((target) => ({
    target,
    executor: 'noop',
    state,
    attempts: state === 'Pending' ? 0 : 1,
    startedAt: null,
    finishedAt: null,
    message: null,
    touched: false,
  }));
}

export function sampleDetail(
  name = 'demo',
  phase: Phase = 'Active',
  ledger: LedgerEntry[] = [],
): PlanDetail {
  return {
    plan: samplePlan(name),
    status: {
      phase,
      cycle: null,
      operation: null,
      operationId: null,
      lastEvaluatedAt: null,
      lastKeepAsleepAt: null,
      suspendedAtPhase: null,
      lastOperation: null,
      ledgerOperation: null,
      error: null,
      retriesLeft: null,
      nextRetryAt: null,
      ledger,
      phaseSince: '2026-11-26T10:00:00.000Z',
      updatedAt: '2026-11-26T10:00:00.000Z',
    },
    exceptions: [],
    evaluation: { hibernate: false, reason: 'awake: outside off-hours', activeExceptions: [] },
    warnings: [],
    upcoming: [
      { at: '2026-11-26T18:00:00.000Z', operation: 'hibernate' },
      { at: '2026-11-27T08:00:00.000Z', operation: 'wakeup' },
    ],
    override: null,
  };
}

export const sampleSettings: Settings = {
  headsUpMinutes: 10,
  notifications: {
    phaseChanges: true,
    failures: true,
    headsUp: true,
    caughtUp: true,
    credentials: true,
  },
  startAtLogin: false,
  hourlyCosts: {},
  currency: 'EUR',
};

export const sampleInfo: EngineInfo = {
  version: '0.1.0',
  dataDir: '/tmp/hibernator-test',
  host: 'serve',
  pid: 1,
  startedAt: '2026-11-26T10:00:00Z',
};

/** One overrideChoices answer; `until` defaults to 3 h from now so it reads as a short choice. */
export function sampleChoice(over: Partial<OverrideChoiceView> = {}): OverrideChoiceView {
  return {
    id: 'hours-3',
    request: { action: 'keepAwake', hours: 3 },
    until: new Date(Date.now() + 3 * 3_600_000).toISOString(),
    hours: 3,
    duration: '3 h',
    outcome: 'set',
    consequence: { kind: 'costs', deltaMs: -3 * 3_600_000, text: 'costs 3 h awake' },
    needsConfirmation: false,
    ...over,
  };
}

/**
 * A detail whose plan carries an override, as the engine answers it: the three annotations on
 * the plan and the override view (who set it and when from `view`).
 */
export function withOverride(
  detail: PlanDetail,
  override: { phase: 'hibernate' | 'wakeup'; until: string },
  view: Partial<NonNullable<PlanDetail['override']>> = {},
): PlanDetail {
  const metadata = {
    ...detail.plan.metadata,
    annotations: writeOverrideAnnotations(detail.plan.metadata.annotations, override),
  };
  return {
    ...detail,
    plan: { ...detail.plan, metadata },
    override: { setAt: null, by: null, durationMs: null, ...view, ...override },
  };
}
