import { describe, expect, it } from 'vitest';
import { createControllableClock } from './clock';

function fakeReal(start: number): { now: () => number; pass: (ms: number) => void } {
  let t = start;
  return { now: () => t, pass: (ms) => (t += ms) };
}

describe('createControllableClock', () => {
  it('moves only through advance() when the scale is 0', () => {
    const real = fakeReal(1_000);
    const clock = createControllableClock({ start: 50_000, scale: 0, realNow: real.now });
    real.pass(10_000);
    expect(clock.now()).toBe(50_000);
    expect(clock.advance(7 * 24 * 3600 * 1000)).toBe(50_000 + 604_800_000);
  });

  it('follows real time multiplied by the scale, on top of advances', () => {
    const real = fakeReal(0);
    const clock = createControllableClock({ start: 0, scale: 60, realNow: real.now });
    real.pass(1_000);
    expect(clock.now()).toBe(60_000);
    clock.advance(5);
    clock.setScale(1);
    real.pass(10);
    expect(clock.now()).toBe(60_015);
  });

  it('jumps with set() and refuses nonsense', () => {
    const clock = createControllableClock({ start: 0, scale: 0 });
    clock.set(Date.UTC(2027, 0, 1));
    expect(new Date(clock.now()).toISOString()).toBe('2027-01-01T00:00:00.000Z');
    expect(() => clock.advance(-1)).toThrow(RangeError);
    expect(() => clock.setScale(-2)).toThrow(RangeError);
  });
});
