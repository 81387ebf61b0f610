import type { Database } from 'better-sqlite3';
import { PlanSchema, type Plan } from '../../../shared/model';
import { PlanStatusSchema, type PlanStatus } from '../../../shared/model/status';
import { redactErrorTexts } from '../../../shared/security/redact-secrets';
import { parseStoredJson } from './stored-json';

export interface StoredPlan {
  plan: Plan;
  status: PlanStatus;
  createdAt: string;
  updatedAt: string;
}

interface PlanRow {
  name: string;
  object_json: string;
  created_at: string;
  updated_at: string;
  status_json: string | null;
}

export function initialStatus(now: Date): PlanStatus {
  const at = now.toISOString();
  return {
    phase: 'Active',
    cycle: null,
    operationId: null,
    lastEvaluatedAt: null,
    lastKeepAsleepAt: null,
    operation: null,
    suspendedAtPhase: null,
    lastOperation: null,
    ledgerOperation: null,
    error: null,
    retriesLeft: null,
    nextRetryAt: null,
    ledger: [],
    phaseSince: at,
    updatedAt: at,
  };
}

/** Plans and their lifecycle state. Every row read back is parsed with the shared schemas. */
export class PlanRepository {
  constructor(private readonly db: Database) {}

  private toStored(row: PlanRow, now: Date): StoredPlan {
    const plan = parseStoredJson(PlanSchema, row.object_json, `plan ${row.name}`);
    const status = row.status_json
      ? parseStoredJson(PlanStatusSchema, row.status_json, `state of plan ${row.name}`)
      : initialStatus(now);
    return { plan, status, createdAt: row.created_at, updatedAt: row.updated_at };
  }

  list(now: Date): StoredPlan[] {
    const rows = this.db
      .prepare<[], PlanRow>(
        `SELECT p.name, p.object_json, p.created_at, p.updated_at, s.status_json
         FROM plans p LEFT JOIN plan_state s ON s.name = p.name ORDER BY p.name`,
      )
      .all();
    return rows.map((row) => this.toStored(row, now));
  }

  get(name: string, now: Date): StoredPlan | null {
    const row = this.db
      .prepare<[string], PlanRow>(
        `SELECT p.name, p.object_json, p.created_at, p.updated_at, s.status_json
         FROM plans p LEFT JOIN plan_state s ON s.name = p.name WHERE p.name = ?`,
      )
      .get(name);
    return row ? this.toStored(row, now) : null;
  }

  /** Inserts or replaces the plan object; a new plan starts Active. Returns true when created. */
  upsert(plan: Plan, now: Date): boolean {
    const at = now.toISOString();
    const json = JSON.stringify(plan);
    return this.db.transaction(() => {
      const existing = this.db
        .prepare('SELECT 1 FROM plans WHERE name = ?')
        .get(plan.metadata.name);
      if (existing) {
        this.db
          .prepare('UPDATE plans SET object_json = ?, updated_at = ? WHERE name = ?')
          .run(json, at, plan.metadata.name);
        return false;
      }
      this.db
        .prepare(
          'INSERT INTO plans (name, object_json, created_at, updated_at) VALUES (?, ?, ?, ?)',
        )
        .run(plan.metadata.name, json, at, at);
      this.saveStatus(plan.metadata.name, initialStatus(now));
      return true;
    })();
  }

  /**
   * Writes phase, cycle, operation and ledger together (one statement, one transaction). Error
   * texts (the plan's error, ledger messages) are redacted on the way in: no credential an
   * endpoint echoed reaches the database.
   */
  saveStatus(name: string, status: PlanStatus): void {
    this.db
      .prepare(
        `INSERT INTO plan_state (name, phase, cycle_id, status_json, updated_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT(name) DO UPDATE SET phase = excluded.phase, cycle_id = excluded.cycle_id,
           status_json = excluded.status_json, updated_at = excluded.updated_at`,
      )
      .run(
        name,
        status.phase,
        status.cycle?.id ?? null,
        JSON.stringify(redactErrorTexts(status)),
        status.updatedAt,
      );
  }

  delete(name: string): boolean {
    return this.db.prepare('DELETE FROM plans WHERE name = ?').run(name).changes > 0;
  }
}
