import { z } from 'zod';
import { OVERRIDE_SETTERS, type OverrideSetter } from './override';

/** Plan phases (semantics.md section 3). */
export const PHASES = [
  'Active',
  'Hibernating',
  'Hibernated',
  'WakingUp',
  'Suspended',
  'Error',
] as const;
export const PhaseSchema = z.enum(PHASES);
export type Phase = z.infer<typeof PhaseSchema>;

export const OperationSchema = z.enum(['shutdown', 'wakeup']);
export type Operation = z.infer<typeof OperationSchema>;

export const TARGET_STATES = ['Pending', 'Running', 'Completed', 'Failed', 'Aborted'] as const;
export const TargetStateSchema = z.enum(TARGET_STATES);
export type TargetState = z.infer<typeof TargetStateSchema>;

/** One row of the per-target execution ledger of the operation in progress (or the last one). */
export const LedgerEntrySchema = z.object({
  target: z.string(),
  executor: z.string(),
  state: TargetStateSchema,
  attempts: z.number().int().min(0),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  message: z.string().nullable(),
  /** Set when the target's shutdown in this cycle reported at least one resource. */
  touched: z.boolean().default(false),
  /** When the last failure was transient (worth retrying automatically). */
  transient: z.boolean().optional(),
  errorCode: z.string().optional(),
});
export type LedgerEntry = z.infer<typeof LedgerEntrySchema>;

export const PlanErrorSchema = z.object({
  code: z.string(),
  message: z.string(),
  transient: z.boolean(),
  /** The operation that failed, so a retry re-runs that operation and not whatever the schedule says. */
  operation: OperationSchema.nullable(),
  at: z.string(),
});
export type PlanError = z.infer<typeof PlanErrorSchema>;

export const TransitionSchema = z.object({
  at: z.string(),
  operation: z.enum(['hibernate', 'wakeup']),
});
export type Transition = z.infer<typeof TransitionSchema>;

/** What one target did in the open cycle: decides what its wake-up must do. */
export const CycleTargetSchema = z.object({
  /** Its shutdown in this cycle reported at least one resource. */
  touched: z.boolean(),
  shutdown: z.enum(['pending', 'completed', 'failed']),
});
export type CycleTarget = z.infer<typeof CycleTargetSchema>;

/** Exception overrides locked into a cycle when its shutdown starts, used unchanged by its wake-up. */
export const CycleOverridesSchema = z.object({
  exceptions: z.array(z.string()),
  targets: z.record(
    z.string(),
    z.object({
      parameters: z.record(z.string(), z.unknown()).optional(),
      disabled: z.boolean().optional(),
    }),
  ),
  strategy: z.unknown().optional(),
  behavior: z.unknown().optional(),
});
export type CycleOverrides = z.infer<typeof CycleOverridesSchema>;

export const CycleSchema = z.object({
  id: z.string(),
  openedAt: z.string(),
  targets: z.record(z.string(), CycleTargetSchema),
  overrides: CycleOverridesSchema.nullable(),
});
export type Cycle = z.infer<typeof CycleSchema>;

/**
 * The desktop's bookkeeping of the plan's manual override (semantics.md section 2): who set it,
 * when, for how long. The override itself (phase, until) lives in the plan's annotations, the
 * operator's way; this copy of phase/until tells whether the annotations still describe the same
 * override (an edit or import that changed them starts a new one without this bookkeeping).
 */
export interface OverrideRecord {
  phase: 'hibernate' | 'wakeup';
  until: string | null;
  setAt?: string | undefined;
  by?: OverrideSetter | undefined;
  byUser?: string | undefined;
  durationMs?: number | undefined;
  previous?: OverrideRecord | null | undefined;
}
export const OverrideRecordSchema: z.ZodType<OverrideRecord> = z.lazy(() =>
  z.object({
    phase: z.enum(['hibernate', 'wakeup']),
    until: z.string().nullable(),
    setAt: z.string().optional(),
    // Unknown origins (a newer version's) load as absent rather than failing the whole status.
    by: z.enum(OVERRIDE_SETTERS).optional().catch(undefined),
    byUser: z.string().optional(),
    durationMs: z.number().optional(),
    previous: OverrideRecordSchema.nullable().optional(),
  }),
);

