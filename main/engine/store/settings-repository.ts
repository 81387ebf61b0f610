import type { Database } from 'better-sqlite3';
import { z } from 'zod';

export const SettingsSchema = z.object({
  headsUpMinutes: z.number().int().min(0).max(240).default(10),
  notifications: z
    .object({
      phaseChanges: z.boolean().default(true),
      failures: z.boolean().default(true),
      headsUp: z.boolean().default(true),
      caughtUp: z.boolean().default(true),
      credentials: z.boolean().default(true),
    })
    .default({ phaseChanges: true, failures: true, headsUp: true, caughtUp: true, credentials: true }),
  startAtLogin: z.boolean().default(false),
  pauseAll: z.boolean().default(false),
});
export type Settings = z.infer<typeof SettingsSchema>;

/** User settings, one JSON value a key, parsed with defaults so older rows keep working. */
export class SettingsRepository {
  constructor(private readonly db: Database) {}

  get(): Settings {
    const rows = this.db.prepare<[], { key: string; value_json: string }>('SELECT key, value_json FROM settings').all();
    const raw: Record<string, unknown> = {};
    for (const row of rows) {
      try {
        raw[row.key] = JSON.parse(row.value_json) as unknown;
      } catch {
        // a damaged value falls back to its default
      }
    }
    const parsed = SettingsSchema.safeParse(raw);
    return parsed.success ? parsed.data : SettingsSchema.parse({});
  }

  update(patch: Partial<Settings>): Settings {
    const next = SettingsSchema.parse({ ...this.get(), ...patch });
    const upsert = this.db.prepare(
      'INSERT INTO settings (key, value_json) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value_json = excluded.value_json',
    );
    this.db.transaction(() => {
      for (const [key, value] of Object.entries(next)) upsert.run(key, JSON.stringify(value));
    })();
    return next;
  }
}
