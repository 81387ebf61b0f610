import {
  ApiError,
  type ApiInput,
  type ApiMethod,
  type ApiOutputs,
  type HibernatorEvent,
} from '../../../shared/api';
import { sampleInfo, sampleSettings } from './samples';
import type {
  EventListenerFn,
  StatusListener,
  StreamStatus,
  Transport,
} from '../transport/transport';

type Handler<M extends ApiMethod> = (input: ApiInput<M>) => ApiOutputs[M] | Promise<ApiOutputs[M]>;
export type Handlers = { [M in ApiMethod]?: Handler<M> };

export interface FakeTransport extends Transport {
  handlers: Handlers;
  calls: { method: ApiMethod; input: unknown }[];
  emit(event: HibernatorEvent): void;
  setStatus(status: StreamStatus): void;
}

/** A transport answering from per-method handlers; a method without a handler fails like the engine would. */
export function createFakeTransport(handlers: Handlers = {}): FakeTransport {
  const listeners = new Set<EventListenerFn>();
  const statusListeners = new Set<StatusListener>();
  let status: StreamStatus = 'open';
  const fake: FakeTransport = {
    kind: 'http',
    handlers,
    calls: [],
    async call<M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiOutputs[M]> {
      fake.calls.push({ method, input });
      const handler = fake.handlers[method] as Handler<M> | undefined;
      if (!handler) throw new ApiError('UNKNOWN_METHOD', `no fake handler for ${method}`);
      return handler(input);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onStatus(listener) {
      statusListeners.add(listener);
      listener(status);
      return () => statusListeners.delete(listener);
    },
    emit(event) {
      for (const l of [...listeners]) l(event);
    },
    setStatus(next) {
      status = next;
      for (const l of [...statusListeners]) l(next);
    },
  };
  return fake;
}

export function callsOf(fake: FakeTransport, method: ApiMethod): unknown[] {
  return fake.calls.filter((c) => c.method === method).map((c) => c.input);
}

/** Lets queued promise callbacks (store fetches) run. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 0));
}

/** A transport with the lists the window loads at start, all empty unless given. */
export function createWorldTransport(extra: Handlers = {}): FakeTransport {
  return createFakeTransport({
    getInfo: () => sampleInfo,
    listPlans: () => [],
    listExceptions: () => [],
    listConnections: () => [],
    getSettings: () => sampleSettings,
    ...extra,
  });
}
