import type { HibernatorEvent } from '../../../shared/api/events';
import type { NotificationEvent } from '../../../shared/model';
import type { Operation, Phase, PlanStatus } from '../../../shared/model/status';
import { redactStrings } from '../../../shared/security/redact-secrets';

/** One target's line in a message. */
export interface MessageTarget {
  name: string;
  executor: string | null;
  state: string;
  message: string | null;
}

/**
 * One notification, independent of the sink: what the formats render and the outbox stores.
 * Built from an engine event and the plan's state at that moment; error texts are redacted.
 */
export interface NotificationMessage {
  event: NotificationEvent;
  plan: string;
  labels: Record<string, string>;
  cycleId: string | null;
  operation: Operation | null;
  phase: Phase | null;
  previousPhase: Phase | null;
  reason: string | null;
  error: { code: string; message: string } | null;
  /** Automatic retries left after this one (Recovery) or 0 (Failure). */
  retriesLeft: number | null;
  /** ExecutionProgress: the target that moved. */
  target: MessageTarget | null;
  /** Start, Success, Failure, Recovery: every target of the operation as the ledger has it. */
  targets: MessageTarget[];
  at: string;
}

/** A message with the parts of its dedupe key that the event decides. */
export interface MappedMessage {
  message: NotificationMessage;
  /** Names the target of ExecutionProgress, '-' otherwise. */
  target: string;
  /** Tells apart two events that share everything else (a phase change back and forth, a target re-run). */
  sequence: string;
}

export interface PlanFacts {
  labels: Record<string, string>;
  status: PlanStatus;
}

const BUSY: ReadonlySet<Phase> = new Set(['Hibernating', 'WakingUp']);

function operationOf(phase: Phase, fallback: Operation | null): Operation | null {
  if (phase === 'Hibernating' || phase === 'Hibernated') return 'shutdown';
  if (phase === 'WakingUp' || phase === 'Active') return 'wakeup';
  return fallback;
}

function ledgerTargets(status: PlanStatus): MessageTarget[] {
  return status.ledger.map((e) => ({
    name: e.target,
    executor: e.executor,
    state: e.state,
    message: e.message,
  }));
}

/**
 * The operator's hook points as this engine's events (docs/notifications.md):
 * Start = a phase change into Hibernating/WakingUp; Success = Hibernating→Hibernated or
 * WakingUp→Active; Failure = the engine's Failure (no automatic retry left); Recovery = each
 * automatic retry out of Error; PhaseChange = every phase change; ExecutionProgress = a target's
 * state change.
 */
export function mapEvent(event: HibernatorEvent, facts: PlanFacts, now: Date): MappedMessage[] {
  const status = facts.status;
  const base = {
    labels: facts.labels,
    cycleId: status.cycle?.id ?? null,
    phase: status.phase,
    previousPhase: null,
    reason: null,
    error: null,
    retriesLeft: null,
    target: null,
    targets: [],
    at: now.toISOString(),
  };
  const out: MappedMessage[] = [];
  const add = (message: NotificationMessage, sequence: string, target = '-'): void => {
    out.push({ message: redactStrings(message), target, sequence });
  };
  if (event.type === 'PhaseChanged') {
    const operation = operationOf(event.to, event.operation ?? status.lastOperation);
    const common = {
      ...base,
      plan: event.plan,
      cycleId: event.cycleId ?? base.cycleId,
      operation,
      phase: event.to,
      previousPhase: event.from,
      reason: event.reason,
      at: event.at,
    };
    const sequence = `${event.from}>${event.to}@${event.at}`;
    const targets = ledgerTargets(status);
    add({ ...common, event: 'PhaseChange' }, sequence);
    if (BUSY.has(event.to)) {
      add({ ...common, event: 'Start', targets }, sequence);
      if (event.from === 'Error' && /automatic retry/.test(event.reason))
        add(
          {
            ...common,
            event: 'Recovery',
            error: status.error ? { code: status.error.code, message: status.error.message } : null,
            retriesLeft: status.retriesLeft,
            targets,
          },
          sequence,
        );
    }
    if (
      (event.from === 'Hibernating' && event.to === 'Hibernated') ||
      (event.from === 'WakingUp' && event.to === 'Active')
    )
      add({ ...common, event: 'Success', targets }, sequence);
  } else if (event.type === 'Failure') {
    add(
      {
        ...base,
        event: 'Failure',
        plan: event.plan,
        operation: event.error.operation ?? status.lastOperation,
        phase: 'Error',
        error: { code: event.error.code, message: event.error.message },
        retriesLeft: event.retriesLeft,
        targets: ledgerTargets(status),
        at: event.error.at,
      },
      `failure@${event.error.at}`,
    );
  } else if (event.type === 'TargetProgress') {
    const entry = status.ledger.find((e) => e.target === event.target);
    add(
      {
        ...base,
        event: 'ExecutionProgress',
        plan: event.plan,
        operation: status.operation ?? status.ledgerOperation ?? null,
        target: {
          name: event.target,
          executor: entry?.executor ?? null,
          state: event.state,
          message: event.message,
        },
      },
      `${event.state}#${entry?.attempts ?? 0}@${base.at}`,
      event.target,
    );
  }
  return out;
}
