import { describe, expect, it } from 'vitest';
import {
  captureNodePool,
  nodePoolGvr,
  NodePoolStateSchema,
  recreatableNodePool,
} from './nodepool-state';

const live = {
  apiVersion: 'karpenter.sh/v1',
  kind: 'NodePool',
  metadata: {
    name: 'default',
    uid: '2c72',
    resourceVersion: '1004',
    creationTimestamp: '2026-01-05T08:00:00Z',
    generation: 3,
    managedFields: [{ manager: 'kubectl' }],
    finalizers: ['karpenter.sh/termination'],
    labels: { env: 'staging' },
    annotations: { 'karpenter.sh/nodepool-hash': '123', note: 'keep me' },
  },
  spec: { limits: { cpu: '1000' }, template: { spec: { expireAfter: '720h' } } },
  status: { resources: { nodes: '3' }, conditions: [{ type: 'Ready', status: 'True' }] },
};

describe('NodePool capture', () => {
  it('keeps the whole object except the field-ownership bookkeeping', () => {
    const captured = captureNodePool(live, 'karpenter.sh/v1');
    expect(captured).toMatchObject({
      spec: live.spec,
      status: live.status,
      metadata: {
        labels: live.metadata.labels,
        annotations: live.metadata.annotations,
        uid: '2c72',
      },
    });
    expect((captured.metadata as Record<string, unknown>).managedFields).toBeUndefined();
    expect(NodePoolStateSchema.safeParse(captured).success).toBe(true);
  });

  it('creates again from spec, labels and annotations only, without what the server owns', () => {
    const state = NodePoolStateSchema.parse(captureNodePool(live, 'karpenter.sh/v1'));
    expect(recreatableNodePool(state)).toEqual({
      apiVersion: 'karpenter.sh/v1',
      kind: 'NodePool',
      metadata: {
        name: 'default',
        labels: live.metadata.labels,
        annotations: live.metadata.annotations,
      },
      spec: live.spec,
    });
    expect(state.metadata.resourceVersion).toBe('1004');
  });

  it('fills in apiVersion and kind when the list did not carry them', () => {
    const { apiVersion: _a, kind: _k, ...bare } = live;
    expect(captureNodePool(bare, 'karpenter.sh/v1beta1')).toMatchObject({
      apiVersion: 'karpenter.sh/v1beta1',
      kind: 'NodePool',
    });
  });

  it('rejects a state that is not a karpenter NodePool', () => {
    expect(
      NodePoolStateSchema.safeParse({
        apiVersion: 'apps/v1',
        kind: 'NodePool',
        metadata: { name: 'x' },
        spec: {},
      }).success,
    ).toBe(false);
    expect(
      NodePoolStateSchema.safeParse({
        apiVersion: 'karpenter.sh/v1',
        kind: 'NodePool',
        metadata: { name: 'x' },
      }).success,
    ).toBe(false);
  });

  it('addresses the NodePool at the version it was captured from', () => {
    expect(nodePoolGvr('karpenter.sh/v1beta1')).toEqual({
      group: 'karpenter.sh',
      version: 'v1beta1',
      resource: 'nodepools',
    });
  });
});
