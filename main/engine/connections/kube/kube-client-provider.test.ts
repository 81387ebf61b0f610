import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import type { Connection } from '../../../../shared/model';
import type { KubeApi } from './kube-api';
import { createKubeClientProvider, KUBE_CLIENT_KIND } from './kube-client-provider';

const dir = mkdtempSync(join(tmpdir(), 'hib-kubeprov-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function kubeconfig(name: string): string {
  const path = join(dir, name);
  writeFileSync(
    path,
    stringify({
      apiVersion: 'v1',
      kind: 'Config',
      clusters: [
        { name: 'a', cluster: { server: 'https://a.example.com' } },
        { name: 'b', cluster: { server: 'https://b.example.com' } },
      ],
      users: [{ name: 'u', user: { token: 't' } }],
      contexts: [
        { name: 'a', context: { cluster: 'a', user: 'u' } },
        { name: 'b', context: { cluster: 'b', user: 'u' } },
      ],
      'current-context': 'a',
    }),
  );
  return path;
}

const cluster = (spec: Record<string, unknown>): Connection =>
  ({
    apiVersion: 'hibernator.ardikabs.com/v1alpha1',
    kind: 'K8SCluster',
    metadata: { name: 'dev' },
    spec,
  }) as unknown as Connection;

describe('createKubeClientProvider', () => {
  const path = kubeconfig('config');

  it('makes one client per connection and a new one when the connection changes', async () => {
    const provider = createKubeClientProvider();
    const first = await provider.get<KubeApi>(KUBE_CLIENT_KIND, cluster({ kubeconfig: { path } }));
    expect(await provider.get<KubeApi>(KUBE_CLIENT_KIND, cluster({ kubeconfig: { path } }))).toBe(
      first,
    );
    expect(first.endpoint.server).toBe('https://a.example.com');
    const other = await provider.get<KubeApi>(
      KUBE_CLIENT_KIND,
      cluster({ kubeconfig: { path, context: 'b' } }),
    );
    expect(other).not.toBe(first);
    expect(other.endpoint).toEqual({
      server: 'https://b.example.com',
      description: `context "b" in ${path}`,
    });
    await provider.close();
    expect(
      await provider.get<KubeApi>(KUBE_CLIENT_KIND, cluster({ kubeconfig: { path } })),
    ).not.toBe(first);
  });

  it('does not keep a failure: fixing the file needs no restart', async () => {
    const provider = createKubeClientProvider();
    const later = join(dir, 'later.yaml');
    await expect(
      provider.get(KUBE_CLIENT_KIND, cluster({ kubeconfig: { path: later } })),
    ).rejects.toMatchObject({ code: 'KUBECONFIG_NOT_FOUND' });
    writeFileSync(
      later,
      stringify({
        clusters: [{ name: 'c', cluster: { server: 'https://c' } }],
        users: [{ name: 'u', user: {} }],
        contexts: [{ name: 'c', context: { cluster: 'c', user: 'u' } }],
        'current-context': 'c',
      }),
    );
    expect(
      (await provider.get<KubeApi>(KUBE_CLIENT_KIND, cluster({ kubeconfig: { path: later } })))
        .endpoint.server,
    ).toBe('https://c');
  });

  it('refuses other client kinds and connections that are not Kubernetes clusters', async () => {
    const provider = createKubeClientProvider();
    await expect(provider.get('aws', cluster({ kubeconfig: { path } }))).rejects.toThrow(
      'no "aws" clients',
    );
    await expect(provider.get(KUBE_CLIENT_KIND, null)).rejects.toMatchObject({
      code: 'NO_CONNECTION',
    });
    const aws = {
      apiVersion: 'hibernator.ardikabs.com/v1alpha1',
      kind: 'CloudProvider',
      metadata: { name: 'aws' },
      spec: { type: 'aws', aws: { region: 'us-east-1' } },
    } as unknown as Connection;
    await expect(provider.get(KUBE_CLIENT_KIND, aws)).rejects.toMatchObject({
      code: 'CONNECTION_KIND',
    });
  });

  it('needs the AWS connection an EKS cluster names', async () => {
    const provider = createKubeClientProvider({ findConnection: () => null });
    await expect(
      provider.get(
        KUBE_CLIENT_KIND,
        cluster({
          providerRef: { name: 'sandbox-aws' },
          eks: { name: 'dev', region: 'us-east-1' },
        }),
      ),
    ).rejects.toMatchObject({
      code: 'CONNECTION_NOT_FOUND',
      message: expect.stringContaining('AWS connection "sandbox-aws"'),
    });
  });
});
