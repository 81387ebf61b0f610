import type { ConfirmSpec } from './tray/tray-action';

/** The part of Electron's `dialog` this needs, so tests pass the fake electron's dialog. */
export interface MessageBoxDialog {
  showMessageBox(options: {
    type: 'question';
    title: string;
    message: string;
    detail: string;
    buttons: string[];
    defaultId: number;
    cancelId: number;
  }): Promise<{ response: number }>;
}

/**
 * Asks a tray or notification question as a native message box. Cancel is the default and the
 * answer to Escape: a stray click or key press must not stop real machines.
 */
export function nativeConfirm(dialog: MessageBoxDialog): (spec: ConfirmSpec) => Promise<boolean> {
  return async (spec) => {
    const { response } = await dialog.showMessageBox({
      type: 'question',
      title: spec.title,
      message: spec.message,
      detail: spec.detail,
      buttons: [spec.confirmLabel, 'Cancel'],
      defaultId: 1,
      cancelId: 1,
    });
    return response === 0;
  };
}
