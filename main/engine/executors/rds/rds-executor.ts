import { z } from 'zod';
import { parameterSchemas, type RdsParameters } from '../../../../shared/model';
import type { LoadedRestorePoint } from '../../restore/restore-store';
import type { Executor } from '../executor';
import { withAwsTarget } from '../aws-common/account-guard';
import { classifyAwsError } from '../../cloud-errors/aws-errors';
import type { AwsApiSource, AwsTarget } from '../aws-common/aws-target';
import { rdsApiSource, type RdsApi } from './rds-api';
import { awaitSettings, preconditionWait } from '../aws-common/await-completion';
import { listNames, plural } from '../aws-common/batching';
import { pollInterval, type AwsExecutorOptions } from '../aws-common/executor-options';
import {
  RDS_DEFAULT_TIMEOUT_MS,
  currentState,
  refsOf,
  snapshotId,
  startDatabase,
  stopDatabase,
  waitForStatus,
} from './rds-actions';
import { TRANSITIONAL, decide, keyOf, selectDatabases, type RdsDecision } from './rds-inventory';
import { keepDatabasesAsleep } from './rds-keep-asleep';
import { forEachResource, parallelismOf, throwIfAnyFailed } from '../each-resource';

export const RdsStateSchema = z.object({
  kind: z.enum(['instance', 'cluster']),
  wasRunning: z.boolean(),
  status: z.string(),
  engine: z.string().optional(),
  snapshotId: z.string().optional(),
});
export type RdsState = z.infer<typeof RdsStateSchema>;

export { RDS_DEFAULT_TIMEOUT_MS };

/**
 * rds (semantics.md section 7): stops the selected instances and Aurora clusters (optionally
 * after a snapshot) and starts exactly those again. Aurora members, read replicas and their
 * sources, and engines AWS cannot stop are skipped and explained. Keep-asleep stops again what
 * AWS restarted after seven days stopped.
 */
export interface RdsExecutorOptions extends AwsExecutorOptions {
  /** Opens the narrow RDS client (a test's fake); default: the SDK's. */
  api?: AwsApiSource<RdsApi>['open'];
}

export function createRdsExecutor(options: RdsExecutorOptions = {}): Executor<RdsParameters> {
  const api = rdsApiSource(options.api);
  const interval = pollInterval(options);
  return {
    type: 'rds',
    connectionKind: 'CloudProvider',
    parameterSchema: parameterSchemas.rds,
    stateSchema: RdsStateSchema,

    discover: (params, ctx) =>
      withAwsTarget(ctx, api, async (target) => {
        const { resources, missing } = await selectDatabases(target, params.selector);
        const actions = resources.map(decide).map((d) => ({
          key: keyOf(d.resource),
          action: d.action,
          description: withSnapshot(d, params),
        }));
        return [
          ...actions,
          ...missing.map((id) => ({
            key: id,
            action: 'skip',
            description: `skip ${id}: not found`,
          })),
        ];
      }),

    shutdown: (params, ctx, report) =>
      withAwsTarget(ctx, api, async (target) => {
        const settings = awaitSettings(params.awaitCompletion, RDS_DEFAULT_TIMEOUT_MS);
        let selection = await selectDatabases(target, params.selector);
        // A database that is starting, modifying or backing up cannot be stopped yet: wait for it.
        const busy = selection.resources
          .map(decide)
          .filter((d) => d.action === 'stop' && TRANSITIONAL.has(d.resource.status));
        if (busy.length > 0) {
          await waitForStatus(
            target,
            busy.map((d) => d.resource),
            ['available', 'stopped'],
            preconditionWait(settings, RDS_DEFAULT_TIMEOUT_MS),
            interval,
          );
          selection = await selectDatabases(target, params.selector);
        }
        const decisions = selection.resources.map(decide);
        const now = ctx.clock.now();
        const snapshots = new Map(
          decisions
            .filter((d) => d.action === 'stop' && params.snapshotBeforeStop === true)
            .map((d) => [keyOf(d.resource), snapshotId(d.resource.id, now)]),
        );
        await report(
          decisions
            .filter((d) => d.capture)
            .map((d) => {
              const snapshot = snapshots.get(keyOf(d.resource));
              const state: RdsState = {
                kind: d.resource.kind,
                wasRunning: d.action === 'stop',
                status: d.resource.status,
                engine: d.resource.engine,
                ...(snapshot ? { snapshotId: snapshot } : {}),
              };
              return { key: keyOf(d.resource), state, isLive: d.action === 'stop' };
            }),
        );
        const toStop = decisions.filter((d) => d.action === 'stop').map((d) => d.resource);
        // No batch call: `parallelism` databases at a time; one refusal never stops the others.
        let stopped = 0;
        const failures = await forEachResource(
          ctx,
          toStop,
          { parallelism: parallelismOf(params), id: (r) => r.id, classify: classifyAwsError },
          async (r) => {
            await stopDatabase(target, r, snapshots.get(keyOf(r)));
            stopped += 1;
            ctx.progress(`stopped ${stopped} of ${plural(toStop.length, 'database')}`);
          },
        );
        throwIfAnyFailed(
          failures,
          toStop.length,
          `stopped ${stopped} of ${plural(toStop.length, 'database')}`,
        );
        if (settings.enabled) await waitForStatus(target, toStop, ['stopped'], settings, interval);
        return { message: shutdownMessage(decisions, selection.missing, snapshots.size) };
      }),

    wakeUp: (params, restore, ctx) =>
      withAwsTarget(ctx, api, async (target) => {
        return { message: await wake(target, params, restore, interval) };
      }),

    keepAsleep: (params, restore, ctx) =>
      withAwsTarget(ctx, api, (target) => keepDatabasesAsleep(target, params, restore, interval)),

    classifyError: (error) => classifyAwsError(error),
  };
}

