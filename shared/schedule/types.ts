/**
 * Input and output shapes of the schedule engine. They are structural on purpose: the zod
 * schemas in shared/model produce objects with more fields, and anything that has at least
 * these fields is accepted.
 */

export const DAYS = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'] as const;
export type Day = (typeof DAYS)[number];

export interface OffHourWindow {
  /** `HH:MM`, 00:00–23:59. */
  start: string;
  /** `HH:MM` or `24:00`; `23:59` is read as end of day (24:00). */
  end: string;
  daysOfWeek: readonly Day[];
}

export interface SchedulePlan {
  metadata: { name: string };
  spec: { schedule: { timezone: string; offHours: readonly OffHourWindow[] } };
}

export type ExceptionType = 'extend' | 'suspend' | 'replace';

export interface ScheduleExceptionLike {
  metadata: { name: string; annotations?: Record<string, string> };
  spec: {
    planRef: { name: string };
    type: ExceptionType;
    /** ISO-8601 instant, inclusive. */
    validFrom: string;
    /** ISO-8601 instant, exclusive. */
    validUntil: string;
    /** Go-style duration (`30m`, `1h30m`, `90s`); suspend only. */
    leadTime?: string;
    windows: readonly OffHourWindow[];
  };
}

/** A complete, storable exception as produced by the shortcuts. */
export interface ScheduleExceptionObject extends ScheduleExceptionLike {
  apiVersion: 'hibernator.ardikabs.com/v1alpha1';
  kind: 'ScheduleException';
  metadata: { name: string; annotations: Record<string, string> };
  spec: ScheduleExceptionLike['spec'] & { windows: OffHourWindow[] };
}

export interface Evaluation {
  hibernate: boolean;
  /** Short sentence naming the window or exception that decided. */
  reason: string;
  /** Exceptions of this plan in effect at the instant (valid, or applying their lead time). */
  activeExceptions: string[];
}

export type ScheduleOperation = 'hibernate' | 'wakeup';

export interface ScheduleTransition {
  at: Date;
  operation: ScheduleOperation;
}

/** Where a stretch of time gets its state from (week picture, intervals). */
export type IntervalSource =
  | { kind: 'schedule'; window?: number }
  | { kind: 'replace' | 'extend' | 'suspend' | 'lead-time'; exception: string; window?: number };

export interface ScheduleInterval {
  from: Date;
  to: Date;
  hibernate: boolean;
  source: IntervalSource;
  reason: string;
}

/**
 * The part of a plan's manual override the schedule reads (shared/model/override.ts has the
 * full stored form). `until` is an ISO-8601 instant, exclusive; null = until removed.
 */
export interface OverrideLike {
  phase: ScheduleOperation;
  until: string | null;
}
