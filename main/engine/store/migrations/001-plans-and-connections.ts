import type { Migration } from './migration';

export const plansAndConnections: Migration = {
  version: 1,
  name: 'plans, plan state, exceptions, connections, settings',
  up(db) {
    db.exec(`
      CREATE TABLE plans (
        name        TEXT PRIMARY KEY,
        object_json TEXT NOT NULL,
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL
      );
      CREATE TABLE plan_state (
        name        TEXT PRIMARY KEY REFERENCES plans(name) ON DELETE CASCADE,
        phase       TEXT NOT NULL,
        cycle_id    TEXT,
        status_json TEXT NOT NULL,
        updated_at  TEXT NOT NULL
      );
      CREATE TABLE schedule_exceptions (
        name        TEXT PRIMARY KEY,
        plan_name   TEXT NOT NULL,
        object_json TEXT NOT NULL,
        valid_until TEXT NOT NULL,
        created_at  TEXT NOT NULL
      );
      CREATE INDEX schedule_exceptions_plan ON schedule_exceptions(plan_name);
      CREATE TABLE connections (
        name        TEXT PRIMARY KEY,
        kind        TEXT NOT NULL,
        object_json TEXT NOT NULL,
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL
      );
      CREATE TABLE settings (
        key        TEXT PRIMARY KEY,
        value_json TEXT NOT NULL
      );
    `);
  },
};
