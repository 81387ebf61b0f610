import { describe, expect, it } from 'vitest';
import {
  ApiError,
  type Envelope,
  type HibernatorBridge,
  type HibernatorEvent,
} from '../../../shared/api';
import { createIpcTransport, isBridge } from './ipc-transport';

function fakeBridge(answer: (method: string, input: unknown) => Envelope): {
  bridge: HibernatorBridge;
  emit(e: HibernatorEvent): void;
} {
  const listeners = new Set<(e: HibernatorEvent) => void>();
  const api = new Proxy(
    {},
    { get: (_t, method) => (input: unknown) => Promise.resolve(answer(String(method), input)) },
  ) as HibernatorBridge['api'];
  return {
    bridge: {
      api,
      onEvent(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    },
    emit: (e) => listeners.forEach((l) => l(e)),
  };
}

describe('IPC transport', () => {
  it('unwraps a successful envelope into the result', async () => {
    const { bridge } = fakeBridge((method, input) => ({ ok: true, result: { method, input } }));
    const transport = createIpcTransport(bridge);
    await expect(transport.call('getPlan', { name: 'demo' })).resolves.toEqual({
      method: 'getPlan',
      input: { name: 'demo' },
    });
    expect(transport.kind).toBe('ipc');
  });

  it('turns an error envelope into an ApiError with code and issues', async () => {
    const issues = [{ path: 'metadata.name', message: 'is required' }];
    const { bridge } = fakeBridge(() => ({
      ok: false,
      error: { code: 'INVALID_PLAN', message: 'The plan is not valid', issues },
    }));
    const error = await createIpcTransport(bridge)
      .call('applyPlan', { plan: {} })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'INVALID_PLAN', issues });
  });

  it('delivers events until unsubscribed and reports the stream as open', () => {
    const { bridge, emit } = fakeBridge(() => ({ ok: true, result: null }));
    const transport = createIpcTransport(bridge);
    const seen: HibernatorEvent[] = [];
    const off = transport.subscribe((e) => seen.push(e));
    emit({ type: 'SettingsChanged' });
    off();
    emit({ type: 'SettingsChanged' });
    expect(seen).toHaveLength(1);
    const statuses: string[] = [];
    transport.onStatus((s) => statuses.push(s));
    expect(statuses).toEqual(['open']);
  });

  it('reports a method the preload does not expose as UNKNOWN_METHOD', async () => {
    const transport = createIpcTransport({
      api: {} as HibernatorBridge['api'],
      onEvent: () => () => undefined,
    });
    await expect(transport.call('listPlans', {})).rejects.toMatchObject({ code: 'UNKNOWN_METHOD' });
  });

  it('recognises a bridge only when it has an api object and onEvent', () => {
    expect(isBridge(undefined)).toBe(false);
    expect(isBridge({ api: {} })).toBe(false);
    expect(isBridge({ api: {}, onEvent: () => undefined })).toBe(true);
  });
});
