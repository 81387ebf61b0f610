import BetterSqlite3 from 'better-sqlite3';
import type { Database } from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, type Migration } from './migrations';

export const DATABASE_FILE = 'hibernator.db';

export class DatabaseError extends Error {
  constructor(
    readonly code: 'DATABASE_CORRUPT' | 'DATABASE_TOO_NEW' | 'DATABASE_UNAVAILABLE',
    message: string,
  ) {
    super(message);
  }
}

export interface OpenDatabaseOptions {
  /** Path of a better-sqlite3 binary built for another ABI (Electron); see architecture.md. */
  nativeBinding?: string;
  migrations?: readonly Migration[];
}

function schemaVersion(db: Database): number {
  return Number(db.pragma('user_version', { simple: true }));
}

/** Applies pending migrations, each in its own transaction with its version bump. */
export function migrate(db: Database, migrations: readonly Migration[] = MIGRATIONS): number {
  const current = schemaVersion(db);
  const latest = migrations.length;
  if (current > latest) {
    throw new DatabaseError(
      'DATABASE_TOO_NEW',
      `The database was written by a newer Hibernator (schema ${current}; this version knows up to ${latest}). ` +
        `Upgrade Hibernator, or point --data-dir at another directory. Nothing was changed.`,
    );
  }
  for (const migration of migrations.slice(current)) {
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
  return schemaVersion(db);
}

/**
 * Opens (creating if needed) the one database of a data directory: WAL so readers never block
 * the engine, foreign keys on, and `synchronous=FULL` so a committed restore point survives a
 * power cut, not only a process crash (semantics.md section 5, write-ahead).
 */
export function openDatabase(path: string, options: OpenDatabaseOptions = {}): Database {
  const existed = existsSync(path);
  let db: Database;
  try {
    db = new BetterSqlite3(
      path,
      options.nativeBinding ? { nativeBinding: options.nativeBinding } : {},
    );
  } catch (error) {
    throw new DatabaseError(
      'DATABASE_UNAVAILABLE',
      `Cannot open the database ${path}: ${describe(error)}.`,
    );
  }
  try {
    // The first statement reads the header: a corrupt or foreign file fails here, before any write.
    db.pragma('schema_version');
    const integrity = existed ? String(db.pragma('quick_check', { simple: true })) : 'ok';
    if (integrity !== 'ok') throw new Error(integrity);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db, options.migrations ?? MIGRATIONS);
    return db;
  } catch (error) {
    db.close();
    if (error instanceof DatabaseError) throw error;
    throw new DatabaseError(
      'DATABASE_CORRUPT',
      `The database ${path} is damaged or is not a Hibernator database (${describe(error)}). ` +
        `Nothing was changed. Move it aside to start fresh (restore points in it would be lost), or restore a backup.`,
    );
  }
}

export function databasePath(dataDir: string): string {
  return join(dataDir, DATABASE_FILE);
}

export { LATEST_SCHEMA_VERSION };

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
