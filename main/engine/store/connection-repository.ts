import type { Database } from 'better-sqlite3';
import { ConnectionSchema, type Connection } from '../../../shared/model';
import { parseStoredJson } from './stored-json';

/** Connections store only names, profiles, contexts and endpoints: never credentials. */
export class ConnectionRepository {
  constructor(private readonly db: Database) {}

  list(): Connection[] {
    return this.db
      .prepare<[], { name: string; object_json: string }>(
        'SELECT name, object_json FROM connections ORDER BY name',
      )
      .all()
      .map((row) => parseStoredJson(ConnectionSchema, row.object_json, `connection ${row.name}`));
  }

  get(name: string): Connection | null {
    const row = this.db
      .prepare<[string], { object_json: string }>(
        'SELECT object_json FROM connections WHERE name = ?',
      )
      .get(name);
    return row ? parseStoredJson(ConnectionSchema, row.object_json, `connection ${name}`) : null;
  }

  upsert(connection: Connection, now: Date): boolean {
    const at = now.toISOString();
    const result = this.db
      .prepare(
        `INSERT INTO connections (name, kind, object_json, created_at, updated_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT(name) DO UPDATE SET kind = excluded.kind, object_json = excluded.object_json, updated_at = excluded.updated_at
         RETURNING created_at`,
      )
      .get(connection.metadata.name, connection.kind, JSON.stringify(connection), at, at) as {
      created_at: string;
    };
    return result.created_at === at;
  }

  delete(name: string): boolean {
    return this.db.prepare('DELETE FROM connections WHERE name = ?').run(name).changes > 0;
  }
}
