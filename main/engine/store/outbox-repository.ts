import type { Database } from 'better-sqlite3';

export interface OutboxRow {
  id: number;
  dedupeKey: string;
  notification: string;
  sink: string;
  plan: string;
  event: string;
  messageJson: string;
  attempts: number;
  notBefore: string;
  createdAt: string;
}

/** What is written ahead of a delivery; the rest of a row is the store's bookkeeping. */
export type NewDelivery = Pick<
  OutboxRow,
  'dedupeKey' | 'notification' | 'sink' | 'plan' | 'event' | 'messageJson'
>;

export interface SinkDeliveryState {
  lastDeliveryAt: string | null;
  lastFailureAt: string | null;
  lastError: string | null;
  failingSince: string | null;
}

interface RawRow {
  id: number;
  dedupe_key: string;
  notification: string;
  sink: string;
  plan_name: string;
  event: string;
  message_json: string;
  attempts: number;
  not_before: string;
  created_at: string;
}

const toRow = (r: RawRow): OutboxRow => ({
  id: r.id,
  dedupeKey: r.dedupe_key,
  notification: r.notification,
  sink: r.sink,
  plan: r.plan_name,
  event: r.event,
  messageJson: r.message_json,
  attempts: r.attempts,
  notBefore: r.not_before,
  createdAt: r.created_at,
});

/**
 * The notification outbox: a delivery is written (committed) before any attempt to send it, and
 * marked delivered only after the sink said so. A crash leaves it pending, so it is sent after
 * the restart; the unique dedupe key keeps one event from being queued twice.
 */
export class OutboxRepository {
  constructor(private readonly db: Database) {}

  /** True when the delivery is new; false when its key is already queued or done. */
  enqueue(delivery: NewDelivery, now: Date): boolean {
    const at = now.toISOString();
    return (
      this.db
        .prepare(
          `INSERT OR IGNORE INTO notification_outbox
             (dedupe_key, notification, sink, plan_name, event, message_json, status, attempts, not_before, created_at)
           VALUES (?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?)`,
        )
        .run(
          delivery.dedupeKey,
          delivery.notification,
          delivery.sink,
          delivery.plan,
          delivery.event,
          delivery.messageJson,
          at,
          at,
        ).changes > 0
    );
  }

  /** Pending deliveries in the order they were queued; of one sink when given. */
  pending(notification?: string, sink?: string): OutboxRow[] {
    const rows =
      notification !== undefined && sink !== undefined
        ? this.db
            .prepare<[string, string], RawRow>(
              `SELECT * FROM notification_outbox WHERE status = 'pending' AND notification = ? AND sink = ? ORDER BY id`,
            )
            .all(notification, sink)
        : this.db
            .prepare<[], RawRow>(
              `SELECT * FROM notification_outbox WHERE status = 'pending' ORDER BY id`,
            )
            .all();
    return rows.map(toRow);
  }

  markDelivered(ids: readonly number[], now: Date): void {
    const stmt = this.db.prepare(
      `UPDATE notification_outbox SET status = 'delivered', attempts = attempts + 1, finished_at = ?, last_error = NULL WHERE id = ?`,
    );
    this.db.transaction(() => {
      for (const id of ids) stmt.run(now.toISOString(), id);
    })();
  }

  /** A failed attempt that will be retried at `notBefore`. */
  markRetry(ids: readonly number[], error: string, notBefore: Date): void {
    const stmt = this.db.prepare(
      `UPDATE notification_outbox SET attempts = attempts + 1, not_before = ?, last_error = ? WHERE id = ?`,
    );
    this.db.transaction(() => {
      for (const id of ids) stmt.run(notBefore.toISOString(), error, id);
    })();
  }

  markFailed(ids: readonly number[], error: string, now: Date): void {
    const stmt = this.db.prepare(
      `UPDATE notification_outbox SET status = 'failed', attempts = attempts + 1, finished_at = ?, last_error = ? WHERE id = ?`,
    );
    this.db.transaction(() => {
      for (const id of ids) stmt.run(now.toISOString(), error, id);
    })();
  }

  state(notification: string, sink: string): SinkDeliveryState {
    const delivered = this.db
      .prepare<[string, string], { at: string | null }>(
        `SELECT MAX(finished_at) AS at FROM notification_outbox WHERE notification = ? AND sink = ? AND status = 'delivered'`,
      )
      .get(notification, sink);
    const failed = this.db
      .prepare<[string, string], { finished_at: string; last_error: string | null }>(
        `SELECT finished_at, last_error FROM notification_outbox WHERE notification = ? AND sink = ? AND status = 'failed'
         ORDER BY finished_at DESC, id DESC LIMIT 1`,
      )
      .get(notification, sink);
    const row = this.db
      .prepare<[string, string], { failing_since: string | null }>(
        'SELECT failing_since FROM notification_sink_state WHERE notification = ? AND sink = ?',
      )
      .get(notification, sink);
    return {
      lastDeliveryAt: delivered?.at ?? null,
      lastFailureAt: failed?.finished_at ?? null,
      lastError: failed?.last_error ?? null,
      failingSince: row?.failing_since ?? null,
    };
  }

  /** Records the sink as failing; true only the first time (so it is reported once). */
  setFailing(notification: string, sink: string, error: string, now: Date): boolean {
    const before = this.state(notification, sink).failingSince;
    this.db
      .prepare(
        `INSERT INTO notification_sink_state (notification, sink, failing_since, last_error) VALUES (?, ?, ?, ?)
         ON CONFLICT(notification, sink) DO UPDATE SET
           failing_since = COALESCE(notification_sink_state.failing_since, excluded.failing_since),
           last_error = excluded.last_error`,
      )
      .run(notification, sink, now.toISOString(), error);
    return before === null;
  }

  /** Clears the failing mark; true when there was one (the sink recovered). */
  clearFailing(notification: string, sink: string): boolean {
    return (
      this.db
        .prepare(
          `UPDATE notification_sink_state SET failing_since = NULL, last_error = NULL
           WHERE notification = ? AND sink = ? AND failing_since IS NOT NULL`,
        )
        .run(notification, sink).changes > 0
    );
  }

  /** Finished deliveries older than `cutoff` go; pending ones always stay. */
  prune(cutoff: Date): number {
    return this.db
      .prepare(`DELETE FROM notification_outbox WHERE status != 'pending' AND finished_at < ?`)
      .run(cutoff.toISOString()).changes;
  }
}
