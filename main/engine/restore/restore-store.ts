import type { Database } from 'better-sqlite3';
import type {
  RestorePointDetail,
  RestorePointSummary,
  RestoreResource,
} from '../../../shared/model/status';
import { CodedError } from '../errors/coded-error';

/** What an executor reports before it changes a resource (write-ahead). */
export interface ResourceCapture {
  key: string;
  state: unknown;
  /** The resource was running / scaled up when captured: a high-quality capture. */
  isLive: boolean;
}

/** What a wake-up gets: the non-stale resources of the open cycle. */
export interface LoadedRestorePoint {
  plan: string;
  target: string;
  executor: string;
  cycleId: string;
  isLive: boolean;
  capturedAt: string;
  restoredAt: string | null;
  resources: Array<{ key: string; state: unknown; isLive: boolean; capturedAt: string }>;
}

interface PointRow {
  plan_name: string;
  target: string;
  executor: string;
  cycle_id: string;
  is_live: number;
  captured_at: string;
  restored_at: string | null;
}

interface ResourceRow {
  key: string;
  state_json: string;
  is_live: number;
  captured_at: string;
  stale_count: number;
}

/** A resource not seen for this many consecutive cycles is forgotten (semantics.md section 5). */
export const STALE_EVICTION_COUNT = 3;

export class RestoreStoreError extends CodedError {
  constructor(code: 'NOT_FOUND' | 'INVALID_INPUT', message: string) {
    super(code, message);
  }
}

/**
 * The restore point store. Every write is one SQLite transaction on a connection opened with
 * synchronous=FULL, so when `saveOrPreserve` returns the capture survives even `kill -9`.
 */
export class RestoreStore {
  constructor(private readonly db: Database) {}

  private point(plan: string, target: string): PointRow | undefined {
    return this.db
      .prepare<[string, string], PointRow>(
        'SELECT * FROM restore_points WHERE plan_name = ? AND target = ?',
      )
      .get(plan, target);
  }

  private resources(plan: string, target: string): ResourceRow[] {
    return this.db
      .prepare<[string, string], ResourceRow>(
        'SELECT key, state_json, is_live, captured_at, stale_count FROM restore_resources WHERE plan_name = ? AND target = ? ORDER BY key',
      )
      .all(plan, target);
  }

  private refreshTargetLiveness(plan: string, target: string): void {
    this.db
      .prepare(
        `UPDATE restore_points SET is_live = COALESCE((SELECT MAX(is_live) FROM restore_resources
           WHERE plan_name = ? AND target = ?), 0) WHERE plan_name = ? AND target = ?`,
      )
      .run(plan, target, plan, target);
  }

  /**
   * Applies the SaveOrPreserve rules to one batch of captures of one target. Returns the number
   * of resources whose stored state changed. An empty batch writes nothing (rule 4).
   */
  saveOrPreserve(input: {
    plan: string;
    target: string;
    executor: string;
    cycleId: string;
    resources: ResourceCapture[];
    now: Date;
  }): number {
    const { plan, target, executor, cycleId, resources, now } = input;
    if (resources.length === 0) return 0;
    const at = now.toISOString();
    const insertResource = this.db.prepare(
      `INSERT INTO restore_resources (plan_name, target, key, state_json, is_live, captured_at, stale_count)
       VALUES (?, ?, ?, ?, ?, ?, 0)
       ON CONFLICT(plan_name, target, key) DO UPDATE SET state_json = excluded.state_json,
         is_live = excluded.is_live, captured_at = excluded.captured_at, stale_count = 0`,
    );
    const write = (r: ResourceCapture): void => {
      insertResource.run(
        plan,
        target,
        r.key,
        JSON.stringify(r.state ?? null),
        r.isLive ? 1 : 0,
        at,
      );
    };
    return this.db.transaction(() => {
      const existing = this.point(plan, target);
      let changed = 0;
      if (!existing) {
        // Rule 1: nothing stored yet.
        this.db
          .prepare(
            `INSERT INTO restore_points (plan_name, target, executor, cycle_id, is_live, captured_at, restored_at)
             VALUES (?, ?, ?, ?, 0, ?, NULL)`,
          )
          .run(plan, target, executor, cycleId, at);
        for (const r of resources) write(r);
        changed = resources.length;
      } else if (existing.cycle_id === cycleId) {
        // Rule 2: the point is open. A capture is only ever replaced by a better one.
        const stored = new Map(this.resources(plan, target).map((r) => [r.key, r]));
        for (const r of resources) {
          const old = stored.get(r.key);
          if (!old || (old.is_live === 0 && r.isLive) || old.stale_count > 0) {
            write(r);
            changed++;
          }
        }
        // Shut down again within the cycle: the target is no longer restored.
        this.db
          .prepare(
            'UPDATE restore_points SET restored_at = NULL, executor = ? WHERE plan_name = ? AND target = ?',
          )
          .run(executor, plan, target);
      } else {
        // Rule 3: the point was consumed (its cycle closed): this is a new cycle.
        const reported = new Set(resources.map((r) => r.key));
        for (const old of this.resources(plan, target)) {
          if (reported.has(old.key)) continue;
          if (old.stale_count + 1 >= STALE_EVICTION_COUNT) {
            this.db
              .prepare(
                'DELETE FROM restore_resources WHERE plan_name = ? AND target = ? AND key = ?',
              )
              .run(plan, target, old.key);
          } else {
            this.db
              .prepare(
                'UPDATE restore_resources SET stale_count = stale_count + 1 WHERE plan_name = ? AND target = ? AND key = ?',
              )
              .run(plan, target, old.key);
          }
        }
        for (const r of resources) write(r);
        changed = resources.length;
        this.db
          .prepare(
            `UPDATE restore_points SET cycle_id = ?, executor = ?, captured_at = ?, restored_at = NULL
             WHERE plan_name = ? AND target = ?`,
          )
          .run(cycleId, executor, at, plan, target);
      }
      this.refreshTargetLiveness(plan, target);
      return changed;
    })();
  }

