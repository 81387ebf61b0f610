import { CloudProviderSchema } from '../../../../shared/model';
import type { AwsClients } from '../../connections/aws/aws-clients';
import type { ClientProvider } from '../../connections/client-provider';
import { createMemoryLogger } from '../../logging/logger';
import type { LoadedRestorePoint, ResourceCapture } from '../../restore/restore-store';
import type { ExecutorContext, ReportCaptures } from '../executor';

/**
 * For an AWS executor's unit test that replaces its narrow client with a fake: an executor
 * context on a CloudProvider (pinned to `accountId` when given) whose credentials reach
 * `reaches`, and a `report` that records the captures in `events` in the order they happen, so a
 * test can see that captures are reported before anything is changed.
 */
export interface FakeAwsContext {
  ctx: ExecutorContext;
  report: ReportCaptures;
  /** "report key,key" and whatever the fake client pushes ("stopInstances i-1"), in order. */
  events: string[];
  captured: ResourceCapture[];
  /** The restore point the reported captures make. */
  restorePoint(): LoadedRestorePoint;
}

export function fakeAwsContext(
  options: { accountId?: string; reaches?: string; events?: string[] } = {},
): FakeAwsContext {
  const events = options.events ?? [];
  const captured: ResourceCapture[] = [];
  const account = options.reaches ?? '123456789012';
  const clients: Pick<
    AwsClients,
    'profile' | 'region' | 'retry' | 'callerIdentity' | 'knownIdentity'
  > = {
    profile: 'dev',
    region: 'us-east-1',
    retry: { maxAttempts: 1, baseDelayMs: 0, maxDelayMs: 0 },
    callerIdentity: async () => {
      events.push('sts:GetCallerIdentity');
      return { account, arn: `arn:aws:iam::${account}:user/dev`, userId: 'AIDA' };
    },
    knownIdentity: () => undefined,
  };
  const provider: ClientProvider = {
    // The executor's `api` option replaces every SDK client: the fake set needs no more.
    get: async <T>() => clients as unknown as T,
  };
  const connection = CloudProviderSchema.parse({
    apiVersion: 'hibernator.ardikabs.com/v1alpha1',
    kind: 'CloudProvider',
    metadata: { name: 'sandbox' },
    spec: {
      type: 'aws',
      aws: {
        region: 'us-east-1',
        profile: 'dev',
        ...(options.accountId ? { accountId: options.accountId } : {}),
      },
    },
  });
  let ms = 0;
  const ctx: ExecutorContext = {
    plan: 'plan',
    target: 'target',
    connection,
    clients: provider,
    clock: {
      now: () => new Date('2026-03-02T20:00:00Z'),
      monotonicMs: () => ms,
      setTimer: () => ({ cancel: () => undefined }),
    },
    logger: createMemoryLogger(),
    signal: new AbortController().signal,
    progress: () => undefined,
    sleep: async (delay) => {
      ms += delay;
    },
  };
  return {
    ctx,
    events,
    captured,
    report: async (resources) => {
      events.push(`report ${resources.map((r) => r.key).join(',')}`);
      captured.push(...resources);
    },
    restorePoint: () => ({
      plan: 'plan',
      target: 'target',
      executor: 'aws',
      cycleId: 'cycle-1',
      isLive: captured.some((r) => r.isLive),
      capturedAt: '2026-03-02T20:00:00Z',
      restoredAt: null,
      resources: captured.map((r) => ({ ...r, capturedAt: '2026-03-02T20:00:00Z' })),
    }),
  };
}
