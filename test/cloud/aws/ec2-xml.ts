import { EC2_STATE_CODES, type Ec2StateChange } from './ec2-model';
import { leaf, list, xml } from './xml';
import type { Ec2Instance, Ec2StateName } from './types';

/** EC2 XML uses lowerCamel member names and `item` for every list entry. */
export function stateXml(tag: string, name: Ec2StateName): string {
  return xml(tag, leaf('code', EC2_STATE_CODES[name]), leaf('name', name));
}

export function instanceXml(i: Ec2Instance): string {
  const dns = `ip-${i.privateIpAddress.replace(/\./g, '-')}.ec2.internal`;
  return [
    leaf('instanceId', i.instanceId),
    leaf('imageId', i.imageId),
    stateXml('instanceState', i.state),
    leaf('privateDnsName', i.state === 'terminated' ? '' : dns),
    leaf('dnsName', ''),
    leaf('reason', i.stateTransitionReason),
    leaf('amiLaunchIndex', 0),
    xml('productCodes'),
    leaf('instanceType', i.instanceType),
    leaf('launchTime', new Date(i.launchTime)),
    xml(
      'placement',
      leaf('availabilityZone', i.availabilityZone),
      leaf('groupName', ''),
      leaf('tenancy', 'default'),
    ),
    xml('monitoring', leaf('state', 'disabled')),
    i.state === 'terminated' ? undefined : leaf('subnetId', i.subnetId),
    i.state === 'terminated' ? undefined : leaf('vpcId', i.vpcId),
    i.state === 'terminated' ? undefined : leaf('privateIpAddress', i.privateIpAddress),
    i.state === 'terminated' ? undefined : leaf('sourceDestCheck', true),
    i.stateReason === undefined
      ? undefined
      : xml(
          'stateReason',
          leaf('code', i.stateReason.code),
          leaf('message', i.stateReason.message),
        ),
    i.spot === undefined ? undefined : leaf('instanceLifecycle', 'spot'),
    i.spot === undefined ? undefined : leaf('spotInstanceRequestId', i.spot.requestId),
    leaf('architecture', 'x86_64'),
    leaf('rootDeviceType', i.rootDeviceType),
    leaf('rootDeviceName', '/dev/xvda'),
    leaf('virtualizationType', 'hvm'),
    Object.keys(i.tags).length === 0
      ? undefined
      : list(
          'tagSet',
          'item',
          Object.entries(i.tags),
          ([k, v]) => leaf('key', k) + leaf('value', v),
        ),
    leaf('hypervisor', 'xen'),
    leaf('ebsOptimized', false),
    leaf('enaSupport', true),
    xml('hibernationOptions', leaf('configured', i.hibernationConfigured)),
    leaf('platformDetails', 'Linux/UNIX'),
    leaf('usageOperation', 'RunInstances'),
  ].join('');
}

/** One reservation per instance: the emulator launches instances one at a time. */
export function reservationXml(i: Ec2Instance): string {
  return [
    leaf('reservationId', i.reservationId),
    leaf('ownerId', i.ownerId),
    xml('groupSet'),
    list('instancesSet', 'item', [i], instanceXml),
  ].join('');
}

export function stateChangesXml(changes: Ec2StateChange[]): string {
  return list('instancesSet', 'item', changes, (c) =>
    [
      leaf('instanceId', c.instanceId),
      stateXml('currentState', c.current),
      stateXml('previousState', c.previous),
    ].join(''),
  );
}
