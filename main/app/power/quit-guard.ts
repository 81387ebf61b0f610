import { joinNames } from '../display-format';

export interface QuitDialog {
  message: string;
  detail: string;
  buttons: [quit: string, stay: string];
}

/** What the "quit while busy" dialog says: what is running, and that nothing is lost. */
export function quitWhileBusyDialog(busy: readonly string[]): QuitDialog {
  const who = joinNames(busy);
  return {
    message: `${who} ${busy.length === 1 ? 'is' : 'are'} in the middle of going to sleep or waking up.`,
    detail:
      'If you quit now, the targets already started finish on their own, and Hibernator continues ' +
      'from where it stopped the next time it starts. Wait a moment if you can.',
    buttons: ['Quit anyway', 'Keep running'],
  };
}

export interface QuitGuardDeps {
  busyPlans(): string[];
  /** Shows the dialog; true = quit anyway. */
  confirm(dialog: QuitDialog): Promise<boolean>;
  /** Closes tray, socket and engine (engine.close waits for in-flight writes). */
  shutdown(): Promise<void>;
  /** Quits for real once shut down (app.quit again, which now passes). */
  quit(): void;
}

/**
 * `before-quit` handler: the first quit is held, asks when plans are busy, closes the engine
 * cleanly, then quits again. `force` (OS shutdown) skips the question.
 */
export class QuitGuard {
  private state: 'running' | 'closing' | 'closed' = 'running';

  constructor(private readonly deps: QuitGuardDeps) {}

  get closed(): boolean {
    return this.state === 'closed';
  }

  beforeQuit(event: { preventDefault(): void }, force = false): void {
    if (this.state === 'closed') return;
    event.preventDefault();
    if (this.state === 'closing') return;
    this.state = 'closing';
    void this.run(force);
  }

  private async run(force: boolean): Promise<void> {
    try {
      const busy = this.deps.busyPlans();
      if (!force && busy.length > 0 && !(await this.deps.confirm(quitWhileBusyDialog(busy)))) {
        this.state = 'running';
        return;
      }
      await this.deps.shutdown();
    } catch {
      // A failed close must not trap the user in an app that cannot quit.
    }
    this.state = 'closed';
    this.deps.quit();
  }
}
