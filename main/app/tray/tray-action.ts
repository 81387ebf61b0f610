import type { ApiInput, ApiMethod } from '../../../shared/api/contract';

/** One API call as data, so menus and notifications can be compared in tests and run later. */
export type ApiCall = { [M in ApiMethod]: { method: M; input: ApiInput<M> } }[ApiMethod];

/**
 * What a tray item or a notification does when chosen; the wiring runs it (tray.ts,
 * ../notifications/notifier.ts).
 */
export type TrayAction =
  { kind: 'call'; call: ApiCall } | { kind: 'open'; plan?: string } | { kind: 'quit' };

export function callAction(call: ApiCall): TrayAction {
  return { kind: 'call', call };
}
