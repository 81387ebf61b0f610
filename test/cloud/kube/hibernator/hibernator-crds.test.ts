/**
 * The Hibernator CRDs as the emulator serves them, spoken to over raw HTTP so the exact media
 * types, query parameters and watch stream are what is tested: discovery, namespaced CRUD, the
 * status subresource, JSON merge patch, server-side apply and watch with resume and 410.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startKubeEmulator, type KubeEmulator } from '../kube-emulator';
import type { KubeSeed } from '../seed';
import { hibernatorCrds } from './hibernator-crds';

const BASE = '/apis/hibernator.ardikabs.com/v1alpha1';
const PLANS = `${BASE}/namespaces/team-a/hibernateplans`;

function seed(): KubeSeed {
  return {
    namespaces: [{ name: 'team-a' }],
    customResources: hibernatorCrds({
      hibernateplans: [
        {
          namespace: 'team-a',
          name: 'dev-nights',
          annotations: { owner: 'platform' },
          spec: {
            schedule: {
              timezone: 'UTC',
              offHours: [{ start: '20:00', end: '06:00', daysOfWeek: ['MON', 'TUE'] }],
            },
            execution: { strategy: { type: 'Parallel' } },
            targets: [],
          },
          status: { phase: 'Active' },
        },
      ],
    }),
  };
}

let emu: KubeEmulator;

async function call(
  method: string,
  path: string,
  body?: unknown,
  contentType = 'application/json',
): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(`${emu.url}${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${emu.token}`,
      ...(body === undefined ? {} : { 'Content-Type': contentType }),
    },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

interface WatchEvent {
  type: string;
  object: {
    metadata: { name?: string; resourceVersion: string; annotations?: Record<string, string> };
    code?: number;
    reason?: string;
  };
}

/** Opens a watch and collects its events until `until` holds (or the stream ends). */
async function watch(
  query: string,
  until: (events: WatchEvent[]) => boolean,
  during?: () => Promise<void>,
): Promise<{ events: WatchEvent[]; ended: boolean }> {
  const controller = new AbortController();
  const res = await fetch(`${emu.url}${PLANS}?watch=true${query}`, {
    headers: { Authorization: `Bearer ${emu.token}` },
    signal: controller.signal,
  });
  expect(res.status).toBe(200);
  const events: WatchEvent[] = [];
  const reader = res.body?.getReader();
  if (reader === undefined) throw new Error('no body');
  const decoder = new TextDecoder();
  let buffer = '';
  let ended = false;
  const pending = during?.();
  const deadline = Date.now() + 5000;
  while (!until(events) && Date.now() < deadline) {
    const { done, value } = await reader.read();
    if (done) {
      ended = true;
      break;
    }
    buffer += decoder.decode(value, { stream: true });
    let nl = buffer.indexOf('\n');
    while (nl >= 0) {
      events.push(JSON.parse(buffer.slice(0, nl)) as WatchEvent);
      buffer = buffer.slice(nl + 1);
      nl = buffer.indexOf('\n');
    }
  }
  await pending;
  controller.abort();
  return { events, ended };
}

beforeAll(async () => {
  emu = await startKubeEmulator({ seed: seed(), watchBookmarkMs: 100 });
});
afterAll(async () => {
  await emu.close();
});
beforeEach(() => {
  emu.seed();
});

