import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { planObject, startTestEngine, type TestEngine } from '../../../test/engine/harness';

let t: TestEngine;
afterEach(async () => {
  await t?.close();
});

const SLACK_URL = 'https://hooks.slack.com/services/T000/B000/XXXXsecretXXXX';
const BOT_TOKEN = '123456789:AAbbCCddEEffGGhhIIjjKKllMMnnOOppQQr';

function notification(name = 'team') {
  return {
    apiVersion: 'hibernator.ardikabs.com/v1alpha1',
    kind: 'HibernateNotification',
    metadata: { name },
    spec: {
      selector: { matchLabels: { env: 'dev' } },
      onEvents: ['Start', 'Failure'],
      sinks: [
        { name: 'slack-ops', type: 'slack', secretRef: { name: 'slack-webhook' } },
        { name: 'tg', type: 'telegram', secretRef: { name: 'tg-bot', key: 'cfg' } },
      ],
    },
  };
}

function everyFileText(dir: string): string {
  return readdirSync(dir)
    .filter((f) => !f.startsWith('notification-secrets'))
    .map((f) => readFileSync(join(dir, f)).toString('latin1'))
    .join('\n');
}

describe('notification API', () => {
  it('applies, lists, gets and deletes a notification, showing which plans it watches', async () => {
    t = await startTestEngine();
    const plan = planObject({ targets: ['web'] });
    (plan.metadata as Record<string, unknown>).labels = { env: 'dev' };
    await t.call('applyPlan', { plan });
    await t.call('applyPlan', { plan: planObject({ name: 'other', targets: ['web'] }) });
    expect(await t.call('applyNotification', { notification: notification() })).toMatchObject({
      name: 'team',
      created: true,
    });
    const list = await t.call('listNotifications', {});
    expect(list).toEqual([
      {
        name: 'team',
        labels: {},
        selector: { matchLabels: { env: 'dev' } },
        onEvents: ['Start', 'Failure'],
        sinks: [
          {
            name: 'slack-ops',
            type: 'slack',
            configured: false,
            lastDeliveryAt: null,
            lastFailure: null,
            failing: false,
          },
          {
            name: 'tg',
            type: 'telegram',
            configured: false,
            lastDeliveryAt: null,
            lastFailure: null,
            failing: false,
          },
        ],
        watchedPlans: ['dev'],
      },
    ]);
    const detail = await t.call('getNotification', { name: 'team' });
    expect(detail.notification.spec.sinks[1]?.secretRef).toEqual({ name: 'tg-bot', key: 'cfg' });
    await t.restart();
    expect((await t.call('listNotifications', {})).map((n) => n.name)).toEqual(['team']);
    expect(await t.call('deleteNotification', { name: 'team' })).toEqual({
      name: 'team',
      deleted: true,
    });
    await expect(t.call('getNotification', { name: 'team' })).rejects.toThrow(
      /no notification named "team"/,
    );
  });

  it('refuses an invalid notification with issues naming the field', async () => {
    t = await startTestEngine();
    const bad = notification();
    bad.spec.onEvents = ['Sometimes'];
    await expect(t.call('applyNotification', { notification: bad })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      issues: [{ path: 'spec.onEvents[0]', message: expect.stringContaining('"Sometimes"') }],
    });
  });

  it('keeps sink config in an owner-only file, never in the database, answers or log', async () => {
    t = await startTestEngine();
    await t.call('applyNotification', { notification: notification() });
    const set = await t.call('setSinkConfig', {
      notification: 'team',
      sink: 'slack-ops',
      config: { webhook_url: SLACK_URL },
    });
    expect(set).toEqual({
      notification: 'team',
      sink: {
        name: 'slack-ops',
        type: 'slack',
        configured: true,
        lastDeliveryAt: null,
        lastFailure: null,
        failing: false,
      },
    });
    await t.call('setSinkConfig', {
      notification: 'team',
      sink: 'tg',
      config: { token: BOT_TOKEN, chat_id: '-100123' },
    });
    const secretsPath = join(t.dataDir, 'notification-secrets.json');
    expect(statSync(secretsPath).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(secretsPath, 'utf8'))).toEqual({
      version: 1,
      secrets: {
        'slack-webhook': { config: { webhook_url: SLACK_URL } },
        'tg-bot': { cfg: { token: BOT_TOKEN, chat_id: '-100123' } },
      },
    });
    const answers = JSON.stringify([
      await t.call('listNotifications', {}),
      await t.call('getNotification', { name: 'team' }),
      await t.call('exportYaml', {}),
    ]);
    await t.restart();
    const onDisk = everyFileText(t.dataDir);
    for (const secret of ['XXXXsecretXXXX', BOT_TOKEN]) {
      expect(answers).not.toContain(secret);
      expect(onDisk).not.toContain(secret);
    }
    expect((await t.call('listNotifications', {}))[0]?.sinks.every((s) => s.configured)).toBe(true);
    await t.call('clearSinkConfig', { notification: 'team', sink: 'tg' });
    expect((await t.call('listNotifications', {}))[0]?.sinks[1]?.configured).toBe(false);
  });

  it('refuses a config that does not fit the sink type without echoing it', async () => {
    t = await startTestEngine();
    await t.call('applyNotification', { notification: notification() });
    const error = await t
      .call('setSinkConfig', {
        notification: 'team',
        sink: 'tg',
        config: { token: 'not-a-token-XXXXsecretXXXX' },
      })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'INVALID_INPUT' });
    expect(JSON.stringify(error)).not.toContain('XXXXsecretXXXX');
    expect(String(error)).not.toContain('XXXXsecretXXXX');
    expect((error as { issues: Array<{ path: string }> }).issues.map((i) => i.path)).toEqual([
      'config.token',
      'config.chat_id',
    ]);
  });

  it('imports a notification with its plans and exports it with the Secret to create', async () => {
    t = await startTestEngine();
    const plan = planObject({ targets: ['web'] });
    (plan.metadata as Record<string, unknown>).labels = { env: 'dev' };
    const yaml = [JSON.stringify(plan), JSON.stringify(notification())].join('\n---\n');
    const imported = await t.call('importYaml', { yaml });
    expect(imported.ok).toBe(true);
    const exported = await t.call('exportYaml', { plans: ['dev'] });
    expect(exported.yaml).toContain('kind: HibernateNotification');
    expect(exported.warnings?.map((w) => w.message)).toContainEqual(
      expect.stringContaining('create the Secret "tg-bot" with key "cfg"'),
    );
  });
});
