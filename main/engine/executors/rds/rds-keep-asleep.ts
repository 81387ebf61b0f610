import type { RdsParameters } from '../../../../shared/model';
import { classifyAwsError } from '../../cloud-errors/aws-errors';
import type { LoadedRestorePoint } from '../../restore/restore-store';
import type { AwsTarget } from '../aws-common/aws-target';
import { awaitSettings, preconditionWait } from '../aws-common/await-completion';
import { listNames, plural } from '../aws-common/batching';
import { forEachResource, parallelismOf } from '../each-resource';
import type { KeepAsleepResult } from '../executor';
import {
  RDS_DEFAULT_TIMEOUT_MS,
  currentState,
  refsOf,
  stopDatabase,
  waitForStatus,
} from './rds-actions';
import type { RdsApi } from './rds-api';
import { cannotStop, type RdsResource } from './rds-inventory';

/**
 * RDS keep-asleep: AWS starts a database that has been stopped for seven days. Every database of
 * the restore point that is available again is stopped again, `parallelism` at a time; one that
 * AWS cannot stop (it became a read-replica source, an InvalidDBInstanceState, …) is reported
 * with its reason and never stops the others.
 */
export async function keepDatabasesAsleep(
  target: AwsTarget<RdsApi>,
  params: RdsParameters,
  restore: LoadedRestorePoint,
  intervalMs: number,
): Promise<KeepAsleepResult> {
  const settings = awaitSettings(params.awaitCompletion, RDS_DEFAULT_TIMEOUT_MS);
  const refs = refsOf(restore.resources.map((r) => r.key));
  let now = await currentState(target, refs);
  const starting = [...now.values()].filter((r) => r.status === 'starting');
  if (starting.length > 0) {
    await waitForStatus(
      target,
      starting,
      ['available'],
      preconditionWait(settings, RDS_DEFAULT_TIMEOUT_MS),
      intervalMs,
    );
    now = await currentState(target, refs);
  }
  const awake = [...now.values()].filter((r) => r.status === 'available');
  const refused: KeepAsleepResult['refused'] = [];
  const stoppable: RdsResource[] = [];
  for (const r of awake) {
    const reason = cannotStop(r);
    if (reason === undefined) stoppable.push(r);
    else refused.push({ id: r.id, reason });
  }
  const failures = await forEachResource(
    target.ctx,
    stoppable,
    { parallelism: parallelismOf(params), id: (r) => r.id, classify: classifyAwsError },
    (r) => stopDatabase(target, r, undefined),
  );
  const failed = new Set(failures.map((f) => f.id));
  refused.push(...failures.map((f) => ({ id: f.id, reason: f.error.message })));
  refused.sort((a, b) => a.id.localeCompare(b.id));
  const stoppedAgain = stoppable
    .map((r) => r.id)
    .filter((id) => !failed.has(id))
    .sort();
  return {
    noun: 'database',
    stoppedAgain,
    refused,
    message: keepAsleepMessage(stoppedAgain, refused),
  };
}

function keepAsleepMessage(
  stoppedAgain: readonly string[],
  refused: KeepAsleepResult['refused'],
): string | null {
  const parts: string[] = [];
  if (stoppedAgain.length > 0)
    parts.push(
      `stopped again ${plural(stoppedAgain.length, 'database')} that AWS had started while the plan sleeps (it restarts a stopped database after 7 days): ${listNames(stoppedAgain)}`,
    );
  if (refused.length > 0)
    parts.push(
      `could not keep ${plural(refused.length, 'database')} asleep: ${listNames(
        refused.map((r) => `${r.id} (${r.reason})`),
        3,
      )}`,
    );
  return parts.length > 0 ? parts.join('; ') : null;
}
