import { globToRegExp } from '../shared/glob';
import { AwsError } from './aws-error';
import { EC2_STATE_CODES } from './ec2-model';
import type { QueryFilter } from './query-params';
import type { Ec2Instance } from './types';

/**
 * DescribeInstances filters: values of one filter are OR-ed, filters are AND-ed, and string values
 * accept `*` / `?` wildcards, as the EC2 API reference describes.
 */
type Extractor = (instance: Ec2Instance) => Array<string | undefined>;

const EXTRACTORS: Record<string, Extractor> = {
  'instance-id': (i) => [i.instanceId],
  'instance-state-name': (i) => [i.state],
  'instance-state-code': (i) => [String(EC2_STATE_CODES[i.state])],
  'instance-type': (i) => [i.instanceType],
  'image-id': (i) => [i.imageId],
  'availability-zone': (i) => [i.availabilityZone],
  'vpc-id': (i) => [i.vpcId],
  'subnet-id': (i) => [i.subnetId],
  'private-ip-address': (i) => [i.privateIpAddress],
  'reservation-id': (i) => [i.reservationId],
  'owner-id': (i) => [i.ownerId],
  'hibernation-options.configured': (i) => [String(i.hibernationConfigured)],
  'root-device-type': (i) => [i.rootDeviceType],
  'instance-lifecycle': (i) => [i.spot === undefined ? undefined : 'spot'],
  'spot-instance-request-id': (i) => [i.spot?.requestId],
  'tag-key': (i) => Object.keys(i.tags),
  'tag-value': (i) => Object.values(i.tags),
};

export function compileEc2Filters(filters: QueryFilter[]): (instance: Ec2Instance) => boolean {
  const tests = filters.map((filter) => {
    const extract = extractorFor(filter.name);
    const patterns = filter.values.map((v) => globToRegExp(v));
    return (instance: Ec2Instance): boolean =>
      extract(instance).some(
        (actual) => actual !== undefined && patterns.some((p) => p.test(actual)),
      );
  });
  return (instance) => tests.every((test) => test(instance));
}

function extractorFor(name: string): Extractor {
  if (name.startsWith('tag:') && name.length > 4) {
    const key = name.slice(4);
    return (i) => [i.tags[key]];
  }
  const extractor = EXTRACTORS[name];
  if (extractor === undefined)
    throw new AwsError('InvalidParameterValue', `The filter '${name}' is invalid`);
  return extractor;
}
