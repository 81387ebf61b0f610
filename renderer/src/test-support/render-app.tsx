import { cleanup, render, type RenderResult } from '@testing-library/react';
import { Root } from '../app/root';
import type { Transport } from '../transport/transport';

/** Renders the whole window on `hash`, fed by `transport`; call `cleanup` (afterEach) to unmount. */
export function renderApp(transport: Transport, hash = '#/plans'): RenderResult {
  window.history.replaceState(null, '', hash);
  return render(<Root transport={transport} />);
}

export { cleanup };
