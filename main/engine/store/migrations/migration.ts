import type { Database } from 'better-sqlite3';

export interface Migration {
  /** Numbered from 1 without gaps; stored in `PRAGMA user_version`. */
  version: number;
  name: string;
  up(db: Database): void;
}
