import { describe, expect, it } from 'vitest';
import { nativeConfirm } from './native-confirm';
import { createFakeElectron } from './test-support/fake-electron';

const spec = {
  title: 'Hibernate dev-env now?',
  message: 'Hibernate dev-env now?',
  detail: 'This stops its 3 targets now.',
  confirmLabel: 'Hibernate now',
};

describe('nativeConfirm', () => {
  it('asks with the action as the first button and Cancel as the default and Escape answer', async () => {
    const { dialog } = createFakeElectron();
    dialog.answer = 0;
    expect(await nativeConfirm(dialog)(spec)).toBe(true);
    expect(dialog.messageBoxes).toEqual([
      {
        type: 'question',
        title: spec.title,
        message: spec.message,
        detail: spec.detail,
        buttons: ['Hibernate now', 'Cancel'],
        defaultId: 1,
        cancelId: 1,
      },
    ]);
  });

  it('answers no when the user cancels', async () => {
    const { dialog } = createFakeElectron();
    dialog.answer = 1;
    expect(await nativeConfirm(dialog)(spec)).toBe(false);
  });
});
