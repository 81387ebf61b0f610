import { describe, expect, it } from 'vitest';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL } from '../shared/api/bridge';
import { API_METHODS } from '../shared/api/contract';
import type { HibernatorEvent } from '../shared/api/events';
import { BRIDGE_METHODS } from './api-methods';
import { createBridge, type BridgeIpc } from './create-bridge';

type Listener = (event: unknown, ...args: unknown[]) => void;

function fakeIpc() {
  const invoked: unknown[][] = [];
  const listeners = new Map<string, Set<Listener>>();
  const ipc: BridgeIpc = {
    invoke: (...args) => {
      invoked.push(args);
      return Promise.resolve({ ok: true, result: args[1] });
    },
    on: (channel, listener) =>
      listeners.set(channel, (listeners.get(channel) ?? new Set()).add(listener)),
    removeListener: (channel, listener) => listeners.get(channel)?.delete(listener),
  };
  const emit = (payload: unknown) =>
    listeners.get(IPC_EVENT_CHANNEL)?.forEach((l) => l({ sender: 'ipc internals' }, payload));
  return { ipc, invoked, listeners, emit };
}

describe('createBridge', () => {
  it('exposes exactly one function per API method', () => {
    const bridge = createBridge(fakeIpc().ipc);
    expect(Object.keys(bridge.api).sort()).toEqual([...API_METHODS].sort());
    expect(Object.values(bridge.api).every((f) => typeof f === 'function')).toBe(true);
    expect([...BRIDGE_METHODS].sort()).toEqual([...API_METHODS].sort());
  });

  it('sends the method name and input over the call channel and returns the envelope', async () => {
    const { ipc, invoked } = fakeIpc();
    const envelope = await createBridge(ipc).api.keepAwake({ plan: 'dev-env', hours: 1 });
    expect(invoked).toEqual([[IPC_CALL_CHANNEL, 'keepAwake', { plan: 'dev-env', hours: 1 }]]);
    expect(envelope).toEqual({ ok: true, result: 'keepAwake' });
  });

  it('delivers events without the IPC event object, until unsubscribed', () => {
    const { ipc, emit, listeners } = fakeIpc();
    const bridge = createBridge(ipc);
    const received: unknown[][] = [];
    const unsubscribe = bridge.onEvent((...args: unknown[]) => received.push(args));
    const event: HibernatorEvent = { type: 'SettingsChanged' };
    emit(event);
    unsubscribe();
    emit(event);
    expect(received).toEqual([[event]]);
    expect(listeners.get(IPC_EVENT_CHANNEL)?.size).toBe(0);
  });

  it('cannot be altered by the page', () => {
    const bridge = createBridge(fakeIpc().ipc);
    expect(Object.isFrozen(bridge)).toBe(true);
    expect(Object.isFrozen(bridge.api)).toBe(true);
  });
});
