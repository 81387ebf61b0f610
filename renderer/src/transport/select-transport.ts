import { createHttpTransport } from './http-transport';
import { createIpcTransport, isBridge } from './ipc-transport';
import { type TokenEnvironment, takeToken } from './token';
import type { Transport } from './transport';

export type TransportChoice =
  { ok: true; transport: Transport } | { ok: false; reason: 'missing-token' };

/**
 * Inside Electron the preload has set `window.hibernator`; anywhere else the page was served
 * by `hibernator serve` and needs the token from the URL it printed.
 */
export function selectTransport(win: object, env: TokenEnvironment): TransportChoice {
  const bridge: unknown = 'hibernator' in win ? win.hibernator : undefined;
  if (isBridge(bridge)) return { ok: true, transport: createIpcTransport(bridge) };
  const token = takeToken(env);
  if (!token) return { ok: false, reason: 'missing-token' };
  return { ok: true, transport: createHttpTransport({ token }) };
}
