import type { ApiInput, ApiMethod } from '../../../shared/api/contract';

/** One API call as data, so menus and notifications can be compared in tests and run later. */
export type ApiCall = { [M in ApiMethod]: { method: M; input: ApiInput<M> } }[ApiMethod];

/** A question asked before a call (a native message box; see ../native-confirm.ts). */
export interface ConfirmSpec {
  title: string;
  message: string;
  detail: string;
  /** The button that goes ahead; the other one is Cancel, the default. */
  confirmLabel: string;
}

/**
 * What a tray item or a notification does when chosen; the wiring runs it (tray.ts,
 * ../notifications/notifier.ts). A call with `confirm` runs only once the user agreed.
 */
export type TrayAction =
  | { kind: 'call'; call: ApiCall; confirm?: ConfirmSpec }
  | { kind: 'open'; plan?: string }
  | { kind: 'quit' };

export function callAction(call: ApiCall, confirm?: ConfirmSpec): TrayAction {
  return confirm ? { kind: 'call', call, confirm } : { kind: 'call', call };
}
