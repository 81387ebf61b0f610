import type { Migration } from './migration';

/** Operation history: one row per operation (shutdown or wake-up), one per target result. */
export const history: Migration = {
  version: 3,
  name: 'operation history',
  up(db) {
    db.exec(`
      CREATE TABLE operations (
        id          INTEGER PRIMARY KEY AUTOINCREMENT,
        plan_name   TEXT NOT NULL,
        cycle_id    TEXT,
        operation   TEXT NOT NULL,
        trigger     TEXT NOT NULL,
        started_at  TEXT NOT NULL,
        finished_at TEXT,
        result      TEXT NOT NULL,
        message     TEXT
      );
      CREATE INDEX operations_plan ON operations(plan_name, started_at);
      CREATE TABLE operation_targets (
        operation_id INTEGER NOT NULL REFERENCES operations(id) ON DELETE CASCADE,
        target       TEXT NOT NULL,
        state        TEXT NOT NULL,
        attempts     INTEGER NOT NULL,
        started_at   TEXT,
        finished_at  TEXT,
        message      TEXT,
        PRIMARY KEY (operation_id, target)
      );
    `);
  },
};
