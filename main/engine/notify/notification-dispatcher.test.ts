import type { Database } from 'better-sqlite3';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HibernatorEvent } from '../../../shared/api/events';
import { NotificationSchema, PlanSchema } from '../../../shared/model';
import { ManualClock } from '../clock';
import { EventBus } from '../events/event-bus';
import { createMemoryLogger } from '../logging/logger';
import { databasePath, openDatabase } from '../store/database';
import { NotificationRepository } from '../store/notification-repository';
import { OutboxRepository } from '../store/outbox-repository';
import { PlanRepository } from '../store/plan-repository';
import { NotificationDispatcher } from './notification-dispatcher';
import { SinkSecrets } from './sink-secrets';
import { TestReceiver } from './test-receiver';

const SLACK_SECRET = 'T0000/B0000/slackSECRETpath';
const BOT_TOKEN = '123456789:AAbbCCddEEffGGhhIIjjKKllMMnnOOppQQr';
const HEADER_SECRET = 'Bearer hdrSECRETvalue123';

let dir: string;
let db: Database;
let clock: ManualClock;
let receiver: TestReceiver;
let logger: ReturnType<typeof createMemoryLogger>;
let bus: EventBus;
let dispatcher: NotificationDispatcher;

function open(): void {
  db = openDatabase(databasePath(dir));
  bus = new EventBus();
  dispatcher = new NotificationDispatcher({
    outbox: new OutboxRepository(db),
    notifications: new NotificationRepository(db),
    plans: new PlanRepository(db),
    secrets: new SinkSecrets(dir),
    clock,
    logger,
    endpoints: { slackBaseUrl: receiver.url, telegramBaseUrl: receiver.url },
    limits: { minIntervalMs: 1000, batchWindowMs: 5000, backoffBaseMs: 2000, maxAttempts: 3 },
  });
  dispatcher.start(bus);
}

function setup(onEvents: string[], sinks: Array<{ name: string; type: string }>): void {
  const now = clock.now();
  new PlanRepository(db).upsert(
    PlanSchema.parse({
      apiVersion: 'hibernator.ardikabs.com/v1alpha1',
      kind: 'HibernatePlan',
      metadata: { name: 'dev', labels: { env: 'dev' } },
      spec: {
        schedule: {
          timezone: 'UTC',
          offHours: [{ start: '20:00', end: '06:00', daysOfWeek: ['MON'] }],
        },
        execution: { strategy: { type: 'Parallel' } },
        targets: [{ name: 'web', type: 'noop', parameters: {} }],
      },
    }),
    now,
  );
  new NotificationRepository(db).upsert(
    NotificationSchema.parse({
      apiVersion: 'hibernator.ardikabs.com/v1alpha1',
      kind: 'HibernateNotification',
      metadata: { name: 'team' },
      spec: {
        selector: { matchLabels: { env: 'dev' } },
        onEvents,
        sinks: sinks.map((s) => ({ ...s, secretRef: { name: `${s.name}-secret` } })),
      },
    }),
    now,
  );
  const secrets = new SinkSecrets(dir);
  secrets.set(
    { name: 'hook-secret' },
    {
      url: `${receiver.url}/hook?x=1`,
      headers: { authorization: HEADER_SECRET },
    },
  );
  secrets.set(
    { name: 'slack-secret' },
    {
      webhook_url: `https://hooks.slack.com/services/${SLACK_SECRET}`,
    },
  );
  secrets.set({ name: 'tg-secret' }, { token: BOT_TOKEN, chat_id: '-100123' });
}

const start = (
  at = '2026-01-28T20:00:00.000Z',
): Extract<HibernatorEvent, { type: 'PhaseChanged' }> => ({
  type: 'PhaseChanged',
  plan: 'dev',
  from: 'Active',
  to: 'Hibernating',
  cycleId: 'c1',
  operation: 'shutdown',
  reason: 'off-hours began',
  at,
});

