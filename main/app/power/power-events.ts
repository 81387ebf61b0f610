/** The part of Electron's powerMonitor used here (an EventEmitter in tests). */
export interface PowerEventSource {
  on(event: 'resume' | 'unlock-screen' | 'suspend' | 'shutdown', listener: () => void): unknown;
  removeListener(
    event: 'resume' | 'unlock-screen' | 'suspend' | 'shutdown',
    listener: () => void,
  ): unknown;
}

export interface PowerTarget {
  /** engine.lifecycle.reevaluateAll: catch up on a transition missed while asleep or locked. */
  reevaluateAll(reason: string): Promise<unknown>;
}

export interface PowerLog {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
}

/**
 * OS power events → the engine.
 * - resume / unlock-screen: re-evaluate every plan now instead of waiting for a timer that the
 *   OS may have frozen, so a 19:00 missed while the lid was shut is caught up at once.
 * - suspend: nothing to do. Every phase change and target result is already committed with its
 *   ledger, so an operation cut off by sleep continues from the stored ledger on resume.
 * - Clock or time-zone changes have no Electron event. The engine's own wall-clock check
 *   (lifecycle.ts, every 30 s: wall time vs monotonic time) sees the jump and re-evaluates;
 *   schedules carry their own time zone, so a new local zone changes only how times are shown.
 * - shutdown (Linux, macOS): the OS is going down; quit without asking (quit-guard.ts).
 */
export function watchPower(
  monitor: PowerEventSource,
  target: PowerTarget,
  log: PowerLog,
  onShutdown: () => void,
): () => void {
  const reevaluate = (reason: string) => (): void => {
    log.info('re-evaluating plans', { reason });
    target
      .reevaluateAll(reason)
      .catch((error: unknown) =>
        log.warn('re-evaluation failed', { reason, error: String(error) }),
      );
  };
  const onResume = reevaluate('the computer woke from sleep');
  const onUnlock = reevaluate('the screen was unlocked');
  const onSuspend = (): void =>
    log.info(
      'the computer is going to sleep; operations continue from the stored ledger on resume',
    );
  monitor.on('resume', onResume);
  monitor.on('unlock-screen', onUnlock);
  monitor.on('suspend', onSuspend);
  monitor.on('shutdown', onShutdown);
  return () => {
    monitor.removeListener('resume', onResume);
    monitor.removeListener('unlock-screen', onUnlock);
    monitor.removeListener('suspend', onSuspend);
    monitor.removeListener('shutdown', onShutdown);
  };
}
