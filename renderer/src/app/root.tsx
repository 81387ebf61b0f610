import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { createNavigation } from '../navigation/navigation-store';
import { createAppStores } from '../stores/app-stores';
import { connectStores } from '../stores/event-router';
import type { Transport } from '../transport/transport';
import { App } from './app';
import { AppContext, type AppContextValue } from './app-context';
import { TokenScreen } from './token-screen';

/** Builds the stores and navigation once, feeds them from the transport, and loads the lists. */
export function Root({
  transport,
  onUnauthorized,
}: {
  transport: Transport;
  onUnauthorized?: () => void;
}) {
  const [value] = useState<AppContextValue>(() => ({
    transport,
    stores: createAppStores(transport),
    navigation: createNavigation(window),
  }));
  const status = useStore(value.stores.stream, (s) => s.status);

  useEffect(() => {
    const { stores } = value;
    const stop = connectStores(transport, stores);
    for (const r of [
      stores.info,
      stores.plans,
      stores.exceptions,
      stores.connections,
      stores.settings,
    ])
      void r.refresh();
    return () => {
      stop();
      value.navigation.stop();
    };
  }, [transport, value]);

  useEffect(() => {
    if (status === 'unauthorized') onUnauthorized?.();
  }, [status, onUnauthorized]);

  if (status === 'unauthorized') return <TokenScreen reason="rejected" />;
  return (
    <AppContext.Provider value={value}>
      <App />
    </AppContext.Provider>
  );
}
