import {
  Menu,
  nativeImage,
  nativeTheme,
  Tray,
  type MenuItemConstructorOptions,
  type NativeImage,
} from 'electron';
import { join } from 'node:path';
import { trayIconFile, trayIconState } from './tray-icon';
import { buildTrayMenu, trayHeader, type TrayMenuItem, type TrayMenuState } from './tray-menu';
import type { TrayAction } from './tray-action';

/** Turns the pure menu data into Electron's template, binding each action to `run`. */
export function toMenuTemplate(
  items: readonly TrayMenuItem[],
  run: (action: TrayAction) => void,
): MenuItemConstructorOptions[] {
  return items.map((item) => {
    const options: MenuItemConstructorOptions = {};
    if (item.id !== undefined) options.id = item.id;
    if (item.label !== undefined) options.label = item.label;
    if (item.type !== undefined) options.type = item.type;
    if (item.enabled !== undefined) options.enabled = item.enabled;
    if (item.checked !== undefined) options.checked = item.checked;
    if (item.submenu) options.submenu = toMenuTemplate(item.submenu, run);
    const action = item.action;
    if (action) options.click = () => run(action);
    return options;
  });
}

export interface TrayOptions {
  assetsDir: string;
  platform: NodeJS.Platform;
  run(action: TrayAction): void;
}

/** The tray icon and its menu; `update` is called (debounced) after engine events. */
export class TrayController {
  private readonly tray: Tray;
  private lastIcon = '';
  private lastState: TrayMenuState | null = null;
  private readonly onThemeUpdated = (): void => {
    if (this.lastState) this.update(this.lastState);
  };

  constructor(private readonly options: TrayOptions) {
    this.tray = new Tray(
      this.icon(
        trayIconFile('awake', options.platform, nativeTheme.shouldUseDarkColors).file,
        options.platform === 'darwin',
      ),
    );
    this.tray.setToolTip('Hibernator');
    // Windows and Linux open the menu on right click only; a left click opens the window there.
    if (options.platform !== 'darwin') this.tray.on('click', () => options.run({ kind: 'open' }));
    nativeTheme.on('updated', this.onThemeUpdated);
  }

  update(state: TrayMenuState): void {
    this.lastState = state;
    const { file, template } = trayIconFile(
      trayIconState(state.plans),
      this.options.platform,
      nativeTheme.shouldUseDarkColors,
    );
    if (file !== this.lastIcon) this.tray.setImage(this.icon(file, template));
    this.tray.setToolTip(trayHeader(state.plans));
    this.tray.setContextMenu(
      Menu.buildFromTemplate(toMenuTemplate(buildTrayMenu(state), this.options.run)),
    );
  }

  destroy(): void {
    nativeTheme.removeListener('updated', this.onThemeUpdated);
    if (!this.tray.isDestroyed()) this.tray.destroy();
  }

  private icon(file: string, template: boolean): NativeImage {
    this.lastIcon = file;
    const image = nativeImage.createFromPath(join(this.options.assetsDir, 'tray', file));
    if (template) image.setTemplateImage(true);
    return image;
  }
}
