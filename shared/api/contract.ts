import { z } from 'zod';
import type {
  Connection,
  HibernateNotification,
  LabelSelector,
  NotificationEvent,
  Plan,
  ScheduleException,
  SinkType,
} from '../model';
import {
  CLUSTER_PLAN_ACTIONS,
  type ClusterPlanActionResult,
  type ClusterPlanDetail,
  type ClusterPlanList,
} from './cluster-plans';
import type { Issue } from '../model';
import type {
  Operation,
  PlanStatus,
  PlanSummary,
  RestorePointDetail,
  RestorePointSummary,
  Transition,
} from '../model/status';
import type { KeepAsleepReport } from './events';

/**
 * The one contract between the engine and every host (Electron IPC, `serve` HTTP, CLI).
 * Each method takes one JSON object, parsed on the engine side with the schema below, and
 * resolves to the output type named in `ApiOutputs`. Adding a method means adding it here;
 * the preload, the HTTP router and the renderer's transports are generated from `API_METHODS`.
 */
const name = z.string().min(1, 'is required');

/**
 * The manual actions that set the plan's one override, as the API names them (the same five as
 * shared/override OVERRIDE_ACTIONS: the engine passes one type to the other, so they cannot drift).
 */
export const OVERRIDE_ACTION_NAMES = [
  'hibernateNow',
  'wakeNow',
  'keepAwake',
  'keepAwakeUntilTomorrow',
  'skipNextHibernation',
] as const;
export type OverrideActionName = (typeof OVERRIDE_ACTION_NAMES)[number];

export const NotificationSettingsSchema = z.object({
  phaseChanges: z.boolean(),
  failures: z.boolean(),
  headsUp: z.boolean(),
  caughtUp: z.boolean(),
  credentials: z.boolean(),
});

