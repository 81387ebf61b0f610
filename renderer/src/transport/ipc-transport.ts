import {
  ApiError,
  type ApiInput,
  type ApiMethod,
  type ApiOutputs,
  type Envelope,
  type HibernatorBridge,
} from '../../../shared/api';
import { unwrapEnvelope } from './envelope';
import type { Transport } from './transport';

/** True when `value` looks like the bridge the preload exposes as `window.hibernator`. */
export function isBridge(value: unknown): value is HibernatorBridge {
  if (typeof value !== 'object' || value === null) return false;
  const api: unknown = 'api' in value ? value.api : undefined;
  const onEvent: unknown = 'onEvent' in value ? value.onEvent : undefined;
  return typeof api === 'object' && api !== null && typeof onEvent === 'function';
}

/** Electron: calls go through the preload's `window.hibernator`; the IPC stream never drops. */
export function createIpcTransport(bridge: HibernatorBridge): Transport {
  return {
    kind: 'ipc',
    async call<M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiOutputs[M]> {
      // Indexing a mapped type with a generic key loses the correlation between key and signature.
      const fn = bridge.api[method] as ((input: ApiInput<M>) => Promise<Envelope>) | undefined;
      if (typeof fn !== 'function') {
        throw new ApiError(
          'UNKNOWN_METHOD',
          `This version of the desktop app has no "${method}"; update Hibernator.`,
        );
      }
      const envelope: unknown = await fn(input);
      return unwrapEnvelope(envelope) as ApiOutputs[M];
    },
    subscribe(listener) {
      return bridge.onEvent(listener);
    },
    onStatus(listener) {
      listener('open');
      return () => undefined;
    },
  };
}
