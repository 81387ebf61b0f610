import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Envelope } from '../../shared/api/bridge';
import type { HibernatorEvent } from '../../shared/api/events';
import { AppState, type AppStateSnapshot } from './app-state';
import { planSummary } from './test-support/plan-summary';

const settings = {
  headsUpMinutes: 10,
  notifications: {
    phaseChanges: true,
    failures: true,
    headsUp: true,
    caughtUp: true,
    credentials: true,
  },
  startAtLogin: false,
  hourlyCosts: {},
  currency: 'USD',
};

function fakeSource() {
  let listener: ((e: HibernatorEvent) => void) | null = null;
  const calls: string[] = [];
  let plans: Envelope = { ok: true, result: [planSummary('dev-env', 'Active')] };
  return {
    calls,
    setPlans: (e: Envelope) => (plans = e),
    emit: (e: HibernatorEvent) => listener?.(e),
    source: {
      call: async (method: string): Promise<Envelope> => {
        calls.push(method);
        return method === 'listPlans' ? plans : { ok: true, result: settings };
      },
      subscribe: (l: (e: HibernatorEvent) => void) => {
        listener = l;
        return () => (listener = null);
      },
    },
  };
}

afterEach(() => vi.useRealTimers());

describe('AppState', () => {
  it('fetches plans and settings and tells its listeners', async () => {
    const { source } = fakeSource();
    const state = new AppState(source);
    const seen: AppStateSnapshot[] = [];
    state.onChange((s) => seen.push(s));
    await state.refresh();
    expect(state.current?.plans.map((p) => p.name)).toEqual(['dev-env']);
    expect(seen).toHaveLength(1);
  });

  it('refreshes once per burst of engine events and ignores progress chatter', async () => {
    vi.useFakeTimers();
    const { source, emit, calls } = fakeSource();
    new AppState(source, 250);
    emit({ type: 'TargetProgress', plan: 'dev-env', target: 'a', state: 'Running', message: null });
    await vi.advanceTimersByTimeAsync(1000);
    expect(calls).toEqual([]);
    for (let i = 0; i < 20; i++)
      emit({
        type: 'PhaseChanged',
        plan: `p${i}`,
        from: 'Active',
        to: 'Hibernating',
        cycleId: null,
        operation: 'shutdown',
        reason: 'schedule',
        at: 'x',
      });
    await vi.advanceTimersByTimeAsync(1000);
    expect(calls.sort()).toEqual(['getSettings', 'listPlans']);
  });

  it('keeps the last good state when a call fails', async () => {
    const fake = fakeSource();
    const state = new AppState(fake.source);
    await state.refresh();
    fake.setPlans({ ok: false, error: { code: 'INTERNAL', message: 'x' } });
    await state.refresh();
    expect(state.current?.plans.map((p) => p.name)).toEqual(['dev-env']);
  });

  it('stops listening once disposed', async () => {
    vi.useFakeTimers();
    const { source, emit, calls } = fakeSource();
    const state = new AppState(source, 10);
    state.dispose();
    emit({ type: 'SettingsChanged' });
    await vi.advanceTimersByTimeAsync(100);
    expect(calls).toEqual([]);
  });
});
