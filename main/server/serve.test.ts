import { get } from 'node:http';
import { createServer } from 'node:net';
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { HibernatorEvent } from '../../shared/api/events';
import { Engine, createMemoryLogger } from '../engine';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/csp';
import { ServeError, startServe, type RunningServer } from './serve';
import { callLocalSocket, startLocalSocket } from './local-socket';

let engine: Engine | undefined;
let server: RunningServer | undefined;

afterEach(async () => {
  await server?.close();
  await engine?.close();
  server = undefined;
  engine = undefined;
});

async function start(): Promise<{ url: string; token: string; dataDir: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'hib-serve-'));
  engine = Engine.open({ dataDir, host: 'serve', logger: createMemoryLogger() });
  server = await startServe({ host: engine, dataDir, port: 0, staticDir: null });
  return { url: server.url, token: server.token, dataDir };
}

const plan = {
  apiVersion: 'hibernator.ardikabs.com/v1alpha1',
  kind: 'HibernatePlan',
  metadata: { name: 'web' },
  spec: {
    schedule: {
      timezone: 'UTC',
      offHours: [{ start: '20:00', end: '06:00', daysOfWeek: ['MON'] }],
    },
    execution: { strategy: { type: 'Parallel' } },
    targets: [{ name: 'a', type: 'noop' }],
  },
};

