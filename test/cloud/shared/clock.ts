/**
 * A clock the emulators read instead of `Date.now()`, so tests can move a week forward in one call
 * and the demo can run in real time (or faster). Virtual time = anchor + real elapsed × scale.
 */
export interface ControllableClock {
  /** Virtual epoch milliseconds. */
  now(): number;
  /** Moves virtual time forward; returns the new virtual time. */
  advance(ms: number): number;
  /** Jumps to an absolute virtual time (may go backwards; the emulators never expect that). */
  set(epochMs: number): void;
  /** Real-time multiplier: 0 = time moves only through advance()/set(), 1 = real time. */
  scale(): number;
  setScale(scale: number): void;
}

export interface ClockOptions {
  start?: number;
  scale?: number;
  /** Source of real time; injectable so the clock itself can be tested without waiting. */
  realNow?: () => number;
}

export function createControllableClock(options: ClockOptions = {}): ControllableClock {
  const realNow = options.realNow ?? (() => Date.now());
  let anchorReal = realNow();
  let anchorVirtual = options.start ?? anchorReal;
  let currentScale = checkScale(options.scale ?? 1);

  const now = (): number => anchorVirtual + Math.floor((realNow() - anchorReal) * currentScale);
  const reanchor = (virtual: number): void => {
    anchorReal = realNow();
    anchorVirtual = virtual;
  };

  return {
    now,
    advance(ms: number): number {
      if (!Number.isFinite(ms) || ms < 0)
        throw new RangeError(`clock.advance needs a non-negative number of ms, got ${ms}`);
      reanchor(now() + ms);
      return anchorVirtual;
    },
    set(epochMs: number): void {
      if (!Number.isFinite(epochMs))
        throw new RangeError(`clock.set needs a finite epoch ms, got ${epochMs}`);
      reanchor(epochMs);
    },
    scale: () => currentScale,
    setScale(scale: number): void {
      reanchor(now());
      currentScale = checkScale(scale);
    },
  };
}

function checkScale(scale: number): number {
  if (!Number.isFinite(scale) || scale < 0)
    throw new RangeError(`clock scale must be a non-negative number, got ${scale}`);
  return scale;
}
