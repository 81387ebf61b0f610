/**
 * In-cluster Hibernator plans as the API shows them (issue 16): the operator's HibernatePlans,
 * ScheduleExceptions and HibernateNotifications, read through a K8SCluster connection.
 */

import { PHASES } from '../model/status';

/** The operator's phases (api/v1alpha1 PlanPhase): ours plus Pending, before it first reconciled the plan. */
export const CLUSTER_PLAN_PHASES = ['Pending', ...PHASES] as const;
export type ClusterPlanPhase = (typeof CLUSTER_PLAN_PHASES)[number];

export function isClusterPlanPhase(value: unknown): value is ClusterPlanPhase {
  return (CLUSTER_PLAN_PHASES as readonly unknown[]).includes(value);
}

export const CLUSTER_PLAN_ACTIONS = [
  'hibernate',
  'wakeup',
  'clearOverride',
  'suspend',
  'resume',
  'retry',
  'restart',
] as const;
export type ClusterPlanAction = (typeof CLUSTER_PLAN_ACTIONS)[number];

export interface ClusterPlanTarget {
  name: string;
  /** The executor type (`eks`, `workloadscaler`, …). */
  type: string;
  /** The operator's execution state (`Pending`, `Running`, `Completed`, `Failed`, `Aborted`); null when it has none. */
  state: string | null;
  attempts: number;
  message: string | null;
  startedAt: string | null;
  finishedAt: string | null;
}

/**
 * When the plan is next due to change, computed by this app's schedule engine from the plan's
 * spec, exceptions and override. It is an estimate: the operator decides (docs/cluster.md).
 */
export interface EstimatedTransition {
  at: string;
  operation: 'hibernate' | 'wakeup';
  estimate: true;
}

export interface ClusterPlanSummary {
  connection: string;
  namespace: string;
  name: string;
  phase: ClusterPlanPhase | null;
  /** `.status.currentOperation`: `shutdown` or `wakeup`. */
  operation: 'shutdown' | 'wakeup' | null;
  override: { phase: 'hibernate' | 'wakeup'; until: string | null } | null;
  /** `spec.suspend`, or a `suspend-until` still in the future. */
  suspended: boolean;
  suspendUntil: string | null;
  suspendReason: string | null;
  error: string | null;
  retryCount: number;
  /** `spec.behavior.retries` (the operator's default is 3). */
  retryLimit: number;
  /** In Error with auto-retries left: when the operator's own backoff retries next (estimate). */
  nextRetryAt: string | null;
  lastTransitionTime: string | null;
  /** null when suspended, the override holds with no end, or the schedule cannot be read. */
  nextTransition: EstimatedTransition | null;
  /** Why there is no estimate, when there is none. */
  estimateNote: string | null;
  targets: ClusterPlanTarget[];
  resourceVersion: string;
}

export interface ClusterExceptionSummary {
  namespace: string;
  name: string;
  plan: string;
  type: string;
  validFrom: string | null;
  validUntil: string | null;
  /** The operator's state: Pending, Active, Expired, Detached. */
  state: string | null;
  message: string | null;
}

export interface ClusterNotificationSummary {
  namespace: string;
  name: string;
  state: string | null;
  onEvents: string[];
  sinks: string[];
  watchedPlans: string[];
  lastDeliveryTime: string | null;
  lastFailureTime: string | null;
}

export interface ClusterPlanList {
  connection: string;
  /** false when the cluster does not serve hibernator.ardikabs.com/v1alpha1 (then `reason` says so). */
  served: boolean;
  reason: string | null;
  plans: ClusterPlanSummary[];
  exceptions: ClusterExceptionSummary[];
  notifications: ClusterNotificationSummary[];
}

export interface ClusterPlanDetail {
  plan: ClusterPlanSummary;
  exceptions: ClusterExceptionSummary[];
  notifications: ClusterNotificationSummary[];
  /** The next few estimated transitions. */
  upcoming: EstimatedTransition[];
}

export interface ClusterPlanActionResult {
  connection: string;
  namespace: string;
  name: string;
  action: ClusterPlanAction;
  /** What was done, or why nothing needed doing. */
  message: string;
  /** The JSON merge patch sent; null when nothing was sent. */
  patch: Record<string, unknown> | null;
  plan: ClusterPlanSummary;
}
