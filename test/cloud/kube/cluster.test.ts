import { beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from './client-helpers';
import { KubeCluster } from './cluster';
import { parseListQuery } from './list-query';
import { applySeed } from './seed';
import { KubeApiError } from './status';
import type { KubeObject, ResourceDef } from './types';

function def(cluster: KubeCluster, group: string, version: string, plural: string): ResourceDef {
  const d = cluster.registry.find(group, version, plural);
  if (d === undefined) throw new Error(`no ${plural}`);
  return d;
}

function apiError(fn: () => unknown): KubeApiError {
  try {
    fn();
  } catch (err) {
    if (err instanceof KubeApiError) return err;
    throw err;
  }
  throw new Error('expected a KubeApiError');
}

describe('KubeCluster', () => {
  let cluster: KubeCluster;
  let deployments: ResourceDef;
  let nodepools: ResourceDef;

  beforeEach(() => {
    cluster = new KubeCluster({ clock: new ManualClock(), replicaDelayMs: 0, nodeDelayMs: 0 });
    applySeed(cluster, {
      deployments: [
        { namespace: 'a', name: 'web', replicas: 2 },
        { namespace: 'b', name: 'web', replicas: 1 },
      ],
      nodepools: [{ name: 'default', nodes: 2 }],
    });
    deployments = def(cluster, 'apps', 'v1', 'deployments');
    nodepools = def(cluster, 'karpenter.sh', 'v1', 'nodepools');
  });

  it('keeps the resourceVersion of a write that changes nothing', () => {
    const before = cluster.get(deployments, 'a', 'web');
    const after = cluster.patch(deployments, 'a', 'web', 'merge', { spec: { replicas: 2 } });
    expect(after.metadata.resourceVersion).toBe(before.metadata.resourceVersion);
  });

  it('bumps generation on spec changes but not on label changes', () => {
    const labelled = cluster.patch(deployments, 'a', 'web', 'merge', {
      metadata: { labels: { x: 'y' } },
    });
    expect(labelled.metadata.generation).toBe(1);
    const scaled = cluster.patch(deployments, 'a', 'web', 'merge', { spec: { replicas: 5 } });
    expect(scaled.metadata.generation).toBe(2);
    expect(Number(scaled.metadata.resourceVersion)).toBeGreaterThan(
      Number(labelled.metadata.resourceVersion),
    );
  });

  it('ignores status written through the main resource', () => {
    const patched = cluster.patch(deployments, 'a', 'web', 'merge', {
      status: { readyReplicas: 99 },
    });
    expect(patched.status).toMatchObject({ readyReplicas: 2 });
  });

  it('refuses a custom resource update without a resourceVersion with 422, and a stale one with 409', () => {
    const pool = cluster.get(nodepools, undefined, 'default');
    const withoutRv: KubeObject = { ...pool, metadata: { ...pool.metadata, resourceVersion: '' } };
    expect(apiError(() => cluster.update(nodepools, undefined, 'default', withoutRv)).code).toBe(
      422,
    );
    cluster.patch(nodepools, undefined, 'default', 'merge', { spec: { weight: 10 } });
    expect(apiError(() => cluster.update(nodepools, undefined, 'default', pool)).body.reason).toBe(
      'Conflict',
    );
  });

  it('does not persist dry-run writes', () => {
    cluster.patch(deployments, 'a', 'web', 'merge', { spec: { replicas: 0 } }, true);
    cluster.delete(nodepools, undefined, 'default', undefined, true);
    expect(cluster.get(deployments, 'a', 'web').spec).toMatchObject({ replicas: 2 });
    expect(cluster.get(nodepools, undefined, 'default').metadata.name).toBe('default');
  });

  it('deletes a namespace with its contents and answers with the terminating namespace', () => {
    const ns = def(cluster, '', 'v1', 'namespaces');
    const answer = cluster.delete(ns, undefined, 'a', undefined);
    expect(answer).toMatchObject({ kind: 'Namespace', status: { phase: 'Terminating' } });
    expect(
      cluster
        .list(deployments, undefined, parseListQuery(new URLSearchParams()))
        .items.map((d) => d.metadata.namespace),
    ).toEqual(['b']);
  });

  it('answers a NodePool delete with a Success Status and removes its nodes when there is no drain delay', () => {
    const answer = cluster.delete(nodepools, undefined, 'default', undefined);
    expect(answer).toMatchObject({
      kind: 'Status',
      status: 'Success',
      details: { name: 'default', group: 'karpenter.sh', kind: 'nodepools' },
    });
    expect(cluster.snapshot().nodes ?? []).toHaveLength(0);
  });

  it('validates selectors against template labels and names against RFC 1123', () => {
    const bad = apiError(() =>
      cluster.create(deployments, 'a', {
        metadata: { name: 'Bad_Name' },
        spec: {
          selector: { matchLabels: { app: 'x' } },
          template: { metadata: { labels: { app: 'y' } } },
        },
      }),
    );
    expect(bad.code).toBe(422);
    expect(bad.body.message).toContain(
      'Deployment.apps "Bad_Name" is invalid: [metadata.name: Invalid value: "Bad_Name"',
    );
    expect(bad.body.message).toContain('spec.template.metadata.labels: Invalid value');
  });
});
