import { useEffect } from 'react';
import { useApp } from '../app/app-context';

/**
 * While `dirty`, leaving the page asks first (links, buttons, Back) and closing or reloading
 * the tab triggers the browser's own warning. Unsaved work is never dropped silently.
 */
export function useUnsavedGuard(dirty: boolean, what: string): void {
  const { navigation } = useApp();
  useEffect(() => {
    navigation.store.getState().setUnsaved(dirty ? what : null);
  }, [navigation, dirty, what]);
  useEffect(() => () => navigation.store.getState().setUnsaved(null), [navigation]);
  useEffect(() => {
    if (!dirty) return undefined;
    const onBeforeUnload = (event: BeforeUnloadEvent): void => {
      event.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [dirty]);
}
