import { execFile, spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { startAwsEmulator, type AwsEmulator } from './emulator';
import { sandboxSeed, SANDBOX_INSTANCE_IDS as IDS, SANDBOX_ROLES } from './sandbox-seed';

/**
 * The real AWS CLI (botocore, a second independent client) against the emulator, for every action
 * the executors use. CI installs it with `apt-get install -y awscli`; without a working `aws` the
 * suite is skipped and says why. The tests run concurrently, each against its own emulator, to
 * keep the file fast (each CLI start costs about a second of CPU).
 */
function findAwsCli(): { path?: string; reason: string } {
  const tried: string[] = [];
  for (const candidate of ['/usr/bin/aws', 'aws']) {
    const probe = spawnSync(candidate, ['--version'], { encoding: 'utf8', timeout: 20_000 });
    if (probe.status === 0)
      return { path: candidate, reason: (probe.stdout || probe.stderr).trim() };
    tried.push(
      `${candidate}: ${probe.error?.message ?? (probe.stderr.trim() || `exit ${String(probe.status)}`)}`,
    );
  }
  return {
    reason: `no working aws CLI (${tried.join('; ')}); install it with: apt-get install -y awscli`,
  };
}

const cli = findAwsCli();
if (cli.path === undefined) console.warn(`[aws-cli.test] skipped: ${cli.reason}`);

const TRANSITION = 1000;
/** Each CLI start costs about a second of CPU; a busy CI machine needs headroom. */
const CLI_TEST_TIMEOUT = 120_000;
/** The tests run concurrently, so each gets its own emulator (and clock). */
const emulators: AwsEmulator[] = [];
async function freshEmulator(): Promise<AwsEmulator> {
  const emu = await startAwsEmulator({
    seed: sandboxSeed(),
    clockScale: 0,
    transitionMs: TRANSITION,
  });
  emulators.push(emu);
  return emu;
}
afterAll(async () => {
  await Promise.all(emulators.map((e) => e.close()));
});

interface CliResult {
  code: number;
  json: Record<string, unknown>;
  stderr: string;
}

/** Runs `aws <args>` against `emu` as `accessKeyId`. */
function aws(
  emu: AwsEmulator,
  accessKeyId: string,
  args: string[],
  extraEnv: Record<string, string> = {},
): Promise<CliResult> {
  const env = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? '/tmp',
    AWS_ACCESS_KEY_ID: accessKeyId,
    AWS_SECRET_ACCESS_KEY: 'cli-secret',
    AWS_REGION: 'us-east-1',
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_CONFIG_FILE: '/nonexistent/aws-config',
    AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/aws-credentials',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_MAX_ATTEMPTS: '1',
    AWS_PAGER: '',
    ...extraEnv,
  };
  // `--no-cli-pager` exists only in v2 (v1 never pages); a v1 CLI (pip's) would refuse the option.
  const pager = /^aws-cli\/1\./.test(cli.reason) ? [] : ['--no-cli-pager'];
  const fullArgs = ['--endpoint-url', emu.url, ...pager, '--output', 'json', ...args];
  return new Promise((resolve) => {
    execFile(cli.path ?? 'aws', fullArgs, { env, timeout: 30_000 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 1;
      const text = stdout.trim();
      resolve({
        code,
        stderr,
        json: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>),
      });
    });
  });
}

async function ok(
  emu: AwsEmulator,
  accessKeyId: string,
  args: string[],
  extraEnv?: Record<string, string>,
): Promise<Record<string, unknown>> {
  const result = await aws(emu, accessKeyId, args, extraEnv);
  if (result.code !== 0)
    throw new Error(`aws ${args.join(' ')} failed (${result.code}): ${result.stderr}`);
  return result.json;
}

async function failsWith(
  emu: AwsEmulator,
  accessKeyId: string,
  args: string[],
  code: string,
): Promise<void> {
  const result = await aws(emu, accessKeyId, args);
  expect(result.code).not.toBe(0);
  expect(result.stderr).toContain(`(${code})`);
}

const at = (value: unknown, ...path: Array<string | number>): unknown =>
  path.reduce<unknown>(
    (v, key) =>
      v !== null && typeof v === 'object'
        ? (v as Record<string | number, unknown>)[key]
        : undefined,
    value,
  );

