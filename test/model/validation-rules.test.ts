import { describe, expect, it } from 'vitest';
import {
  type Connection,
  type Plan,
  type ValidationContext,
  validateConnection,
  validateException,
  validateObject,
  validatePlan,
} from '../../shared/model';
import { baseCloudProvider, baseException, baseK8SCluster, basePlan, setPath } from './builders';

interface Row {
  rule: string;
  base: () => unknown;
  set: Record<string, unknown>;
  ctx?: ValidationContext;
  level?: 'error' | 'warning';
  path: string;
  message: string;
}

const validPlan = (): Plan => {
  const result = validatePlan(basePlan());
  if (!result.value) throw new Error(`base plan is invalid: ${JSON.stringify(result.errors)}`);
  return result.value;
};

const connections = (): Connection[] => {
  const out: Connection[] = [];
  for (const input of [baseCloudProvider(), baseK8SCluster()]) {
    const result = validateConnection(input);
    if (!result.value) throw new Error('base connection is invalid');
    out.push(result.value);
  }
  return out;
};

const planRows: Row[] = [
  {
    rule: 'start must be a time',
    base: basePlan,
    set: { 'spec.schedule.offHours[0].start': '19:60' },
    path: 'spec.schedule.offHours[0].start',
    message: '"19:60" is not a time',
  },
  {
    rule: 'end may not pass 24:00',
    base: basePlan,
    set: { 'spec.schedule.offHours[0].end': '24:30' },
    path: 'spec.schedule.offHours[0].end',
    message: 'between 00:00 and 24:00',
  },
  {
    rule: '24:00 is an end only',
    base: basePlan,
    set: { 'spec.schedule.offHours[0].start': '24:00' },
    path: 'spec.schedule.offHours[0].start',
    message: 'can only be an end time',
  },
  {
    rule: 'start differs from end',
    base: basePlan,
    set: { 'spec.schedule.offHours[0].end': '19:00' },
    path: 'spec.schedule.offHours[0].end',
    message: 'start and end are both "19:00"',
  },
  {
    rule: 'full day names get a hint',
    base: basePlan,
    set: { 'spec.schedule.offHours[0].daysOfWeek[1]': 'Tuesday' },
    path: 'spec.schedule.offHours[0].daysOfWeek[1]',
    message: '"Tuesday" is not a day; use MON..SUN',
  },
  {
    rule: 'days are not repeated',
    base: basePlan,
    set: { 'spec.schedule.offHours[0].daysOfWeek[4]': 'mon' },
    path: 'spec.schedule.offHours[0].daysOfWeek[4]',
    message: '"MON" is listed twice',
  },
  {
    rule: 'a window has days',
    base: basePlan,
    set: { 'spec.schedule.offHours[0].daysOfWeek': [] },
    path: 'spec.schedule.offHours[0].daysOfWeek',
    message: 'list at least one day',
  },
  {
    rule: 'a schedule has windows',
    base: basePlan,
    set: { 'spec.schedule.offHours': [] },
    path: 'spec.schedule.offHours',
    message: 'add at least one window',
  },
  {
    rule: 'timezone is a real IANA zone',
    base: basePlan,
    set: { 'spec.schedule.timezone': 'Mars/Olympus' },
    path: 'spec.schedule.timezone',
    message: '"Mars/Olympus" is not a known time zone',
  },
  {
    rule: 'timezone offsets are not zones',
    base: basePlan,
    set: { 'spec.schedule.timezone': '+01:00' },
    path: 'spec.schedule.timezone',
    message: 'is not a known time zone',
  },
  {
    rule: 'timezone is required',
    base: basePlan,
    set: { 'spec.schedule.timezone': undefined },
    path: 'spec.schedule.timezone',
    message: 'is required: set an IANA time zone',
  },
  {
    rule: 'plan name is a DNS subdomain',
    base: basePlan,
    set: { 'metadata.name': 'Dev_Env' },
    path: 'metadata.name',
    message: 'for example "dev-env"',
  },
  {
    rule: 'plan name has at most 63 characters',
    base: basePlan,
    set: { 'metadata.name': 'a'.repeat(64) },
    path: 'metadata.name',
    message: 'at most 63',
  },
  {
    rule: 'apiVersion is the operator group',
    base: basePlan,
    set: { apiVersion: 'v1' },
    path: 'apiVersion',
    message: 'must be hibernator.ardikabs.com/v1alpha1',
  },
  {
    rule: 'label values are text',
    base: basePlan,
    set: { 'metadata.labels.team': 5 },
    path: 'metadata.labels.team',
    message: 'put it in quotes',
  },
  {
    rule: 'target names are unique',
    base: basePlan,
    set: { 'spec.targets[2].name': 'apps' },
    path: 'spec.targets[2].name',
    message: 'duplicate target name "apps" (also spec.targets[0])',
  },
  {
    rule: 'target names are DNS labels',
    base: basePlan,
    set: { 'spec.targets[2].name': 'Demo Target' },
    path: 'spec.targets[2].name',
    message: 'is not a valid target name',
  },
  {
    rule: 'a plan has targets',
    base: basePlan,
    set: { 'spec.targets': [] },
    path: 'spec.targets',
    message: 'add at least one target',
  },
  {
    rule: 'executor type is known',
    base: basePlan,
    set: { 'spec.targets[2].type': 'lambda' },
    path: 'spec.targets[2].type',
    message: 'must be one of ec2, rds, eks, asg, karpenter, workloadscaler, noop',
  },
  {
    rule: 'DAG edges name targets',
    base: basePlan,
    set: { 'spec.execution.strategy.dependencies[0].to': 'db' },
    path: 'spec.execution.strategy.dependencies[0].to',
    message: '"db" is not a target of this plan',
  },
  {
    rule: 'DAG has no self-edge',
    base: basePlan,
    set: { 'spec.execution.strategy.dependencies[1]': { from: 'demo', to: 'demo' } },
    path: 'spec.execution.strategy.dependencies[1]',
    message: '"demo" cannot depend on itself',
  },
  {
    rule: 'DAG has no cycle, and the message names it',
    base: basePlan,
    set: {
      'spec.execution.strategy.dependencies[1]': { from: 'database', to: 'demo' },
      'spec.execution.strategy.dependencies[2]': { from: 'demo', to: 'apps' },
    },
    path: 'spec.execution.strategy.dependencies',
    message: 'dependency cycle apps -> database -> demo -> apps',
  },
  {
    rule: 'dependencies only with DAG',
    base: basePlan,
    set: { 'spec.execution.strategy.type': 'Parallel' },
    level: 'warning',
    path: 'spec.execution.strategy.dependencies',
    message: 'only used by the DAG strategy',
  },
  {
    rule: 'Staged needs stages',
    base: basePlan,
    set: { 'spec.execution.strategy': { type: 'Staged' } },
    path: 'spec.execution.strategy.stages',
    message: 'is required for the Staged strategy',
  },
  {
    rule: 'Staged covers every target',
    base: basePlan,
    set: {
      'spec.execution.strategy': {
        type: 'Staged',
        stages: [{ name: 'one', targets: ['apps', 'database'] }],
      },
    },
    path: 'spec.execution.strategy.stages',
    message: 'target "demo" is in no stage',
  },
  {
    rule: 'Staged puts a target in one stage only',
    base: basePlan,
    set: {
      'spec.execution.strategy': {
        type: 'Staged',
        stages: [
          { name: 'one', targets: ['apps', 'database'] },
          { name: 'two', targets: ['demo', 'apps'] },
        ],
      },
    },
    path: 'spec.execution.strategy.stages[1].targets[1]',
    message: '"apps" is already in stage "one"',
  },
  {
    rule: 'stage names are unique',
    base: basePlan,
    set: {
      'spec.execution.strategy': {
        type: 'Staged',
        stages: [
          { name: 'one', targets: ['apps', 'database'] },
          { name: 'one', targets: ['demo'] },
        ],
      },
    },
    path: 'spec.execution.strategy.stages[1].name',
    message: 'stage name "one" is already used',
  },
  {
    rule: 'stages name existing targets',
    base: basePlan,
    set: {
      'spec.execution.strategy': {
        type: 'Staged',
        stages: [{ name: 'one', targets: ['apps', 'database', 'demo', 'cache'] }],
      },
    },
    path: 'spec.execution.strategy.stages[0].targets[3]',
    message: '"cache" is not a target of this plan',
  },
  {
    rule: 'maxConcurrency is at least 1',
    base: basePlan,
    set: { 'spec.execution.strategy.maxConcurrency': 0 },
    path: 'spec.execution.strategy.maxConcurrency',
    message: 'must be at least 1',
  },
  {
    rule: 'retries stay within 0..10',
    base: basePlan,
    set: { 'spec.behavior': { retries: 11 } },
    path: 'spec.behavior.retries',
    message: 'must be between 0 and 10, not 11',
  },
  {
    rule: 'behaviour mode is Strict or BestEffort',
    base: basePlan,
    set: { 'spec.behavior': { mode: 'besteffort' } },
    path: 'spec.behavior.mode',
    message: 'did you mean "BestEffort"?',
  },
  {
    rule: 'connectorRef is required except for noop',
    base: basePlan,
    set: { 'spec.targets[1].connectorRef': undefined },
    path: 'spec.targets[1].connectorRef',
    message: 'is required for rds targets',
  },
  {
    rule: 'connectorRef kind fits the executor',
    base: basePlan,
    set: { 'spec.targets[1].connectorRef.kind': 'K8SCluster' },
    path: 'spec.targets[1].connectorRef.kind',
    message: 'rds targets work through a CloudProvider connection, not a K8SCluster',
  },
  {
    rule: 'connectorRef names an existing connection when connections are known',
    base: basePlan,
    set: { 'spec.targets[1].connectorRef.name': 'aws-prod' },
    ctx: { connections: connections() },
    path: 'spec.targets[1].connectorRef.name',
    message: 'no CloudProvider connection named "aws-prod": use one of "aws-dev"',
  },
  {
    rule: 'executor parameters are validated with paths into them',
    base: basePlan,
    set: { 'spec.targets[1].parameters.selector.instanceIds[0]': 'Orders_DB!' },
    path: 'spec.targets[1].parameters.selector.instanceIds[0]',
    message: 'is not an RDS instance identifier',
  },
  {
    rule: 'unknown parameters are warnings',
    base: basePlan,
    set: { 'spec.targets[2].parameters': { delay: 3 } },
    level: 'warning',
    path: 'spec.targets[2].parameters.delay',
    message: 'unknown noop parameter "delay"',
  },
  {
    rule: 'unknown fields are warnings',
    base: basePlan,
    set: { 'spec.schedule.timeZone': 'UTC' },
    level: 'warning',
    path: 'spec.schedule.timeZone',
    message: 'unknown field "timeZone"',
  },
  {
    rule: 'suspend-until is an instant',
    base: basePlan,
    set: {
      'spec.suspend': true,
      'metadata.annotations': { 'hibernator.ardikabs.com/suspend-until': 'tomorrow' },
    },
    path: 'metadata.annotations["hibernator.ardikabs.com/suspend-until"]',
    message: '"tomorrow" is not a valid instant',
  },
];

