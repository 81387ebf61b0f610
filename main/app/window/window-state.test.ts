import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  clampWindowState,
  DEFAULT_WINDOW_SIZE,
  loadWindowState,
  MIN_WINDOW_SIZE,
  saveWindowState,
  type WindowState,
} from './window-state';

const laptop = { x: 0, y: 25, width: 1440, height: 875 };
const external = { x: 1440, y: 0, width: 2560, height: 1440 };

function saved(overrides: Partial<WindowState>): WindowState {
  return { x: 100, y: 100, width: 1000, height: 700, maximized: false, ...overrides };
}

describe('clampWindowState', () => {
  it('centres the default size on the primary display the first time', () => {
    expect(clampWindowState(null, [laptop], laptop)).toEqual({
      x: (1440 - DEFAULT_WINDOW_SIZE.width) / 2,
      y: 25 + Math.round((875 - DEFAULT_WINDOW_SIZE.height) / 2),
      ...DEFAULT_WINDOW_SIZE,
      maximized: false,
    });
  });

  it('keeps saved bounds that fit a display', () => {
    const state = saved({ x: 2000, y: 200 });
    expect(clampWindowState(state, [laptop, external], laptop)).toEqual(state);
  });

  it('moves a window that hangs off the edge back inside the display it is mostly on', () => {
    expect(clampWindowState(saved({ x: 1200, y: 700 }), [laptop], laptop)).toMatchObject({
      x: 440,
      y: 200,
    });
  });

  it('recentres a window whose display is gone (external monitor unplugged)', () => {
    const result = clampWindowState(saved({ x: 2000, y: 200, maximized: true }), [laptop], laptop);
    expect(result).toEqual({ x: 220, y: 113, width: 1000, height: 700, maximized: true });
  });

  it('shrinks a window larger than its display, and never below the minimum when there is room', () => {
    expect(
      clampWindowState(saved({ x: 0, y: 25, width: 5000, height: 3000 }), [laptop], laptop),
    ).toMatchObject({ width: 1440, height: 875, x: 0, y: 25 });
    expect(clampWindowState(saved({ width: 200, height: 100 }), [laptop], laptop)).toMatchObject(
      MIN_WINDOW_SIZE,
    );
  });

  it('lets a display smaller than the minimum win', () => {
    const tiny = { x: 0, y: 0, width: 640, height: 400 };
    expect(clampWindowState(saved({ x: 0, y: 0 }), [tiny], tiny)).toMatchObject({
      width: 640,
      height: 400,
    });
  });
});

describe('window state file', () => {
  let dir = '';
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('round-trips through the data dir', () => {
    dir = mkdtempSync(join(tmpdir(), 'hib-ws-'));
    const file = join(dir, 'window-state.json');
    saveWindowState(file, saved({ maximized: true }));
    expect(loadWindowState(file)).toEqual(saved({ maximized: true }));
  });

  it('reads a missing, damaged or foreign file as "no state"', () => {
    dir = mkdtempSync(join(tmpdir(), 'hib-ws-'));
    const file = join(dir, 'window-state.json');
    expect(loadWindowState(file)).toBeNull();
    writeFileSync(file, '{"x": 1, "y"');
    expect(loadWindowState(file)).toBeNull();
    writeFileSync(file, JSON.stringify({ x: 'left', y: 0, width: 10, height: 10 }));
    expect(loadWindowState(file)).toBeNull();
    expect(readFileSync(file, 'utf8')).toContain('left');
  });
});
