import * as electron from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { planSummary } from '../test-support/plan-summary';
import { FakeTray, resetFakeElectron, type FakeElectron } from '../test-support/fake-electron';
import { toMenuTemplate, TrayController } from './tray';
import type { TrayAction } from './tray-action';

vi.mock('electron', async () =>
  (await import('../test-support/fake-electron')).createFakeElectron(),
);
const fake = electron as unknown as FakeElectron;

type Item = { label?: string; click?: () => void; submenu?: Item[]; enabled?: boolean };

function setup(platform: NodeJS.Platform) {
  const actions: TrayAction[] = [];
  const controller = new TrayController({
    assetsDir: '/assets',
    platform,
    run: (a) => actions.push(a),
  });
  const tray = FakeTray.instances.at(-1);
  if (!tray) throw new Error('no tray created');
  return { controller, tray, actions };
}

const state = (plans = [planSummary('dev-env', 'Hibernated'), planSummary('qa', 'Error')]) => ({
  plans,
  settings: { startAtLogin: false },
  now: new Date(),
});

beforeEach(() => {
  resetFakeElectron();
  fake.nativeTheme.shouldUseDarkColors = false;
});

describe('TrayController', () => {
  it('starts with the awake icon and becomes the most urgent state after an update', () => {
    const { controller, tray } = setup('linux');
    expect(tray.image.path).toBe('/assets/tray/tray-awake-on-light.png');
    controller.update(state());
    expect(tray.image.path).toBe('/assets/tray/tray-error-on-light.png');
    expect(tray.tooltip).toBe('Hibernator — 1 asleep, 1 needs attention');
  });

  it('uses template images on macOS', () => {
    const { controller, tray } = setup('darwin');
    controller.update(state([planSummary('dev-env', 'Hibernated')]));
    expect(tray.image).toMatchObject({
      path: '/assets/tray/tray-asleepTemplate.png',
      template: true,
    });
  });

  it('follows the OS theme', () => {
    const { controller, tray } = setup('win32');
    controller.update(state([planSummary('dev-env', 'Hibernated')]));
    fake.nativeTheme.shouldUseDarkColors = true;
    fake.nativeTheme.emit('updated');
    expect(tray.image.path).toBe('/assets/tray/tray-asleep-on-dark.png');
    const listening = fake.nativeTheme.listenerCount('updated');
    controller.destroy();
    expect(tray.destroyed).toBe(true);
    expect(fake.nativeTheme.listenerCount('updated')).toBe(listening - 1);
  });

  it('runs the action of the chosen menu item', () => {
    const { controller, tray, actions } = setup('linux');
    controller.update(state());
    const template = (tray.menu?.template ?? []) as Item[];
    const devEnv = template.find((i) => i.label?.startsWith('dev-env'));
    devEnv?.submenu?.find((i) => i.label === 'Wake now')?.click?.();
    template.find((i) => i.label === 'Quit Hibernator')?.click?.();
    expect(actions).toEqual([
      { kind: 'call', call: { method: 'wakeNow', input: { plan: 'dev-env' } } },
      { kind: 'quit' },
    ]);
  });

  it('opens the window on a left click outside macOS', () => {
    const { tray, actions } = setup('linux');
    tray.emit('click');
    expect(actions).toEqual([{ kind: 'open' }]);
  });
});

describe('toMenuTemplate', () => {
  it('keeps disabled items and separators as they are', () => {
    const template = toMenuTemplate(
      [{ type: 'separator' }, { label: 'Retry', enabled: false, action: { kind: 'quit' } }],
      () => undefined,
    );
    expect(template[0]).toEqual({ type: 'separator' });
    expect(template[1]).toMatchObject({ label: 'Retry', enabled: false });
  });
});