// Skipped only where no AWS CLI is installed (`.ci/run` installs it); the title carries the reason.
describe.skipIf(cli.path === undefined).concurrent(`the real AWS CLI (${cli.reason})`, () => {
  it(
    'drives EC2: paginated describe with filters, stop, start, errors',
    { timeout: CLI_TEST_TIMEOUT },
    async () => {
      const key = 'AKIACLIEC20000000001';
      const emu = await freshEmulator();
      const all = await ok(emu, key, ['ec2', 'describe-instances', '--page-size', '5']);
      expect((all.Reservations as unknown[]).length).toBe(12);
      expect(emu.calls().recent.filter((c) => c.principal === key).length).toBe(3);

      const web = await ok(emu, key, [
        'ec2',
        'describe-instances',
        '--filters',
        'Name=tag:Team,Values=web',
        'Name=instance-state-name,Values=running',
      ]);
      expect((web.Reservations as unknown[]).length).toBe(3);
      const stopped = await ok(emu, key, ['ec2', 'stop-instances', '--instance-ids', IDS.ciRunner]);
      expect(at(stopped, 'StoppingInstances', 0, 'CurrentState', 'Name')).toBe('stopping');
      await failsWith(
        emu,
        key,
        ['ec2', 'start-instances', '--instance-ids', IDS.ciRunner],
        'IncorrectInstanceState',
      );
      emu.clock.advance(TRANSITION);
      const started = await ok(emu, key, [
        'ec2',
        'start-instances',
        '--instance-ids',
        IDS.ciRunner,
      ]);
      expect(at(started, 'StartingInstances', 0, 'PreviousState', 'Name')).toBe('stopped');
    },
  );

  it(
    'drives RDS instances: describe, tags, snapshots, stop/start, not-found',
    { timeout: CLI_TEST_TIMEOUT },
    async () => {
      const key = 'AKIACLIRDS0000000001';
      const emu = await freshEmulator();
      const dbs = await ok(emu, key, [
        'rds',
        'describe-db-instances',
        '--filters',
        'Name=db-cluster-id,Values=analytics-aurora',
      ]);
      expect(
        (dbs.DBInstances as Array<{ DBInstanceIdentifier: string }>).map(
          (d) => d.DBInstanceIdentifier,
        ),
      ).toEqual(['analytics-aurora-1', 'analytics-aurora-2']);
      const tags = await ok(emu, key, [
        'rds',
        'list-tags-for-resource',
        '--resource-name',
        'arn:aws:rds:us-east-1:123456789012:db:orders-db',
      ]);
      expect(tags.TagList).toContainEqual({ Key: 'Team', Value: 'api' });

      await ok(emu, key, [
        'rds',
        'create-db-snapshot',
        '--db-instance-identifier',
        'legacy-mysql',
        '--db-snapshot-identifier',
        'cli-snap',
      ]);
      const stop = await ok(emu, key, [
        'rds',
        'stop-db-instance',
        '--db-instance-identifier',
        'orders-db',
        '--db-snapshot-identifier',
        'cli-before-stop',
      ]);
      expect(at(stop, 'DBInstance', 'DBInstanceStatus')).toBe('stopping');
      const snaps = await ok(emu, key, [
        'rds',
        'describe-db-snapshots',
        '--db-instance-identifier',
        'orders-db',
      ]);
      expect(at(snaps, 'DBSnapshots', 0, 'DBSnapshotIdentifier')).toBe('cli-before-stop');
      await failsWith(
        emu,
        key,
        ['rds', 'describe-db-instances', '--db-instance-identifier', 'nope'],
        'DBInstanceNotFound',
      );
      emu.clock.advance(TRANSITION);
      const start = await ok(emu, key, [
        'rds',
        'start-db-instance',
        '--db-instance-identifier',
        'orders-db',
      ]);
      expect(at(start, 'DBInstance', 'DBInstanceStatus')).toBe('starting');
    },
  );

  it('drives RDS clusters: describe, stop, start', { timeout: CLI_TEST_TIMEOUT }, async () => {
    const key = 'AKIACLIRDS0000000002';
    const emu = await freshEmulator();
    const clusters = await ok(emu, key, [
      'rds',
      'describe-db-clusters',
      '--db-cluster-identifier',
      'analytics-aurora',
    ]);
    expect(at(clusters, 'DBClusters', 0, 'DBClusterMembers', 0, 'IsClusterWriter')).toBe(true);
    const clusterSnapshot = await ok(emu, key, [
      'rds',
      'create-db-cluster-snapshot',
      '--db-cluster-identifier',
      'analytics-aurora',
      '--db-cluster-snapshot-identifier',
      'cli-cluster-snap',
    ]);
    expect(at(clusterSnapshot, 'DBClusterSnapshot', 'DBClusterIdentifier')).toBe(
      'analytics-aurora',
    );
    emu.clock.advance(TRANSITION);
    const stopCluster = await ok(emu, key, [
      'rds',
      'stop-db-cluster',
      '--db-cluster-identifier',
      'analytics-aurora',
    ]);
    expect(at(stopCluster, 'DBCluster', 'Status')).toBe('stopping');
    emu.clock.advance(TRANSITION);
    const startCluster = await ok(emu, key, [
      'rds',
      'start-db-cluster',
      '--db-cluster-identifier',
      'analytics-aurora',
    ]);
    expect(at(startCluster, 'DBCluster', 'Status')).toBe('starting');
  });

  it(
    'drives EKS: describe, list node groups, update one and follow the update',
    { timeout: CLI_TEST_TIMEOUT },
    async () => {
      const key = 'AKIACLIEKS0000000001';
      const emu = await freshEmulator();
      const cluster = await ok(emu, key, ['eks', 'describe-cluster', '--name', 'dev-cluster']);
      expect(at(cluster, 'cluster', 'status')).toBe('ACTIVE');
      expect(typeof at(cluster, 'cluster', 'certificateAuthority', 'data')).toBe('string');
      const groups = await ok(emu, key, [
        'eks',
        'list-nodegroups',
        '--cluster-name',
        'dev-cluster',
        '--page-size',
        '1',
      ]);
      expect(groups.nodegroups).toEqual(['general', 'batch']);
      const ng = await ok(emu, key, [
        'eks',
        'describe-nodegroup',
        '--cluster-name',
        'dev-cluster',
        '--nodegroup-name',
        'batch',
      ]);
      expect(at(ng, 'nodegroup', 'scalingConfig')).toEqual({
        minSize: 0,
        maxSize: 5,
        desiredSize: 0,
      });

      const update = await ok(emu, key, [
        'eks',
        'update-nodegroup-config',
        '--cluster-name',
        'dev-cluster',
        '--nodegroup-name',
        'batch',
        '--scaling-config',
        'minSize=0,maxSize=5,desiredSize=1',
      ]);
      const updateId = String(at(update, 'update', 'id'));
      expect(at(update, 'update', 'status')).toBe('InProgress');
      await failsWith(
        emu,
        key,
        [
          'eks',
          'update-nodegroup-config',
          '--cluster-name',
          'dev-cluster',
          '--nodegroup-name',
          'batch',
          '--scaling-config',
          'desiredSize=2',
        ],
        'ResourceInUseException',
      );
      emu.clock.advance(TRANSITION);
      const described = await ok(emu, key, [
        'eks',
        'describe-update',
        '--name',
        'dev-cluster',
        '--update-id',
        updateId,
        '--nodegroup-name',
        'batch',
      ]);
      expect(at(described, 'update', 'status')).toBe('Successful');
    },
  );

  it(
    'drives Auto Scaling: describe and update with validation',
    { timeout: CLI_TEST_TIMEOUT },
    async () => {
      const key = 'AKIACLIASG0000000001';
      const emu = await freshEmulator();
      const groups = await ok(emu, key, [
        'autoscaling',
        'describe-auto-scaling-groups',
        '--filters',
        'Name=tag:Team,Values=web',
      ]);
      expect(at(groups, 'AutoScalingGroups', 0, 'Instances', 0, 'InstanceId')).toBe(
        IDS.webAsgMember,
      );
      await failsWith(
        emu,
        key,
        [
          'autoscaling',
          'update-auto-scaling-group',
          '--auto-scaling-group-name',
          'web-asg',
          '--desired-capacity',
          '9',
        ],
        'ValidationError',
      );
      const updated = await aws(emu, key, [
        'autoscaling',
        'update-auto-scaling-group',
        '--auto-scaling-group-name',
        'web-asg',
        '--min-size',
        '0',
        '--desired-capacity',
        '0',
      ]);
      expect(updated.code).toBe(0);
      expect(
        emu.region()?.autoscaling.groups.find((g) => g.name === 'web-asg')?.desiredCapacity,
      ).toBe(0);
    },
  );

  it('drives STS: caller identity and an assumed role', { timeout: CLI_TEST_TIMEOUT }, async () => {
    const key = 'AKIACLISTS0000000001';
    const emu = await freshEmulator();
    expect((await ok(emu, key, ['sts', 'get-caller-identity'])).Account).toBe('123456789012');
    const assumed = await ok(emu, key, [
      'sts',
      'assume-role',
      '--role-arn',
      SANDBOX_ROLES.hibernator,
      '--role-session-name',
      'cli',
    ]);
    const creds = assumed.Credentials as {
      AccessKeyId: string;
      SecretAccessKey: string;
      SessionToken: string;
    };
    const me = await ok(emu, creds.AccessKeyId, ['sts', 'get-caller-identity'], {
      AWS_SECRET_ACCESS_KEY: creds.SecretAccessKey,
      AWS_SESSION_TOKEN: creds.SessionToken,
    });
    expect(me.Arn).toBe('arn:aws:sts::123456789012:assumed-role/hibernator/cli');
  });
});
