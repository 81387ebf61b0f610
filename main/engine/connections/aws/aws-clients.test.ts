import { describe, expect, it } from 'vitest';
import type { CloudProvider, Connection } from '../../../../shared/model';
import { createAwsClientProvider, type AwsClients } from './aws-clients';

const provider = (
  name: string,
  aws: Partial<CloudProvider['spec']['aws']> = {},
): CloudProvider => ({
  apiVersion: 'hibernator.ardikabs.com/v1alpha1',
  kind: 'CloudProvider',
  metadata: { name },
  spec: { type: 'aws', aws: { region: 'us-east-1', profile: 'dev', ...aws } },
});

describe('AWS client provider', () => {
  it('keeps one client set per (profile, region, role, endpoint)', async () => {
    const clients = createAwsClientProvider({ env: {} });
    const a = await clients.get<AwsClients>('aws', provider('a'));
    expect(await clients.get<AwsClients>('aws', provider('b'))).toBe(a);
    expect(await clients.get<AwsClients>('aws', provider('c', { region: 'eu-west-1' }))).not.toBe(
      a,
    );
    expect(
      await clients.get<AwsClients>('aws', provider('d', { endpoint: 'http://127.0.0.1:1' })),
    ).not.toBe(a);
    expect(
      await clients.get<AwsClients>(
        'aws',
        provider('e', { assumeRoleArn: 'arn:aws:iam::123456789012:role/x' }),
      ),
    ).not.toBe(a);
    expect(a.profile).toBe('dev');
    clients.close();
  });

  it('refuses other kinds and other connections', async () => {
    const clients = createAwsClientProvider({ env: {} });
    await expect(clients.get('kube', provider('a'))).rejects.toMatchObject({ code: 'NO_CLIENTS' });
    await expect(clients.get('aws', null)).rejects.toMatchObject({ code: 'CONNECTION_KIND' });
    const kube = {
      apiVersion: 'hibernator.ardikabs.com/v1alpha1',
      kind: 'K8SCluster',
      metadata: { name: 'k' },
      spec: {},
    } as Connection;
    await expect(clients.get('aws', kube)).rejects.toThrow('not the K8SCluster "k"');
  });
});
