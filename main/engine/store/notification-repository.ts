import type { Database } from 'better-sqlite3';
import { NotificationSchema, type HibernateNotification } from '../../../shared/model';
import { parseStoredJson } from './stored-json';

/** HibernateNotifications: selector, events and sinks with their secretRef names — never sink config. */
export class NotificationRepository {
  constructor(private readonly db: Database) {}

  list(): HibernateNotification[] {
    return this.db
      .prepare<[], { name: string; object_json: string }>(
        'SELECT name, object_json FROM notifications ORDER BY name',
      )
      .all()
      .map((row) =>
        parseStoredJson(NotificationSchema, row.object_json, `notification ${row.name}`),
      );
  }

  get(name: string): HibernateNotification | null {
    const row = this.db
      .prepare<[string], { object_json: string }>(
        'SELECT object_json FROM notifications WHERE name = ?',
      )
      .get(name);
    return row
      ? parseStoredJson(NotificationSchema, row.object_json, `notification ${name}`)
      : null;
  }

  /** True when the notification is new. */
  upsert(notification: HibernateNotification, now: Date): boolean {
    const at = now.toISOString();
    const result = this.db
      .prepare(
        `INSERT INTO notifications (name, object_json, created_at, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT(name) DO UPDATE SET object_json = excluded.object_json, updated_at = excluded.updated_at
         RETURNING created_at`,
      )
      .get(notification.metadata.name, JSON.stringify(notification), at, at) as {
      created_at: string;
    };
    return result.created_at === at;
  }

  delete(name: string): boolean {
    return this.db.prepare('DELETE FROM notifications WHERE name = ?').run(name).changes > 0;
  }
}
