import { afterEach, describe, expect, it } from 'vitest';
import type { HibernatorEvent } from '../../../../shared/api/events';
import { SANDBOX_ACCOUNT_ID, SANDBOX_KEYS } from '../../../../test/cloud/aws';
import type { FaultError } from '../../../../test/cloud/aws';
import {
  awsPlan,
  ledger,
  nodegroupSizes,
  runAction,
  startAwsTestEnv,
  type AwsTestEnv,
  type AwsTestEnvOptions,
} from '../../../../test/aws/aws-test-env';

/**
 * Issue 13 item 7: EKS (REST-JSON, its own error spellings: `ThrottlingException` 429,
 * `ServerException` 500, `ServiceUnavailableException` 503, `AccessDeniedException`,
 * `InvalidParameterException`) gets the same transient/permanent split as the query services.
 * Transient faults are retried by the executors' own AWS retry (aws-common callWithRetry; the SDK
 * itself is set to one attempt), permanent ones fail the target at once with a message that says
 * what to fix, and the engine schedules no retry for them.
 */
let t: AwsTestEnv | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

/** Waits for the node group updates, so the sizes are final when the run is. */
const nodes = [
  {
    name: 'nodes',
    type: 'eks' as const,
    parameters: { clusterName: 'dev-cluster', awaitCompletion: { enabled: true, timeout: '30s' } },
  },
];

async function start(options: AwsTestEnvOptions = {}): Promise<AwsTestEnv> {
  const env = await startAwsTestEnv(options);
  t = env;
  await env.connect();
  return env;
}

function failFirst(env: AwsTestEnv, action: string, count: number, error: FaultError): void {
  env.emu.fault({ action, failNth: { nth: 1, count, error } });
}

describe('EKS failures through the engine', () => {
  it.each([
    ['throttling (ThrottlingException 429)', { kind: 'throttle' }],
    ['a server error (ServerException 500)', { kind: 'server' }],
    ['unavailability (ServiceUnavailableException 503)', { kind: 'unavailable' }],
  ] as Array<[string, FaultError]>)(
    'retries %s on every EKS call of a hibernate and succeeds',
    async (_what, error) => {
      const env = await start();
      for (const action of [
        'eks:ListNodegroups',
        'eks:DescribeNodegroup',
        'eks:UpdateNodegroupConfig',
      ])
        failFirst(env, action, 2, error);
      await env.call('applyPlan', { plan: awsPlan('k8s', nodes) });
      const asleep = await runAction(env, 'hibernateNow', 'k8s');
      expect(asleep.phase).toBe('Hibernated');
      expect(nodegroupSizes(env, 'dev-cluster', 'general')).toEqual({
        min: 0,
        max: 3,
        desired: 0,
      });
      // Two refused attempts, then the one that went through.
      expect(env.emu.callCount('eks:UpdateNodegroupConfig')).toBe(3);
      for (const rule of env.emu.faults()) expect(rule.injected).toBe(2);
    },
  );

  it('retries an EKS call that times out (no answer within the request timeout) and succeeds', async () => {
    const env = await start({ requestTimeoutMs: 300 });
    failFirst(env, 'eks:UpdateNodegroupConfig', 1, { kind: 'timeout' });
    await env.call('applyPlan', { plan: awsPlan('k8s', nodes) });
    const asleep = await runAction(env, 'hibernateNow', 'k8s');
    expect(asleep.phase).toBe('Hibernated');
    expect(env.emu.callCount('eks:UpdateNodegroupConfig')).toBe(2);
    expect(nodegroupSizes(env, 'dev-cluster', 'general')?.desired).toBe(0);
  });

  it('a throttling storm past the AWS retries fails the run as transient, and the engine retries the plan by itself', async () => {
    const env = await start({ retry: { maxAttempts: 2 } });
    const events: HibernatorEvent[] = [];
    env.engine.subscribe((e) => events.push(e));
    failFirst(env, 'eks:UpdateNodegroupConfig', 2, { kind: 'throttle' });
    await env.call('applyPlan', { plan: awsPlan('k8s', nodes, { retries: 2 }) });
    const asleep = await runAction(env, 'hibernateNow', 'k8s');
    const failure = events.find(
      (e): e is Extract<HibernatorEvent, { type: 'PhaseChanged' }> =>
        e.type === 'PhaseChanged' && e.to === 'Error',
    );
    expect(failure?.reason).toContain(
      'AWS throttled eks:UpdateNodegroupConfig (ThrottlingException',
    );
    const retried = events.find(
      (e): e is Extract<HibernatorEvent, { type: 'PhaseChanged' }> =>
        e.type === 'PhaseChanged' && e.from === 'Error',
    );
    expect(retried?.reason).toMatch(/^automatic retry/);
    expect(asleep.phase).toBe('Hibernated');
    expect(ledger(asleep, 'nodes')).toMatchObject({ state: 'Completed', attempts: 2 });
    expect(env.emu.callCount('eks:UpdateNodegroupConfig')).toBe(3);
  });

  it('AccessDeniedException fails at once, is not retried, and names the action, the profile and the fix', async () => {
    const env = await start();
    env.emu.deny(SANDBOX_KEYS.admin.accessKeyId, ['eks:UpdateNodegroupConfig']);
    await env.call('applyPlan', { plan: awsPlan('k8s', nodes, { retries: 3 }) });
    const failed = await runAction(env, 'hibernateNow', 'k8s');
    expect(failed.phase).toBe('Error');
    expect(ledger(failed, 'nodes')).toMatchObject({ errorCode: 'ACCESS_DENIED', transient: false });
    expect(ledger(failed, 'nodes').message).toBe(
      `AccessDenied: eks:UpdateNodegroupConfig is not allowed for profile 'dev' (arn:aws:iam::${SANDBOX_ACCOUNT_ID}:user/hibernator-admin): grant it or remove the target`,
    );
    expect(env.emu.callCount('eks:UpdateNodegroupConfig')).toBe(1);
    expect(failed.retriesLeft).toBe(0);
    expect(failed.nextRetryAt).toBeNull();
    expect(nodegroupSizes(env, 'dev-cluster', 'general')?.desired).toBe(1);
  });

  it('a validation error (InvalidParameterException 400) is permanent and quotes what AWS refused', async () => {
    const env = await start();
    failFirst(env, 'eks:UpdateNodegroupConfig', 10, {
      kind: 'custom',
      code: 'InvalidParameterException',
      status: 400,
      message: 'Minimum capacity 0 cannot be less than the managed minimum',
    });
    await env.call('applyPlan', { plan: awsPlan('k8s', nodes, { retries: 3 }) });
    const failed = await runAction(env, 'hibernateNow', 'k8s');
    expect(ledger(failed, 'nodes')).toMatchObject({
      errorCode: 'INVALID_REQUEST',
      transient: false,
    });
    expect(ledger(failed, 'nodes').message).toBe(
      'eks:UpdateNodegroupConfig was refused as invalid: InvalidParameterException: Minimum capacity 0 cannot be less than the managed minimum',
    );
    expect(env.emu.callCount('eks:UpdateNodegroupConfig')).toBe(1);
    expect(failed.nextRetryAt).toBeNull();
  });
});
