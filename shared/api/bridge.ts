import type { ApiErrorBody } from './errors';
import type { ApiInput, ApiMethod } from './contract';
import type { HibernatorEvent } from './events';

/** IPC channel names shared by the preload and main/app. */
export const IPC_CALL_CHANNEL = 'hibernator:call';
export const IPC_EVENT_CHANNEL = 'hibernator:event';

/**
 * What crosses IPC: an envelope, because Electron turns a rejected invoke into a bare
 * "Error invoking remote method" and loses the code and the field issues.
 */
export type Envelope = { ok: true; result: unknown } | { ok: false; error: ApiErrorBody };

/**
 * `window.hibernator` as the preload exposes it: exactly the contract's methods (each returning
 * an envelope) and one event subscription that returns its unsubscribe function.
 */
export interface HibernatorBridge {
  api: { [M in ApiMethod]: (input: ApiInput<M>) => Promise<Envelope> };
  onEvent(listener: (event: HibernatorEvent) => void): () => void;
}
