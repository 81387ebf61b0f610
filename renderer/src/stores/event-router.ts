import type { HibernatorEvent, PlanDetail } from '../../../shared/api';
import type { PlanSummary } from '../../../shared/model/status';
import type { Transport } from '../transport/transport';
import type { AppStores } from './app-stores';
import type { Resource } from './resource';

function isOpen<T>(resource: Resource<T>, plan: string): boolean {
  return resource.store.getState().key === plan;
}

/** Only what a view asked for is re-fetched: a resource never opened (or closed) stays idle. */
function refreshIfOpen<T>(resource: Resource<T>, plan: string): void {
  const s = resource.store.getState();
  if (isOpen(resource, plan) && (s.data !== undefined || s.error !== null)) void resource.refresh();
}

function patchSummary(
  list: PlanSummary[],
  plan: string,
  update: Partial<PlanSummary>,
): PlanSummary[] {
  return list.map((p) => (p.name === plan ? { ...p, ...update } : p));
}

function patchLedger(
  detail: PlanDetail,
  target: string,
  state: PlanDetail['status']['ledger'][number]['state'],
  message: string | null,
): PlanDetail {
  const ledger = detail.status.ledger;
  if (!ledger.some((e) => e.target === target)) return detail;
  return {
    ...detail,
    status: {
      ...detail.status,
      ledger: ledger.map((e) =>
        e.target === target ? { ...e, state, message: message ?? e.message } : e,
      ),
    },
  };
}

/**
 * Applies one engine event to the stores: the visible part at once (a phase word, a ledger
 * row), then a re-fetch of what the event only hints at (next transition, attempts, timings).
 */
export function applyEvent(
  stores: AppStores,
  event: HibernatorEvent,
  now: Date = new Date(),
): void {
  stores.activity.getState().add(event, now);
  switch (event.type) {
    case 'PlanChanged':
      void stores.plans.refresh();
      if (event.change === 'deleted' && isOpen(stores.detail, event.plan)) stores.detail.clear();
      else refreshIfOpen(stores.detail, event.plan);
      return;
    case 'PhaseChanged':
      stores.plans.patch((list) =>
        patchSummary(list, event.plan, { phase: event.to, phaseSince: event.at }),
      );
      if (isOpen(stores.detail, event.plan)) {
        stores.detail.patch((d) => ({
          ...d,
          status: { ...d.status, phase: event.to, phaseSince: event.at },
        }));
      }
      void stores.plans.refresh();
      refreshIfOpen(stores.detail, event.plan);
      refreshIfOpen(stores.history, event.plan);
      refreshIfOpen(stores.restorePoints, event.plan);
      return;
    case 'TargetProgress':
      if (isOpen(stores.detail, event.plan)) {
        stores.detail.patch((d) => patchLedger(d, event.target, event.state, event.message));
        void stores.detail.refresh();
      }
      return;
    case 'Failure':
    case 'Recovery':
    case 'KeepAsleep':
    case 'CaughtUp':
      void stores.plans.refresh();
      refreshIfOpen(stores.detail, event.plan);
      refreshIfOpen(stores.history, event.plan);
      return;
    case 'ExceptionChanged':
      void stores.exceptions.refresh();
      void stores.plans.refresh();
      refreshIfOpen(stores.detail, event.plan);
      return;
    case 'RestoreChanged':
      refreshIfOpen(stores.restorePoints, event.plan);
      return;
    case 'ConnectionChanged':
      void stores.connections.refresh();
      return;
    case 'SettingsChanged':
      void stores.settings.refresh();
      return;
    case 'HeadsUp':
      return;
    case 'ClusterPlanChanged':
      // The window has no cluster view yet (issue 16, a later round).
      return;
  }
}

/** Re-fetches everything loaded: after the stream (re)opens, events sent while it was down are lost. */
export function resyncAll(stores: AppStores): void {
  const all = [
    stores.plans,
    stores.detail,
    stores.restorePoints,
    stores.history,
    stores.exceptions,
    stores.connections,
    stores.settings,
    stores.info,
  ];
  for (const r of all) {
    const s = r.store.getState();
    if (s.data !== undefined || s.error !== null) void r.refresh();
  }
}

/** Feeds the stores from the transport; returns the function that stops it. */
export function connectStores(transport: Transport, stores: AppStores): () => void {
  const offEvents = transport.subscribe((event) => applyEvent(stores, event));
  const offStatus = transport.onStatus((status) => {
    stores.stream.setState({ status });
    if (status === 'open') resyncAll(stores);
  });
  return () => {
    offEvents();
    offStatus();
  };
}
