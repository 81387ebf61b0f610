import type { ApiCaller, ApiInput, ApiOutputs, HibernatorApi } from '../../../shared/api/contract';
import * as actions from './action-methods';
import * as connections from './connection-methods';
import { discover } from './discover-methods';
import * as exceptions from './exception-methods';
import * as notifications from './notification-methods';
import * as overrides from './override-methods';
import * as plans from './plan-methods';
import * as restore from './restore-methods';
import type { ServiceContext } from './service-context';
import * as yaml from './yaml-methods';

type Out<M extends keyof ApiOutputs> = Promise<ApiOutputs[M]>;

/** The engine's implementation of the contract; every host calls it through `dispatch`. */
export class HibernatorService implements HibernatorApi {
  constructor(private readonly ctx: ServiceContext) {}

  async getInfo(_: ApiInput<'getInfo'>): Out<'getInfo'> {
    return this.ctx.info;
  }
  async listPlans(_: ApiInput<'listPlans'>): Out<'listPlans'> {
    return plans.listPlans(this.ctx);
  }
  async getPlan(input: ApiInput<'getPlan'>): Out<'getPlan'> {
    return plans.getPlan(this.ctx, input.name);
  }
  applyPlan(input: ApiInput<'applyPlan'>): Out<'applyPlan'> {
    return plans.applyPlan(this.ctx, input.plan);
  }
  deletePlan(input: ApiInput<'deletePlan'>): Out<'deletePlan'> {
    return plans.deletePlan(this.ctx, input.name, input.force ?? false);
  }
  importYaml(input: ApiInput<'importYaml'>): Out<'importYaml'> {
    return yaml.importYaml(this.ctx, input.yaml, input.dryRun ?? false);
  }
  async exportYaml(input: ApiInput<'exportYaml'>): Out<'exportYaml'> {
    return yaml.exportYaml(this.ctx, input.plans);
  }
  async listExceptions(input: ApiInput<'listExceptions'>): Out<'listExceptions'> {
    return this.ctx.exceptions.list(input.plan);
  }
  applyException(input: ApiInput<'applyException'>): Out<'applyException'> {
    return exceptions.applyException(this.ctx, input.exception);
  }
  deleteException(input: ApiInput<'deleteException'>): Out<'deleteException'> {
    return exceptions.deleteException(this.ctx, input.name);
  }
  async listConnections(_: ApiInput<'listConnections'>): Out<'listConnections'> {
    return this.ctx.connections.list();
  }
  async applyConnection(input: ApiInput<'applyConnection'>): Out<'applyConnection'> {
    return connections.applyConnection(this.ctx, input.connection);
  }
  async deleteConnection(input: ApiInput<'deleteConnection'>): Out<'deleteConnection'> {
    return connections.deleteConnection(this.ctx, input.name);
  }
  async listNotifications(_: ApiInput<'listNotifications'>): Out<'listNotifications'> {
    return notifications.listNotifications(this.ctx);
  }
  async getNotification(input: ApiInput<'getNotification'>): Out<'getNotification'> {
    return notifications.getNotification(this.ctx, input.name);
  }
  async applyNotification(input: ApiInput<'applyNotification'>): Out<'applyNotification'> {
    return notifications.applyNotification(this.ctx, input.notification);
  }
  async deleteNotification(input: ApiInput<'deleteNotification'>): Out<'deleteNotification'> {
    return notifications.deleteNotification(this.ctx, input.name);
  }
  async setSinkConfig(input: ApiInput<'setSinkConfig'>): Out<'setSinkConfig'> {
    return notifications.setSinkConfig(this.ctx, input.notification, input.sink, input.config);
  }
  async clearSinkConfig(input: ApiInput<'clearSinkConfig'>): Out<'clearSinkConfig'> {
    return notifications.clearSinkConfig(this.ctx, input.notification, input.sink);
  }
  hibernateNow(input: ApiInput<'hibernateNow'>, caller?: ApiCaller): Out<'hibernateNow'> {
    return actions.hibernateNow(this.ctx, input.plan, input.until, caller);
  }
  wakeNow(input: ApiInput<'wakeNow'>, caller?: ApiCaller): Out<'wakeNow'> {
    return actions.wakeNow(this.ctx, input.plan, input.until, caller);
  }
  keepAwake(input: ApiInput<'keepAwake'>, caller?: ApiCaller): Out<'keepAwake'> {
    return actions.keepAwake(this.ctx, input.plan, input.hours, input.until, caller);
  }
  clearOverride(input: ApiInput<'clearOverride'>): Out<'clearOverride'> {
    return overrides.clearOverride(this.ctx, input.plan);
  }
  undoOverride(input: ApiInput<'undoOverride'>): Out<'undoOverride'> {
    return overrides.undoOverride(this.ctx, input.plan);
  }
  keepOverride(input: ApiInput<'keepOverride'>, caller?: ApiCaller): Out<'keepOverride'> {
    return overrides.keepOverride(this.ctx, input.plan, caller);
  }
  overrideChoices(input: ApiInput<'overrideChoices'>): Out<'overrideChoices'> {
    return overrides.overrideChoices(this.ctx, input.plan, input.action);
  }
  keepAwakeUntilTomorrow(
    input: ApiInput<'keepAwakeUntilTomorrow'>,
    caller?: ApiCaller,
  ): Out<'keepAwakeUntilTomorrow'> {
    return actions.keepAwakeTomorrow(this.ctx, input.plan, input.until, caller);
  }
  skipNextHibernation(
    input: ApiInput<'skipNextHibernation'>,
    caller?: ApiCaller,
  ): Out<'skipNextHibernation'> {
    return actions.skipNext(this.ctx, input.plan, input.until, caller);
  }
  suspend(input: ApiInput<'suspend'>): Out<'suspend'> {
    return actions.suspend(this.ctx, input.plan, input.until, input.reason);
  }
  resume(input: ApiInput<'resume'>): Out<'resume'> {
    return actions.resume(this.ctx, input.plan);
  }
  retry(input: ApiInput<'retry'>): Out<'retry'> {
    return actions.retry(this.ctx, input.plan);
  }
  restart(input: ApiInput<'restart'>): Out<'restart'> {
    return actions.restart(this.ctx, input.plan, input.operation);
  }
  markAwake(input: ApiInput<'markAwake'>): Out<'markAwake'> {
    return actions.markAwake(this.ctx, input.plan);
  }
  checkKeepAsleep(input: ApiInput<'checkKeepAsleep'>): Out<'checkKeepAsleep'> {
    return actions.checkKeepAsleep(this.ctx, input.plan);
  }
  async listRestorePoints(input: ApiInput<'listRestorePoints'>): Out<'listRestorePoints'> {
    return restore.listRestorePoints(this.ctx, input.plan);
  }
  async inspectRestorePoint(input: ApiInput<'inspectRestorePoint'>): Out<'inspectRestorePoint'> {
    return restore.inspectRestorePoint(this.ctx, input.plan, input.target);
  }
  async patchRestorePoint(input: ApiInput<'patchRestorePoint'>): Out<'patchRestorePoint'> {
    return restore.patchRestorePoint(this.ctx, input.plan, input.target, input.key, input.state);
  }
  async dropRestorePoint(input: ApiInput<'dropRestorePoint'>): Out<'dropRestorePoint'> {
    return restore.dropRestorePoint(this.ctx, input.plan, input.target, input.key);
  }
  initRestorePoint(input: ApiInput<'initRestorePoint'>): Out<'initRestorePoint'> {
    return restore.initRestorePoint(this.ctx, input.plan, input.target);
  }
  async getHistory(input: ApiInput<'getHistory'>): Out<'getHistory'> {
    return restore.getHistory(this.ctx, input.plan, input.limit);
  }
  discover(input: ApiInput<'discover'>): Out<'discover'> {
    return discover(this.ctx, input.plan, input.target);
  }
  pauseAll(input: ApiInput<'pauseAll'>): Out<'pauseAll'> {
    return actions.pauseAll(this.ctx, input.paused);
  }
  testConnection(input: ApiInput<'testConnection'>): Out<'testConnection'> {
    return connections.testConnection(this.ctx, input.name, input.connection);
  }
  listAwsProfiles(_: ApiInput<'listAwsProfiles'>): Out<'listAwsProfiles'> {
    return this.ctx.connectionTools.listAwsProfiles();
  }
  listKubeContexts(_: ApiInput<'listKubeContexts'>): Out<'listKubeContexts'> {
    return this.ctx.connectionTools.listKubeContexts();
  }
  listClusterPlans(input: ApiInput<'listClusterPlans'>): Out<'listClusterPlans'> {
    return this.ctx.clusterPlans.list(input.connection, input.namespace);
  }
  getClusterPlan(input: ApiInput<'getClusterPlan'>): Out<'getClusterPlan'> {
    return this.ctx.clusterPlans.get(input.connection, input.namespace, input.name);
  }
  clusterPlanAction(input: ApiInput<'clusterPlanAction'>): Out<'clusterPlanAction'> {
    return this.ctx.clusterPlans.action(input);
  }
  async getSettings(_: ApiInput<'getSettings'>): Out<'getSettings'> {
    return this.ctx.settings.get();
  }
  async updateSettings(input: ApiInput<'updateSettings'>): Out<'updateSettings'> {
    const settings = this.ctx.settings.update(input.settings);
    this.ctx.bus.emit({ type: 'SettingsChanged' });
    if (input.settings.headsUpMinutes !== undefined || input.settings.keepAsleepHours !== undefined)
      await this.ctx.lifecycle.reevaluateAll('settings changed');
    return settings;
  }
}
