import BetterSqlite3 from 'better-sqlite3';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepareDataDir } from '../host/data-dir';
import { DatabaseError, migrate, openDatabase } from './database';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations';

const dir = (): string => mkdtempSync(join(tmpdir(), 'hib-db-'));

/** Rows a user of schema version v would have; inserted before upgrading to the latest. */
function seedAtVersion(db: BetterSqlite3.Database, version: number): void {
  if (version >= 1) {
    db.prepare(
      "INSERT INTO plans (name, object_json, created_at, updated_at) VALUES ('p1', '{}', 'x', 'x')",
    ).run();
    db.prepare(
      "INSERT INTO connections (name, kind, object_json, created_at, updated_at) VALUES ('c1', 'CloudProvider', '{}', 'x', 'x')",
    ).run();
  }
  if (version >= 2) {
    db.prepare("INSERT INTO restore_points VALUES ('p1', 't1', 'noop', 'cy1', 1, 'x', NULL)").run();
    db.prepare(
      "INSERT INTO restore_resources VALUES ('p1', 't1', 'k1', '{\"wasAwake\":true}', 1, 'x', 0)",
    ).run();
  }
}

describe('openDatabase', () => {
  it('creates every table on an empty database and records the latest schema version', () => {
    const db = openDatabase(join(dir(), 'h.db'));
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
      .all()
      .map((r) => (r as { name: string }).name);
    expect(tables).toEqual(
      expect.arrayContaining([
        'plans',
        'plan_state',
        'connections',
        'restore_points',
        'restore_resources',
        'operations',
      ]),
    );
    db.close();
  });

  for (let from = 1; from < MIGRATIONS.length; from++) {
    it(`upgrades a version-${from} database to the latest without losing its rows`, () => {
      const path = join(dir(), 'h.db');
      const old = new BetterSqlite3(path);
      migrate(old, MIGRATIONS.slice(0, from));
      seedAtVersion(old, from);
      old.close();
      const db = openDatabase(path);
      expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
      expect(db.prepare('SELECT name FROM plans').all()).toEqual([{ name: 'p1' }]);
      if (from >= 2)
        expect(db.prepare('SELECT key FROM restore_resources').all()).toEqual([{ key: 'k1' }]);
      db.close();
    });
  }

  it('refuses a database written by a newer version and leaves it untouched', () => {
    const path = join(dir(), 'h.db');
    const db = new BetterSqlite3(path);
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`);
    db.exec('CREATE TABLE future (x)');
    db.close();
    expect(() => openDatabase(path)).toThrow(
      /newer Hibernator \(schema \d+; this version knows up to \d+\)/,
    );
    const again = new BetterSqlite3(path);
    expect(again.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION + 5);
    again.close();
  });

  it('reports a corrupt file as damaged without overwriting it', () => {
    const path = join(dir(), 'h.db');
    const garbage = 'this is not a database '.repeat(300);
    writeFileSync(path, garbage);
    let error: unknown;
    try {
      openDatabase(path);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DatabaseError);
    expect((error as DatabaseError).code).toBe('DATABASE_CORRUPT');
    expect((error as Error).message).toMatch(
      /damaged or is not a Hibernator database.*Nothing was changed/,
    );
  });
});

describe('prepareDataDir', () => {
  // Skipped as root (CI containers): root can write anywhere, so a read-only folder proves nothing.
  it.skipIf(process.getuid?.() === 0)(
    'names the directory and the fix when it is not writable',
    () => {
      // Root can write anywhere, so this check only means something for a normal user.
      const parent = dir();
      chmodSync(parent, 0o500);
      expect(() => prepareDataDir(join(parent, 'sub'))).toThrow(/is not usable .*make it writable/);
    },
  );

  it('names the path and the fix when the data dir is a file', () => {
    const file = join(dir(), 'not-a-dir');
    writeFileSync(file, 'x');
    expect(() => prepareDataDir(join(file, 'sub'))).toThrow(
      /Data directory .*not-a-dir\/sub is not usable .*--data-dir/,
    );
  });
});