const progress = (target: string): HibernatorEvent => ({
  type: 'TargetProgress',
  plan: 'dev',
  target,
  state: 'Running',
  message: null,
});

/** Lets timers that fell due start their requests (real I/O), then waits for the receiver. */
async function advanceAndWait(ms: number, requests: number): Promise<void> {
  clock.advance(ms);
  await receiver.waitFor(requests);
  await new Promise((resolve) => setTimeout(resolve, 20)); // the outcome is recorded
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hib-notify-'));
  clock = new ManualClock('2026-01-28T20:00:00Z');
  receiver = await new TestReceiver().start();
  logger = createMemoryLogger();
  open();
});

afterEach(async () => {
  await dispatcher.close();
  if (db.open) db.close();
  await receiver.close();
});

describe('notification dispatcher', () => {
  it('posts Slack Block Kit, Telegram MarkdownV2 and webhook JSON to their endpoints', async () => {
    setup(
      ['Start'],
      [
        { name: 'slack', type: 'slack' },
        { name: 'tg', type: 'telegram' },
        { name: 'hook', type: 'webhook' },
      ],
    );
    bus.emit(start());
    await advanceAndWait(0, 3);
    const byPath = Object.fromEntries(receiver.requests.map((r) => [r.path.split('?')[0], r]));
    const slack = byPath[`/services/${SLACK_SECRET}`];
    expect(JSON.parse(slack?.body ?? '{}')).toMatchObject({
      text: '▶️ Hibernation starting: dev',
      blocks: expect.arrayContaining([expect.objectContaining({ type: 'header' })]),
    });
    const tg = byPath[`/bot${BOT_TOKEN}/sendMessage`];
    expect(JSON.parse(tg?.body ?? '{}')).toMatchObject({
      chat_id: '-100123',
      parse_mode: 'MarkdownV2',
      text: expect.stringContaining('*▶️ Hibernation starting: dev*'),
    });
    const hook = byPath['/hook'];
    expect(hook?.path).toBe('/hook?x=1');
    expect(hook?.headers.authorization).toBe(HEADER_SECRET);
    const body = JSON.parse(hook?.body ?? '{}');
    expect(body).toMatchObject({
      version: 1,
      source: 'hibernator-desktop',
      events: [{ event: 'Start', plan: 'dev', cycleId: 'c1', operation: 'shutdown' }],
    });
    expect(body.events[0].id).toBe(
      'team|hook|dev|c1|shutdown|Start|-|Active>Hibernating@2026-01-28T20:00:00.000Z',
    );
    expect(hook?.headers['x-hibernator-delivery']).toBe(body.events[0].id);
  });

  it('maps engine events to onEvents, Recovery being an automatic retry out of Error', async () => {
    setup(['Recovery', 'Success'], [{ name: 'hook', type: 'webhook' }]);
    bus.emit(start()); // Start only: not subscribed
    bus.emit({
      ...start('2026-01-28T20:01:00.000Z'),
      from: 'Error',
      reason: 'automatic retry (1 left after this one)',
    });
    bus.emit({ ...start('2026-01-28T20:02:00.000Z'), from: 'Hibernating', to: 'Hibernated' });
    await advanceAndWait(0, 1);
    await advanceAndWait(1000, 2);
    const events = receiver.requests.map((r) => JSON.parse(r.body).events[0].event);
    expect(events).toEqual(['Recovery', 'Success']);
  });

  it('retries a 503 only once its Retry-After has passed', async () => {
    setup(['Start'], [{ name: 'hook', type: 'webhook' }]);
    receiver.script.push({ status: 503, headers: { 'retry-after': '7' } });
    bus.emit(start());
    await advanceAndWait(0, 1);
    clock.advance(6000);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(receiver.requests).toHaveLength(1);
    await advanceAndWait(1000, 2);
    const outbox = new OutboxRepository(db);
    expect(outbox.pending()).toEqual([]);
    expect(outbox.state('team', 'hook').lastDeliveryAt).not.toBeNull();
  });

  it('batches ExecutionProgress into one message per window and spaces messages per sink', async () => {
    setup(['ExecutionProgress', 'Start'], [{ name: 'hook', type: 'webhook' }]);
    for (let i = 0; i < 30; i++) bus.emit(progress(`t${i}`));
    clock.advance(4000);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(receiver.requests).toHaveLength(0);
    await advanceAndWait(1000, 1);
    const first = JSON.parse(receiver.requests[0]?.body ?? '{}');
    expect(first.events).toHaveLength(30);
    // Distinct events keep distinct ids inside the batch.
    expect(new Set(first.events.map((e: { id: string }) => e.id)).size).toBe(30);
    // A Start right after waits for the per-sink interval.
    bus.emit(start());
    clock.advance(500);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(receiver.requests).toHaveLength(1);
    await advanceAndWait(500, 2);
  });

  it('neither loses nor repeats deliveries across a kill -9', async () => {
    setup(['Start', 'PhaseChange'], [{ name: 'hook', type: 'webhook' }]);
    bus.emit(start());
    bus.emit(start()); // the same event twice: queued once per hook point
    expect(new OutboxRepository(db).pending().map((r) => r.event)).toEqual([
      'PhaseChange',
      'Start',
    ]);
    // kill -9: nothing was sent, nothing flushed or closed in order.
    db.close();
    open();
    await advanceAndWait(0, 1);
    await advanceAndWait(1000, 2);
    clock.advance(10_000);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(receiver.requests.map((r) => JSON.parse(r.body).events[0].event)).toEqual([
      'PhaseChange',
      'Start',
    ]);
    // Another restart sends nothing again.
    await dispatcher.close();
    db.close();
    open();
    clock.advance(10_000);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(receiver.requests).toHaveLength(2);
  });

  it('reports a permanently failing sink once and keeps secrets out of DB, logs and state', async () => {
    setup(['Start'], [{ name: 'tg', type: 'telegram' }]);
    receiver.script.push(
      { status: 404, body: `{"ok":false,"description":"Not Found bot${BOT_TOKEN}"}` },
      { status: 404, body: '{"ok":false}' },
    );
    bus.emit(start());
    await advanceAndWait(0, 1);
    bus.emit(start('2026-01-28T20:05:00.000Z'));
    await advanceAndWait(1000, 2);
    const warnings = logger.lines.filter((l) => l.message === 'notification sink is failing');
    expect(warnings).toHaveLength(1);
    const state = new OutboxRepository(db).state('team', 'tg');
    expect(state.failingSince).not.toBeNull();
    expect(state.lastError).toMatch(/^telegram answered HTTP 404/);
    // Recovers on the next success.
    bus.emit(start('2026-01-28T20:10:00.000Z'));
    await advanceAndWait(1000, 3);
    expect(new OutboxRepository(db).state('team', 'tg').failingSince).toBeNull();
    await dispatcher.close();
    db.close();
    const stored = readdirSync(dir)
      .filter((f) => f.startsWith('hibernator.db'))
      .map((f) => readFileSync(join(dir, f)).toString('latin1'))
      .join('');
    const logs = JSON.stringify(logger.lines);
    for (const secret of [BOT_TOKEN, 'AAbbCCddEEffGGhh', SLACK_SECRET, 'hdrSECRETvalue123']) {
      expect(stored).not.toContain(secret);
      expect(logs).not.toContain(secret);
      expect(JSON.stringify(state)).not.toContain(secret);
    }
  });

  it('fails a delivery whose sink has no config, once, without retrying', async () => {
    setup(['Start'], [{ name: 'nothing', type: 'webhook' }]);
    bus.emit(start());
    clock.advance(0);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const state = new OutboxRepository(db).state('team', 'nothing');
    expect(state.lastError).toMatch(/no webhook config is set for sink nothing/);
    expect(receiver.requests).toHaveLength(0);
  });
});
