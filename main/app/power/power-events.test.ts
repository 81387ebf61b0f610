import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { watchPower } from './power-events';

function setup() {
  const monitor = new EventEmitter();
  const reasons: string[] = [];
  const lines: string[] = [];
  let shutdowns = 0;
  const stop = watchPower(
    monitor,
    { reevaluateAll: async (reason) => void reasons.push(reason) },
    { info: (m) => void lines.push(m), warn: (m) => void lines.push(`warn: ${m}`) },
    () => shutdowns++,
  );
  return { monitor, reasons, lines, stop, shutdowns: () => shutdowns };
}

describe('watchPower', () => {
  it('re-evaluates every plan when the computer wakes or the screen unlocks', () => {
    const { monitor, reasons } = setup();
    monitor.emit('resume');
    monitor.emit('unlock-screen');
    expect(reasons).toEqual(['the computer woke from sleep', 'the screen was unlocked']);
  });

  it('abandons nothing when the computer goes to sleep', () => {
    const { monitor, reasons, lines } = setup();
    monitor.emit('suspend');
    expect(reasons).toEqual([]);
    expect(lines.join()).toMatch(/continue from the stored ledger/);
  });

  it('quits on OS shutdown', () => {
    const { monitor, shutdowns } = setup();
    monitor.emit('shutdown');
    expect(shutdowns()).toBe(1);
  });

  it('logs a failed re-evaluation instead of crashing', async () => {
    const monitor = new EventEmitter();
    const lines: string[] = [];
    watchPower(
      monitor,
      { reevaluateAll: () => Promise.reject(new Error('closed')) },
      { info: () => undefined, warn: (m) => void lines.push(m) },
      () => undefined,
    );
    monitor.emit('resume');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(lines).toEqual(['re-evaluation failed']);
  });

  it('stops listening when asked', () => {
    const { monitor, reasons, stop } = setup();
    stop();
    monitor.emit('resume');
    expect(reasons).toEqual([]);
    expect(monitor.eventNames()).toEqual([]);
  });
});