/** The stored state of a plan, written in one transaction with every phase change. */
export const PlanStatusSchema = z.object({
  phase: PhaseSchema,
  /** The open cycle (a shutdown started and its wake-up has not unlocked it yet). */
  cycle: CycleSchema.nullable(),
  operation: OperationSchema.nullable(),
  /** History row of the operation in progress or last run. */
  operationId: z.number().int().nullable().default(null),
  /** Last instant the schedule was evaluated: a transition between it and now was missed. */
  lastEvaluatedAt: z.string().nullable().default(null),
  /** Last keep-asleep check while hibernated (RDS restarts stopped databases after 7 days). */
  lastKeepAsleepAt: z.string().nullable().default(null),
  suspendedAtPhase: PhaseSchema.nullable(),
  /** In Suspended/Error: the operation that ran last, to route resume and retry. */
  lastOperation: OperationSchema.nullable(),
  /** The operation the ledger belongs to (a failed pre-check changes lastOperation, not the ledger). */
  ledgerOperation: OperationSchema.nullable().default(null),
  error: PlanErrorSchema.nullable(),
  retriesLeft: z.number().int().min(0).nullable(),
  nextRetryAt: z.string().nullable(),
  ledger: z.array(LedgerEntrySchema),
  phaseSince: z.string(),
  updatedAt: z.string(),
  /** Bookkeeping of the override in the plan's annotations (absent in earlier versions' rows). */
  override: OverrideRecordSchema.nullable().optional(),
  /** What undoOverride puts back (`previous: null` = no override); absent = nothing to undo. */
  overrideUndo: z.object({ previous: OverrideRecordSchema.nullable() }).nullable().optional(),
});
export type PlanStatus = z.infer<typeof PlanStatusSchema>;

/** What the plan list shows: one row per plan. */
export interface PlanSummary {
  name: string;
  labels: Record<string, string>;
  phase: Phase;
  phaseSince: string;
  targetCount: number;
  timezone: string;
  suspended: boolean;
  nextTransition: Transition | null;
  error: PlanError | null;
  updatedAt: string;
  /** The plan's manual override in force (expired ones are not shown), else null. */
  override: {
    phase: 'hibernate' | 'wakeup';
    until: string | null;
    setAt: string | null;
    by: string | null;
    /** `user@host` of who set it, when known (see OverrideView). */
    byUser?: string | null;
    /** Set by the OS account this engine runs as (the words say "by you"). */
    byYou?: boolean;
    /** The length it was set for (ms), for "awake until 17:49 — 3 h"; null when unknown. */
    durationMs: number | null;
  } | null;
  /** The base windows, for the small week strip of the list. */
  offHours: Array<{ start: string; end: string; daysOfWeek: string[] }>;
  /** The last finished operation, for the list's "last cycle" column. */
  lastResult: {
    operation: Operation;
    result: string;
    finishedAt: string;
    message: string | null;
  } | null;
}

/** A restore point per (plan, target), as listed to the user. */
export const RestorePointSummarySchema = z.object({
  plan: z.string(),
  target: z.string(),
  executor: z.string(),
  cycleId: z.string(),
  isLive: z.boolean(),
  capturedAt: z.string(),
  restoredAt: z.string().nullable(),
  resourceCount: z.number().int(),
  staleCount: z.number().int(),
  /** Open while its cycle is the plan's open cycle; consumed once that cycle closed. */
  open: z.boolean(),
  /** The plan no longer exists (forced delete): the data is kept until the user drops it. */
  orphaned: z.boolean(),
});
export type RestorePointSummary = z.infer<typeof RestorePointSummarySchema>;

export const RestoreResourceSchema = z.object({
  key: z.string().min(1),
  state: z.unknown(),
  isLive: z.boolean(),
  capturedAt: z.string(),
  staleCount: z.number().int().min(0),
});
export type RestoreResource = z.infer<typeof RestoreResourceSchema>;

export interface RestorePointDetail extends RestorePointSummary {
  resources: RestoreResource[];
}
