import { useApp, useVanilla } from './app-context';

/** Says when live updates are interrupted, so a stale page is never mistaken for a quiet one. */
export function ConnectionBanner() {
  const { stores } = useApp();
  const status = useVanilla(stores.stream, (s) => s.status);
  if (status !== 'reconnecting') return null;
  return (
    <div className="connection-banner" role="status">
      Lost the connection to the engine — reconnecting… What you see may be out of date.
    </div>
  );
}
