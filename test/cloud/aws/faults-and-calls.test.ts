import { DescribeInstancesCommand, StopInstancesCommand } from '@aws-sdk/client-ec2';
import { DescribeClusterCommand } from '@aws-sdk/client-eks';
import { DescribeDBInstancesCommand } from '@aws-sdk/client-rds';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startAwsEmulator, type AwsEmulator } from './emulator';
import { sandboxSeed, SANDBOX_INSTANCE_IDS as IDS, SANDBOX_KEYS } from './sandbox-seed';
import { sdkClients, sdkError, type SdkClients } from './sdk-test-clients';

let emu: AwsEmulator;
let aws: SdkClients;

beforeAll(async () => {
  emu = await startAwsEmulator({ seed: sandboxSeed(), clockScale: 0 });
  aws = sdkClients(emu.url, SANDBOX_KEYS.admin);
});
afterAll(async () => emu.close());
beforeEach(() => emu.reset());

/** Outcome of each of `n` DescribeInstances calls: 'ok' or the error name. */
async function outcomes(clients: SdkClients, n: number): Promise<string[]> {
  const results: string[] = [];
  for (let i = 0; i < n; i += 1) {
    try {
      await clients.ec2.send(new DescribeInstancesCommand({}));
      results.push('ok');
    } catch (error) {
      results.push(error instanceof Error ? error.name : 'unknown');
    }
  }
  return results;
}

describe('call counts', () => {
  it('counts calls per action and per service, including failed ones, and resets', async () => {
    await aws.ec2.send(new DescribeInstancesCommand({}));
    await aws.ec2.send(new StopInstancesCommand({ InstanceIds: [IDS.web1] }));
    await sdkError(
      aws.ec2.send(new StopInstancesCommand({ InstanceIds: ['i-0ffffffffffffffff'] })),
    );
    await aws.sts.send(new GetCallerIdentityCommand({}));
    const calls = emu.calls();
    expect(calls.total).toBe(4);
    expect(calls.byService).toEqual({ ec2: 3, sts: 1 });
    expect(calls.byAction).toEqual({
      'ec2:DescribeInstances': 1,
      'ec2:StopInstances': 2,
      'sts:GetCallerIdentity': 1,
    });
    expect(calls.recent.map((c) => [c.action, c.status, c.errorCode])).toEqual([
      ['DescribeInstances', 200, undefined],
      ['StopInstances', 200, undefined],
      ['StopInstances', 400, 'InvalidInstanceID.NotFound'],
      ['GetCallerIdentity', 200, undefined],
    ]);
    expect(calls.recent[0]).toMatchObject({
      principal: SANDBOX_KEYS.admin.accessKeyId,
      region: 'us-east-1',
    });
    emu.resetCalls();
    expect(emu.callCount()).toBe(0);
  });
});

