import { createContext, useContext, useEffect, useState } from 'react';
import { useStore } from 'zustand';
import type { StoreApi } from 'zustand/vanilla';
import type { Navigation, NavigationState } from '../navigation/navigation-store';
import type { AppStores } from '../stores/app-stores';
import type { Resource, ResourceState } from '../stores/resource';
import type { Transport } from '../transport/transport';

export interface AppContextValue {
  transport: Transport;
  stores: AppStores;
  navigation: Navigation;
}

export const AppContext = createContext<AppContextValue | null>(null);

export function useApp(): AppContextValue {
  const value = useContext(AppContext);
  if (!value) throw new Error('useApp must be used inside <AppContext.Provider>');
  return value;
}

export function useResource<T>(resource: Resource<T>): ResourceState<T> {
  return useStore(resource.store);
}

export function useNavigation<T>(select: (state: NavigationState) => T): T {
  const { navigation } = useApp();
  return useStore(navigation.store, select);
}

export function useVanilla<S, T>(store: StoreApi<S>, select: (state: S) => T): T {
  return useStore(store, select);
}

/** The current time, re-read every `everyMs` so relative times ("in 5 min") stay true. */
export function useNow(everyMs = 30_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const id = setInterval(() => setNow(new Date()), everyMs);
    return () => clearInterval(id);
  }, [everyMs]);
  return now;
}
