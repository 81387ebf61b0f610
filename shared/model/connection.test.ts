import { describe, expect, it } from 'vitest';
import { API_VERSION } from './constants';
import { ConnectionSchema } from './connection';

const provider = {
  apiVersion: API_VERSION,
  kind: 'CloudProvider',
  metadata: { name: 'aws-dev' },
  spec: { type: 'aws', aws: { region: 'eu-west-1' } },
};
const cluster = {
  apiVersion: API_VERSION,
  kind: 'K8SCluster',
  metadata: { name: 'dev' },
  spec: { kubeconfig: { context: 'kind-dev' }, gke: { name: 'kept', project: 'p', location: 'l' } },
};

describe('ConnectionSchema', () => {
  it('parses either kind, keeping operator-only blocks of a cluster verbatim', () => {
    expect(ConnectionSchema.parse(provider)).toEqual(provider);
    expect(ConnectionSchema.parse(JSON.parse(JSON.stringify(cluster)))).toEqual(cluster);
  });

  it('applies the cross-field rules of the kind it picked', () => {
    const broken = { ...cluster, spec: { eks: { name: 'c', region: 'eu-west-1' } } };
    const result = ConnectionSchema.safeParse(broken);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['spec.providerRef']);
  });
});
