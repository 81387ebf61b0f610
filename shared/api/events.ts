import type { Operation, Phase, PlanError, TargetState } from '../model/status';

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
