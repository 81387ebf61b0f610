import type { EventListener, HibernatorEvent } from '../../../shared/api/events';
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

  emit(event: HibernatorEvent): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(event);
      } catch (error) {
        this.logger?.warn('event listener failed', { event: event.type, error: String(error) });
      }
    }
  }
}
