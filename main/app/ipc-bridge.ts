import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL, type Envelope } from '../../shared/api/bridge';
import type { ApiCaller } from '../../shared/api/contract';
import type { HibernatorEvent } from '../../shared/api/events';
import { isAppUrl } from './window/app-protocol';

/** The engine as the bridge sees it: `Engine.call` parses every input with the shared schemas. */
export interface BridgeHost {
  call(method: string, input: unknown, caller?: ApiCaller): Promise<Envelope>;
  subscribe(listener: (event: HibernatorEvent) => void): () => void;
}

type CallHandler = (
  event: Pick<IpcMainInvokeEvent, 'senderFrame'>,
  method: unknown,
  input: unknown,
) => Promise<Envelope>;

/**
 * The handler behind `window.hibernator.api[method](input)`: only our own page may call (a
 * frame from anywhere else gets UNAUTHORIZED), and every outcome is an envelope — a malformed
 * call is INVALID_INPUT / UNKNOWN_METHOD, never a rejected invoke that loses the error code.
 * Every call is the window's (`caller`), whatever the page sends.
 */
export function createCallHandler(
  host: Pick<BridgeHost, 'call'>,
  caller: ApiCaller = { origin: 'window' },
): CallHandler {
  return async (event, method, input) => {
    const url = event.senderFrame?.url;
    if (!isAppUrl(url)) {
      return {
        ok: false,
        error: { code: 'UNAUTHORIZED', message: 'Only the Hibernator window may call the engine.' },
      };
    }
    try {
      return await host.call(typeof method === 'string' ? method : String(method), input, caller);
    } catch (error) {
      return {
        ok: false,
        error: {
          code: 'INTERNAL',
          message: `The call failed unexpectedly: ${error instanceof Error ? error.message : String(error)}`,
        },
      };
    }
  };
}

/** Registers the call handler; returns the function that removes it. */
export function registerIpcBridge(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  host: Pick<BridgeHost, 'call'>,
  caller: ApiCaller = { origin: 'window' },
): () => void {
  ipcMain.handle(IPC_CALL_CHANNEL, createCallHandler(host, caller));
  return () => ipcMain.removeHandler(IPC_CALL_CHANNEL);
}

/** Sends every engine event to the window(s) alive at that moment. */
export function forwardEvents(
  host: Pick<BridgeHost, 'subscribe'>,
  targets: () => readonly WebContents[],
): () => void {
  return host.subscribe((event) => {
    for (const contents of targets()) {
      if (!contents.isDestroyed()) contents.send(IPC_EVENT_CHANNEL, event);
    }
  });
}
