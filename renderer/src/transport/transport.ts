import type { ApiInput, ApiMethod, ApiOutputs, HibernatorEvent } from '../../../shared/api';

/**
 * Health of the event stream. `unauthorized` is final: the token was refused, so only a new
 * URL from `hibernator serve` helps; `reconnecting` heals by itself.
 */
export type StreamStatus = 'connecting' | 'open' | 'reconnecting' | 'unauthorized';

export type EventListenerFn = (event: HibernatorEvent) => void;
export type StatusListener = (status: StreamStatus) => void;

/**
 * How the renderer talks to the engine: the same calls and events whether it runs inside
 * Electron (IPC through the preload) or in a browser against `hibernator serve` (HTTP + SSE).
 */
export interface Transport {
  readonly kind: 'ipc' | 'http';
  /** Resolves to the method's result; rejects with an `ApiError` carrying the engine's code and issues. */
  call<M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiOutputs[M]>;
  /** Engine events, as they happen. Returns the unsubscribe function. */
  subscribe(listener: EventListenerFn): () => void;
  /** Stream health; the listener is told the current status at once. Returns the unsubscribe function. */
  onStatus(listener: StatusListener): () => void;
}