const exceptionRows: Row[] = [
  {
    rule: 'validUntil comes after validFrom',
    base: baseException,
    set: { 'spec.validUntil': '2026-12-23T00:00:00Z' },
    path: 'spec.validUntil',
    message: 'must be after validFrom',
  },
  {
    rule: 'validity is at most 90 days',
    base: baseException,
    set: { 'spec.validUntil': '2027-03-24T00:00:01Z' },
    path: 'spec.validUntil',
    message: 'at most 90 are allowed',
  },
  {
    rule: 'instants are ISO-8601 with an offset',
    base: baseException,
    set: { 'spec.validFrom': '2026-12-24 evening' },
    path: 'spec.validFrom',
    message: 'is not a valid instant',
  },
  {
    rule: 'instants are real dates',
    base: baseException,
    set: { 'spec.validFrom': '2026-02-30T00:00:00Z' },
    path: 'spec.validFrom',
    message: 'is not a valid instant',
  },
  {
    rule: 'leadTime only on suspend',
    base: baseException,
    set: { 'spec.leadTime': '30m' },
    path: 'spec.leadTime',
    message: 'is only allowed on suspend exceptions (this one is extend)',
  },
  {
    rule: 'leadTime is a duration',
    base: baseException,
    set: { 'spec.type': 'suspend', 'spec.leadTime': 'half an hour' },
    path: 'spec.leadTime',
    message: 'is not a duration',
  },
  {
    rule: 'targetOverrides only on extend/replace',
    base: baseException,
    set: {
      'spec.type': 'suspend',
      'spec.targetOverrides': [{ targetName: 'apps', disabled: true }],
    },
    path: 'spec.targetOverrides',
    message: 'only applies to extend and replace exceptions',
  },
  {
    rule: 'executionOverride only on extend/replace',
    base: baseException,
    set: { 'spec.type': 'suspend', 'spec.executionOverride': { behavior: { mode: 'BestEffort' } } },
    path: 'spec.executionOverride',
    message: 'only applies to extend and replace exceptions',
  },
  {
    rule: 'type is extend, suspend or replace',
    base: baseException,
    set: { 'spec.type': 'skip' },
    path: 'spec.type',
    message: 'must be one of extend, suspend, replace',
  },
  {
    rule: 'overrides name targets of the plan',
    base: baseException,
    set: { 'spec.targetOverrides': [{ targetName: 'cache', disabled: true }] },
    ctx: { plans: [validPlan()] },
    path: 'spec.targetOverrides[0].targetName',
    message: 'plan "dev-env" has no target "cache"',
  },
  {
    rule: "override parameters fit the target's executor",
    base: baseException,
    set: {
      'spec.targetOverrides': [
        { targetName: 'database', parameters: { selector: { tags: { env: 'dev' } } } },
      ],
    },
    ctx: { plans: [validPlan()] },
    path: 'spec.targetOverrides[0].parameters.selector',
    message: 'also needs discoverInstances',
  },
  {
    rule: 'an overriding strategy fits the plan targets',
    base: baseException,
    set: {
      'spec.executionOverride': {
        strategy: { type: 'DAG', dependencies: [{ from: 'apps', to: 'cache' }] },
      },
    },
    ctx: { plans: [validPlan()] },
    path: 'spec.executionOverride.strategy.dependencies[0].to',
    message: '"cache" is not a target of this plan',
  },
  {
    rule: 'an unknown plan is a warning when plans are given',
    base: baseException,
    set: { 'spec.planRef.name': 'prod' },
    ctx: { plans: [validPlan()] },
    level: 'warning',
    path: 'spec.planRef.name',
    message: 'no plan named "prod" is known',
  },
];

