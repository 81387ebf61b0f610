import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const WindowStateSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  maximized: z.boolean().default(false),
});
export type WindowState = z.infer<typeof WindowStateSchema>;

export const DEFAULT_WINDOW_SIZE = { width: 1100, height: 720 } as const;
export const MIN_WINDOW_SIZE = { width: 720, height: 480 } as const;
/** A window showing less than this of itself on every display counts as lost (display unplugged). */
const MIN_VISIBLE = { width: 120, height: 60 } as const;

export const WINDOW_STATE_FILE = 'window-state.json';

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)),
    height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)),
  };
}

function clampSize(width: number, height: number, area: Rect): { width: number; height: number } {
  // The minimum gives way to a display smaller than it: a window must never be larger than its screen.
  return {
    width: Math.min(Math.max(width, MIN_WINDOW_SIZE.width), area.width),
    height: Math.min(Math.max(height, MIN_WINDOW_SIZE.height), area.height),
  };
}

function centred(width: number, height: number, area: Rect): Rect {
  const size = clampSize(width, height, area);
  return {
    x: Math.round(area.x + (area.width - size.width) / 2),
    y: Math.round(area.y + (area.height - size.height) / 2),
    ...size,
  };
}

/**
 * Where the window opens: the saved bounds when they are still on a display (moved and shrunk
 * into that display's work area), else centred on the primary display. Displays come and go
 * between launches (a laptop leaves its external monitor), so saved bounds are never trusted.
 */
export function clampWindowState(
  saved: WindowState | null,
  workAreas: readonly Rect[],
  primary: Rect,
): WindowState {
  if (!saved)
    return {
      ...centred(DEFAULT_WINDOW_SIZE.width, DEFAULT_WINDOW_SIZE.height, primary),
      maximized: false,
    };
  let best: Rect | null = null;
  let bestArea = 0;
  for (const area of workAreas) {
    const o = overlap(saved, area);
    if (
      o.width >= MIN_VISIBLE.width &&
      o.height >= MIN_VISIBLE.height &&
      o.width * o.height > bestArea
    ) {
      best = area;
      bestArea = o.width * o.height;
    }
  }
  if (!best) return { ...centred(saved.width, saved.height, primary), maximized: saved.maximized };
  const size = clampSize(saved.width, saved.height, best);
  return {
    x: Math.min(Math.max(saved.x, best.x), best.x + best.width - size.width),
    y: Math.min(Math.max(saved.y, best.y), best.y + best.height - size.height),
    ...size,
    maximized: saved.maximized,
  };
}

export function windowStatePath(dataDir: string): string {
  return join(dataDir, WINDOW_STATE_FILE);
}

/** The saved state, or null when there is none or it is unreadable (then the default applies). */
export function loadWindowState(file: string): WindowState | null {
  try {
    const parsed = WindowStateSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Written to a temporary file and renamed, so a crash mid-write never leaves half a file. */
export function saveWindowState(file: string, state: WindowState): void {
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(state)}\n`, { mode: 0o600 });
  renameSync(tmp, file);
}