function withSnapshot(d: RdsDecision, params: RdsParameters): string {
  return d.action === 'stop' && params.snapshotBeforeStop === true
    ? `${d.description}, after a snapshot`
    : d.description;
}

function shutdownMessage(decisions: RdsDecision[], missing: string[], snapshots: number): string {
  const stopped = decisions.filter((d) => d.action === 'stop').length;
  const parts = [
    stopped > 0
      ? `stopped ${plural(stopped, 'database')}${snapshots > 0 ? ` (${plural(snapshots, 'snapshot')} taken first)` : ''}`
      : 'no available database to stop',
  ];
  const already = decisions.filter((d) => d.action === 'skip' && d.capture).length;
  if (already > 0) parts.push(`${already} already stopped`);
  const skipped = decisions.filter((d) => d.action === 'skip' && !d.capture);
  if (skipped.length > 0)
    parts.push(
      `skipped ${skipped.length}: ${listNames(
        skipped.map((d) => d.description.replace(/^skip /, '')),
        3,
      )}`,
    );
  if (missing.length > 0) parts.push(`not found: ${listNames(missing)}`);
  return parts.join('; ');
}

async function wake(
  target: AwsTarget<RdsApi>,
  params: RdsParameters,
  restore: LoadedRestorePoint,
  interval: number,
): Promise<string> {
  const wanted = refsOf(
    restore.resources
      .filter((r) => RdsStateSchema.safeParse(r.state).data?.wasRunning === true)
      .map((r) => r.key),
  );
  if (wanted.length === 0) return 'nothing to start: no database was running at shutdown';
  const settings = awaitSettings(params.awaitCompletion, RDS_DEFAULT_TIMEOUT_MS);
  let now = await currentState(target, wanted);
  const gone = wanted.filter((r) => !now.has(keyOf(r)));
  const present = wanted.filter((r) => now.has(keyOf(r)));
  const stopping = present.filter((r) => now.get(keyOf(r))?.status === 'stopping');
  if (stopping.length > 0) {
    await waitForStatus(
      target,
      stopping,
      ['stopped'],
      preconditionWait(settings, RDS_DEFAULT_TIMEOUT_MS),
      interval,
    );
    now = await currentState(target, present);
  }
  const toStart = present.filter((r) => now.get(keyOf(r))?.status === 'stopped');
  let started = 0;
  const failures = await forEachResource(
    target.ctx,
    toStart,
    { parallelism: parallelismOf(params), id: (r) => r.id, classify: classifyAwsError },
    async (r) => {
      await startDatabase(target, r);
      started += 1;
      target.ctx.progress(`started ${started} of ${plural(toStart.length, 'database')}`);
    },
  );
  throwIfAnyFailed(
    failures,
    toStart.length,
    `started ${started} of ${plural(toStart.length, 'database')}`,
  );
  if (settings.enabled) await waitForStatus(target, toStart, ['available'], settings, interval);
  const parts = [
    toStart.length > 0
      ? `started ${plural(toStart.length, 'database')}`
      : 'no database needed starting',
  ];
  const already = present.length - toStart.length;
  if (already > 0) parts.push(`${already} already running`);
  if (gone.length > 0)
    parts.push(`skipped ${gone.length} that no longer exist: ${listNames(gone.map((r) => r.id))}`);
  return parts.join('; ');
}