const connectionRows: Row[] = [
  {
    rule: 'region is an AWS region',
    base: baseCloudProvider,
    set: { 'spec.aws.region': 'Frankfurt' },
    path: 'spec.aws.region',
    message: 'is not an AWS region',
  },
  {
    rule: 'accountId has 12 digits',
    base: baseCloudProvider,
    set: { 'spec.aws.accountId': '1234' },
    path: 'spec.aws.accountId',
    message: 'exactly 12 digits',
  },
  {
    rule: 'an unquoted accountId gets a quoting hint',
    base: baseCloudProvider,
    set: { 'spec.aws.accountId': 12345678901 },
    path: 'spec.aws.accountId',
    message: 'must be 12 digits in quotes',
  },
  {
    rule: 'assumeRoleArn is a role ARN',
    base: baseCloudProvider,
    set: { 'spec.aws.assumeRoleArn': 'arn:aws:iam::123:user/bob' },
    path: 'spec.aws.assumeRoleArn',
    message: 'is not an IAM role ARN',
  },
  {
    rule: 'endpoint is an http(s) URL',
    base: baseCloudProvider,
    set: { 'spec.aws.endpoint': 'localhost:4566' },
    path: 'spec.aws.endpoint',
    message: 'is not an http(s) URL',
  },
  {
    rule: 'only aws providers',
    base: baseCloudProvider,
    set: { 'spec.type': 'gcp' },
    path: 'spec.type',
    message: 'only "aws" is supported',
  },
  {
    rule: 'operator-only AWS auth is a warning naming the local equivalent',
    base: baseCloudProvider,
    set: { 'spec.aws.profile': undefined, 'spec.aws.auth': { serviceAccount: {} } },
    level: 'warning',
    path: 'spec.aws.auth.serviceAccount',
    message:
      'operator-only auth `spec.aws.auth.serviceAccount` (IRSA service account) is ignored by the desktop app: choose a local AWS profile (spec.aws.profile)',
  },
  {
    rule: 'a cluster is reachable somehow',
    base: baseK8SCluster,
    set: { 'spec.kubeconfig': undefined },
    path: 'spec',
    message: 'says nothing about how to reach the cluster',
  },
  {
    rule: 'eks and kubeconfig exclude each other',
    base: baseK8SCluster,
    set: {
      'spec.eks': { name: 'dev', region: 'eu-west-1' },
      'spec.providerRef': { name: 'aws-dev' },
    },
    path: 'spec',
    message: 'set either spec.eks (with spec.providerRef) or spec.kubeconfig, not both',
  },
  {
    rule: 'eks needs providerRef',
    base: baseK8SCluster,
    set: { 'spec.kubeconfig': undefined, 'spec.eks': { name: 'dev', region: 'eu-west-1' } },
    path: 'spec.providerRef',
    message: 'is required with spec.eks',
  },
  {
    rule: 'a kubeconfigRef alone is a warning to pick a local context',
    base: baseK8SCluster,
    set: { 'spec.kubeconfig': undefined, 'spec.kubeconfigRef': { name: 'secret' } },
    level: 'warning',
    path: 'spec.kubeconfigRef',
    message: 'pick a local kubeconfig and context (spec.kubeconfig',
  },
];

