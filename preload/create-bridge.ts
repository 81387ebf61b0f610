import {
  IPC_CALL_CHANNEL,
  IPC_EVENT_CHANNEL,
  type Envelope,
  type HibernatorBridge,
} from '../shared/api/bridge';
import type { ApiMethod } from '../shared/api/contract';
import type { HibernatorEvent } from '../shared/api/events';
import { BRIDGE_METHODS } from './api-methods';

/** The part of ipcRenderer the bridge uses (so tests pass a fake). */
export interface BridgeIpc {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

/**
 * `window.hibernator`: one function per API method and one event subscription. The renderer
 * never sees ipcRenderer or the IPC event object (it carries `sender`), only plain data.
 */
export function createBridge(ipc: BridgeIpc): HibernatorBridge {
  const api = Object.fromEntries(
    BRIDGE_METHODS.map((method: ApiMethod) => [
      method,
      (input: unknown) => ipc.invoke(IPC_CALL_CHANNEL, method, input) as Promise<Envelope>,
    ]),
  ) as HibernatorBridge['api'];
  return Object.freeze({
    api: Object.freeze(api),
    onEvent(listener: (event: HibernatorEvent) => void): () => void {
      const handler = (_event: unknown, payload: unknown): void =>
        listener(payload as HibernatorEvent);
      ipc.on(IPC_EVENT_CHANNEL, handler);
      return () => {
        ipc.removeListener(IPC_EVENT_CHANNEL, handler);
      };
    },
  });
}
