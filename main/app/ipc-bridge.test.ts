import type { IpcMain, WebContents } from 'electron';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL } from '../../shared/api/bridge';
import { httpStatusFor } from '../../shared/api/errors';
import { Engine, createMemoryLogger } from '../engine';
import { createCallHandler, forwardEvents, registerIpcBridge } from './ipc-bridge';
import { FakeWebContents } from './test-support/fake-electron';

let dir = '';
let engine: Engine;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'hib-ipc-'));
  engine = Engine.open({ dataDir: dir, host: 'desktop', logger: createMemoryLogger(), run: false });
});

afterAll(async () => {
  await engine.close();
  rmSync(dir, { recursive: true, force: true });
});

const fromApp = { senderFrame: { url: 'app://hibernator/#/plans' } } as never;

describe('the IPC call handler', () => {
  it('answers a well-formed call from the app page', async () => {
    const handler = createCallHandler(engine);
    await expect(handler(fromApp, 'listPlans', {})).resolves.toEqual({ ok: true, result: [] });
  });

  const malformed: Array<[string, unknown, unknown, string]> = [
    ['a method name that is not a string', 42, {}, 'UNKNOWN_METHOD'],
    ['a method outside the contract', 'dropEverything', {}, 'UNKNOWN_METHOD'],
    ['an inherited property as method', 'constructor', {}, 'UNKNOWN_METHOD'],
    ['a missing required field', 'getPlan', null, 'INVALID_INPUT'],
    ['a wrong type', 'keepAwake', { plan: 'dev-env', hours: 'lots' }, 'INVALID_INPUT'],
    ['a negative number', 'keepAwake', { plan: 'dev-env', hours: -3 }, 'INVALID_INPUT'],
    ['an unknown field', 'getPlan', { name: 'x', sql: 'DROP TABLE plans' }, 'INVALID_INPUT'],
    [
      'a prototype-polluting key',
      'resume',
      JSON.parse('{"plan":"x","__proto__":{"admin":true}}'),
      'INVALID_INPUT',
    ],
    ['a string instead of an object', 'getPlan', 'dev-env', 'INVALID_INPUT'],
    ['an array instead of an object', 'pauseAll', [true], 'INVALID_INPUT'],
    [
      'an instant that is not ISO-8601',
      'hibernateNow',
      { plan: 'x', until: 'tomorrow' },
      'INVALID_INPUT',
    ],
    ['a plan that does not exist', 'getPlan', { name: 'nope' }, 'NOT_FOUND'],
  ];

  it.each(malformed)(
    'turns %s into a 4xx-style envelope, never a throw',
    async (_case, method, input, code) => {
      const envelope = await createCallHandler(engine)(fromApp, method, input);
      expect(envelope.ok).toBe(false);
      if (envelope.ok) return;
      expect(envelope.error.code).toBe(code);
      expect(httpStatusFor(envelope.error.code)).toBeGreaterThanOrEqual(400);
      expect(httpStatusFor(envelope.error.code)).toBeLessThan(500);
      expect(envelope.error.message).not.toMatch(/\n\s+at /);
    },
  );

  it('names the offending field', async () => {
    const envelope = await createCallHandler(engine)(fromApp, 'keepAwake', {
      plan: 'dev-env',
      hours: 'lots',
    });
    expect(envelope.ok ? [] : envelope.error.issues?.map((i) => i.path)).toEqual(['hours']);
  });

  it.each([
    ['another origin', { senderFrame: { url: 'https://evil.example/' } }],
    ['a file page', { senderFrame: { url: 'file:///tmp/x.html' } }],
    ['a frame that is gone', { senderFrame: null }],
  ])('refuses a call from %s', async (_case, event) => {
    const envelope = await createCallHandler(engine)(event as never, 'listPlans', {});
    expect(envelope).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
  });

  it('passes the window as the caller, so an override the page sets records it', async () => {
    const seen: unknown[] = [];
    const handler = createCallHandler(
      {
        call: (_method, _input, caller) => {
          seen.push(caller);
          return Promise.resolve({ ok: true, result: null });
        },
      },
      { origin: 'window', user: 'ana@laptop' },
    );
    await handler(fromApp, 'wakeNow', { plan: 'dev-env' });
    expect(seen).toEqual([{ origin: 'window', user: 'ana@laptop' }]);
  });

  it('turns an unexpected throw of the host into an envelope', async () => {
    const handler = createCallHandler({ call: () => Promise.reject(new Error('disk on fire')) });
    await expect(handler(fromApp, 'listPlans', {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'INTERNAL', message: expect.stringContaining('disk on fire') },
    });
  });
});

describe('registerIpcBridge and forwardEvents', () => {
  it('serves the call channel until unregistered', async () => {
    const handlers = new Map<string, (...args: unknown[]) => unknown>();
    const ipc = {
      handle: (c: string, h: (...args: unknown[]) => unknown) => handlers.set(c, h),
      removeHandler: (c: string) => handlers.delete(c),
    };
    const unregister = registerIpcBridge(ipc as unknown as IpcMain, engine);
    await expect(
      handlers.get(IPC_CALL_CHANNEL)?.(fromApp, 'getSettings', {}),
    ).resolves.toMatchObject({ ok: true });
    unregister();
    expect(handlers.has(IPC_CALL_CHANNEL)).toBe(false);
  });

  it('sends engine events to live windows only, and stops when asked', async () => {
    const live = new FakeWebContents();
    const gone = Object.assign(new FakeWebContents(), { destroyed: true });
    const stop = forwardEvents(engine, () => [live, gone] as unknown as WebContents[]);
    const yaml = readFileSync(
      join(import.meta.dirname, '../../test/fixtures/plans/sequential-noop.yaml'),
      'utf8',
    );
    await expect(engine.call('importYaml', { yaml })).resolves.toMatchObject({ ok: true });
    stop();
    await engine.call('deletePlan', { name: 'demo', force: true });
    expect(live.sent.map((s) => s.channel)).toContain(IPC_EVENT_CHANNEL);
    expect(live.sent.map((s) => s.payload)).toContainEqual({
      type: 'PlanChanged',
      plan: 'demo',
      change: 'created',
    });
    expect(live.sent.map((s) => s.payload)).not.toContainEqual(
      expect.objectContaining({ change: 'deleted' }),
    );
    expect(gone.sent).toEqual([]);
  });
});
