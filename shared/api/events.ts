import type { Operation, Phase, PlanError, TargetState } from '../model/status';

/** One target's part of a keep-asleep check (docs/aws.md, rds keep-asleep). */
export interface KeepAsleepTargetReport {
  target: string;
  /** What its resources are ("database"). */
  noun: string;
  /** Found awake and put back to sleep. */
  stoppedAgain: string[];
  /** Found awake and could not be put back to sleep, each with the reason. */
  refused: Array<{ id: string; reason: string }>;
  /** The check of this target failed as a whole (connection, listing): why. */
  error: string | null;
  /** The executor's summary; null when everything was still asleep. */
  message: string | null;
}

/** What one keep-asleep check of a hibernated plan found and did. */
export interface KeepAsleepReport {
  plan: string;
  at: string;
  targets: KeepAsleepTargetReport[];
  /** One line for the history and the answer ("stopped again 3 databases …" / "all still asleep"). */
  message: string;
}

/** Every event the engine emits; hosts forward them unchanged (IPC, SSE, CLI). */
export type HibernatorEvent =
  | {
      type: 'PlanChanged';
      plan: string;
      change: 'created' | 'updated' | 'deleted';
      /** Something the user is told once (e.g. earlier versions' manual holds migrated). */
      message?: string;
    }
  | {
      type: 'PhaseChanged';
      plan: string;
      from: Phase;
      to: Phase;
      cycleId: string | null;
      operation: Operation | null;
      reason: string;
      at: string;
    }
  | {
      type: 'TargetProgress';
      plan: string;
      target: string;
      state: TargetState;
      message: string | null;
    }
  | {
      type: 'HeadsUp';
      plan: string;
      at: string;
      minutes: number;
      /** The sleep comes because the manual override ends: offer "keep it" (keepOverride). */
      overrideEnds?: boolean;
    }
  | { type: 'CaughtUp'; plan: string; missedAt: string; operation: Operation; at: string }
  | { type: 'Failure'; plan: string; error: PlanError; retriesLeft: number }
  | { type: 'Recovery'; plan: string; message: string }
  /** A keep-asleep check that put something back to sleep, could not, or failed. */
  | { type: 'KeepAsleep'; plan: string; report: KeepAsleepReport }
  | { type: 'ConnectionChanged'; connection: string; change: 'created' | 'updated' | 'deleted' }
  | {
      type: 'ExceptionChanged';
      plan: string;
      exception: string;
      change: 'created' | 'updated' | 'deleted';
    }
  | { type: 'RestoreChanged'; plan: string; target: string }
  | { type: 'SettingsChanged' }
  | {
      /** An in-cluster Hibernator object changed (seen through the watch, issue 16). */
      type: 'ClusterPlanChanged';
      connection: string;
      namespace: string;
      name: string;
      kind: 'HibernatePlan' | 'ScheduleException' | 'HibernateNotification';
      change: 'created' | 'updated' | 'deleted';
      /** HibernatePlans: the operator's phase after and before the change (null: none yet). */
      phase: string | null;
      from: string | null;
    };

export type HibernatorEventType = HibernatorEvent['type'];
export type EventListener = (event: HibernatorEvent) => void;