describe('serve', () => {
  it('removes its token file at a clean stop, but never a newer serve’s token', async () => {
    const { dataDir, token } = await start();
    const tokenPath = join(dataDir, 'serve.token');
    expect(readFileSync(tokenPath, 'utf8').trim()).toBe(token);
    await server?.close();
    server = undefined;
    expect(existsSync(tokenPath)).toBe(false);

    const second = await startServe({ host: engine as Engine, dataDir, port: 0, staticDir: null });
    writeFileSync(tokenPath, 'someone-else\n');
    await second.close();
    expect(readFileSync(tokenPath, 'utf8')).toBe('someone-else\n');
  });

  it('answers API calls only with the token, and writes the token owner-only', async () => {
    const { url, token, dataDir } = await start();
    const anonymous = await fetch(`${url}/api/listPlans`, { method: 'POST', body: '{}' });
    expect(anonymous.status).toBe(401);
    expect((await anonymous.json()).error.code).toBe('UNAUTHORIZED');
    const wrong = await fetch(`${url}/api/listPlans`, {
      method: 'POST',
      body: '{}',
      headers: { Authorization: 'Bearer nope' },
    });
    expect(wrong.status).toBe(401);
    const ok = await fetch(`${url}/api/listPlans`, {
      method: 'POST',
      body: '{}',
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ ok: true, result: [] });
    expect(statSync(join(dataDir, 'serve.token')).mode & 0o777).toBe(0o600);
  });

  it('rejects a malformed body with 400 and a message, and stores nothing', async () => {
    const { url, token } = await start();
    const headers = { Authorization: `Bearer ${token}` };
    const notJson = await fetch(`${url}/api/applyPlan`, {
      method: 'POST',
      body: '{"plan":',
      headers,
    });
    expect(notJson.status).toBe(400);
    expect((await notJson.json()).error.message).toMatch(/not valid JSON/);
    // The parser quotes the start of the body: a credential there is redacted like any error text.
    const quoted = await fetch(`${url}/api/applyPlan`, {
      method: 'POST',
      body: 'token=s3cr3tvalue',
      headers,
    });
    expect(quoted.status).toBe(400);
    const quotedMessage = (await quoted.json()).error.message as string;
    expect(quotedMessage).toMatch(/not valid JSON/);
    expect(quotedMessage).not.toContain('token=s3cr');
    expect(quotedMessage).toContain('[redacted]');
    const badPlan = await fetch(`${url}/api/applyPlan`, {
      method: 'POST',
      body: JSON.stringify({
        plan: {
          ...plan,
          spec: { ...plan.spec, schedule: { timezone: 'Mars/Olympus', offHours: [] } },
        },
      }),
      headers,
    });
    expect(badPlan.status).toBe(400);
    const body = await badPlan.json();
    expect(body.error.code).toBe('INVALID_PLAN');
    expect(body.error.issues.map((i: { path: string }) => i.path)).toEqual(
      expect.arrayContaining(['spec.schedule.timezone']),
    );
    const extra = await fetch(`${url}/api/listPlans`, {
      method: 'POST',
      body: '{"surprise":1}',
      headers,
    });
    expect(extra.status).toBe(400);
    const list = await fetch(`${url}/api/listPlans`, { method: 'POST', body: '{}', headers });
    expect((await list.json()).result).toEqual([]);
  });

  it('answers a request path with a broken percent-encoding with 400, not 500', async () => {
    const { url, token } = await start();
    const broken = await fetch(`${url}/api/list%E0%A4%A`, {
      method: 'POST',
      body: '{}',
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(broken.status).toBe(400);
    expect((await broken.json()).error).toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringMatching(/percent-encoding/),
    });
  });

  it('refuses other Host headers (DNS rebinding) and sends the CSP with every answer', async () => {
    const { url } = await start();
    const health = await fetch(`${url}/api/health`);
    expect(health.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    const status = await new Promise<number | undefined>((resolve, reject) => {
      get(`${url}/api/health`, { headers: { Host: 'evil.example:80' } }, (res) => {
        res.resume();
        resolve(res.statusCode);
      }).on('error', reject);
    });
    expect(status).toBe(421);
  });

  it('streams engine events to an authorised subscriber', async () => {
    const { url, token } = await start();
    const controller = new AbortController();
    const response = await fetch(`${url}/api/events?token=${token}`, { signal: controller.signal });
    expect(response.headers.get('content-type')).toMatch(/text\/event-stream/);
    const reader = response.body?.getReader();
    const received: HibernatorEvent[] = [];
    const reading = (async () => {
      let buffer = '';
      for (;;) {
        const chunk = await reader?.read();
        if (!chunk || chunk.done) return;
        buffer += new TextDecoder().decode(chunk.value);
        for (const m of buffer.matchAll(/data: (.*)\n\n/g))
          received.push(JSON.parse(m[1] ?? '{}') as HibernatorEvent);
        buffer = buffer.slice(buffer.lastIndexOf('\n\n') + 2);
        if (received.some((e) => e.type === 'PlanChanged')) return;
      }
    })();
    await fetch(`${url}/api/applyPlan`, {
      method: 'POST',
      body: JSON.stringify({ plan }),
      headers: { Authorization: `Bearer ${token}` },
    });
    await reading;
    controller.abort();
    expect(received).toContainEqual({ type: 'PlanChanged', plan: 'web', change: 'created' });
    const noToken = await fetch(`${url}/api/events`);
    expect(noToken.status).toBe(401);
  });

  it('answers 413 with what to do to a body over 5 MB, instead of resetting the connection', async () => {
    const { url, token } = await start();
    const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
    const big = JSON.stringify({ yaml: 'x'.repeat(6 * 1024 * 1024) });
    const response = await fetch(`${url}/api/importYaml`, { method: 'POST', headers, body: big });
    expect(response.status).toBe(413);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('TOO_LARGE');
    expect(body.error.message).toMatch(/5 MB.*split the YAML/);
    const next = await fetch(`${url}/api/listPlans`, { method: 'POST', headers, body: '{}' });
    expect(next.status).toBe(200);
  });

  it('says which port is in use and how to choose another', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const address = blocker.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const dataDir = mkdtempSync(join(tmpdir(), 'hib-serve-'));
    engine = Engine.open({ dataDir, host: 'serve', logger: createMemoryLogger() });
    try {
      await expect(startServe({ host: engine, dataDir, port, staticDir: null })).rejects.toThrow(
        new ServeError(
          'PORT_IN_USE',
          `Port ${port} on 127.0.0.1 is already in use (is another \`hibernator serve\` running?). Choose another with --port.`,
        ),
      );
      expect(existsSync(join(dataDir, 'serve.token'))).toBe(false);
    } finally {
      blocker.close();
    }
  });

  it('answers the API on the owner-only local socket', async () => {
    const { dataDir } = await start();
    if (!engine) throw new Error('no engine');
    const socket = await startLocalSocket(engine, dataDir);
    try {
      expect(statSync(socket.path).mode & 0o777).toBe(0o600);
      const result = await callLocalSocket(socket.path, 'getInfo', {});
      expect(result).toMatchObject({ ok: true, result: { host: 'serve', dataDir } });
    } finally {
      await socket.close();
    }
  });
});
