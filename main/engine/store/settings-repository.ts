import type { Database } from 'better-sqlite3';
import { SettingsSchema, type Settings, type SettingsPatch } from '../../../shared/api/contract';

export const DEFAULT_SETTINGS: Settings = {
  headsUpMinutes: 10,
  notifications: {
    phaseChanges: true,
    failures: true,
    headsUp: true,
    caughtUp: true,
    credentials: true,
  },
  startAtLogin: false,
  hourlyCosts: {},
  currency: 'USD',
  wakeNowHours: 3,
  keepAsleepHours: 24,
};

const FLAG_PREFIX = 'engine.';

/** User settings, one JSON value a key; a missing or damaged value falls back to its default. */
export class SettingsRepository {
  constructor(private readonly db: Database) {}

  get(): Settings {
    const rows = this.db
      .prepare<[], { key: string; value_json: string }>('SELECT key, value_json FROM settings')
      .all();
    const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS };
    for (const row of rows) {
      if (!(row.key in DEFAULT_SETTINGS)) continue;
      try {
        const value = JSON.parse(row.value_json) as unknown;
        const field = SettingsSchema.shape[row.key as keyof Settings];
        if (field.safeParse(value).success) merged[row.key] = value;
      } catch {
        // keep the default
      }
    }
    return SettingsSchema.parse(merged);
  }

  /**
   * Engine-internal flags (one-time migrations), kept in the same table under keys that are not
   * settings, so `get` and the API never show them.
   */
  flag(key: string): boolean {
    const row = this.db
      .prepare<[string], { value_json: string }>('SELECT value_json FROM settings WHERE key = ?')
      .get(`${FLAG_PREFIX}${key}`);
    return row?.value_json === 'true';
  }

  setFlag(key: string): void {
    this.db
      .prepare(
        "INSERT INTO settings (key, value_json) VALUES (?, 'true') ON CONFLICT(key) DO UPDATE SET value_json = 'true'",
      )
      .run(`${FLAG_PREFIX}${key}`);
  }

  update(patch: SettingsPatch): Settings {
    const current = this.get();
    const next = SettingsSchema.parse({
      ...current,
      ...patch,
      notifications: { ...current.notifications, ...(patch.notifications ?? {}) },
    });
    const upsert = this.db.prepare(
      'INSERT INTO settings (key, value_json) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value_json = excluded.value_json',
    );
    this.db.transaction(() => {
      for (const [key, value] of Object.entries(next)) upsert.run(key, JSON.stringify(value));
    })();
    return next;
  }
}
