// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { ApiError, type HibernatorEvent } from '../../../shared/api';
import { FakeEventSource, ManualTimers } from './fake-event-source';
import { createHttpTransport } from './http-transport';
import type { StreamStatus } from './transport';

interface Recorded {
  url: string;
  init: RequestInit | undefined;
}

function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}

function setup(answer: (method: string, body: unknown) => Response | Promise<Response>) {
  const requests: Recorded[] = [];
  const sources: FakeEventSource[] = [];
  const timers = new ManualTimers();
  const transport = createHttpTransport({
    token: 'tok en',
    baseUrl: 'http://127.0.0.1:9',
    timers,
    fetch: async (input, init) => {
      const url = String(input);
      requests.push({ url, init });
      return answer(url.split('/api/')[1] ?? '', JSON.parse(String(init?.body ?? '{}')));
    },
    createEventSource: (url) => {
      const s = new FakeEventSource(url);
      sources.push(s);
      return s;
    },
  });
  const statuses: StreamStatus[] = [];
  transport.onStatus((s) => statuses.push(s));
  return { transport, requests, sources, timers, statuses };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('HTTP transport', () => {
  it('posts the input as JSON with the bearer token and returns the unwrapped result', async () => {
    const { transport, requests } = setup((_m, body) =>
      jsonResponse(200, { ok: true, result: { echoed: body } }),
    );
    const result = await transport.call('getPlan', { name: 'demo' });
    expect(result).toEqual({ echoed: { name: 'demo' } });
    expect(requests[0]?.url).toBe('http://127.0.0.1:9/api/getPlan');
    expect(requests[0]?.init?.method).toBe('POST');
    expect(new Headers(requests[0]?.init?.headers).get('Authorization')).toBe('Bearer tok en');
  });

  it('throws an ApiError with the code, message and field issues of a refused call', async () => {
    const issues = [{ path: 'spec.targets', message: 'must not be empty' }];
    const { transport } = setup(() =>
      jsonResponse(400, {
        ok: false,
        error: { code: 'INVALID_PLAN', message: 'bad plan', issues },
      }),
    );
    const error = await transport.call('applyPlan', { plan: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'INVALID_PLAN', message: 'bad plan', issues });
  });

  it('reports an unreachable engine as UNREACHABLE instead of a bare fetch error', async () => {
    const { transport } = setup(() => Promise.reject(new TypeError('Failed to fetch')));
    await expect(transport.call('listPlans', {})).rejects.toMatchObject({ code: 'UNREACHABLE' });
  });

  it('marks the transport unauthorized when a call is refused for its token', async () => {
    const { transport, statuses } = setup(() =>
      jsonResponse(401, { ok: false, error: { code: 'UNAUTHORIZED', message: 'wrong token' } }),
    );
    await expect(transport.call('listPlans', {})).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    expect(statuses.at(-1)).toBe('unauthorized');
  });

  it('rejects an answer that is not an envelope', async () => {
    const { transport } = setup(() => new Response('<html>', { status: 200 }));
    await expect(transport.call('listPlans', {})).rejects.toMatchObject({ code: 'BAD_RESPONSE' });
  });

  it('opens one event stream with the token in the query and delivers parsed events', () => {
    const { transport, sources, statuses } = setup(() =>
      jsonResponse(200, { ok: true, result: {} }),
    );
    const a: HibernatorEvent[] = [];
    const b: HibernatorEvent[] = [];
    transport.subscribe((e) => a.push(e));
    transport.subscribe((e) => b.push(e));
    expect(sources).toHaveLength(1);
    expect(sources[0]?.url).toBe('http://127.0.0.1:9/api/events?token=tok%20en');
    sources[0]?.open();
    sources[0]?.emit(
      'hibernator',
      JSON.stringify({ type: 'PlanChanged', plan: 'demo', change: 'created' }),
    );
    sources[0]?.emit('hibernator', 'not json');
    expect(a).toEqual([{ type: 'PlanChanged', plan: 'demo', change: 'created' }]);
    expect(b).toEqual(a);
    expect(statuses).toEqual(['connecting', 'open']);
  });

  it('closes the stream when the last subscriber leaves', () => {
    const { transport, sources } = setup(() => jsonResponse(200, { ok: true, result: {} }));
    const off1 = transport.subscribe(() => undefined);
    const off2 = transport.subscribe(() => undefined);
    off1();
    expect(sources[0]?.closed).toBe(false);
    off2();
    expect(sources[0]?.closed).toBe(true);
  });

  it('replaces a stream the browser gave up on, and reports open again so lists are re-fetched', async () => {
    const { transport, sources, timers, statuses } = setup(() =>
      jsonResponse(200, { ok: true, result: {} }),
    );
    transport.subscribe(() => undefined);
    sources[0]?.open();
    sources[0]?.fail(true);
    await flush();
    expect(statuses.at(-1)).toBe('reconnecting');
    expect(timers.pending.size).toBe(1);
    timers.runAll();
    expect(sources).toHaveLength(2);
    sources[1]?.open();
    expect(statuses).toEqual(['connecting', 'open', 'reconnecting', 'open']);
  });

  it('stops reconnecting once the probe says the token is refused (serve restarted)', async () => {
    let refuse = false;
    const { transport, sources, timers, statuses } = setup(() =>
      refuse
        ? jsonResponse(401, { ok: false, error: { code: 'UNAUTHORIZED', message: 'wrong token' } })
        : jsonResponse(200, { ok: true, result: {} }),
    );
    transport.subscribe(() => undefined);
    sources[0]?.open();
    refuse = true;
    sources[0]?.fail(true);
    await flush();
    await flush();
    expect(statuses.at(-1)).toBe('unauthorized');
    expect(timers.pending.size).toBe(0);
  });

  it('shows reconnecting while the browser retries a dropped connection by itself', () => {
    const { transport, sources, statuses } = setup(() =>
      jsonResponse(200, { ok: true, result: {} }),
    );
    transport.subscribe(() => undefined);
    sources[0]?.open();
    sources[0]?.fail(false);
    expect(statuses.at(-1)).toBe('reconnecting');
    sources[0]?.open();
    expect(statuses.at(-1)).toBe('open');
    expect(sources).toHaveLength(1);
  });
});
