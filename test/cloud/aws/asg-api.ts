import { globToRegExp } from '../shared/glob';
import { AwsError } from './aws-error';
import { updateGroupSize } from './asg-model';
import { decodeToken, paginate } from './pagination';
import { ASG_FILTERS, type QueryFilter } from './query-params';
import type { QueryCall, QueryService } from './service-context';
import type { AsgGroup, RegionState } from './types';
import { leaf, list, scalarList, xml } from './xml';

/** Auto Scaling (awsQuery, Version 2011-01-01). */
function describeAutoScalingGroups({ params, state }: QueryCall): string {
  const names = params.list('AutoScalingGroupNames.member');
  const maxRecords = params.int('MaxRecords') ?? 50;
  if (maxRecords < 1 || maxRecords > 100) {
    throw new AwsError(
      'ValidationError',
      `1 validation error detected: Value '${maxRecords}' at 'maxRecords' failed to satisfy constraint: Member must have value ${maxRecords < 1 ? 'greater than or equal to 1' : 'less than or equal to 100'}`,
    );
  }
  // Unknown names are simply absent from the answer; AWS does not fail the call.
  const base =
    names.length > 0 ? names.flatMap((n) => state.asg.get(n) ?? []) : [...state.asg.values()];
  const selected = base.filter(compileFilters(params.filters(ASG_FILTERS)));
  const token = params.get('NextToken');
  const offset = decodeToken(
    'autoscaling:DescribeAutoScalingGroups',
    token,
    () => new AwsError('InvalidNextToken', 'The token is invalid.'),
  );
  const page = paginate('autoscaling:DescribeAutoScalingGroups', selected, offset, maxRecords);
  const includeInstances = params.bool('IncludeInstances') ?? true;
  return (
    list('AutoScalingGroups', 'member', page.items, (g) => groupXml(state, g, includeInstances)) +
    leaf('NextToken', page.nextToken)
  );
}

function updateAutoScalingGroup({ params, state, world }: QueryCall): undefined {
  const group = findGroupOrThrow(state, params.require('AutoScalingGroupName', 'ValidationError'));
  const update: { minSize?: number; maxSize?: number; desiredCapacity?: number } = {};
  const minSize = params.int('MinSize');
  const maxSize = params.int('MaxSize');
  const desired = params.int('DesiredCapacity');
  if (minSize !== undefined) update.minSize = minSize;
  if (maxSize !== undefined) update.maxSize = maxSize;
  if (desired !== undefined) update.desiredCapacity = desired;
  updateGroupSize(world, state, group, update);
  return undefined;
}

function findGroupOrThrow(state: RegionState, name: string): AsgGroup {
  const group = state.asg.get(name);
  if (group === undefined)
    throw new AwsError(
      'ValidationError',
      `AutoScalingGroup name not found - AutoScalingGroup '${name}' not found`,
    );
  return group;
}

/** Auto Scaling filters: `tag-key`, `tag-value`, `tag:<key>`; values are exact, OR-ed; filters AND-ed. */
function compileFilters(filters: QueryFilter[]): (group: AsgGroup) => boolean {
  const tests = filters.map((f) => {
    const values = new Set(f.values);
    if (f.name === 'tag-key') return (g: AsgGroup) => g.tags.some((t) => values.has(t.key));
    if (f.name === 'tag-value') return (g: AsgGroup) => g.tags.some((t) => values.has(t.value));
    if (f.name.startsWith('tag:')) {
      const key = f.name.slice(4);
      return (g: AsgGroup) => g.tags.some((t) => t.key === key && values.has(t.value));
    }
    if (f.name === 'auto-scaling-group') {
      const patterns = f.values.map((v) => globToRegExp(v));
      return (g: AsgGroup) => patterns.some((p) => p.test(g.name));
    }
    throw new AwsError('ValidationError', `Filter name '${f.name}' is not valid.`);
  });
  return (group) => tests.every((t) => t(group));
}

function groupXml(state: RegionState, g: AsgGroup, includeInstances: boolean): string {
  const instances = [...g.members].flatMap(([id, lifecycle]) => {
    const instance = state.ec2.get(id);
    return instance === undefined ? [] : [{ instance, lifecycle }];
  });
  const templateXml = xml(
    'LaunchTemplate',
    leaf('LaunchTemplateId', 'lt-0abc1234def567890'),
    leaf('LaunchTemplateName', g.name),
    leaf('Version', '$Default'),
  );
  return [
    leaf('AutoScalingGroupName', g.name),
    leaf('AutoScalingGroupARN', g.arn),
    templateXml,
    leaf('MinSize', g.minSize),
    leaf('MaxSize', g.maxSize),
    leaf('DesiredCapacity', g.desiredCapacity),
    leaf('DefaultCooldown', 300),
    scalarList('AvailabilityZones', 'member', g.availabilityZones),
    xml('LoadBalancerNames'),
    xml('TargetGroupARNs'),
    leaf('HealthCheckType', 'EC2'),
    leaf('HealthCheckGracePeriod', 300),
    includeInstances
      ? list('Instances', 'member', instances, ({ instance, lifecycle }) =>
          [
            leaf('InstanceId', instance.instanceId),
            leaf('InstanceType', instance.instanceType),
            leaf('AvailabilityZone', instance.availabilityZone),
            leaf('LifecycleState', lifecycle),
            leaf('HealthStatus', 'Healthy'),
            templateXml,
            leaf('ProtectedFromScaleIn', false),
          ].join(''),
        )
      : undefined,
    leaf('CreatedTime', new Date(g.createdAt)),
    xml('SuspendedProcesses'),
    leaf('VPCZoneIdentifier', 'subnet-0a1234567890abcd,subnet-0b1234567890abcd'),
    xml('EnabledMetrics'),
    list('Tags', 'member', g.tags, (t) =>
      [
        leaf('ResourceId', g.name),
        leaf('ResourceType', 'auto-scaling-group'),
        leaf('Key', t.key),
        leaf('Value', t.value),
        leaf('PropagateAtLaunch', t.propagate),
      ].join(''),
    ),
    scalarList('TerminationPolicies', 'member', ['Default']),
    leaf('NewInstancesProtectedFromScaleIn', false),
    leaf(
      'ServiceLinkedRoleARN',
      `arn:aws:iam::${state.accountId}:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling`,
    ),
    leaf('CapacityRebalance', false),
    xml('TrafficSources'),
  ].join('');
}

export const autoscalingService: QueryService = {
  protocol: 'query',
  namespace: 'http://autoscaling.amazonaws.com/doc/2011-01-01/',
  handlers: {
    DescribeAutoScalingGroups: describeAutoScalingGroups,
    UpdateAutoScalingGroup: updateAutoScalingGroup,
  },
};
