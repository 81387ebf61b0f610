import { AwsError } from './aws-error';
import { compileEc2Filters } from './ec2-filters';
import { startInstance, stopInstance } from './ec2-model';
import { reservationXml, stateChangesXml } from './ec2-xml';
import { decodeToken, paginate } from './pagination';
import { EC2_FILTERS } from './query-params';
import type { QueryCall, QueryService } from './service-context';
import type { Ec2Instance, RegionState } from './types';
import { leaf, list, xml } from './xml';

/** EC2 (ec2 query protocol, Version 2016-11-15): DescribeInstances, StopInstances, StartInstances. */
const INSTANCE_ID = /^i-([0-9a-f]{8}|[0-9a-f]{17})$/;

function describeInstances(call: QueryCall): string {
  const { params, state } = call;
  dryRun(call);
  const ids = unique(params.list('InstanceId'));
  const maxResults = params.int('MaxResults');
  if (ids.length > 0 && maxResults !== undefined) {
    throw new AwsError(
      'InvalidParameterCombination',
      'The parameter instancesSet cannot be used with the parameter maxResults',
    );
  }
  if (maxResults !== undefined && maxResults < 5) {
    throw new AwsError(
      'InvalidParameterValue',
      `Value ( ${maxResults} ) for parameter maxResults is invalid. Expecting a value greater than 5.`,
    );
  }
  if (maxResults !== undefined && maxResults > 1000) {
    throw new AwsError(
      'InvalidParameterValue',
      `Value ( ${maxResults} ) for parameter maxResults is invalid. Expecting a value less than 1000.`,
    );
  }
  const matches = compileEc2Filters(params.filters(EC2_FILTERS));
  const candidates = ids.length > 0 ? lookup(state, ids) : [...state.ec2.values()];
  const selected = candidates.filter(matches);
  const nextToken = params.get('NextToken');
  const offset = decodeToken(
    'ec2:DescribeInstances',
    nextToken,
    () =>
      new AwsError(
        'InvalidPaginationToken',
        `The pagination token '${nextToken ?? ''}' is not valid or has expired.`,
      ),
  );
  // Without MaxResults AWS returns everything in one page.
  const page = paginate(
    'ec2:DescribeInstances',
    selected,
    offset,
    maxResults ?? Number.MAX_SAFE_INTEGER,
  );
  const reservations = page.items.map((i) => `<item>${reservationXml(i)}</item>`).join('');
  return `<reservationSet>${reservations}</reservationSet>${leaf('nextToken', page.nextToken)}`;
}

function stopInstances(call: QueryCall): string {
  const { params, state, world } = call;
  const instances = lookup(state, requireIds(call));
  const hibernate = params.bool('Hibernate') ?? false;
  for (const instance of instances) {
    if (
      instance.state === 'pending' ||
      instance.state === 'shutting-down' ||
      instance.state === 'terminated'
    ) {
      throw new AwsError(
        'IncorrectInstanceState',
        `This instance '${instance.instanceId}' is not in a state from which it can be stopped.`,
      );
    }
    refuseUnstoppable(instance);
    if (hibernate && instance.state === 'running' && !instance.hibernationConfigured) {
      throw new AwsError(
        'UnsupportedHibernationConfiguration',
        `The instance can't be hibernated because it was not configured at launch for hibernation: ${instance.instanceId}`,
      );
    }
  }
  dryRun(call);
  // AWS validates the whole request before changing anything: one bad id fails the call.
  const changes = instances.map((i) => stopInstance(world, state, i, hibernate));
  return stateChangesXml(changes);
}

/**
 * What StopInstances refuses whatever the state, with the codes and messages EC2 answers (the
 * whole request fails: EC2 validates every instance before it changes any).
 */
function refuseUnstoppable(instance: Ec2Instance): void {
  const id = instance.instanceId;
  if (instance.rootDeviceType === 'instance-store')
    throw new AwsError(
      'UnsupportedOperation',
      `The instance '${id}' does not have an 'ebs' root device type and cannot be stopped.`,
    );
  if (instance.spot?.type === 'one-time')
    throw new AwsError(
      'UnsupportedOperation',
      `You can't stop the Spot Instance '${id}' because it is associated with a one-time Spot Instance request. You can only stop Spot Instances associated with persistent Spot Instance requests.`,
    );
  if (instance.disableApiStop)
    throw new AwsError(
      'OperationNotPermitted',
      `The instance '${id}' may not be stopped. Modify its 'disableApiStop' instance attribute and try again.`,
    );
}

