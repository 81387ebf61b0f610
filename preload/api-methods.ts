import type { ApiMethod } from '../shared/api/contract';

/**
 * The method names the bridge exposes. Listed here rather than imported from the contract's
 * `API_METHODS`, which is computed from the zod schemas and would pull zod into the sandboxed
 * preload; `satisfies` makes the compiler reject a missing or an extra name, and
 * bridge.test.ts checks the list against `API_METHODS` at run time.
 */
const METHODS = {
  getInfo: true,
  listPlans: true,
  getPlan: true,
  applyPlan: true,
  deletePlan: true,
  importYaml: true,
  exportYaml: true,
  listExceptions: true,
  applyException: true,
  deleteException: true,
  listConnections: true,
  applyConnection: true,
  deleteConnection: true,
  listNotifications: true,
  getNotification: true,
  applyNotification: true,
  deleteNotification: true,
  setSinkConfig: true,
  clearSinkConfig: true,
  hibernateNow: true,
  wakeNow: true,
  keepAwake: true,
  keepAwakeUntilTomorrow: true,
  skipNextHibernation: true,
  clearOverride: true,
  undoOverride: true,
  keepOverride: true,
  overrideChoices: true,
  suspend: true,
  resume: true,
  retry: true,
  restart: true,
  markAwake: true,
  checkKeepAsleep: true,
  listRestorePoints: true,
  inspectRestorePoint: true,
  patchRestorePoint: true,
  dropRestorePoint: true,
  initRestorePoint: true,
  getHistory: true,
  discover: true,
  pauseAll: true,
  getSettings: true,
  updateSettings: true,
  testConnection: true,
  listAwsProfiles: true,
  listKubeContexts: true,
  listClusterPlans: true,
  getClusterPlan: true,
  clusterPlanAction: true,
} as const satisfies Record<ApiMethod, true>;

export const BRIDGE_METHODS = Object.keys(METHODS) as ApiMethod[];
