import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../main/engine/clock';
import type { AwsSeed } from '../cloud/aws';
import {
  awsPlan,
  ec2State,
  ledger,
  rdsStatus,
  runAction,
  startAwsTestEnv,
  type AwsTestEnv,
  type TargetSpec,
} from './aws-test-env';

/**
 * Issue 13.1: an endpoint that ignores every filter of every describe call (EC2 and RDS
 * `Filters`, `DBInstanceIdentifier`, Auto Scaling names and tag filters) must not widen what an
 * executor touches. Each selector form of each AWS executor runs its dry run and a real
 * hibernation against it: only the resources tagged or named "pick" may appear or change.
 */
const PICK = 'i-0000000000000a001';
const OTHER = 'i-0000000000000b002';
const GONE = 'i-0000000000000c003';

const seed: AwsSeed = {
  ec2: {
    instances: [
      { instanceId: PICK, tags: { Name: 'pick', Team: 'pick' } },
      { instanceId: OTHER, tags: { Name: 'other', Team: 'other' } },
      { instanceId: GONE, state: 'terminated', tags: { Name: 'gone', Team: 'pick' } },
    ],
  },
  rds: {
    instances: [
      { id: 'pick-db', tags: { Team: 'pick' } },
      { id: 'other-db', tags: { Team: 'other' } },
    ],
    clusters: [
      { id: 'pick-aurora', members: ['pick-aurora-1'], tags: { Team: 'pick' } },
      { id: 'other-aurora', members: ['other-aurora-1'], tags: { Team: 'other' } },
    ],
  },
  autoscaling: {
    groups: [
      { name: 'pick-asg', minSize: 1, maxSize: 2, desiredCapacity: 1, tags: { Team: 'pick' } },
      { name: 'other-asg', minSize: 1, maxSize: 2, desiredCapacity: 1, tags: { Team: 'other' } },
    ],
  },
  eks: {
    clusters: [
      {
        name: 'c1',
        nodegroups: [
          { name: 'pick-ng', minSize: 1, desiredSize: 1 },
          { name: 'other-ng', minSize: 1, desiredSize: 1 },
        ],
      },
    ],
  },
};

const pickTeam = { matchExpressions: [{ key: 'Team', operator: 'In', values: ['pick'] }] };
const discoverAll = { discoverInstances: true, discoverClusters: true };

const forms: Array<[string, TargetSpec['type'], Record<string, unknown>]> = [
  ['ec2 instanceIds', 'ec2', { selector: { instanceIds: [PICK] } }],
  ['ec2 tags', 'ec2', { selector: { tags: { Team: 'pick' } } }],
  ['ec2 tagSelector', 'ec2', { selector: { tagSelector: pickTeam } }],
  ['rds instanceIds', 'rds', { selector: { instanceIds: ['pick-db'] } }],
  ['rds clusterIds', 'rds', { selector: { clusterIds: ['pick-aurora'] } }],
  ['rds tags', 'rds', { selector: { tags: { Team: 'pick' }, ...discoverAll } }],
  ['rds tagSelector', 'rds', { selector: { tagSelector: pickTeam, ...discoverAll } }],
  [
    'rds excludeTags',
    'rds',
    { selector: { excludeTags: { Team: 'other' }, discoverInstances: true } },
  ],
  ['asg names', 'asg', { selector: { names: ['pick-asg'] } }],
  ['asg tags', 'asg', { selector: { tags: { Team: 'pick' } } }],
  ['asg tagSelector', 'asg', { selector: { tagSelector: pickTeam } }],
  ['eks nodeGroups', 'eks', { clusterName: 'c1', nodeGroups: [{ name: 'pick-ng' }] }],
];

/** What no form may touch, read from the emulator. */
function untouched(t: AwsTestEnv): Record<string, unknown> {
  const region = t.emu.region();
  return {
    ec2: ec2State(t, OTHER),
    db: rdsStatus(t, 'other-db'),
    aurora: rdsStatus(t, 'other-aurora'),
    asg: region?.autoscaling.groups.find((g) => g.name === 'other-asg')?.desiredCapacity,
    ng: region?.eks.clusters
      .find((c) => c.name === 'c1')
      ?.nodegroups.find((n) => n.name === 'other-ng')?.desiredSize,
  };
}

let t: AwsTestEnv;
beforeAll(async () => {
  // Working hours, so saving a plan starts no shutdown by itself.
  t = await startAwsTestEnv({ seed, clock: new ManualClock(new Date('2026-12-02T10:00:00Z')) });
  await t.connect();
});
afterAll(async () => {
  await t?.close();
});

describe('every AWS selector against an endpoint that ignores filters', () => {
  it.each(forms)('%s touches only what it selects', async (label, type, parameters) => {
    t.emu.reset();
    t.emu.clearFaults();
    t.emu.fault({ action: '*', ignoreFilters: true });
    const before = untouched(t);
    const plan = `p-${label.replace(/\s+/g, '-').toLowerCase()}`;
    await t.call('applyPlan', { plan: awsPlan(plan, [{ name: 'x', type, parameters }]) });

    const dry = await t.call('discover', { plan });
    const actions = dry.targets[0]?.actions ?? [];
    expect(dry.targets[0]?.error).toBeNull();
    expect(actions.length).toBeGreaterThan(0);
    // Ignored silently: nothing the selector does not pick shows up in the plan, not even as a skip.
    for (const a of actions) expect(`${a.key} ${a.description}`).not.toMatch(/other|gone|c003/);
    expect(actions.some((a) => a.action !== 'skip')).toBe(true);

    const status = await runAction(t, 'hibernateNow', plan);
    expect(ledger(status, 'x').state).toBe('Completed');
    expect(untouched(t)).toEqual(before);
    const point = await t.call('inspectRestorePoint', { plan, target: 'x' });
    for (const r of point.resources) expect(r.key).not.toMatch(/other|c003/);
    expect(point.resources.length).toBeGreaterThan(0);
  });
});
