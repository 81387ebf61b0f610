/**
 * The operator's API as this app reads and writes it: group, version, the resources, and the
 * annotation keys of internal/wellknown/annotations.go (ardikabs/hibernator).
 */
export const HIBERNATOR_GROUP = 'hibernator.ardikabs.com';
export const HIBERNATOR_VERSION = 'v1alpha1';
export const HIBERNATOR_GROUP_VERSION = `${HIBERNATOR_GROUP}/${HIBERNATOR_VERSION}`;

export const CLUSTER_RESOURCES = [
  'hibernateplans',
  'scheduleexceptions',
  'hibernatenotifications',
] as const;
export type ClusterResource = (typeof CLUSTER_RESOURCES)[number];

const PREFIX = 'hibernator.ardikabs.com/';
export const ANNOTATIONS = {
  overrideAction: `${PREFIX}override-action`,
  overridePhaseTarget: `${PREFIX}override-phase-target`,
  overrideUntil: `${PREFIX}override-until`,
  suspendUntil: `${PREFIX}suspend-until`,
  suspendReason: `${PREFIX}suspend-reason`,
  retryNow: `${PREFIX}retry-now`,
  retryAt: `${PREFIX}retry-at`,
  restart: `${PREFIX}restart`,
} as const;

/** `DefaultRecoveryMaxRetryAttempts` in internal/wellknown/common.go. */
export const OPERATOR_DEFAULT_RETRIES = 3;