/** DescribeSpotInstanceRequests: by `SpotInstanceRequestId.N` or the `spot-instance-request-id` filter. */
function describeSpotInstanceRequests(call: QueryCall): string {
  const { params, state } = call;
  dryRun(call);
  const ids = unique(params.list('SpotInstanceRequestId'));
  const byFilter = params
    .filters(EC2_FILTERS)
    .filter((f) => f.name === 'spot-instance-request-id')
    .flatMap((f) => f.values);
  const requests = [...state.ec2.values()].flatMap((i) =>
    i.spot === undefined ? [] : [{ ...i.spot, instanceId: i.instanceId }],
  );
  const missing = ids.find((id) => !requests.some((r) => r.requestId === id));
  if (missing !== undefined)
    throw new AwsError(
      'InvalidSpotInstanceRequestID.NotFound',
      `The spot instance request ID '${missing}' does not exist`,
    );
  const selected = requests.filter(
    (r) =>
      (ids.length === 0 || ids.includes(r.requestId)) &&
      (byFilter.length === 0 || byFilter.includes(r.requestId)),
  );
  return list('spotInstanceRequestSet', 'item', selected, (r) =>
    [
      leaf('spotInstanceRequestId', r.requestId),
      leaf('type', r.type),
      leaf('state', 'active'),
      leaf('instanceId', r.instanceId),
    ].join(''),
  );
}

/** DescribeInstanceAttribute for `disableApiStop` (the one attribute the emulator models). */
function describeInstanceAttribute(call: QueryCall): string {
  const { params, state } = call;
  dryRun(call);
  const id = params.require('InstanceId');
  const attribute = params.require('Attribute');
  const [instance] = lookup(state, [id]);
  if (attribute !== 'disableApiStop' || instance === undefined)
    throw new AwsError(
      'InvalidParameterValue',
      `Value (${attribute}) for parameter attribute is invalid.`,
    );
  return leaf('instanceId', id) + xml('disableApiStop', leaf('value', instance.disableApiStop));
}

function startInstances(call: QueryCall): string {
  const { state, world } = call;
  const instances = lookup(state, requireIds(call));
  for (const instance of instances) {
    if (
      instance.state === 'stopping' ||
      instance.state === 'shutting-down' ||
      instance.state === 'terminated'
    ) {
      throw new AwsError(
        'IncorrectInstanceState',
        `The instance '${instance.instanceId}' is not in a state from which it can be started.`,
      );
    }
  }
  dryRun(call);
  return stateChangesXml(instances.map((i) => startInstance(world, state, i)));
}

function requireIds(call: QueryCall): string[] {
  const ids = unique(call.params.list('InstanceId'));
  if (ids.length === 0)
    throw new AwsError('MissingParameter', 'The request must contain the parameter InstanceId');
  return ids;
}

/** Resolves ids in request order; malformed ids are reported before unknown ones, as EC2 does. */
function lookup(state: RegionState, ids: string[]): Ec2Instance[] {
  const malformed = ids.find((id) => !INSTANCE_ID.test(id));
  if (malformed !== undefined) {
    throw new AwsError(
      'InvalidInstanceID.Malformed',
      `Invalid id: "${malformed}" (expecting "i-...")`,
    );
  }
  const missing = ids.filter((id) => !state.ec2.has(id));
  if (missing.length === 1)
    throw new AwsError(
      'InvalidInstanceID.NotFound',
      `The instance ID '${missing[0] ?? ''}' does not exist`,
    );
  if (missing.length > 1)
    throw new AwsError(
      'InvalidInstanceID.NotFound',
      `The instance IDs '${missing.join(', ')}' do not exist`,
    );
  return ids.flatMap((id) => {
    const instance = state.ec2.get(id);
    return instance === undefined ? [] : [instance];
  });
}

/** DryRun=true answers 412 DryRunOperation once the request is known to be valid and allowed. */
function dryRun(call: QueryCall): void {
  if (call.params.bool('DryRun') === true) {
    throw new AwsError(
      'DryRunOperation',
      'Request would have succeeded, but DryRun flag is set.',
      412,
    );
  }
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

export const ec2Service: QueryService = {
  protocol: 'ec2',
  namespace: 'http://ec2.amazonaws.com/doc/2016-11-15/',
  handlers: {
    DescribeInstances: describeInstances,
    StopInstances: stopInstances,
    StartInstances: startInstances,
    DescribeSpotInstanceRequests: describeSpotInstanceRequests,
    DescribeInstanceAttribute: describeInstanceAttribute,
  },
};
