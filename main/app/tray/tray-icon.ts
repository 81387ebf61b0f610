import type { PlanSummary } from '../../../shared/model/status';

/** The four looks of the tray icon (ui.md phase colours): sun, moon, hourglass, exclamation. */
export const TRAY_ICON_STATES = ['awake', 'asleep', 'working', 'error'] as const;
export type TrayIconState = (typeof TRAY_ICON_STATES)[number];

/**
 * The aggregate state, most urgent first: anything needing attention beats work in progress,
 * which beats "some asleep"; no plans or all awake (or paused) shows the sun.
 */
export function trayIconState(plans: readonly Pick<PlanSummary, 'phase'>[]): TrayIconState {
  if (plans.some((p) => p.phase === 'Error')) return 'error';
  if (plans.some((p) => p.phase === 'Hibernating' || p.phase === 'WakingUp')) return 'working';
  if (plans.some((p) => p.phase === 'Hibernated')) return 'asleep';
  return 'awake';
}

export interface TrayIconFile {
  /** File name under main/app/assets/tray (the @2x sibling is picked up by nativeImage). */
  file: string;
  /** macOS template image: black + alpha, recoloured by the menu bar for light and dark. */
  template: boolean;
}

/**
 * macOS gets template images (the system tints them); Windows and Linux get coloured icons
 * drawn for a dark or a light taskbar, chosen from the OS theme.
 */
export function trayIconFile(
  state: TrayIconState,
  platform: NodeJS.Platform,
  darkTaskbar: boolean,
): TrayIconFile {
  if (platform === 'darwin') return { file: `tray-${state}Template.png`, template: true };
  return { file: `tray-${state}-${darkTaskbar ? 'on-dark' : 'on-light'}.png`, template: false };
}