describe('Hibernator CRDs in the kube emulator', () => {
  it('lists the hibernator group and its resources with the status subresource in discovery', async () => {
    const groups = await call('GET', '/apis');
    expect(JSON.stringify(groups.json)).toContain('hibernator.ardikabs.com/v1alpha1');
    const list = await call('GET', BASE);
    const names = (list.json.resources as Array<{ name: string; verbs: string[] }>).map(
      (r) => r.name,
    );
    expect(names).toEqual(
      expect.arrayContaining([
        'hibernateplans',
        'hibernateplans/status',
        'scheduleexceptions',
        'hibernatenotifications',
      ]),
    );
    const plans = (list.json.resources as Array<{ name: string; verbs: string[] }>).find(
      (r) => r.name === 'hibernateplans',
    );
    expect(plans?.verbs).toContain('watch');
  });

  it('does not serve the group when the seed has no hibernator CRDs', async () => {
    emu.seed({ namespaces: [{ name: 'team-a' }] });
    expect((await call('GET', BASE)).status).toBe(404);
  });

  it('merge-patches annotations and spec without touching status, bumping generation only for spec', async () => {
    const annotated = await call(
      'PATCH',
      `${PLANS}/dev-nights`,
      { metadata: { annotations: { 'hibernator.ardikabs.com/restart': 'true' } } },
      'application/merge-patch+json',
    );
    expect(annotated.status).toBe(200);
    const meta = annotated.json.metadata as {
      annotations: Record<string, string>;
      generation: number;
    };
    expect(meta.annotations).toEqual({
      owner: 'platform',
      'hibernator.ardikabs.com/restart': 'true',
    });
    expect(meta.generation).toBe(1);
    const suspended = await call(
      'PATCH',
      `${PLANS}/dev-nights`,
      { spec: { suspend: true }, status: { phase: 'Hibernated' } },
      'application/merge-patch+json',
    );
    expect((suspended.json.spec as { suspend: boolean }).suspend).toBe(true);
    expect((suspended.json.metadata as { generation: number }).generation).toBe(2);
    expect(suspended.json.status).toEqual({ phase: 'Active' });
  });

  it('writes status only through the status subresource', async () => {
    const current = await call('GET', `${PLANS}/dev-nights`);
    const body = {
      ...current.json,
      spec: { changed: true },
      status: { phase: 'Hibernating', currentOperation: 'shutdown' },
    };
    const put = await call('PUT', `${PLANS}/dev-nights/status`, body);
    expect(put.status).toBe(200);
    expect(put.json.status).toEqual({ phase: 'Hibernating', currentOperation: 'shutdown' });
    expect((put.json.spec as Record<string, unknown>).changed).toBeUndefined();
    const patched = await call(
      'PATCH',
      `${PLANS}/dev-nights/status`,
      { status: { phase: 'Hibernated' } },
      'application/merge-patch+json',
    );
    expect(patched.json.status).toEqual({ phase: 'Hibernated', currentOperation: 'shutdown' });
  });

  it('creates, lists and deletes plans in a namespace', async () => {
    const created = await call('POST', PLANS, {
      apiVersion: 'hibernator.ardikabs.com/v1alpha1',
      kind: 'HibernatePlan',
      metadata: { name: 'second' },
      spec: { targets: [] },
      status: { phase: 'Hibernated' },
    });
    expect(created.status).toBe(201);
    expect(created.json.status).toBeUndefined();
    const list = await call('GET', PLANS);
    expect(
      (list.json.items as Array<{ metadata: { name: string } }>).map((i) => i.metadata.name),
    ).toEqual(['dev-nights', 'second']);
    expect((await call('DELETE', `${PLANS}/second`)).status).toBe(200);
    expect((await call('GET', `${PLANS}/second`)).status).toBe(404);
  });
});

describe('server-side apply', () => {
  const APPLY = 'application/apply-patch+yaml';
  const config = (suspend: boolean, extra: Record<string, unknown> = {}): unknown => ({
    apiVersion: 'hibernator.ardikabs.com/v1alpha1',
    kind: 'HibernatePlan',
    metadata: { name: 'published' },
    spec: { suspend, targets: [], ...extra },
  });

  it('creates a missing object and records the manager as owner of what it applied', async () => {
    const res = await call(
      'PATCH',
      `${PLANS}/published?fieldManager=hibernator-desktop`,
      config(false),
      APPLY,
    );
    expect(res.status).toBe(201);
    const managed = (res.json.metadata as { managedFields: Array<Record<string, unknown>> })
      .managedFields;
    expect(managed).toEqual([
      expect.objectContaining({
        manager: 'hibernator-desktop',
        operation: 'Apply',
        fieldsV1: { 'f:spec': { 'f:suspend': {}, 'f:targets': {} } },
      }),
    ]);
  });

  it('accepts a YAML body', async () => {
    const yaml = [
      'apiVersion: hibernator.ardikabs.com/v1alpha1',
      'kind: HibernatePlan',
      'metadata:',
      '  name: published',
      'spec:',
      '  suspend: true',
    ].join('\n');
    const res = await call('PATCH', `${PLANS}/published?fieldManager=me`, yaml, APPLY);
    expect(res.status).toBe(201);
    expect(res.json.spec).toEqual({ suspend: true });
  });

  it('refuses an apply without fieldManager', async () => {
    const res = await call('PATCH', `${PLANS}/published`, config(false), APPLY);
    expect(res.status).toBe(422);
    expect(res.json.message).toContain('fieldManager: Required value');
  });

  it('refuses to change a field another manager owns, naming it, unless forced', async () => {
    const body = {
      apiVersion: 'hibernator.ardikabs.com/v1alpha1',
      kind: 'HibernatePlan',
      metadata: { name: 'dev-nights' },
      spec: { execution: { strategy: { type: 'Sequential' } } },
    };
    const refused = await call(
      'PATCH',
      `${PLANS}/dev-nights?fieldManager=hibernator-desktop`,
      body,
      APPLY,
    );
    expect(refused.status).toBe(409);
    expect(refused.json.reason).toBe('Conflict');
    expect(refused.json.message).toBe(
      'Apply failed with 1 conflict: conflict with "kubectl-client-side-apply" using hibernator.ardikabs.com/v1alpha1: .spec.execution.strategy.type',
    );
    expect((refused.json.details as { causes: unknown[] }).causes).toEqual([
      {
        reason: 'FieldManagerConflict',
        message: 'conflict with "kubectl-client-side-apply" using hibernator.ardikabs.com/v1alpha1',
        field: '.spec.execution.strategy.type',
      },
    ]);
    const forced = await call(
      'PATCH',
      `${PLANS}/dev-nights?fieldManager=hibernator-desktop&force=true`,
      body,
      APPLY,
    );
    expect(forced.status).toBe(200);
    expect((forced.json.spec as { execution: unknown }).execution).toEqual({
      strategy: { type: 'Sequential' },
    });
    // The rest of the spec stays, still owned by its first manager.
    expect((forced.json.spec as { schedule: { timezone: string } }).schedule.timezone).toBe('UTC');
  });

  it('shares a field another manager owns when the applied value is the same', async () => {
    const same = await call(
      'PATCH',
      `${PLANS}/dev-nights?fieldManager=hibernator-desktop`,
      {
        apiVersion: 'hibernator.ardikabs.com/v1alpha1',
        kind: 'HibernatePlan',
        metadata: { name: 'dev-nights' },
        spec: { execution: { strategy: { type: 'Parallel' } } },
      },
      APPLY,
    );
    expect(same.status).toBe(200);
  });

  it('removes fields the manager applied before and leaves out now', async () => {
    await call('PATCH', `${PLANS}/published?fieldManager=me`, config(true, { extra: 1 }), APPLY);
    const res = await call('PATCH', `${PLANS}/published?fieldManager=me`, config(true), APPLY);
    expect(res.json.spec).toEqual({ suspend: true, targets: [] });
  });

  it('refuses force on a merge patch', async () => {
    const res = await call(
      'PATCH',
      `${PLANS}/dev-nights?force=true`,
      { spec: { suspend: true } },
      'application/merge-patch+json',
    );
    expect(res.status).toBe(422);
  });

  it('makes a merge patch by another client the owner of the fields it changed', async () => {
    await call('PATCH', `${PLANS}/published?fieldManager=me`, config(false), APPLY);
    await call(
      'PATCH',
      `${PLANS}/published?fieldManager=kubectl-hibernator`,
      { spec: { suspend: true } },
      'application/merge-patch+json',
    );
    const again = await call('PATCH', `${PLANS}/published?fieldManager=me`, config(false), APPLY);
    expect(again.status).toBe(409);
    expect(again.json.message).toContain('"kubectl-hibernator"');
  });
});

