import { type PlanOverride, utcSeconds } from '../model/override';
import type { OverrideLike, ScheduleExceptionLike } from '../schedule/types';

/**
 * Migration from earlier versions, where every manual action stored a ScheduleException "hold"
 * (shared/schedule/shortcuts.ts). Those are recognised by what the shortcuts always wrote: a
 * name `<plan>-<kind>-<yyyymmdd>-<hhmm>[-n]`, the type that kind used (extend for hibernate,
 * suspend otherwise), one all-day window on every day, and no lead time. The reason annotation
 * is not required: users could edit it.
 */
const HOLD_KINDS = {
  'keep-awake': 'wakeup',
  skip: 'wakeup',
  wake: 'wakeup',
  'awake-until-tomorrow': 'wakeup',
  hibernate: 'hibernate',
} as const satisfies Record<string, OverrideLike['phase']>;
type HoldKind = keyof typeof HOLD_KINDS;

const HOLD_NAME = /-(keep-awake|skip|wake|hibernate|awake-until-tomorrow)-\d{8}-\d{4}(?:-(\d+))?$/;
const ALL_DAYS = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'];

/** The hold kind when `exception` is an earlier version's manual hold for `planName`. */
export function legacyHoldKind(
  exception: ScheduleExceptionLike,
  planName: string,
): HoldKind | undefined {
  const { spec } = exception;
  if (spec.planRef.name !== planName || spec.leadTime !== undefined) return undefined;
  const match = HOLD_NAME.exec(exception.metadata.name);
  const kind = match?.[1] as HoldKind | undefined;
  if (!kind) return undefined;
  if (spec.type !== (kind === 'hibernate' ? 'extend' : 'suspend')) return undefined;
  const [window, ...more] = spec.windows;
  const allDay =
    window !== undefined &&
    more.length === 0 &&
    window.start === '00:00' &&
    (window.end === '24:00' || window.end === '23:59') &&
    ALL_DAYS.every((d) => window.daysOfWeek.some((w) => w.toUpperCase() === d));
  return allDay ? kind : undefined;
}

export interface HoldMigration {
  /** The hold in effect now as the plan's override, or null when none is. */
  override: PlanOverride | null;
  /** The exception that became the override: the engine deletes it. */
  replaced: string | null;
  /** Every exception that stays, as an ordinary exception (other holds included). */
  keep: ScheduleExceptionLike[];
  /** Names of the earlier holds that stay as ordinary exceptions (for the one-time notice). */
  otherHolds: string[];
  /** The one-time notice, or null when there was nothing to migrate. */
  message: string | null;
}

/**
 * The hold in effect at `now` (validFrom ≤ now < validUntil) becomes the override; when several
 * are, the latest wins (latest validFrom, then the higher collision suffix, then the name).
 */
export function migrateHolds(
  planName: string,
  exceptions: readonly ScheduleExceptionLike[],
  now: Date,
): HoldMigration {
  const t = now.getTime();
  const holds = exceptions
    .map((exception) => ({ exception, kind: legacyHoldKind(exception, planName) }))
    .filter((h): h is { exception: ScheduleExceptionLike; kind: HoldKind } => h.kind !== undefined);
  const inEffect = holds.filter(({ exception: e }) => {
    const from = Date.parse(e.spec.validFrom);
    const until = Date.parse(e.spec.validUntil);
    return from <= t && t < until;
  });
  const order = (e: ScheduleExceptionLike): [number, number, string] => [
    Date.parse(e.spec.validFrom),
    Number(HOLD_NAME.exec(e.metadata.name)?.[2] ?? 1),
    e.metadata.name,
  ];
  const latest = inEffect.reduce<(typeof inEffect)[number] | undefined>((best, h) => {
    if (!best) return h;
    const [a, b] = [order(h.exception), order(best.exception)];
    const later = a[0] !== b[0] ? a[0] > b[0] : a[1] !== b[1] ? a[1] > b[1] : a[2] > b[2];
    return later ? h : best;
  }, undefined);

  const otherHolds = holds.filter((h) => h !== latest).map((h) => h.exception.metadata.name);
  if (!latest) {
    return {
      override: null,
      replaced: null,
      keep: [...exceptions],
      otherHolds,
      message:
        otherHolds.length > 0
          ? `${otherHolds.length} manual hold(s) of earlier versions stay as ordinary exceptions: ${otherHolds.join(', ')}`
          : null,
    };
  }
  const from = Date.parse(latest.exception.spec.validFrom);
  const until = Date.parse(latest.exception.spec.validUntil);
  const phase = HOLD_KINDS[latest.kind];
  const override: PlanOverride = {
    phase,
    until: utcSeconds(until),
    setAt: utcSeconds(from),
    by: 'migration',
    durationMs: until - from,
    previous: null,
  };
  const name = latest.exception.metadata.name;
  const others =
    otherHolds.length > 0
      ? `; ${otherHolds.length} other manual hold(s) stay as ordinary exceptions: ${otherHolds.join(', ')}`
      : '';
  return {
    override,
    replaced: name,
    keep: exceptions.filter((e) => e !== latest.exception),
    otherHolds,
    message: `The manual hold "${name}" is now this plan's manual override (${phase === 'hibernate' ? 'asleep' : 'awake'} until ${override.until})${others}.`,
  };
}
