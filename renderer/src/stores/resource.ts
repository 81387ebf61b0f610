import { type StoreApi, createStore } from 'zustand/vanilla';
import type { ApiError } from '../../../shared/api';
import { toApiError } from '../transport/envelope';

export interface ResourceState<T> {
  /** Which object the data belongs to (a plan name); null for unkeyed resources. */
  key: string | null;
  data: T | undefined;
  /** A fetch is running. Views show a spinner only while `data` is still undefined, so live refreshes never blank the page. */
  loading: boolean;
  error: ApiError | null;
}

export interface Resource<T> {
  readonly store: StoreApi<ResourceState<T>>;
  /** Shows `key` (loads it when it is not the one shown). */
  open(key: string | null): Promise<void>;
  /** Re-fetches what is shown. Calls during a fetch coalesce into one more fetch, so a burst of events costs two requests. */
  refresh(): Promise<void>;
  /** A live patch from an event, before the re-fetch confirms it. */
  patch(update: (data: T) => T): void;
  /** Forgets the data (e.g. the plan was deleted). */
  clear(): void;
}

/**
 * One fetched value kept fresh by events. A response for a key that is no longer shown is
 * dropped, so switching plans quickly never shows the wrong plan.
 */
export function createResource<T>(
  fetcher: (key: string | null) => Promise<T>,
  initialKey: string | null = null,
): Resource<T> {
  const store = createStore<ResourceState<T>>(() => ({
    key: initialKey,
    data: undefined,
    loading: false,
    error: null,
  }));
  let inFlight: Promise<void> | null = null;
  let again = false;
  let generation = 0;

  const run = async (): Promise<void> => {
    const gen = generation;
    const key = store.getState().key;
    store.setState({ loading: true });
    try {
      const data = await fetcher(key);
      if (gen === generation) store.setState({ data, loading: false, error: null });
    } catch (error) {
      if (gen === generation) store.setState({ loading: false, error: toApiError(error) });
    }
  };

  const refresh = (): Promise<void> => {
    if (inFlight) {
      again = true;
      return inFlight;
    }
    inFlight = (async () => {
      try {
        do {
          again = false;
          await run();
        } while (again);
      } finally {
        inFlight = null;
      }
    })();
    return inFlight;
  };

  return {
    store,
    open(key) {
      const state = store.getState();
      if (state.key === key && (state.data !== undefined || inFlight)) return refresh();
      generation += 1;
      store.setState({ key, data: undefined, error: null });
      if (inFlight) again = true;
      return refresh();
    },
    refresh,
    patch(update) {
      const data = store.getState().data;
      if (data !== undefined) store.setState({ data: update(data) });
    },
    clear() {
      generation += 1;
      store.setState({ data: undefined, error: null, loading: false });
    },
  };
}
