import { type StoreApi, createStore } from 'zustand/vanilla';
import type { EngineInfo, HistoryEntry, PlanDetail, Settings } from '../../../shared/api';
import type { Connection, ScheduleException } from '../../../shared/model';
import type { PlanSummary, RestorePointSummary } from '../../../shared/model/status';
import type { StreamStatus, Transport } from '../transport/transport';
import { type ActivityState, createActivityStore } from './activity-store';
import { type Resource, createResource } from './resource';

export interface StreamState {
  status: StreamStatus;
}

/** Every store of the window, one per domain, all fed by the transport's event stream. */
export interface AppStores {
  info: Resource<EngineInfo>;
  plans: Resource<PlanSummary[]>;
  /** The plan open in the detail page (key = plan name). */
  detail: Resource<PlanDetail>;
  restorePoints: Resource<RestorePointSummary[]>;
  history: Resource<HistoryEntry[]>;
  exceptions: Resource<ScheduleException[]>;
  connections: Resource<Connection[]>;
  settings: Resource<Settings>;
  activity: StoreApi<ActivityState>;
  stream: StoreApi<StreamState>;
}

function requireKey(key: string | null): string {
  if (key === null) throw new Error('no plan is open');
  return key;
}

export function createAppStores(transport: Transport): AppStores {
  return {
    info: createResource(() => transport.call('getInfo', {})),
    plans: createResource(() => transport.call('listPlans', {})),
    detail: createResource((key) => transport.call('getPlan', { name: requireKey(key) })),
    restorePoints: createResource((key) =>
      transport.call('listRestorePoints', { plan: requireKey(key) }),
    ),
    history: createResource((key) =>
      transport.call('getHistory', { plan: requireKey(key), limit: 50 }),
    ),
    exceptions: createResource(() => transport.call('listExceptions', {})),
    connections: createResource(() => transport.call('listConnections', {})),
    settings: createResource(() => transport.call('getSettings', {})),
    activity: createActivityStore(),
    stream: createStore<StreamState>(() => ({ status: 'connecting' })),
  };
}
