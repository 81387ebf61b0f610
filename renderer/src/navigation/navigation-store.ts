import { type StoreApi, createStore } from 'zustand/vanilla';
import { type Route, formatRoute, parseRoute } from './route';

export interface NavigationState {
  route: Route;
  /** Where the user asked to go while a page had unsaved changes; the app asks before going. */
  pending: Route | null;
  /** Set by a page with unsaved changes: what would be lost ("the plan editor"). */
  unsaved: string | null;
  navigate(route: Route): void;
  setUnsaved(what: string | null): void;
  /** Leave anyway: drop the changes and go where the user asked. */
  confirmLeave(): void;
  cancelLeave(): void;
}

export interface NavigationWindow {
  location: Pick<Location, 'hash'>;
  history: Pick<History, 'pushState' | 'replaceState' | 'state'>;
  addEventListener(type: 'hashchange', listener: () => void): void;
  removeEventListener(type: 'hashchange', listener: () => void): void;
}

export interface Navigation {
  store: StoreApi<NavigationState>;
  stop(): void;
}

/**
 * Hash routing with a guard: unsaved changes are never dropped silently, whether the user
 * clicks a link, a button, or Back (the URL is put back and the app asks first).
 */
export function createNavigation(win: NavigationWindow): Navigation {
  const go = (route: Route, push: boolean): void => {
    const hash = formatRoute(route);
    if (push && win.location.hash !== hash) win.history.pushState(win.history.state, '', hash);
    store.setState({ route, pending: null });
  };
  const store = createStore<NavigationState>((set, get) => ({
    route: parseRoute(win.location.hash),
    pending: null,
    unsaved: null,
    navigate(route) {
      if (get().unsaved && formatRoute(route) !== formatRoute(get().route)) set({ pending: route });
      else go(route, true);
    },
    setUnsaved(what) {
      set({ unsaved: what });
    },
    confirmLeave() {
      const target = get().pending;
      set({ unsaved: null, pending: null });
      if (target) go(target, true);
    },
    cancelLeave() {
      set({ pending: null });
    },
  }));

  const onHashChange = (): void => {
    const next = parseRoute(win.location.hash);
    const { route, unsaved } = store.getState();
    if (formatRoute(next) === formatRoute(route)) return;
    if (unsaved) {
      win.history.replaceState(win.history.state, '', formatRoute(route));
      store.setState({ pending: next });
      return;
    }
    go(next, false);
  };
  win.addEventListener('hashchange', onHashChange);
  return { store, stop: () => win.removeEventListener('hashchange', onHashChange) };
}
