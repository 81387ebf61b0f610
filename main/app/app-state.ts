import type { Envelope } from '../../shared/api/bridge';
import type { Settings } from '../../shared/api/contract';
import type { HibernatorEvent } from '../../shared/api/events';
import type { PlanSummary } from '../../shared/model/status';

export interface StateSource {
  call(method: string, input: unknown): Promise<Envelope>;
  subscribe(listener: (event: HibernatorEvent) => void): () => void;
}

export interface AppStateSnapshot {
  plans: PlanSummary[];
  settings: Settings;
}

/** Events that cannot change what the tray shows (progress inside an operation). */
const QUIET_EVENTS = new Set<HibernatorEvent['type']>(['TargetProgress', 'HeadsUp']);

/**
 * What the tray and the notifier read: the plan summaries and the settings, fetched through
 * the same API the window uses, refreshed once per burst of engine events (a 19:00 shutdown of
 * ten plans sends dozens) rather than on each.
 */
export class AppState {
  private snapshot: AppStateSnapshot | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly listeners = new Set<
    (state: AppStateSnapshot, previous: AppStateSnapshot | null) => void
  >();
  private readonly unsubscribe: () => void;
  private disposed = false;

  constructor(
    private readonly source: StateSource,
    private readonly debounceMs = 250,
  ) {
    this.unsubscribe = source.subscribe((event) => {
      if (!QUIET_EVENTS.has(event.type)) this.refreshSoon();
    });
  }

  get current(): AppStateSnapshot | null {
    return this.snapshot;
  }

  onChange(
    listener: (state: AppStateSnapshot, previous: AppStateSnapshot | null) => void,
  ): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  refreshSoon(): void {
    if (this.disposed || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.refresh();
    }, this.debounceMs);
  }

  /** Fetches both now; a failed call keeps the last good value (the engine logs the cause). */
  async refresh(): Promise<AppStateSnapshot | null> {
    const [plans, settings] = await Promise.all([
      this.source.call('listPlans', {}),
      this.source.call('getSettings', {}),
    ]);
    if (this.disposed) return this.snapshot;
    const previous = this.snapshot;
    const next: AppStateSnapshot | null =
      plans.ok && settings.ok
        ? { plans: plans.result as PlanSummary[], settings: settings.result as Settings }
        : previous;
    if (!next) return null;
    this.snapshot = next;
    for (const listener of this.listeners) listener(next, previous);
    return next;
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.unsubscribe();
    this.listeners.clear();
  }
}