function run(row: Row) {
  const input = row.base();
  for (const [path, value] of Object.entries(row.set)) setPath(input, path, value);
  return validateObject(input, row.ctx);
}

describe.each([
  ['plan', planRows],
  ['exception', exceptionRows],
  ['connection', connectionRows],
] as const)('%s validation', (_, rows) => {
  it.each(rows.map((row) => [row.rule, row] as const))('%s', (_rule, row) => {
    const result = run(row);
    const list = row.level === 'warning' ? result.warnings : result.errors;
    expect(list).toContainEqual({ path: row.path, message: expect.stringContaining(row.message) });
    if (row.level === 'warning') expect(result.valid).toBe(true);
    else expect(result.valid).toBe(false);
    expect(result.value === undefined).toBe(row.level !== 'warning');
  });
});

describe('the unchanged bases', () => {
  it.each([
    ['plan', basePlan],
    ['exception', baseException],
    ['cloud provider', baseCloudProvider],
    ['k8s cluster', baseK8SCluster],
  ] as const)('a valid %s has no errors and no warnings', (_, base) => {
    const result = validateObject(base(), { plans: [validPlan()], connections: connections() });
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('validateException and validateConnection refuse other kinds with a message naming the kind', () => {
    expect(validateException(basePlan()).errors).toContainEqual({
      path: 'kind',
      message: expect.stringContaining('must be ScheduleException'),
    });
    expect(validateConnection(basePlan()).errors).toContainEqual({
      path: 'kind',
      message: expect.stringContaining('"HibernatePlan" is not a kind'),
    });
  });
});
