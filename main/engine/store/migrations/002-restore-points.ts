import type { Migration } from './migration';

/** Restore points (semantics.md section 5): one row per (plan, target), one per resource. */
export const restorePoints: Migration = {
  version: 2,
  name: 'restore points',
  up(db) {
    db.exec(`
      CREATE TABLE restore_points (
        plan_name   TEXT NOT NULL,
        target      TEXT NOT NULL,
        executor    TEXT NOT NULL,
        cycle_id    TEXT NOT NULL,
        is_live     INTEGER NOT NULL,
        captured_at TEXT NOT NULL,
        restored_at TEXT,
        PRIMARY KEY (plan_name, target)
      );
      CREATE TABLE restore_resources (
        plan_name   TEXT NOT NULL,
        target      TEXT NOT NULL,
        key         TEXT NOT NULL,
        state_json  TEXT NOT NULL,
        is_live     INTEGER NOT NULL,
        captured_at TEXT NOT NULL,
        stale_count INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (plan_name, target, key),
        FOREIGN KEY (plan_name, target) REFERENCES restore_points(plan_name, target) ON DELETE CASCADE
      );
    `);
  },
};
