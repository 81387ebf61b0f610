/**
 * Regenerates the committed icons under main/app/assets (run: `npx tsx main/app/icons/generate-icons.ts`).
 * The PNGs are drawn in code so a change of shape or colour is a reviewed diff, not a binary
 * from somebody's editor.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TRAY_ICON_STATES } from '../tray/tray-icon';
import { drawAppIcon, drawTrayIcon, type TrayVariant } from './draw-icons';
import { encodeIcns, encodeIco } from './icon-containers';
import { encodePng } from './png-encode';

const ASSETS = fileURLToPath(new URL('../assets', import.meta.url));
/** Tray icons are 16 px logical; nativeImage picks the @2x file on high-density displays. */
const TRAY_SIZE = 16;

function trayFileName(state: string, variant: TrayVariant, scale: 1 | 2): string {
  const suffix = scale === 2 ? '@2x' : '';
  return variant === 'template'
    ? `tray-${state}Template${suffix}.png`
    : `tray-${state}-${variant}${suffix}.png`;
}

export function generateIcons(assetsDir: string = ASSETS): string[] {
  const written: string[] = [];
  const write = (path: string, bytes: Buffer): void => {
    writeFileSync(path, bytes);
    written.push(path);
  };
  mkdirSync(join(assetsDir, 'tray'), { recursive: true });
  mkdirSync(join(assetsDir, 'icons'), { recursive: true });
  for (const state of TRAY_ICON_STATES) {
    for (const variant of ['template', 'on-light', 'on-dark'] as const) {
      for (const scale of [1, 2] as const) {
        write(
          join(assetsDir, 'tray', trayFileName(state, variant, scale)),
          encodePng(drawTrayIcon(state, variant, TRAY_SIZE * scale)),
        );
      }
    }
  }
  const appPngs = new Map<number, Buffer>();
  for (const size of [16, 24, 32, 48, 64, 128, 256, 512, 1024])
    appPngs.set(size, encodePng(drawAppIcon(size)));
  const png = (size: number): Buffer => {
    const bytes = appPngs.get(size);
    if (!bytes) throw new Error(`no ${size} px app icon`);
    return bytes;
  };
  write(join(assetsDir, 'icons', 'icon.png'), png(1024));
  write(join(assetsDir, 'icons', 'icon-512.png'), png(512));
  write(join(assetsDir, 'icons', 'icon-256.png'), png(256));
  write(join(assetsDir, 'icons', 'icon.ico'), encodeIco([16, 24, 32, 48, 64, 128, 256].map(png)));
  write(join(assetsDir, 'icons', 'icon.icns'), encodeIcns(appPngs));
  // electron-builder's Linux icon set: one file per size, the size in the name.
  mkdirSync(join(assetsDir, 'icons', 'linux'), { recursive: true });
  for (const size of [16, 32, 48, 64, 128, 256, 512])
    write(join(assetsDir, 'icons', 'linux', `${size}x${size}.png`), png(size));
  return written;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const files = generateIcons();
  console.log(`wrote ${files.length} icon files under ${ASSETS}`);
}
