/** The operator's API group/version: objects carry it so that exported YAML applies unchanged in-cluster. */
export const API_VERSION = 'hibernator.ardikabs.com/v1alpha1';

export const PLAN_KIND = 'HibernatePlan';
export const EXCEPTION_KIND = 'ScheduleException';
export const CLOUD_PROVIDER_KIND = 'CloudProvider';
export const K8S_CLUSTER_KIND = 'K8SCluster';
export const NOTIFICATION_KIND = 'HibernateNotification';
export const OBJECT_KINDS = [
  PLAN_KIND,
  EXCEPTION_KIND,
  CLOUD_PROVIDER_KIND,
  K8S_CLUSTER_KIND,
  NOTIFICATION_KIND,
] as const;
export type ObjectKind = (typeof OBJECT_KINDS)[number];

/** Annotation keys shared with the operator. */
export const ANNOTATION_PREFIX = 'hibernator.ardikabs.com/';
export const SUSPEND_UNTIL_ANNOTATION = 'hibernator.ardikabs.com/suspend-until';
export const SUSPEND_REASON_ANNOTATION = 'hibernator.ardikabs.com/suspend-reason';
export const EXCEPTION_REASON_ANNOTATION = 'hibernator.ardikabs.com/reason';
/** Tag or annotation `"true"` on a cloud resource / workload opts it out of every plan. */
export const EXCLUDE_ANNOTATION = 'hibernator.ardikabs.com/exclude';

export const DAYS = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'] as const;
export type Day = (typeof DAYS)[number];

export const STRATEGY_TYPES = ['Sequential', 'Parallel', 'DAG', 'Staged'] as const;
export const BEHAVIOR_MODES = ['Strict', 'BestEffort'] as const;
export const EXCEPTION_TYPES = ['extend', 'suspend', 'replace'] as const;

export const EXECUTOR_TYPES = [
  'ec2',
  'rds',
  'eks',
  'asg',
  'karpenter',
  'workloadscaler',
  'noop',
] as const;
export type ExecutorType = (typeof EXECUTOR_TYPES)[number];

export const CONNECTOR_KINDS = [CLOUD_PROVIDER_KIND, K8S_CLUSTER_KIND] as const;
export type ConnectorKind = (typeof CONNECTOR_KINDS)[number];

/** Which kind of connection each executor talks through; noop needs none. */
export const CONNECTOR_KIND_FOR_EXECUTOR: Readonly<Record<ExecutorType, ConnectorKind | null>> = {
  ec2: CLOUD_PROVIDER_KIND,
  rds: CLOUD_PROVIDER_KIND,
  eks: CLOUD_PROVIDER_KIND,
  asg: CLOUD_PROVIDER_KIND,
  karpenter: K8S_CLUSTER_KIND,
  workloadscaler: K8S_CLUSTER_KIND,
  noop: null,
};

export const DEFAULT_BEHAVIOR_MODE = 'Strict';
export const DEFAULT_RETRIES = 3;
export const MAX_RETRIES = 10;
/** The operator's limit on an exception's validity; kept so exported exceptions pass its webhook. */
export const MAX_EXCEPTION_DAYS = 90;
export const MAX_PLAN_NAME_LENGTH = 63;