/** User settings; stored by the engine, shown in the window, some applied by the desktop host. */
export const SettingsSchema = z.object({
  headsUpMinutes: z.number().int().min(0).max(240),
  notifications: NotificationSettingsSchema,
  startAtLogin: z.boolean(),
  /** Optional hourly cost per target, for the savings estimate: "plan/target" -> money per hour. */
  hourlyCosts: z.record(z.string(), z.number().min(0)),
  currency: z.string().min(1).max(8),
  /**
   * "Wake now" during scheduled sleep keeps the plan awake this many hours (or until the
   * schedule's next wake if sooner); also the length of any override on a schedule that never
   * changes. The engine always fills it in (default 3); optional only so older callers compile.
   */
  wakeNowHours: z.number().min(0.25).max(24).optional(),
  /**
   * How often a hibernated plan's keep-asleep check runs (AWS restarts a stopped database after
   * 7 days; a longer period would leave it up for days). The engine fills it in (default 24).
   */
  keepAsleepHours: z.number().int().min(1).max(168).optional(),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const SettingsPatchSchema = SettingsSchema.partial()
  .extend({ notifications: NotificationSettingsSchema.partial().optional() })
  .strict();
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;
const planRef = z.object({ plan: name }).strict();
const isoInstant = z.iso.datetime({
  offset: true,
  message: 'must be an ISO-8601 instant, e.g. 2026-11-26T19:00:00Z',
});

export const apiInputSchemas = {
  getInfo: z.object({}).strict(),
  listPlans: z.object({}).strict(),
  getPlan: z.object({ name }).strict(),
  applyPlan: z.object({ plan: z.unknown() }).strict(),
  deletePlan: z.object({ name, force: z.boolean().optional() }).strict(),
  importYaml: z.object({ yaml: z.string(), dryRun: z.boolean().optional() }).strict(),
  exportYaml: z.object({ plans: z.array(name).optional() }).strict(),
  listExceptions: z.object({ plan: name.optional() }).strict(),
  applyException: z.object({ exception: z.unknown() }).strict(),
  deleteException: z.object({ name }).strict(),
  listConnections: z.object({}).strict(),
  applyConnection: z.object({ connection: z.unknown() }).strict(),
  deleteConnection: z.object({ name }).strict(),
  listNotifications: z.object({}).strict(),
  getNotification: z.object({ name }).strict(),
  applyNotification: z.object({ notification: z.unknown() }).strict(),
  deleteNotification: z.object({ name }).strict(),
  /** Write-only: the sink's config (as the operator's Secret `config` JSON) goes to the secrets file. */
  setSinkConfig: z.object({ notification: name, sink: name, config: z.unknown() }).strict(),
  clearSinkConfig: z.object({ notification: name, sink: name }).strict(),
  hibernateNow: z.object({ plan: name, until: isoInstant.optional() }).strict(),
  wakeNow: z.object({ plan: name, until: isoInstant.optional() }).strict(),
  keepAwake: z
    .object({
      plan: name,
      hours: z
        .number()
        .positive()
        .max(24 * 90)
        .optional(),
      until: isoInstant.optional(),
    })
    .strict()
    .refine((v) => v.hours !== undefined || v.until !== undefined, {
      message: 'give hours or until',
      path: ['hours'],
    }),
  keepAwakeUntilTomorrow: z.object({ plan: name, until: isoInstant.optional() }).strict(),
  skipNextHibernation: z.object({ plan: name, until: isoInstant.optional() }).strict(),
  /** "Back to schedule": removes the plan's override (nothing to remove is not an error). */
  clearOverride: planRef,
  /** Undo of the last override action: puts back the override it replaced (or none). */
  undoOverride: planRef,
  /** The heads-up's "keep it": extends the override by its original length. */
  keepOverride: planRef,
  /** What each choice of an action would do now (ends, lengths, cost/saving), for the window. */
  overrideChoices: z
    .object({
      plan: name,
      action: z.enum(OVERRIDE_ACTION_NAMES),
    })
    .strict(),
  suspend: z
    .object({ plan: name, until: isoInstant.optional(), reason: z.string().max(500).optional() })
    .strict(),
  resume: planRef,
  retry: planRef,
  restart: z.object({ plan: name, operation: z.enum(['shutdown', 'wakeup']) }).strict(),
  markAwake: planRef,
  /** Runs the plan's keep-asleep check now (only while Hibernated) and answers what it found and did. */
  checkKeepAsleep: planRef,
  listRestorePoints: z.object({ plan: name.optional() }).strict(),
  inspectRestorePoint: z.object({ plan: name, target: name }).strict(),
  patchRestorePoint: z.object({ plan: name, target: name, key: name, state: z.unknown() }).strict(),
  dropRestorePoint: z.object({ plan: name, target: name, key: name.optional() }).strict(),
  initRestorePoint: z.object({ plan: name, target: name }).strict(),
  getHistory: z.object({ plan: name, limit: z.number().int().min(1).max(500).optional() }).strict(),
  discover: z.object({ plan: z.unknown(), target: name.optional() }).strict(),
  pauseAll: z.object({ paused: z.boolean() }).strict(),
  getSettings: z.object({}).strict(),
  testConnection: z.object({ name: name.optional(), connection: z.unknown().optional() }).strict(),
  listAwsProfiles: z.object({}).strict(),
  listKubeContexts: z.object({}).strict(),
  updateSettings: z.object({ settings: SettingsPatchSchema }).strict(),
  /** In-cluster Hibernator plans of a K8SCluster connection (issue 16). */
  listClusterPlans: z.object({ connection: name, namespace: name.optional() }).strict(),
  getClusterPlan: z.object({ connection: name, namespace: name, name }).strict(),
  clusterPlanAction: z
    .object({
      connection: name,
      namespace: name,
      name,
      action: z.enum(CLUSTER_PLAN_ACTIONS),
      until: isoInstant.optional(),
      reason: z.string().max(500).optional(),
    })
    .strict(),
} as const;

export type ApiMethod = keyof typeof apiInputSchemas;
export const API_METHODS = Object.keys(apiInputSchemas) as ApiMethod[];
export type ApiInput<M extends ApiMethod> = z.input<(typeof apiInputSchemas)[M]>;

export interface EngineInfo {
  version: string;
  dataDir: string;
  host: 'desktop' | 'serve' | 'cli';
  pid: number;
  startedAt: string;
}

export interface PlanEvaluation {
  hibernate: boolean;
  reason: string;
  activeExceptions: string[];
}

export interface PlanDetail {
  plan: Plan;
  status: PlanStatus;
  exceptions: ScheduleException[];
  evaluation: PlanEvaluation;
  upcoming: Transition[];
  /** Rules added since the plan was saved that it breaks: it still runs; fix them on the next edit. */
  warnings: Issue[];
  /** The plan's manual override in force (expired ones are not shown), as in PlanSummary. */
  override: OverrideView | null;
}

export interface ApplyResult {
  name: string;
  created: boolean;
  warnings: Issue[];
}

export interface ImportedItem {
  index: number;
  kind: string;
  name: string | null;
  applied: boolean;
  errors: Issue[];
  warnings: Issue[];
}

export interface ImportResult {
  ok: boolean;
  dryRun: boolean;
  items: ImportedItem[];
  errors: Issue[];
}

/** The plan's one manual override as the API shows it (semantics.md §2). */
export interface OverrideView {
  phase: 'hibernate' | 'wakeup';
  /** RFC 3339 UTC; null = until removed (only from imported YAML). */
  until: string | null;
  setAt: string | null;
  /**
   * Where it came from: window, tray, cli, api (the caller), heads-up, import, migration; `user`
   * from earlier versions (a person, origin unknown).
   */
  by: string | null;
  /** The OS account that set it, `user@host`, when the caller's host knows it. */
  byUser?: string | null;
  /** True when `byUser` is the account this engine runs as: the words say "by you". */
  byYou?: boolean;
  /** Length first chosen, in ms (the heads-up's "keep it" adds it again). */
  durationMs: number | null;
}

export interface ActionResult {
  plan: string;
  message: string;
  exception?: string;
  /**
   * For override actions: the override now in force (null = back on schedule), the one it
   * replaced (what undoOverride restores), and what the change does against the schedule.
   */
  override?: OverrideView | null;
  previousOverride?: OverrideView | null;
  consequence?: { kind: 'saves' | 'costs' | 'none'; deltaMs: number; text: string };
}

export interface OverrideChoiceView {
  id: string;
  /** What to send to run this choice: the action's method with `hours` or `until`. */
  request: { action: OverrideActionName; hours?: number; until?: string };
  until: string;
  hours: number;
  duration: string;
  outcome: 'set' | 'clear';
  consequence: { kind: 'saves' | 'costs' | 'none'; deltaMs: number; text: string };
  needsConfirmation: boolean;
}

export interface HistoryTarget {
  target: string;
  state: string;
  attempts: number;
  startedAt: string | null;
  finishedAt: string | null;
  message: string | null;
}

export interface HistoryEntry {
  id: number;
  plan: string;
  cycleId: string | null;
  operation: Operation;
  trigger: string;
  startedAt: string;
  finishedAt: string | null;
  result: 'running' | 'succeeded' | 'failed' | 'partial' | 'interrupted';
  message: string | null;
  targets: HistoryTarget[];
}

/** One line of a dry run: what a target would do to one resource right now. */
export interface PlannedAction {
  key: string;
  action: string;
  description: string;
}

export interface DiscoverTarget {
  target: string;
  executor: string;
  disabled: boolean;
  actions: PlannedAction[];
  error: { code: string; message: string } | null;
}

export interface DiscoverResult {
  plan: string;
  at: string;
  targets: DiscoverTarget[];
  /** "stop 3 EC2 instances, scale 14 Deployments" */
  summary: string;
}

/** "Test connection": who we are in that account / which server answered, or why not. */
export interface ConnectionTestResult {
  connection: string;
  kind: 'CloudProvider' | 'K8SCluster';
  ok: boolean;
  /** What to tell the user: "account 123456789012 as arn:aws:sts::…" or the reason and the fix. */
  message: string;
  code?: string;
  account?: string;
  arn?: string;
  serverVersion?: string;
}

/** A sink as the API shows it: never its config (URL, token, chat id, headers). */
export interface SinkView {
  name: string;
  type: SinkType;
  /** The secrets file holds a config for it that fits its type. */
  configured: boolean;
  lastDeliveryAt: string | null;
  /** The last delivery given up on, and why (no URL or token in it). */
  lastFailure: { at: string; error: string } | null;
  /** Reported once when a delivery failed for good; cleared by the next success. */
  failing: boolean;
}

export interface NotificationView {
  name: string;
  labels: Record<string, string>;
  selector: LabelSelector;
  onEvents: NotificationEvent[];
  sinks: SinkView[];
  /** Plans whose labels match the selector now. */
  watchedPlans: string[];
}

export interface NotificationDetail extends NotificationView {
  /** The object as stored (secretRef names only), for the editor and export. */
  notification: HibernateNotification;
}

export interface AwsProfileInfo {
  name: string;
  region?: string;
  sso: boolean;
  roleArn?: string;
  /** Which files define it. */
  sources: Array<'config' | 'credentials'>;
}

export interface KubeContextInfo {
  file: string;
  context: string;
  cluster: string;
  user: string;
  namespace?: string;
  server?: string;
  current: boolean;
  /** The user authenticates with an exec plugin (aws, gke-gcloud-auth-plugin, ...). */
  exec?: string;
}

export interface ApiOutputs {
  getInfo: EngineInfo;
  listPlans: PlanSummary[];
  getPlan: PlanDetail;
  applyPlan: ApplyResult;
  deletePlan: { name: string; deleted: boolean };
  importYaml: ImportResult;
  /** `warnings`: an override left out or written, one-shot annotations dropped (per object). */
  exportYaml: { yaml: string; warnings?: Array<Issue & { object: string }> };
  listExceptions: ScheduleException[];
  applyException: ApplyResult;
  deleteException: { name: string; deleted: boolean };
  listConnections: Connection[];
  applyConnection: ApplyResult;
  deleteConnection: { name: string; deleted: boolean };
  listNotifications: NotificationView[];
  getNotification: NotificationDetail;
  applyNotification: ApplyResult;
  deleteNotification: { name: string; deleted: boolean };
  setSinkConfig: { notification: string; sink: SinkView };
  clearSinkConfig: { notification: string; sink: SinkView };
  hibernateNow: ActionResult;
  wakeNow: ActionResult;
  keepAwake: ActionResult;
  keepAwakeUntilTomorrow: ActionResult;
  skipNextHibernation: ActionResult;
  clearOverride: ActionResult;
  undoOverride: ActionResult;
  keepOverride: ActionResult;
  overrideChoices: OverrideChoiceView[];
  suspend: ActionResult;
  resume: ActionResult;
  retry: ActionResult;
  restart: ActionResult;
  markAwake: ActionResult;
  checkKeepAsleep: KeepAsleepReport;
  listRestorePoints: RestorePointSummary[];
  inspectRestorePoint: RestorePointDetail;
  patchRestorePoint: RestorePointDetail;
  dropRestorePoint: { plan: string; target: string; dropped: number };
  initRestorePoint: RestorePointDetail;
  getHistory: HistoryEntry[];
  discover: DiscoverResult;
  pauseAll: { paused: boolean; plans: string[] };
  getSettings: Settings;
  updateSettings: Settings;
  testConnection: ConnectionTestResult;
  listAwsProfiles: AwsProfileInfo[];
  listKubeContexts: KubeContextInfo[];
  listClusterPlans: ClusterPlanList;
  getClusterPlan: ClusterPlanDetail;
  clusterPlanAction: ClusterPlanActionResult;
}

/**
 * Who is calling, as the host knows it (not part of any input: a caller cannot claim another
 * origin through the body). Recorded on manual overrides ("awake until 17:49 by you"). The
 * window's IPC bridge says `window`, the tray and its notifications `tray`, the local socket and
 * a CLI that opened the engine itself `cli`, `serve`'s HTTP API `api`; `user` is `user@host` when
 * the caller runs as a known OS account on this machine.
 */
export interface ApiCaller {
  origin: 'window' | 'tray' | 'cli' | 'api';
  user?: string;
}

export type HibernatorApi = {
  [M in ApiMethod]: (input: ApiInput<M>, caller?: ApiCaller) => Promise<ApiOutputs[M]>;
};

/** Methods that only read: safe to retry, allowed while an engine is busy. */
export const READ_ONLY_METHODS: ReadonlySet<ApiMethod> = new Set<ApiMethod>([
  'getInfo',
  'listPlans',
  'getPlan',
  'exportYaml',
  'listExceptions',
  'listConnections',
  'listNotifications',
  'getNotification',
  'listRestorePoints',
  'inspectRestorePoint',
  'getHistory',
  'discover',
  'getSettings',
  'testConnection',
  'listAwsProfiles',
  'listKubeContexts',
  'overrideChoices',
  'listClusterPlans',
  'getClusterPlan',
]);
