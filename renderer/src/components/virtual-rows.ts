import { type RefObject, useCallback, useEffect, useState } from 'react';

export interface VirtualWindow {
  /** First row to render. */
  start: number;
  /** One past the last row to render. */
  end: number;
  /** Space standing in for the rows above and below the window, in pixels. */
  padTop: number;
  padBottom: number;
}

/**
 * Which of `count` rows of `rowHeight` pixels to render for a viewport scrolled to
 * `scrollTop`: the visible ones plus `overscan` on each side, so a fast scroll shows rows
 * rather than blank space.
 */
export function virtualWindow(
  count: number,
  rowHeight: number,
  scrollTop: number,
  viewportHeight: number,
  overscan: number,
): VirtualWindow {
  // A position past the end (the list just got shorter, before the browser re-clamped) shows the end.
  const top = Math.min(Math.max(0, scrollTop), Math.max(0, count * rowHeight - viewportHeight));
  const first = Math.floor(top / rowHeight);
  const visible = Math.ceil(viewportHeight / rowHeight) + 1;
  const start = Math.min(count, Math.max(0, first - overscan));
  const end = Math.min(count, first + visible + overscan);
  return {
    start,
    end: Math.max(start, end),
    padTop: start * rowHeight,
    padBottom: Math.max(0, count - Math.max(start, end)) * rowHeight,
  };
}

/** Used until the viewport is measured (and where it cannot be, as in a DOM emulation). */
const FALLBACK_VIEWPORT = 800;

/**
 * Windowing for a long list in the scroll container `ref`: follows its scroll position and
 * size. Only the window's rows are in the DOM, so 500 plans scroll as smoothly as 5.
 */
export function useVirtualRows(
  ref: RefObject<HTMLElement | null>,
  count: number,
  rowHeight: number,
  overscan = 6,
): VirtualWindow & { onScroll: () => void } {
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(FALLBACK_VIEWPORT);

  useEffect(() => {
    const el = ref.current;
    if (!el) return undefined;
    const measure = (): void =>
      setViewport(el.clientHeight > 0 ? el.clientHeight : FALLBACK_VIEWPORT);
    measure();
    if (typeof ResizeObserver !== 'function') return undefined;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);

  const onScroll = useCallback(() => {
    const el = ref.current;
    if (el) setScrollTop(el.scrollTop);
  }, [ref]);

  return { ...virtualWindow(count, rowHeight, scrollTop, viewport, overscan), onScroll };
}
