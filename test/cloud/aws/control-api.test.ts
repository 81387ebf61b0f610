import { DescribeInstancesCommand, StopInstancesCommand } from '@aws-sdk/client-ec2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAwsEmulator, type AwsEmulator } from './emulator';
import { sdkClients, sdkError, type SdkClients } from './sdk-test-clients';
import type { AwsStateDump } from './state-dump';

let emu: AwsEmulator;
let aws: SdkClients;

beforeAll(async () => {
  emu = await startAwsEmulator({ clockScale: 0, transitionMs: 1000 });
  aws = sdkClients(emu.url);
});
afterAll(async () => emu.close());

async function control(
  method: string,
  path: string,
  body?: string,
): Promise<{ status: number; json: unknown }> {
  const response = await fetch(`${emu.url}/_emulator/${path}`, {
    method,
    ...(body === undefined ? {} : { body }),
  });
  return { status: response.status, json: (await response.json()) as unknown };
}

const SEED_YAML = `
ec2:
  instances:
    - instanceId: i-0aaaaaaaaaaaaaaa1
      tags: { Name: from-yaml }
`;

describe('the HTTP control API under /_emulator/', () => {
  it('seeds from YAML and dumps the state', async () => {
    expect((await control('POST', 'seed', SEED_YAML)).status).toBe(200);
    const { json } = await control('GET', 'state');
    const dump = json as AwsStateDump;
    expect(dump.regions[0]?.ec2.instances.map((i) => [i.instanceId, i.state, i.tags.Name])).toEqual(
      [['i-0aaaaaaaaaaaaaaa1', 'running', 'from-yaml']],
    );
  });

  it('reports a seed error with the path of the bad field', async () => {
    const { status, json } = await control(
      'POST',
      'seed',
      JSON.stringify({ ec2: { instances: [{ instanceId: 'web-1' }] } }),
    );
    expect(status).toBe(400);
    expect(JSON.stringify(json)).toContain('ec2.instances.0.instanceId');
  });

  it('advances the clock so transitions complete', async () => {
    await control('POST', 'seed', SEED_YAML);
    await aws.ec2.send(new StopInstancesCommand({ InstanceIds: ['i-0aaaaaaaaaaaaaaa1'] }));
    const before = (await control('GET', 'clock')).json as { nowMs: number };
    const after = (await control('POST', 'clock/advance', JSON.stringify({ ms: 1000 }))).json as {
      nowMs: number;
    };
    expect(after.nowMs - before.nowMs).toBe(1000);
    const out = await aws.ec2.send(new DescribeInstancesCommand({}));
    expect(out.Reservations?.[0]?.Instances?.[0]?.State?.Name).toBe('stopped');
  });

  it('adds, lists and clears fault rules, and counts calls', async () => {
    await control('POST', 'seed', SEED_YAML);
    await control('DELETE', 'calls');
    const added = await control(
      'POST',
      'faults',
      JSON.stringify({ action: 'ec2:DescribeInstances', throttleRate: 1 }),
    );
    expect(added.json).toMatchObject({
      id: expect.stringMatching(/^fault-/),
      action: 'ec2:DescribeInstances',
    });
    expect((await sdkError(aws.ec2.send(new DescribeInstancesCommand({})))).name).toBe(
      'RequestLimitExceeded',
    );
    expect(((await control('GET', 'faults')).json as unknown[]).length).toBe(1);
    await control('DELETE', 'faults');
    await aws.ec2.send(new DescribeInstancesCommand({}));
    expect((await control('GET', 'calls')).json).toMatchObject({
      total: 2,
      byAction: { 'ec2:DescribeInstances': 2 },
    });
  });

  it('rejects a malformed fault rule', async () => {
    expect(
      (await control('POST', 'faults', JSON.stringify({ action: 'ec2:*', throttleRate: 2 })))
        .status,
    ).toBe(400);
  });

  it('denies actions to a principal and clears the denies', async () => {
    await control(
      'POST',
      'permissions/deny',
      JSON.stringify({ principal: 'AKIATESTKEY000000001', actions: ['ec2:Describe*'] }),
    );
    expect((await sdkError(aws.ec2.send(new DescribeInstancesCommand({})))).name).toBe(
      'UnauthorizedOperation',
    );
    await control('DELETE', 'permissions');
    await aws.ec2.send(new DescribeInstancesCommand({}));
  });

  it('resets to the last seed', async () => {
    await control('POST', 'seed', SEED_YAML);
    await aws.ec2.send(new StopInstancesCommand({ InstanceIds: ['i-0aaaaaaaaaaaaaaa1'] }));
    await control('POST', 'reset');
    const dump = (await control('GET', 'state')).json as AwsStateDump;
    expect(dump.regions[0]?.ec2.instances[0]?.state).toBe('running');
    expect(((await control('GET', 'calls')).json as { total: number }).total).toBe(0);
  });

  it('answers 404 for an unknown control route', async () => {
    expect((await control('GET', 'nope')).status).toBe(404);
  });
});