describe('fault injection', () => {
  it('fails exactly the Nth call of an action with the given error', async () => {
    emu.fault({
      action: 'ec2:StopInstances',
      failNth: {
        nth: 2,
        error: { kind: 'custom', code: 'InsufficientInstanceCapacity', status: 500 },
      },
    });
    await aws.ec2.send(new StopInstancesCommand({ InstanceIds: [IDS.web1] }));
    const second = await sdkError(
      aws.ec2.send(new StopInstancesCommand({ InstanceIds: [IDS.web2] })),
    );
    expect(second).toMatchObject({
      name: 'InsufficientInstanceCapacity',
      status: 500,
      fault: 'server',
    });
    await aws.ec2.send(new StopInstancesCommand({ InstanceIds: [IDS.web2] }));
    expect(emu.faults()[0]).toMatchObject({ matched: 3, injected: 1 });
  });

  it('answers a signature mismatch by quoting the request, credentials and all, on every protocol', async () => {
    const token = 'FwoGZXIvYXdzEBkaDEmulatorSessionToken0123456789abcdefABCDEF';
    const withToken = sdkClients(emu.url, { ...SANDBOX_KEYS.admin, sessionToken: token });
    emu.fault({
      action: '*',
      failNth: { nth: 1, count: 3, error: { kind: 'signature-mismatch' } },
    });
    const ec2 = await sdkError(withToken.ec2.send(new DescribeInstancesCommand({})));
    expect(ec2).toMatchObject({ name: 'SignatureDoesNotMatch', status: 403 });
    expect(ec2.message).toContain('The Canonical String for this request should have been');
    expect(ec2.message).toContain(`x-amz-security-token:${token}`);
    expect(ec2.message).toContain(`Credential=${SANDBOX_KEYS.admin.accessKeyId}/`);
    const sts = await sdkError(withToken.sts.send(new GetCallerIdentityCommand({})));
    expect(sts).toMatchObject({ name: 'SignatureDoesNotMatch', status: 403 });
    expect(sts.message).toContain(SANDBOX_KEYS.admin.accessKeyId);
    const eks = await sdkError(
      withToken.eks.send(new DescribeClusterCommand({ name: 'dev-cluster' })),
    );
    expect(eks).toMatchObject({ name: 'InvalidSignatureException', status: 403 });
    expect(eks.message).toContain(token);
  });

  it('throttles each service with its own error code and status', async () => {
    emu.fault({ action: '*', throttleRate: 1 });
    expect(await sdkError(aws.ec2.send(new DescribeInstancesCommand({})))).toMatchObject({
      name: 'RequestLimitExceeded',
      status: 503,
    });
    expect(await sdkError(aws.rds.send(new DescribeDBInstancesCommand({})))).toMatchObject({
      name: 'Throttling',
      status: 400,
    });
    expect(
      await sdkError(aws.eks.send(new DescribeClusterCommand({ name: 'dev-cluster' }))),
    ).toMatchObject({ name: 'ThrottlingException', status: 429 });
  });

  it('injects 500 and 503 server errors', async () => {
    emu.fault({ action: 'rds:*', serverErrorRate: 1 });
    expect(await sdkError(aws.rds.send(new DescribeDBInstancesCommand({})))).toMatchObject({
      name: 'InternalFailure',
      status: 500,
    });
    emu.clearFaults();
    emu.fault({ action: 'ec2:DescribeInstances', unavailableRate: 1 });
    expect(await sdkError(aws.ec2.send(new DescribeInstancesCommand({})))).toMatchObject({
      name: 'Unavailable',
      status: 503,
    });
    expect(await sdkError(aws.eks.send(new DescribeClusterCommand({ name: 'x' })))).toMatchObject({
      name: 'ResourceNotFoundException',
    });
  });

  it('answers describe calls with everything under ignoreFilters, and still stops only the ids given', async () => {
    const all = await aws.rds.send(new DescribeDBInstancesCommand({}));
    emu.fault({ action: '*', ignoreFilters: true });
    const byId = await aws.rds.send(
      new DescribeDBInstancesCommand({
        Filters: [{ Name: 'db-instance-id', Values: ['orders-db'] }],
      }),
    );
    expect(byId.DBInstances?.length).toBe(all.DBInstances?.length);
    const named = await aws.rds.send(
      new DescribeDBInstancesCommand({ DBInstanceIdentifier: 'orders-db' }),
    );
    expect(named.DBInstances?.length).toBe(all.DBInstances?.length);
    const ec2 = await aws.ec2.send(
      new DescribeInstancesCommand({ Filters: [{ Name: 'instance-id', Values: [IDS.web1] }] }),
    );
    expect(ec2.Reservations?.length).toBeGreaterThan(1);
    const stop = await aws.ec2.send(new StopInstancesCommand({ InstanceIds: [IDS.web1] }));
    expect(stop.StoppingInstances?.map((i) => i.InstanceId)).toEqual([IDS.web1]);
  });

  it('leaves the state untouched when a call is failed by a fault', async () => {
    emu.fault({ action: 'ec2:StopInstances', serverErrorRate: 1 });
    await sdkError(aws.ec2.send(new StopInstancesCommand({ InstanceIds: [IDS.web1] })));
    expect(emu.region()?.ec2.instances.find((i) => i.instanceId === IDS.web1)?.state).toBe(
      'running',
    );
  });

  it('repeats the same random faults for the same RNG seed', async () => {
    const runs: string[][] = [];
    for (let run = 0; run < 2; run += 1) {
      const other = await startAwsEmulator({ seed: sandboxSeed(), clockScale: 0, rngSeed: 7 });
      other.fault({ action: 'ec2:*', throttleRate: 0.5 });
      runs.push(await outcomes(sdkClients(other.url, SANDBOX_KEYS.admin), 12));
      await other.close();
    }
    expect(runs[0]).toEqual(runs[1]);
    expect(runs[0]).toContain('ok');
    expect(runs[0]).toContain('RequestLimitExceeded');
  });

  it('removes a single rule by id', async () => {
    const rule = emu.fault({ action: 'ec2:*', throttleRate: 1 });
    expect(emu.removeFault(rule.id)).toBe(true);
    expect(await outcomes(aws, 1)).toEqual(['ok']);
  });
});