  exists(plan: string, target: string): boolean {
    return this.point(plan, target) !== undefined;
  }

  /** True when the open cycle holds restore data for at least one target. */
  hasRestoreData(plan: string, cycleId: string | null): boolean {
    if (!cycleId) return false;
    return (
      this.db
        .prepare('SELECT 1 FROM restore_points WHERE plan_name = ? AND cycle_id = ? LIMIT 1')
        .get(plan, cycleId) !== undefined
    );
  }

  /** The point of the open cycle with its non-stale resources, or null when there is none. */
  load(plan: string, target: string, cycleId: string | null): LoadedRestorePoint | null {
    const point = this.point(plan, target);
    if (!point || !cycleId || point.cycle_id !== cycleId) return null;
    return {
      plan,
      target,
      executor: point.executor,
      cycleId: point.cycle_id,
      isLive: point.is_live === 1,
      capturedAt: point.captured_at,
      restoredAt: point.restored_at,
      resources: this.resources(plan, target)
        .filter((r) => r.stale_count === 0)
        .map((r) => ({
          key: r.key,
          state: JSON.parse(r.state_json) as unknown,
          isLive: r.is_live === 1,
          capturedAt: r.captured_at,
        })),
    };
  }

  markTargetRestored(plan: string, target: string, now: Date): void {
    this.db
      .prepare('UPDATE restore_points SET restored_at = ? WHERE plan_name = ? AND target = ?')
      .run(now.toISOString(), plan, target);
  }

  isTargetRestored(plan: string, target: string, cycleId: string | null): boolean {
    const point = this.point(plan, target);
    return !!point && point.cycle_id === cycleId && point.restored_at !== null;
  }

  /**
   * Unlock (semantics.md section 5): true when the cycle may close because every target that took
   * part carries its restore marker. The caller closes the cycle in the plan's state; the points
   * stay, consumed, for inspection.
   */
  unlockRestoreData(plan: string, cycleId: string | null): boolean {
    return this.allTargetsRestored(plan, cycleId);
  }

  /** Targets that took part in the cycle are those with a point in it; all must carry a marker. */
  allTargetsRestored(plan: string, cycleId: string | null): boolean {
    if (!cycleId) return true;
    const row = this.db
      .prepare<[string, string], { pending: number }>(
        'SELECT COUNT(*) AS pending FROM restore_points WHERE plan_name = ? AND cycle_id = ? AND restored_at IS NULL',
      )
      .get(plan, cycleId);
    return (row?.pending ?? 0) === 0;
  }

  list(
    plan: string | undefined,
    openCycles: ReadonlyMap<string, string | null>,
    knownPlans: ReadonlySet<string>,
  ): RestorePointSummary[] {
    const rows = plan
      ? this.db
          .prepare<[string], PointRow>(
            'SELECT * FROM restore_points WHERE plan_name = ? ORDER BY target',
          )
          .all(plan)
      : this.db
          .prepare<[], PointRow>('SELECT * FROM restore_points ORDER BY plan_name, target')
          .all();
    const counts = this.db.prepare<[string, string], { n: number; stale: number }>(
      'SELECT COUNT(*) AS n, COALESCE(SUM(stale_count > 0), 0) AS stale FROM restore_resources WHERE plan_name = ? AND target = ?',
    );
    return rows.map((row) => {
      const c = counts.get(row.plan_name, row.target) ?? { n: 0, stale: 0 };
      return {
        plan: row.plan_name,
        target: row.target,
        executor: row.executor,
        cycleId: row.cycle_id,
        isLive: row.is_live === 1,
        capturedAt: row.captured_at,
        restoredAt: row.restored_at,
        resourceCount: c.n,
        staleCount: c.stale,
        open: openCycles.get(row.plan_name) === row.cycle_id,
        orphaned: !knownPlans.has(row.plan_name),
      };
    });
  }

