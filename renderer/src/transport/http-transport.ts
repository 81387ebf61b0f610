import { ApiError, type ApiInput, type ApiMethod, type ApiOutputs } from '../../../shared/api';
import { unwrapEnvelope } from './envelope';
import {
  type EventSourceFactory,
  type EventStream,
  type ProbeResult,
  type Timers,
  openEventStream,
} from './event-stream';
import type { EventListenerFn, StatusListener, StreamStatus, Transport } from './transport';

export interface HttpTransportOptions {
  token: string;
  /** Origin of `hibernator serve`; '' = the page's own origin. */
  baseUrl?: string;
  fetch?: typeof fetch;
  createEventSource?: EventSourceFactory;
  timers?: Timers;
}

const UNREACHABLE_MESSAGE =
  'Cannot reach the Hibernator engine: is `hibernator serve` still running? Start it again and open the URL it prints.';

/**
 * Browser: `POST /api/<method>` with the bearer token, and the event stream from
 * `/api/events` (EventSource cannot send headers, so the token rides in the query).
 */
export function createHttpTransport(options: HttpTransportOptions): Transport {
  const base = options.baseUrl ?? '';
  const doFetch =
    options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  const createSource = options.createEventSource ?? ((url: string) => new EventSource(url));
  const listeners = new Set<EventListenerFn>();
  const statusListeners = new Set<StatusListener>();
  let status: StreamStatus = 'connecting';
  let stream: EventStream | null = null;

  const setStatus = (next: StreamStatus): void => {
    // A refused token stays refused: only a new URL (a new page load) can fix it.
    if (status === 'unauthorized' || next === status) return;
    status = next;
    for (const l of [...statusListeners]) l(next);
  };

  async function call<M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiOutputs[M]> {
    let response: Response;
    try {
      response = await doFetch(`${base}/api/${encodeURIComponent(method)}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${options.token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(input),
      });
    } catch {
      throw new ApiError('UNREACHABLE', UNREACHABLE_MESSAGE);
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      throw new ApiError(
        'BAD_RESPONSE',
        `The engine answered ${response.status} without JSON; is this the address \`hibernator serve\` printed?`,
      );
    }
    try {
      return unwrapEnvelope(body) as ApiOutputs[M];
    } catch (error) {
      if (error instanceof ApiError && error.code === 'UNAUTHORIZED') setStatus('unauthorized');
      throw error;
    }
  }

  const probe = async (): Promise<ProbeResult> => {
    try {
      await call('getInfo', {});
      return 'ok';
    } catch (error) {
      if (error instanceof ApiError && error.code === 'UNAUTHORIZED') return 'unauthorized';
      return 'unreachable';
    }
  };

  const startStream = (): void => {
    stream = openEventStream({
      url: `${base}/api/events?token=${encodeURIComponent(options.token)}`,
      create: createSource,
      probe,
      timers: options.timers,
      onEvent: (event) => {
        for (const l of [...listeners]) l(event);
      },
      onStatus: setStatus,
    });
  };

  return {
    kind: 'http',
    call,
    subscribe(listener) {
      listeners.add(listener);
      if (!stream) startStream();
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && stream) {
          stream.close();
          stream = null;
        }
      };
    },
    onStatus(listener) {
      statusListeners.add(listener);
      listener(status);
      return () => statusListeners.delete(listener);
    },
  };
}
