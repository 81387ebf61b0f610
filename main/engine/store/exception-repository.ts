import type { Database } from 'better-sqlite3';
import { ScheduleExceptionSchema, type ScheduleException } from '../../../shared/model';
import { parseStoredJson } from './stored-json';

export class ExceptionRepository {
  constructor(private readonly db: Database) {}

  list(planName?: string): ScheduleException[] {
    const rows = planName
      ? this.db
          .prepare<[string], { name: string; object_json: string }>(
            'SELECT name, object_json FROM schedule_exceptions WHERE plan_name = ? ORDER BY name',
          )
          .all(planName)
      : this.db
          .prepare<[], { name: string; object_json: string }>(
            'SELECT name, object_json FROM schedule_exceptions ORDER BY name',
          )
          .all();
    return rows.map((row) =>
      parseStoredJson(ScheduleExceptionSchema, row.object_json, `exception ${row.name}`),
    );
  }

  get(name: string): ScheduleException | null {
    const row = this.db
      .prepare<[string], { object_json: string }>(
        'SELECT object_json FROM schedule_exceptions WHERE name = ?',
      )
      .get(name);
    return row
      ? parseStoredJson(ScheduleExceptionSchema, row.object_json, `exception ${name}`)
      : null;
  }

  upsert(exception: ScheduleException, now: Date): boolean {
    const existed = this.db
      .prepare('SELECT 1 FROM schedule_exceptions WHERE name = ?')
      .get(exception.metadata.name);
    this.db
      .prepare(
        `INSERT INTO schedule_exceptions (name, plan_name, object_json, valid_until, created_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT(name) DO UPDATE SET plan_name = excluded.plan_name, object_json = excluded.object_json,
           valid_until = excluded.valid_until`,
      )
      .run(
        exception.metadata.name,
        exception.spec.planRef.name,
        JSON.stringify(exception),
        new Date(exception.spec.validUntil).toISOString(),
        now.toISOString(),
      );
    return !existed;
  }

  delete(name: string): boolean {
    return this.db.prepare('DELETE FROM schedule_exceptions WHERE name = ?').run(name).changes > 0;
  }

  /** Expired exceptions are kept a while for the history view, then dropped. */
  deleteExpiredBefore(cutoff: Date): number {
    return this.db
      .prepare('DELETE FROM schedule_exceptions WHERE valid_until < ?')
      .run(cutoff.toISOString()).changes;
  }
}
