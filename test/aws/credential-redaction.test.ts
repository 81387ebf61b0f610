import BetterSqlite3 from 'better-sqlite3';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { HibernatorEvent } from '../../shared/api/events';
import { SANDBOX_KEYS } from '../cloud/aws';
import { awsPlan, startAwsTestEnv, type AwsTestEnv } from './aws-test-env';

/**
 * Issue 13 item 5: an endpoint that echoes the request in its error (AWS's SignatureDoesNotMatch
 * quotes the canonical request) must not move the caller's credentials into any answer, log
 * line, event or database row.
 */
const KEYS = {
  accessKeyId: SANDBOX_KEYS.admin.accessKeyId,
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYSANDBOXKEY',
  sessionToken:
    'IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJHMEUCIQDx3Xh5Kb2vG9v8yYqQ3Ob7mZ1HbLq1XyE0k6Rj2T4aAiBv1l2dA7f6P3gKQ2c8hW8G4kq4xNn0ZJcGm5oU2YqY8yqXAwi5',
};
const SECRETS = [KEYS.accessKeyId, KEYS.secretAccessKey, KEYS.sessionToken];

let t: AwsTestEnv | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

/** Every text column of every table of hibernator.db, as one string. */
function dumpDatabase(path: string): string {
  const db = new BetterSqlite3(path, { readonly: true });
  try {
    const tables = db
      .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'")
      .all();
    return tables
      .map((table) => JSON.stringify(db.prepare(`SELECT * FROM "${table.name}"`).all()))
      .join('\n');
  } finally {
    db.close();
  }
}

function echoFault(env: AwsTestEnv, action: string): void {
  env.emu.clearFaults();
  env.emu.fault({
    action,
    failNth: { nth: 1, count: 1000, error: { kind: 'signature-mismatch' } },
  });
}

describe('credentials echoed by an endpoint never leave the engine', () => {
  it('keeps them out of testConnection, discover, a failed hibernate, the events, engine.log and hibernator.db', async () => {
    const env = await startAwsTestEnv({ profiles: { dev: KEYS }, fileLog: true });
    t = env;
    const events: HibernatorEvent[] = [];
    env.engine.subscribe((e) => events.push(e));
    await env.connect();
    const answers: unknown[] = [];

    echoFault(env, 'sts:GetCallerIdentity');
    const tested = await env.engine.call('testConnection', { name: 'sandbox' });
    answers.push(tested);
    expect(tested).toMatchObject({ ok: true, result: { ok: false } });

    const plan = awsPlan('dev', [
      {
        name: 'web',
        type: 'ec2',
        parameters: { selector: { tags: { Team: 'web', Environment: 'dev' } } },
      },
    ]);
    await env.call('applyPlan', { plan });
    echoFault(env, 'ec2:DescribeInstances');
    const dryRun = await env.engine.call('discover', { plan: 'dev' });
    answers.push(dryRun);
    expect(dryRun).toMatchObject({
      ok: true,
      result: { targets: [{ error: { code: 'AUTH_FAILED' } }] },
    });

    echoFault(env, 'ec2:StopInstances');
    answers.push(await env.engine.call('hibernateNow', { plan: 'dev' }));
    await env.engine.idle();
    const status = await env.engine.call('getPlan', { name: 'dev' });
    answers.push(status, await env.engine.call('getHistory', { plan: 'dev' }));
    answers.push(await env.engine.call('listPlans', {}));
    expect(status).toMatchObject({ ok: true, result: { status: { phase: 'Error' } } });

    // The emulator did echo the credentials, and what came back still says what went wrong.
    expect(env.emu.faults()[0]?.injected).toBeGreaterThan(0);
    const answerText = JSON.stringify(answers);
    expect(answerText).toContain('SignatureDoesNotMatch');
    expect(answerText).toContain('[redacted]');

    const logPath = join(env.dir, 'data', 'engine.log');
    expect(existsSync(logPath)).toBe(true);
    const log = readFileSync(logPath, 'utf8');
    const database = dumpDatabase(join(env.dir, 'data', 'hibernator.db'));
    expect(database).toContain('SignatureDoesNotMatch');
    const places = {
      answers: answerText,
      events: JSON.stringify(events),
      'engine.log': log,
      'hibernator.db': database,
    };
    for (const [place, text] of Object.entries(places))
      for (const secret of SECRETS)
        expect(text.includes(secret), `${secret.slice(0, 12)}… in ${place}`).toBe(false);
    expect(events.some((e) => e.type === 'Failure' || e.type === 'TargetProgress')).toBe(true);
  });
});
