import type { Database } from 'better-sqlite3';
import type { HistoryEntry, HistoryTarget } from '../../../shared/api/contract';
import type { LedgerEntry, Operation } from '../../../shared/model/status';
import { redactSecrets } from '../../../shared/security/redact-secrets';

/** History is kept this long (issue: per cycle and operation, kept for 90 days). */
export const HISTORY_RETENTION_DAYS = 90;

interface OperationRow {
  id: number;
  plan_name: string;
  cycle_id: string | null;
  operation: Operation;
  trigger: string;
  started_at: string;
  finished_at: string | null;
  result: HistoryEntry['result'];
  message: string | null;
}

interface TargetRow {
  operation_id: number;
  target: string;
  state: string;
  attempts: number;
  started_at: string | null;
  finished_at: string | null;
  message: string | null;
}

/** The trigger of history notices (not operations). */
export const NOTICE_TRIGGER = 'notice: manual holds of an earlier version migrated';

/** The trigger of keep-asleep checks that acted: history rows, but not the plan's last cycle. */
export const KEEP_ASLEEP_TRIGGER = 'keep-asleep check';

export class HistoryRepository {
  constructor(private readonly db: Database) {}

  start(
    plan: string,
    cycleId: string | null,
    operation: Operation,
    trigger: string,
    now: Date,
  ): number {
    const result = this.db
      .prepare(
        `INSERT INTO operations (plan_name, cycle_id, operation, trigger, started_at, result) VALUES (?, ?, ?, ?, ?, 'running')`,
      )
      .run(plan, cycleId, operation, trigger, now.toISOString());
    return Number(result.lastInsertRowid);
  }

  recordTargets(operationId: number, entries: readonly LedgerEntry[]): void {
    const upsert = this.db.prepare(
      `INSERT INTO operation_targets (operation_id, target, state, attempts, started_at, finished_at, message)
       VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT(operation_id, target) DO UPDATE SET state = excluded.state, attempts = excluded.attempts,
         started_at = excluded.started_at, finished_at = excluded.finished_at, message = excluded.message`,
    );
    for (const e of entries)
      upsert.run(
        operationId,
        e.target,
        e.state,
        e.attempts,
        e.startedAt,
        e.finishedAt,
        e.message === null ? null : redactSecrets(e.message),
      );
  }

  finish(
    operationId: number,
    result: HistoryEntry['result'],
    message: string | null,
    now: Date,
  ): void {
    this.db
      .prepare('UPDATE operations SET finished_at = ?, result = ?, message = ? WHERE id = ?')
      .run(
        now.toISOString(),
        result,
        message === null ? null : redactSecrets(message),
        operationId,
      );
  }

  list(plan: string, limit = 50): HistoryEntry[] {
    const ops = this.db
      .prepare<[string, number], OperationRow>(
        'SELECT * FROM operations WHERE plan_name = ? ORDER BY id DESC LIMIT ?',
      )
      .all(plan, limit);
    if (ops.length === 0) return [];
    const targets = this.db
      .prepare<[string, number], TargetRow>(
        `SELECT t.* FROM operation_targets t JOIN operations o ON o.id = t.operation_id
         WHERE o.plan_name = ? AND o.id >= ? ORDER BY t.operation_id, t.rowid`,
      )
      .all(plan, ops[ops.length - 1]?.id ?? 0);
    const byOp = new Map<number, HistoryTarget[]>();
    for (const t of targets) {
      const list = byOp.get(t.operation_id) ?? [];
      list.push({
        target: t.target,
        state: t.state,
        attempts: t.attempts,
        startedAt: t.started_at,
        finishedAt: t.finished_at,
        message: t.message,
      });
      byOp.set(t.operation_id, list);
    }
    return ops.map((o) => ({
      id: o.id,
      plan: o.plan_name,
      cycleId: o.cycle_id,
      operation: o.operation,
      trigger: o.trigger,
      startedAt: o.started_at,
      finishedAt: o.finished_at,
      result: o.result,
      message: o.message,
      targets: byOp.get(o.id) ?? [],
    }));
  }

  /** The last finished operation of every plan, in one query (the plan list). */
  lastResults(): Map<
    string,
    { operation: Operation; result: string; finishedAt: string; message: string | null }
  > {
    const rows = this.db
      .prepare<
        [string, string],
        {
          plan_name: string;
          operation: Operation;
          result: string;
          finished_at: string;
          message: string | null;
        }
      >(
        `SELECT o.plan_name, o.operation, o.result, o.finished_at, o.message FROM operations o
         JOIN (SELECT plan_name, MAX(id) AS id FROM operations WHERE finished_at IS NOT NULL AND trigger NOT IN (?, ?) GROUP BY plan_name) last ON last.id = o.id`,
      )
      .all(NOTICE_TRIGGER, KEEP_ASLEEP_TRIGGER);
    return new Map(
      rows.map((r) => [
        r.plan_name,
        { operation: r.operation, result: r.result, finishedAt: r.finished_at, message: r.message },
      ]),
    );
  }

  /**
   * A one-time notice in the plan's history (no operation ran): the list's "last cycle" column
   * leaves it out.
   */
  notice(plan: string, operation: Operation, message: string, now: Date): void {
    const id = this.start(plan, null, operation, NOTICE_TRIGGER, now);
    this.finish(id, 'succeeded', message, now);
  }

  /** Marks operations left 'running' by a crash as interrupted (they are resumed, under a new row). */
  interruptRunning(now: Date): number {
    return this.db
      .prepare(
        `UPDATE operations SET result = 'interrupted', finished_at = ?, message = 'engine stopped during the operation; resumed on restart' WHERE result = 'running'`,
      )
      .run(now.toISOString()).changes;
  }

  prune(now: Date): number {
    const cutoff = new Date(now.getTime() - HISTORY_RETENTION_DAYS * 86_400_000).toISOString();
    return this.db
      .prepare('DELETE FROM operations WHERE finished_at IS NOT NULL AND finished_at < ?')
      .run(cutoff).changes;
  }

  deletePlan(plan: string): void {
    this.db.prepare('DELETE FROM operations WHERE plan_name = ?').run(plan);
  }
}
