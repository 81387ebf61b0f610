import type { HibernatorEvent } from '../../../shared/api';
import type { StreamStatus } from './transport';

/** The part of `EventSource` the stream uses; tests pass a fake. */
export interface EventSourceLike {
  readonly readyState: number;
  onopen: ((event: Event) => void) | null;
  onerror: ((event: Event) => void) | null;
  addEventListener(type: string, listener: (event: MessageEvent) => void): void;
  close(): void;
}

export type EventSourceFactory = (url: string) => EventSourceLike;

export interface Timers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export const browserTimers: Timers = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export type ProbeResult = 'ok' | 'unauthorized' | 'unreachable';

export interface EventStreamOptions {
  url: string;
  create: EventSourceFactory;
  /** Asked after the stream failed for good: a refused token is final, anything else is retried. */
  probe: () => Promise<ProbeResult>;
  onEvent: (event: HibernatorEvent) => void;
  onStatus: (status: StreamStatus) => void;
  timers?: Timers;
}

export interface EventStream {
  close(): void;
}

/** The SSE event name `hibernator serve` uses for every engine event. */
export const SSE_EVENT_NAME = 'hibernator';
const CLOSED = 2;
const BACKOFF_MS = [500, 1000, 2000, 4000, 8000, 15000];

export function parseEventData(data: unknown): HibernatorEvent | null {
  if (typeof data !== 'string') return null;
  try {
    const value: unknown = JSON.parse(data);
    if (
      typeof value === 'object' &&
      value !== null &&
      'type' in value &&
      typeof value.type === 'string'
    ) {
      // The engine is the only writer of this stream; unknown types are ignored by the consumers.
      return value as HibernatorEvent;
    }
  } catch {
    // A malformed line is skipped: the next list re-fetch repairs whatever it described.
  }
  return null;
}

/**
 * Server-sent events with recovery. The browser retries a dropped connection by itself, but
 * gives up for good on an HTTP error (a restarted `serve` refuses the old token with 401), so
 * a closed source is replaced after a back-off unless the probe says the token is refused.
 */
export function openEventStream(options: EventStreamOptions): EventStream {
  const timers = options.timers ?? browserTimers;
  let source: EventSourceLike | null = null;
  let retryHandle: unknown = null;
  let failures = 0;
  let closed = false;
  let everOpened = false;

  const connect = (): void => {
    if (closed) return;
    options.onStatus(everOpened || failures > 0 ? 'reconnecting' : 'connecting');
    const es = options.create(options.url);
    source = es;
    es.onopen = () => {
      if (closed || source !== es) return;
      failures = 0;
      everOpened = true;
      options.onStatus('open');
    };
    es.addEventListener(SSE_EVENT_NAME, (message) => {
      if (closed || source !== es) return;
      const event = parseEventData(message.data);
      if (event) options.onEvent(event);
    });
    es.onerror = () => {
      if (closed || source !== es) return;
      if (es.readyState !== CLOSED) {
        options.onStatus('reconnecting');
        return;
      }
      es.close();
      source = null;
      options.onStatus('reconnecting');
      void options.probe().then((result) => {
        if (closed) return;
        if (result === 'unauthorized') {
          options.onStatus('unauthorized');
          return;
        }
        const delay = BACKOFF_MS[Math.min(failures, BACKOFF_MS.length - 1)] ?? 15000;
        failures += 1;
        retryHandle = timers.set(connect, delay);
      });
    };
  };

  connect();
  return {
    close() {
      closed = true;
      if (retryHandle !== null) timers.clear(retryHandle);
      source?.close();
      source = null;
    },
  };
}
