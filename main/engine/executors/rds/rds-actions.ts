import type { AwsTarget } from '../aws-common/aws-target';
import type { RdsApi } from './rds-api';
import { waitUntil, type AwaitSettings, type Pending } from '../aws-common/await-completion';
import { describeByIds, keyOf, parseKey, type RdsResource } from './rds-inventory';

/** Stopping or starting a database takes minutes; Aurora more. */
export const RDS_DEFAULT_TIMEOUT_MS = 20 * 60_000;

export type RdsRef = { kind: 'instance' | 'cluster'; id: string };

/** Current state of the referenced databases, keyed by `instance:id` / `cluster:id`; absent = gone. */
export async function currentState(
  target: AwsTarget<RdsApi>,
  refs: readonly RdsRef[],
): Promise<Map<string, RdsResource>> {
  const out = new Map<string, RdsResource>();
  for (const kind of ['instance', 'cluster'] as const) {
    const ids = refs.filter((r) => r.kind === kind).map((r) => r.id);
    if (ids.length === 0) continue;
    for (const r of (await describeByIds(target, kind, ids)).values()) out.set(keyOf(r), r);
  }
  return out;
}

export function refsOf(keys: readonly string[]): RdsRef[] {
  return keys.flatMap((k) => {
    const ref = parseKey(k);
    return ref === undefined ? [] : [ref];
  });
}

/** Waits until each database is in one of `desired` (gone ones count as done). */
export async function waitForStatus(
  target: AwsTarget<RdsApi>,
  refs: readonly RdsRef[],
  desired: readonly string[],
  settings: AwaitSettings,
  intervalMs: number,
): Promise<void> {
  if (refs.length === 0) return;
  await waitUntil({
    ctx: target.ctx,
    timeoutMs: settings.timeoutMs,
    intervalMs,
    desired: desired.join(' or '),
    noun: 'database',
    check: async (): Promise<Pending[]> => {
      const now = await currentState(target, refs);
      return [...now.values()]
        .filter((r) => !desired.includes(r.status))
        .map((r) => ({ id: r.id, state: r.status }));
    },
  });
}

/** A snapshot name AWS accepts (letters, digits, single hyphens, starts with a letter) and that never repeats. */
export function snapshotId(id: string, at: Date, random: () => number = Math.random): string {
  const stamp = at.toISOString().replace(/[-:T]/g, '').slice(0, 14);
  const suffix = Math.floor(random() * 0xffff)
    .toString(16)
    .padStart(4, '0');
  const base = `hibernator-${id}`
    .toLowerCase()
    .replace(/[^a-z0-9-]/g, '-')
    .replace(/-+/g, '-');
  return `${base.slice(0, 200)}-${stamp}-${suffix}`.replace(/-+/g, '-');
}

export async function stopDatabase(
  target: AwsTarget<RdsApi>,
  ref: RdsRef,
  snapshot: string | undefined,
): Promise<void> {
  if (ref.kind === 'instance') {
    // StopDBInstance takes the snapshot itself before stopping: one call, no window in between.
    await target.api.stopDBInstance({
      DBInstanceIdentifier: ref.id,
      ...(snapshot ? { DBSnapshotIdentifier: snapshot } : {}),
    });
    return;
  }
  if (snapshot) {
    await target.api.createDBClusterSnapshot({
      DBClusterIdentifier: ref.id,
      DBClusterSnapshotIdentifier: snapshot,
    });
  }
  await target.api.stopDBCluster({ DBClusterIdentifier: ref.id });
}

export async function startDatabase(target: AwsTarget<RdsApi>, ref: RdsRef): Promise<void> {
  if (ref.kind === 'instance') {
    await target.api.startDBInstance({ DBInstanceIdentifier: ref.id });
  } else {
    await target.api.startDBCluster({ DBClusterIdentifier: ref.id });
  }
}