  inspect(
    plan: string,
    target: string,
    openCycle: string | null,
    planExists: boolean,
  ): RestorePointDetail {
    const point = this.point(plan, target);
    if (!point)
      throw new RestoreStoreError(
        'NOT_FOUND',
        `There is no restore point for target ${target} of plan ${plan}.`,
      );
    const resources: RestoreResource[] = this.resources(plan, target).map((r) => ({
      key: r.key,
      state: JSON.parse(r.state_json) as unknown,
      isLive: r.is_live === 1,
      capturedAt: r.captured_at,
      staleCount: r.stale_count,
    }));
    return {
      plan,
      target,
      executor: point.executor,
      cycleId: point.cycle_id,
      isLive: point.is_live === 1,
      capturedAt: point.captured_at,
      restoredAt: point.restored_at,
      resourceCount: resources.length,
      staleCount: resources.filter((r) => r.staleCount > 0).length,
      open: point.cycle_id === openCycle,
      orphaned: !planExists,
      resources,
    };
  }

  /** Replaces one resource's state (already validated against the executor's schema by the caller). */
  patch(plan: string, target: string, key: string, state: unknown, now: Date): void {
    const result = this.db
      .prepare(
        `UPDATE restore_resources SET state_json = ?, captured_at = ?, stale_count = 0
         WHERE plan_name = ? AND target = ? AND key = ?`,
      )
      .run(JSON.stringify(state), now.toISOString(), plan, target, key);
    if (result.changes === 0) {
      if (!this.exists(plan, target)) {
        throw new RestoreStoreError(
          'NOT_FOUND',
          `There is no restore point for target ${target} of plan ${plan}.`,
        );
      }
      // A new key: the user adds a resource by hand; treat it as a live capture.
      this.db
        .prepare(
          `INSERT INTO restore_resources (plan_name, target, key, state_json, is_live, captured_at, stale_count)
           VALUES (?, ?, ?, ?, 1, ?, 0)`,
        )
        .run(plan, target, key, JSON.stringify(state), now.toISOString());
      this.refreshTargetLiveness(plan, target);
    }
  }

  /** Drops one resource, or the whole point when no key is given. Returns the number of resources dropped. */
  drop(plan: string, target: string, key?: string): number {
    return this.db.transaction(() => {
      if (!this.exists(plan, target)) {
        throw new RestoreStoreError(
          'NOT_FOUND',
          `There is no restore point for target ${target} of plan ${plan}.`,
        );
      }
      if (key !== undefined) {
        const n = this.db
          .prepare('DELETE FROM restore_resources WHERE plan_name = ? AND target = ? AND key = ?')
          .run(plan, target, key).changes;
        if (n === 0)
          throw new RestoreStoreError(
            'NOT_FOUND',
            `Restore point ${plan}/${target} has no resource ${key}.`,
          );
        this.refreshTargetLiveness(plan, target);
        return n;
      }
      const n = this.db
        .prepare('DELETE FROM restore_resources WHERE plan_name = ? AND target = ?')
        .run(plan, target).changes;
      this.db
        .prepare('DELETE FROM restore_points WHERE plan_name = ? AND target = ?')
        .run(plan, target);
      return n;
    })();
  }

  /** Creates an empty point in the given cycle, so that a wake-up of the target is a no-op success. */
  init(plan: string, target: string, executor: string, cycleId: string, now: Date): void {
    this.db.transaction(() => {
      this.db
        .prepare('DELETE FROM restore_resources WHERE plan_name = ? AND target = ?')
        .run(plan, target);
      this.db
        .prepare(
          `INSERT INTO restore_points (plan_name, target, executor, cycle_id, is_live, captured_at, restored_at)
           VALUES (?, ?, ?, ?, 0, ?, NULL)
           ON CONFLICT(plan_name, target) DO UPDATE SET executor = excluded.executor, cycle_id = excluded.cycle_id,
             is_live = 0, captured_at = excluded.captured_at, restored_at = NULL`,
        )
        .run(plan, target, executor, cycleId, now.toISOString());
    })();
  }

  /** Targets of a plan that hold a point in the given cycle. */
  targetsInCycle(plan: string, cycleId: string): string[] {
    return this.db
      .prepare<[string, string], { target: string }>(
        'SELECT target FROM restore_points WHERE plan_name = ? AND cycle_id = ?',
      )
      .all(plan, cycleId)
      .map((r) => r.target);
  }
}
