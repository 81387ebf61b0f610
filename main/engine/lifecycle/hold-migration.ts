import { legacyHoldKind, migrateHolds } from '../../../shared/override';
import type { HibernatorEvent } from '../../../shared/api/events';
import type { LifecycleDeps } from './lifecycle-deps';
import { planWithOverride, storedOverride } from './override-store';

/** The settings flag that says the migration ran (it runs once per data directory). */
export const HOLD_MIGRATION_FLAG = 'overrides-from-holds-v1';

export interface MigrationFlags {
  flag(key: string): boolean;
  setFlag(key: string): void;
}

/**
 * Earlier versions stored every manual action as a ScheduleException "hold". Once, at engine
 * start, for each plan: the hold in effect now becomes the plan's override (the latest wins,
 * shared/override/migrate-holds.ts); the other holds in effect now are deleted, because they
 * lost to it and a losing 'hibernate' hold would take over again when the override ends (the
 * very weekend-long surprise of issue 12); holds not in effect now stay as ordinary exceptions.
 * The user is told once per plan: a history notice and a PlanChanged event with the message.
 * Returns the number of plans changed.
 */
export function migrateLegacyHolds(deps: LifecycleDeps, flags: MigrationFlags): number {
  if (flags.flag(HOLD_MIGRATION_FLAG)) return 0;
  const now = deps.clock.now();
  const events: HibernatorEvent[] = [];
  let changed = 0;
  deps.db.transaction(() => {
    for (const stored of deps.plans.list(now)) {
      const name = stored.plan.metadata.name;
      const exceptions = deps.exceptions.list(name);
      const migration = migrateHolds(name, exceptions, now);
      if (!migration.message) continue;
      // A plan that already has an override (set by this version) keeps it.
      const hasOverride = storedOverride(stored.plan, stored.status) !== null;
      const override = hasOverride ? null : migration.override;
      const superseded = override
        ? exceptions.filter((e) => {
            if (e.metadata.name === migration.replaced) return false;
            if (legacyHoldKind(e, name) === undefined) return false;
            const t = now.getTime();
            return Date.parse(e.spec.validFrom) <= t && t < Date.parse(e.spec.validUntil);
          })
        : [];
      const deleted = override
        ? [migration.replaced, ...superseded.map((e) => e.metadata.name)].filter(
            (n): n is string => n !== null,
          )
        : [];
      if (override) {
        deps.plans.upsert(planWithOverride(stored.plan, override), now);
        deps.plans.saveStatus(name, { ...stored.status, override });
      }
      for (const exception of deleted) {
        deps.exceptions.delete(exception);
        events.push({ type: 'ExceptionChanged', plan: name, exception, change: 'deleted' });
      }
      const dropped =
        superseded.length > 0
          ? ` Removed ${superseded.length} other hold(s) in effect now that it replaces: ${superseded.map((e) => e.metadata.name).join(', ')}.`
          : '';
      const message = override
        ? `${migration.message}${dropped}`
        : `${migration.otherHolds.length} manual hold(s) of an earlier version stay as ordinary exceptions: ${migration.otherHolds.join(', ')}.`;
      deps.history.notice(
        name,
        override?.phase === 'hibernate' ? 'shutdown' : 'wakeup',
        message,
        now,
      );
      events.push({ type: 'PlanChanged', plan: name, change: 'updated', message });
      changed += 1;
    }
    flags.setFlag(HOLD_MIGRATION_FLAG);
  })();
  // Hosts subscribe right after the engine opens (which runs this): tell them on the next turn.
  if (events.length > 0) setImmediate(() => events.forEach((event) => deps.bus.emit(event)));
  if (changed > 0) deps.logger.info('manual holds migrated to overrides', { plans: changed });
  return changed;
}
