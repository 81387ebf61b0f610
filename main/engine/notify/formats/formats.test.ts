import { describe, expect, it } from 'vitest';
import type { NotificationMessage } from '../notification-message';
import { escapeSlack, slackPayload } from './slack-format';
import { telegramText } from './telegram-format';
import { WEBHOOK_SCHEMA_VERSION, webhookBody } from './webhook-format';

const failure: NotificationMessage = {
  event: 'Failure',
  plan: 'staging',
  labels: { env: 'staging' },
  cycleId: 'c-1',
  operation: 'wakeup',
  phase: 'Error',
  previousPhase: null,
  reason: null,
  error: { code: 'ACCESS_DENIED', message: 'ec2:StartInstances denied <i-1> & more' },
  retriesLeft: 0,
  target: null,
  targets: [
    { name: 'web', executor: 'ec2', state: 'Failed', message: 'denied' },
    { name: 'db', executor: 'rds', state: 'Completed', message: null },
  ],
  at: '2026-01-28T20:00:00.000Z',
};

const progress = (target: string, state: string): NotificationMessage => ({
  ...failure,
  event: 'ExecutionProgress',
  error: null,
  retriesLeft: null,
  targets: [],
  phase: 'WakingUp',
  target: { name: target, executor: 'noop', state, message: null },
});

describe('Slack Block Kit', () => {
  it('has a header, the plan fields, the error, per-target results and where to look', () => {
    const payload = slackPayload([failure]);
    expect(payload.text).toBe('🔴 Wake-up failed: staging');
    const blocks = payload.blocks as Array<Record<string, unknown>>;
    expect(blocks.map((b) => b.type)).toEqual([
      'header',
      'section',
      'section',
      'section',
      'context',
    ]);
    const text = JSON.stringify(blocks);
    expect(text).toContain('*Plan:*\\nstaging');
    expect(text).toContain('ec2:StartInstances denied &lt;i-1&gt; &amp; more');
    expect(text).toContain('• web (ec2): Failed — denied');
    expect(text).toContain('Open Hibernator (tray → plan staging)');
  });

  it('escapes exactly &, < and >', () => {
    expect(escapeSlack('a<b>&c*_~')).toBe('a&lt;b&gt;&amp;c*_~');
  });

  it('puts a batch of progress into one message with one line per update', () => {
    const payload = slackPayload([progress('a', 'Running'), progress('b', 'Completed')]);
    expect(payload.text).toBe('⚙️ Wake-up progress: staging (2 updates)');
    expect(JSON.stringify(payload.blocks)).toContain('• a (noop): Running\\n• b (noop): Completed');
  });
});

describe('Telegram MarkdownV2 text', () => {
  it('escapes every dynamic part and keeps the entities', () => {
    const text = telegramText([failure]);
    expect(text.split('\n')).toEqual([
      '*🔴 Wake\\-up failed: staging*',
      '*Plan:* staging',
      '*Phase:* Error',
      '*Operation:* wakeup',
      '*Cycle:* c\\-1',
      '*Error:* `ACCESS_DENIED` ec2:StartInstances denied <i\\-1\\> & more',
      '*Targets:*',
      '• web \\(ec2\\): Failed — denied',
      '• db \\(rds\\): Completed',
      '_2026\\-01\\-28T20:00:00\\.000Z · Open Hibernator \\(tray → plan staging\\) for details, or run: hibernator status staging_',
    ]);
  });

  it('counts the targets it does not show', () => {
    const many = {
      ...failure,
      targets: Array.from({ length: 25 }, (_, i) => ({
        name: `t${i}`,
        executor: 'noop',
        state: 'Completed',
        message: null,
      })),
    };
    expect(telegramText([many])).toContain('… and 5 more');
  });
});

describe('webhook JSON', () => {
  it('carries the schema version, the source and one entry per delivery with its id', () => {
    expect(webhookBody([{ id: 'k1', message: failure }])).toEqual({
      version: WEBHOOK_SCHEMA_VERSION,
      source: 'hibernator-desktop',
      events: [{ id: 'k1', ...failure }],
    });
    expect(WEBHOOK_SCHEMA_VERSION).toBe(1);
  });
});
