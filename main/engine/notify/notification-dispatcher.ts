import type { HibernatorEvent } from '../../../shared/api/events';
import { matchesSelector, type HibernateNotification } from '../../../shared/model';
import type { Clock, TimerHandle } from '../clock';
import type { EventBus } from '../events/event-bus';
import type { Logger } from '../logging/logger';
import type { NotificationRepository } from '../store/notification-repository';
import type { OutboxRepository, OutboxRow } from '../store/outbox-repository';
import type { PlanRepository } from '../store/plan-repository';
import type { WebhookDelivery } from './formats/webhook-format';
import { mapEvent, type NotificationMessage } from './notification-message';
import type { SinkSecrets } from './sink-secrets';
import { buildRequest, send, type SendOutcome, type SinkEndpoints } from './sink-transport';

export interface DeliveryLimits {
  /** Per sink: at most one message per this interval (Slack asks for one per second per channel). */
  minIntervalMs: number;
  /** ExecutionProgress of one sink is collected this long into one message. */
  batchWindowMs: number;
  /** Deliveries per batched message. */
  maxBatch: number;
  /** Attempts per delivery (network errors, 429, 5xx); a failing sink gets one. */
  maxAttempts: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
  timeoutMs: number;
  /** Finished deliveries are kept this long (last delivery / failure per sink). */
  retentionMs: number;
}

export const DEFAULT_LIMITS: DeliveryLimits = {
  minIntervalMs: 1000,
  batchWindowMs: 5000,
  maxBatch: 50,
  maxAttempts: 6,
  backoffBaseMs: 2000,
  backoffMaxMs: 5 * 60_000,
  timeoutMs: 10_000,
  retentionMs: 7 * 24 * 3_600_000,
};

export interface DispatcherDeps {
  outbox: OutboxRepository;
  notifications: NotificationRepository;
  plans: PlanRepository;
  secrets: SinkSecrets;
  clock: Clock;
  logger: Logger;
  endpoints?: SinkEndpoints;
  limits?: Partial<DeliveryLimits>;
}

interface SinkQueue {
  timer: TimerHandle | null;
  busy: boolean;
  again: boolean;
  /** Wall time of the last send (capped in use, so a clock set back cannot stall a sink). */
  lastSendAtMs: number | null;
}

const PROGRESS = 'ExecutionProgress';

/** `notification|sink|plan|cycle|operation|event|target|sequence` (issue 17.3). */
export function dedupeKey(
  notification: string,
  sink: string,
  message: NotificationMessage,
  target: string,
  sequence: string,
): string {
  return [
    notification,
    sink,
    message.plan,
    message.cycleId ?? '-',
    message.operation ?? '-',
    message.event,
    target,
    sequence,
  ].join('|');
}

/**
 * Delivers team notifications: each engine event a HibernateNotification subscribes to is
 * written to the outbox (write-ahead) for each of its sinks, then sent by a per-sink queue that
 * keeps order, spaces messages, batches ExecutionProgress, retries with backoff and reports a
 * permanently failing sink once. Every wait is a Clock timer: nothing polls.
 */
export class NotificationDispatcher {
  private readonly limits: DeliveryLimits;
  private readonly queues = new Map<string, SinkQueue>();
  private readonly inFlight = new Set<Promise<void>>();
  private readonly abort = new AbortController();
  private unsubscribe: (() => void) | null = null;
  private closed = false;

  constructor(private readonly deps: DispatcherDeps) {
    this.limits = { ...DEFAULT_LIMITS, ...deps.limits };
  }

  /** Subscribes and resumes whatever a previous run left pending (a crash included). */
  start(bus: EventBus): void {
    if (this.unsubscribe || this.closed) return;
    this.unsubscribe = bus.subscribe((event) => this.handle(event));
    const now = this.deps.clock.now();
    this.deps.outbox.prune(new Date(now.getTime() - this.limits.retentionMs));
    const sinks = new Set(
      this.deps.outbox.pending().map((r) => `${r.notification}\u0000${r.sink}`),
    );
    for (const key of sinks) {
      const [notification = '', sink = ''] = key.split('\u0000');
      this.wake(notification, sink);
    }
  }

