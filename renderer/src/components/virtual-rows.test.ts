import { describe, expect, it } from 'vitest';
import { virtualWindow } from './virtual-rows';

describe('virtualWindow', () => {
  it('renders the visible rows and the overscan below them at the top of the list', () => {
    expect(virtualWindow(500, 50, 0, 400, 5)).toEqual({
      start: 0,
      end: 14,
      padTop: 0,
      padBottom: 486 * 50,
    });
  });

  it('follows the scroll position, with overscan on both sides', () => {
    const w = virtualWindow(500, 50, 5000, 400, 5);
    expect(w.start).toBe(95);
    expect(w.end).toBe(114);
    expect(w.padTop + (w.end - w.start) * 50 + w.padBottom).toBe(500 * 50);
  });

  it('stops at the end of the list and renders a short list whole', () => {
    expect(virtualWindow(500, 50, 50 * 500, 400, 5)).toMatchObject({ end: 500, padBottom: 0 });
    expect(virtualWindow(3, 50, 0, 400, 5)).toEqual({ start: 0, end: 3, padTop: 0, padBottom: 0 });
  });

  it('shows the end of a list that got shorter than the old scroll position', () => {
    expect(virtualWindow(3, 50, 300 * 50, 400, 5)).toEqual({
      start: 0,
      end: 3,
      padTop: 0,
      padBottom: 0,
    });
    const w = virtualWindow(100, 50, 300 * 50, 400, 5);
    expect([w.start, w.end]).toEqual([87, 100]);
  });
});
