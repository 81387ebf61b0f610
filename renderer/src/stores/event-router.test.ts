import { describe, expect, it } from 'vitest';
import type { PlanDetail } from '../../../shared/api';
import type { PlanSummary } from '../../../shared/model/status';
import { callsOf, createFakeTransport, settle } from '../test-support/fake-transport';
import { sampleDetail, sampleLedger, sampleSummary } from '../test-support/samples';
import { createAppStores } from './app-stores';
import { connectStores } from './event-router';

function world() {
  let summaries: PlanSummary[] = [
    sampleSummary('demo', 'Active'),
    sampleSummary('other', 'Active'),
  ];
  let detail: PlanDetail = sampleDetail('demo', 'Active', sampleLedger('Pending'));
  const transport = createFakeTransport({
    listPlans: () => summaries,
    getPlan: () => detail,
    getHistory: () => [],
    listExceptions: () => [],
  });
  const stores = createAppStores(transport);
  const stop = connectStores(transport, stores);
  return {
    transport,
    stores,
    stop,
    setSummaries: (s: PlanSummary[]) => (summaries = s),
    setDetail: (d: PlanDetail) => (detail = d),
  };
}

describe('stores fed by engine events', () => {
  it('shows a phase change in the list and the open detail at once, then confirms it by re-fetching', async () => {
    const w = world();
    await w.stores.plans.refresh();
    await w.stores.detail.open('demo');
    w.setSummaries([sampleSummary('demo', 'Hibernating'), sampleSummary('other')]);
    w.transport.emit({
      type: 'PhaseChanged',
      plan: 'demo',
      from: 'Active',
      to: 'Hibernating',
      cycleId: 'c1',
      operation: 'shutdown',
      reason: 'now',
      at: '2026-11-26T11:00:00Z',
    });
    expect(w.stores.plans.store.getState().data?.find((p) => p.name === 'demo')?.phase).toBe(
      'Hibernating',
    );
    expect(w.stores.detail.store.getState().data?.status.phase).toBe('Hibernating');
    await settle();
    expect(callsOf(w.transport, 'listPlans').length).toBeGreaterThanOrEqual(2);
    expect(callsOf(w.transport, 'getPlan').length).toBeGreaterThanOrEqual(2);
  });

  it('updates the ledger row of the open plan from target progress', async () => {
    const w = world();
    await w.stores.detail.open('demo');
    w.transport.emit({
      type: 'TargetProgress',
      plan: 'demo',
      target: 'api',
      state: 'Completed',
      message: 'pretended to hibernate api',
    });
    const row = w.stores.detail.store
      .getState()
      .data?.status.ledger.find((e) => e.target === 'api');
    expect(row).toMatchObject({ state: 'Completed', message: 'pretended to hibernate api' });
  });

  it('ignores progress of a plan that is not open', async () => {
    const w = world();
    await w.stores.detail.open('demo');
    const before = w.transport.calls.length;
    w.transport.emit({
      type: 'TargetProgress',
      plan: 'other',
      target: 'api',
      state: 'Running',
      message: null,
    });
    await settle();
    expect(w.transport.calls.length).toBe(before);
  });

  it('clears the open detail when its plan is deleted', async () => {
    const w = world();
    await w.stores.detail.open('demo');
    w.transport.emit({ type: 'PlanChanged', plan: 'demo', change: 'deleted' });
    expect(w.stores.detail.store.getState().data).toBeUndefined();
  });

  it('re-fetches every loaded list when the stream opens again, so missed events do not matter', async () => {
    const w = world();
    await w.stores.plans.refresh();
    await w.stores.exceptions.refresh();
    const plansBefore = callsOf(w.transport, 'listPlans').length;
    w.transport.setStatus('reconnecting');
    expect(w.stores.stream.getState().status).toBe('reconnecting');
    w.transport.setStatus('open');
    await settle();
    expect(callsOf(w.transport, 'listPlans').length).toBe(plansBefore + 1);
    expect(callsOf(w.transport, 'listExceptions').length).toBe(2);
    expect(callsOf(w.transport, 'listConnections')).toHaveLength(0);
  });

  it('records noteworthy events in the activity feed, newest first, and skips progress lines', () => {
    const w = world();
    w.transport.emit({
      type: 'TargetProgress',
      plan: 'demo',
      target: 'api',
      state: 'Running',
      message: null,
    });
    w.transport.emit({ type: 'HeadsUp', plan: 'demo', at: '2026-11-26T18:00:00Z', minutes: 10 });
    w.transport.emit({ type: 'Recovery', plan: 'demo', message: 'back' });
    expect(w.stores.activity.getState().items.map((i) => i.event.type)).toEqual([
      'Recovery',
      'HeadsUp',
    ]);
  });

  it('stops listening once disconnected', async () => {
    const w = world();
    await w.stores.plans.refresh();
    w.stop();
    w.transport.emit({ type: 'PlanChanged', plan: 'x', change: 'created' });
    await settle();
    expect(callsOf(w.transport, 'listPlans')).toHaveLength(1);
  });
});