  /** Write-ahead: the deliveries are committed here, synchronously, before any send starts. */
  handle(event: HibernatorEvent): void {
    if (this.closed) return;
    if (
      event.type !== 'PhaseChanged' &&
      event.type !== 'Failure' &&
      event.type !== 'TargetProgress'
    )
      return;
    const notifications = this.deps.notifications.list();
    if (notifications.length === 0) return;
    const now = this.deps.clock.now();
    const stored = this.deps.plans.get(event.plan, now);
    if (!stored) return;
    const labels = stored.plan.metadata.labels ?? {};
    const watching = notifications.filter((n) => matchesSelector(n.spec.selector, labels));
    if (watching.length === 0) return;
    const mapped = mapEvent(event, { labels, status: stored.status }, now);
    const woken: Array<[string, string]> = [];
    for (const n of watching) {
      for (const { message, target, sequence } of mapped) {
        if (!n.spec.onEvents.includes(message.event)) continue;
        for (const sink of n.spec.sinks) {
          const created = this.deps.outbox.enqueue(
            {
              dedupeKey: dedupeKey(n.metadata.name, sink.name, message, target, sequence),
              notification: n.metadata.name,
              sink: sink.name,
              plan: message.plan,
              event: message.event,
              messageJson: JSON.stringify(message),
            },
            now,
          );
          if (created) woken.push([n.metadata.name, sink.name]);
        }
      }
    }
    for (const [n, s] of woken) this.wake(n, s);
  }

  private queue(notification: string, sink: string): SinkQueue {
    const key = `${notification}\u0000${sink}`;
    let q = this.queues.get(key);
    if (!q) {
      q = { timer: null, busy: false, again: false, lastSendAtMs: null };
      this.queues.set(key, q);
    }
    return q;
  }

  /** Runs the sink's queue at `dueAtMs` (wall time), or now; the delay is taken when the timer is armed. */
  private wake(notification: string, sink: string, dueAtMs?: number): void {
    if (this.closed) return;
    const q0 = this.queue(notification, sink);
    const now = this.deps.clock.now().getTime();
    // The per-sink spacing is applied here, so that a wake never needs a second timer to find it.
    const spaced =
      q0.lastSendAtMs === null
        ? now
        : Math.min(q0.lastSendAtMs + this.limits.minIntervalMs, now + this.limits.minIntervalMs);
    const delayMs = Math.max(dueAtMs ?? now, spaced) - now;
    const q = this.queue(notification, sink);
    if (q.busy) {
      q.again = true;
      return;
    }
    q.timer?.cancel();
    q.timer = this.deps.clock.setTimer(
      () => {
        q.timer = null;
        this.run(notification, sink, q);
      },
      Math.max(0, delayMs),
    );
  }

  private run(notification: string, sink: string, q: SinkQueue): void {
    if (this.closed || q.busy) return;
    q.busy = true;
    q.again = false;
    const done = this.flush(notification, sink, q)
      .then((dueAt) => {
        q.busy = false;
        if (dueAt !== null) this.wake(notification, sink, dueAt);
        else if (q.again) this.wake(notification, sink);
      })
      .catch((error: unknown) => {
        q.busy = false;
        if (!this.closed)
          this.deps.logger.error('notification delivery failed unexpectedly', {
            notification,
            sink,
            error: String(error),
          });
      })
      .finally(() => this.inFlight.delete(done));
    this.inFlight.add(done);
  }