describe('watch', () => {
  it('starts with the current objects as ADDED, then streams changes', async () => {
    const { events } = await watch(
      '',
      (ev) => ev.some((e) => e.type === 'MODIFIED'),
      async () => {
        await new Promise((r) => setTimeout(r, 50));
        await call(
          'PATCH',
          `${PLANS}/dev-nights`,
          { metadata: { annotations: { a: 'b' } } },
          'application/merge-patch+json',
        );
      },
    );
    expect(events.map((e) => [e.type, e.object.metadata.name])).toEqual([
      ['ADDED', 'dev-nights'],
      ['MODIFIED', 'dev-nights'],
    ]);
    expect(events[1]?.object.metadata.annotations?.a).toBe('b');
  });

  it('replays the changes after a resourceVersion', async () => {
    const before = await call('GET', `${PLANS}/dev-nights`);
    const rv = (before.json.metadata as { resourceVersion: string }).resourceVersion;
    await call('DELETE', `${PLANS}/dev-nights`);
    const { events } = await watch(`&resourceVersion=${rv}`, (ev) => ev.length >= 1);
    expect(events[0]?.type).toBe('DELETED');
    expect(Number(events[0]?.object.metadata.resourceVersion)).toBeGreaterThan(Number(rv));
  });

  it('answers a resourceVersion older than its history with one ERROR event, 410 Expired', async () => {
    const before = await call('GET', `${PLANS}/dev-nights`);
    const rv = (before.json.metadata as { resourceVersion: string }).resourceVersion;
    await call(
      'PATCH',
      `${PLANS}/dev-nights`,
      { metadata: { annotations: { a: 'b' } } },
      'application/merge-patch+json',
    );
    emu.compact();
    const { events, ended } = await watch(`&resourceVersion=${rv}`, () => false);
    expect(ended).toBe(true);
    expect(events).toHaveLength(1);
    expect(events[0]?.type).toBe('ERROR');
    expect(events[0]?.object.code).toBe(410);
    expect(events[0]?.object.reason).toBe('Expired');
  });

  it('sends bookmarks with the current resourceVersion when allowed', async () => {
    const { events } = await watch('&allowWatchBookmarks=true', (ev) =>
      ev.some((e) => e.type === 'BOOKMARK'),
    );
    const mark = events.find((e) => e.type === 'BOOKMARK');
    expect(Number(mark?.object.metadata.resourceVersion)).toBeGreaterThan(1000);
  });

  it('ends open watches when the server closes them', async () => {
    const { ended } = await watch(
      '',
      () => false,
      async () => {
        await new Promise((r) => setTimeout(r, 50));
        expect(emu.openWatches()).toBe(1);
        emu.closeWatches();
      },
    );
    expect(ended).toBe(true);
  });
});
