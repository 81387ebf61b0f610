import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKubeEmulator, type KubeEmulator } from './kube-emulator';

describe('the /_emulator control API', () => {
  let emu: KubeEmulator;

  beforeAll(async () => {
    emu = await startKubeEmulator({
      seed: { deployments: [{ namespace: 'a', name: 'web', replicas: 2 }] },
    });
  });
  afterAll(async () => {
    await emu.close();
  });

  const call = async (
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; json: unknown; text: string }> => {
    const res = await fetch(`${emu.url}/_emulator/${path}`, {
      method,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: res.status, json, text };
  };
  const api = (path: string): Promise<Response> =>
    fetch(`${emu.url}${path}`, { headers: { Authorization: `Bearer ${emu.token}` } });

  it('replaces the state with a posted seed and reports it', async () => {
    const seeded = await call('POST', 'seed', {
      namespaces: [{ name: 'z', labels: { env: 'x' } }],
      nodepools: [{ name: 'p', nodes: 1 }],
    });
    expect(seeded.status).toBe(200);
    const state = await call('GET', 'state');
    expect(state.json).toMatchObject({
      'karpenter.sh/nodepools': [{ metadata: { name: 'p' } }],
      nodes: [{ metadata: { labels: { 'karpenter.sh/nodepool': 'p' } } }],
    });
    expect(JSON.stringify(state.json)).not.toContain('"web"');
  });

  it('rejects an invalid seed with the field path', async () => {
    const bad = await call('POST', 'seed', {
      deployments: [{ namespace: 'a', name: 'x', replicas: 'three' }],
    });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('deployments.0.replicas');
  });

  it('injects faults, counts calls and resets both', async () => {
    await call('POST', 'seed', {});
    await call('DELETE', 'calls');
    expect(
      (await call('POST', 'faults', { operation: 'list namespaces', status: 503, times: 1 }))
        .status,
    ).toBe(200);
    expect((await api('/api/v1/namespaces')).status).toBe(503);
    expect((await api('/api/v1/namespaces')).status).toBe(200);
    expect((await call('GET', 'calls')).json).toEqual({ 'list namespaces': 2 });
    await call('DELETE', 'faults');
    expect((await call('GET', 'faults')).json).toEqual([]);
  });

  it('serves a kubeconfig naming the requested context', async () => {
    const res = await call('GET', 'kubeconfig?context=demo');
    expect(res.text).toContain('current-context: demo');
    expect(res.text).toContain(emu.url);
  });

  it('answers an unknown action with 404 and requires a token on the API itself', async () => {
    expect((await call('GET', 'nothing')).status).toBe(404);
    expect((await fetch(`${emu.url}/api/v1/namespaces`)).status).toBe(401);
  });
});