  /** Sends the next message of one sink; answers when (wall ms) to look again (null: nothing is waiting). */
  private async flush(
    notification: string,
    sinkName: string,
    q: SinkQueue,
  ): Promise<number | null> {
    const rows = this.deps.outbox.pending(notification, sinkName);
    const head = rows[0];
    if (!head) return null;
    const clock = this.deps.clock;
    const now = clock.now();
    const notBefore = Date.parse(head.notBefore);
    if (notBefore > now.getTime()) return notBefore;
    if (q.lastSendAtMs !== null) {
      const wait = Math.min(
        q.lastSendAtMs + this.limits.minIntervalMs - now.getTime(),
        this.limits.minIntervalMs,
      );
      if (wait > 0) return now.getTime() + wait;
    }
    const batch = this.pickBatch(rows, now);
    if (typeof batch === 'number') return now.getTime() + batch;

    const n = this.deps.notifications.get(notification);
    const sink = n?.spec.sinks.find((s) => s.name === sinkName);
    if (!n || !sink) {
      this.deps.outbox.markFailed(
        rows.map((r) => r.id),
        'the notification or sink was removed before delivery',
        now,
      );
      return null;
    }
    const config = this.deps.secrets.config(sink);
    let outcome: SendOutcome;
    if (!config) {
      outcome = {
        ok: false,
        retryable: false,
        retryAfterMs: null,
        error: `no ${sink.type} config is set for sink ${sink.name}: set it in the window or with setSinkConfig`,
      };
    } else {
      const deliveries: WebhookDelivery[] = batch.map((r) => ({
        id: r.dedupeKey,
        message: JSON.parse(r.messageJson) as NotificationMessage,
      }));
      const request = buildRequest(config, deliveries, this.deps.endpoints ?? {});
      q.lastSendAtMs = now.getTime();
      outcome = await send(config, request, {
        clock,
        timeoutMs: this.limits.timeoutMs,
        signal: this.abort.signal,
      });
    }
    if (this.closed) return null; // stays pending: sent again after the restart
    const retryAt = this.record(n, sink.name, batch, outcome);
    // Absolute times, known now: the next look needs no extra timer hop to find them.
    const spaced = now.getTime() + this.limits.minIntervalMs;
    if (retryAt !== null) return Math.max(retryAt, spaced);
    return rows.length > batch.length ? spaced : null;
  }

  /**
   * Non-progress deliveries go one by one, in order; a run of ExecutionProgress goes as one
   * message once the batch window since its first delivery passed (or a later event closes it).
   */
  private pickBatch(rows: readonly OutboxRow[], now: Date): OutboxRow[] | number {
    const head = rows[0];
    if (!head) return [];
    if (head.event !== PROGRESS) return [head];
    const run: OutboxRow[] = [];
    for (const r of rows) {
      if (r.event !== PROGRESS || run.length >= this.limits.maxBatch) break;
      run.push(r);
    }
    const closed = run.length < rows.length || run.length >= this.limits.maxBatch;
    const waited = now.getTime() - Date.parse(head.createdAt);
    if (!closed && head.attempts === 0 && waited < this.limits.batchWindowMs)
      return this.limits.batchWindowMs - waited;
    return run;
  }

  private record(
    n: HibernateNotification,
    sink: string,
    batch: readonly OutboxRow[],
    outcome: SendOutcome,
  ): number | null {
    const { outbox, clock, logger } = this.deps;
    const now = clock.now();
    const ids = batch.map((r) => r.id);
    const name = n.metadata.name;
    if (outcome.ok) {
      outbox.markDelivered(ids, now);
      if (outbox.clearFailing(name, sink))
        logger.info('notification sink delivers again', { notification: name, sink });
      return null;
    }
    const attempts = Math.max(...batch.map((r) => r.attempts)) + 1;
    const failing = outbox.state(name, sink).failingSince !== null;
    const budget = failing ? 1 : this.limits.maxAttempts;
    if (outcome.retryable && attempts < budget) {
      const backoff = Math.min(
        this.limits.backoffMaxMs,
        this.limits.backoffBaseMs * 2 ** (attempts - 1),
      );
      const delay = Math.max(backoff, outcome.retryAfterMs ?? 0);
      const retryAt = now.getTime() + delay;
      outbox.markRetry(ids, outcome.error, new Date(retryAt));
      logger.debug('notification delivery will be retried', {
        notification: name,
        sink,
        attempt: attempts,
        inMs: delay,
        error: outcome.error,
      });
      return retryAt;
    }
    outbox.markFailed(ids, outcome.error, now);
    // Reported once: the first permanent failure marks the sink failing; later ones stay quiet.
    if (outbox.setFailing(name, sink, outcome.error, now))
      logger.warn('notification sink is failing', {
        notification: name,
        sink,
        error: outcome.error,
      });
    return null;
  }

  /** Stops timers and aborts requests in flight; what is unsent stays pending for the next start. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.unsubscribe?.();
    for (const q of this.queues.values()) q.timer?.cancel();
    this.abort.abort();
    await Promise.allSettled([...this.inFlight]);
  }
}
