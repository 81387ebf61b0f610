import type { Migration } from './migration';

/**
 * HibernateNotifications and their delivery outbox. Sink config (URLs, tokens) is never stored
 * here: it lives in the owner-only secrets file (docs/notifications.md).
 */
export const notifications: Migration = {
  version: 4,
  name: 'notifications and their outbox',
  up(db) {
    db.exec(`
      CREATE TABLE notifications (
        name        TEXT PRIMARY KEY,
        object_json TEXT NOT NULL,
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL
      );
      CREATE TABLE notification_outbox (
        id              INTEGER PRIMARY KEY AUTOINCREMENT,
        dedupe_key      TEXT NOT NULL UNIQUE,
        notification    TEXT NOT NULL,
        sink            TEXT NOT NULL,
        plan_name       TEXT NOT NULL,
        event           TEXT NOT NULL,
        message_json    TEXT NOT NULL,
        status          TEXT NOT NULL,
        attempts        INTEGER NOT NULL DEFAULT 0,
        not_before      TEXT NOT NULL,
        created_at      TEXT NOT NULL,
        finished_at     TEXT,
        last_error      TEXT
      );
      CREATE INDEX notification_outbox_pending ON notification_outbox(status, notification, sink);
      CREATE TABLE notification_sink_state (
        notification  TEXT NOT NULL,
        sink          TEXT NOT NULL,
        failing_since TEXT,
        last_error    TEXT,
        PRIMARY KEY (notification, sink)
      );
    `);
  },
};
