import type { EventListener, HibernatorEvent } from '../../../shared/api/events';
import { redactStrings } from '../../../shared/security/redact-secrets';
import type { Logger } from '../logging/logger';

/** Fan-out of engine events to hosts; a failing listener never breaks the engine or other listeners. */
export class EventBus {
  private readonly listeners = new Set<EventListener>();

  constructor(private readonly logger?: Logger) {}

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** Every string of the event is redacted first: Failure and TargetProgress carry error text. */
  emit(event: HibernatorEvent): void {
    const safe = redactStrings(event);
    for (const listener of [...this.listeners]) {
      try {
        listener(safe);
      } catch (error) {
        this.logger?.warn('event listener failed', { event: event.type, error: String(error) });
      }
    }
  }
}
