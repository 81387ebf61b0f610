/**
 * ClusterPlans against the Kubernetes emulator serving the Hibernator CRDs, through a kubeconfig
 * file as a user's cluster would be reached: discovery, lists, RBAC refusals, the live watch
 * (events within a second, reconnect, 410 relist) and the actions' writes.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { HibernatorEvent } from '../../../shared/api/events';
import { ConnectionSchema, type Connection } from '../../../shared/model';
import {
  hibernatorCrds,
  startKubeEmulator,
  type KubeEmulator,
  type KubeSeed,
} from '../../../test/cloud/kube';
import { ClusterPlans } from './cluster-plans';
import { createHibernatorClientFactory } from './hibernator-client-factory';

const A = 'hibernator.ardikabs.com/';
const PLAN_PATH = '/apis/hibernator.ardikabs.com/v1alpha1/namespaces/team-a/hibernateplans';

function seed(): KubeSeed {
  return {
    namespaces: [{ name: 'team-a' }, { name: 'team-b' }],
    customResources: hibernatorCrds({
      hibernateplans: [
        {
          namespace: 'team-a',
          name: 'dev-nights',
          annotations: {
            [`${A}override-action`]: 'true',
            [`${A}override-phase-target`]: 'hibernate',
            [`${A}override-until`]: '2026-12-04T12:00:00Z',
          },
          spec: {
            schedule: {
              timezone: 'UTC',
              offHours: [
                { start: '20:00', end: '06:00', daysOfWeek: ['MON', 'TUE', 'WED', 'THU', 'FRI'] },
              ],
            },
            execution: { strategy: { type: 'Sequential' } },
            targets: [
              { name: 'db', type: 'rds', connectorRef: { kind: 'CloudProvider', name: 'aws' } },
              {
                name: 'apps',
                type: 'workloadscaler',
                connectorRef: { kind: 'K8SCluster', name: 'k' },
              },
            ],
          },
          status: {
            phase: 'Hibernated',
            currentOperation: 'shutdown',
            lastTransitionTime: '2026-12-04T06:00:00Z',
            executions: [{ target: 'db', state: 'Completed', attempts: 1 }],
          },
        },
        {
          namespace: 'team-a',
          name: 'weekend',
          spec: {
            suspend: true,
            schedule: {
              timezone: 'UTC',
              offHours: [{ start: '00:00', end: '23:59', daysOfWeek: ['SAT', 'SUN'] }],
            },
            execution: { strategy: { type: 'Parallel' } },
            targets: [],
          },
          annotations: { [`${A}suspend-reason`]: 'release week' },
          status: { phase: 'Suspended' },
        },
      ],
      scheduleexceptions: [
        {
          namespace: 'team-a',
          name: 'dev-nights-xmas',
          spec: {
            planRef: { name: 'dev-nights' },
            type: 'extend',
            validFrom: '2026-12-20T00:00:00Z',
            validUntil: '2027-01-02T00:00:00Z',
            windows: [
              { start: '00:00', end: '23:59', daysOfWeek: ['MON', 'TUE', 'WED', 'THU', 'FRI'] },
            ],
          },
          status: { state: 'Pending' },
        },
      ],
      hibernatenotifications: [
        {
          namespace: 'team-a',
          name: 'slack',
          spec: {
            selector: {},
            onEvents: ['Start', 'Failure'],
            sinks: [{ name: 'team', type: 'slack' }],
          },
          status: { state: 'Active', watchedPlans: [{ name: 'dev-nights' }] },
        },
      ],
    }),
    tokens: {
      'team-b-blind': {
        user: 'alice',
        deny: [
          { verb: 'list', resource: 'hibernateplans', namespace: 'team-b' },
          { verb: 'patch', resource: 'hibernateplans', namespace: 'team-a', name: 'weekend' },
        ],
      },
    },
  };
}

let emu: KubeEmulator;
let dir: string;
let plans: ClusterPlans;
let events: HibernatorEvent[];
let factory: ReturnType<typeof createHibernatorClientFactory>;
const connections = new Map<string, Connection>();

function connection(name: string, kubeconfig: string): void {
  const path = join(dir, `${name}.yaml`);
  writeFileSync(path, kubeconfig);
  connections.set(
    name,
    ConnectionSchema.parse({
      apiVersion: 'hibernator.ardikabs.com/v1alpha1',
      kind: 'K8SCluster',
      metadata: { name },
      spec: { kubeconfig: { path } },
    }),
  );
}

async function raw(
  method: string,
  path: string,
  body: unknown,
  type = 'application/merge-patch+json',
): Promise<number> {
  const res = await fetch(`${emu.url}${path}`, {
    method,
    headers: { Authorization: `Bearer ${emu.token}`, 'Content-Type': type },
    body: JSON.stringify(body),
  });
  await res.text();
  return res.status;
}

function storedPlan(name: string) {
  const all = emu.state()['hibernator.ardikabs.com/hibernateplans'] ?? [];
  return all.find((o) => o.metadata.name === name);
}

/** Resolves with the first matching event; fails after `ms`. */
function nextEvent(match: (e: HibernatorEvent) => boolean, ms = 1000): Promise<HibernatorEvent> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const poll = (): void => {
      const found = events.find(match);
      if (found !== undefined) resolve(found);
      else if (Date.now() - started > ms) reject(new Error(`no matching event within ${ms} ms`));
      else setTimeout(poll, 10);
    };
    poll();
  });
}

beforeAll(async () => {
  emu = await startKubeEmulator({ seed: seed(), watchBookmarkMs: 200 });
  dir = mkdtempSync(join(tmpdir(), 'cluster-plans-'));
});
afterAll(async () => {
  await emu.close();
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => {
  emu.seed();
  events = [];
  connection('dev', emu.kubeconfig('dev'));
  connection('alice', emu.kubeconfig('alice').replace(emu.token, 'team-b-blind'));
  factory = createHibernatorClientFactory({ env: {} });
  plans = new ClusterPlans({
    connection: (name) => connections.get(name) ?? null,
    clients: factory,
    clock: { now: () => new Date('2026-12-04T10:00:00Z') },
    emit: (e) => events.push(e),
    sleep: (ms) => new Promise((r) => setTimeout(r, Math.min(ms, 20))),
  });
});
afterEach(() => {
  plans.close();
  factory.close();
});

describe('listClusterPlans', () => {
  it('maps each plan: phase, operation, override, suspension, targets and an estimated next transition', async () => {
    const list = await plans.list('dev', 'team-a');
    expect(list.served).toBe(true);
    const [dev, weekend] = list.plans;
    expect(dev).toMatchObject({
      connection: 'dev',
      namespace: 'team-a',
      name: 'dev-nights',
      phase: 'Hibernated',
      operation: 'shutdown',
      override: { phase: 'hibernate', until: '2026-12-04T12:00:00.000Z' },
      suspended: false,
      retryCount: 0,
      retryLimit: 3,
      lastTransitionTime: '2026-12-04T06:00:00Z',
      targets: [
        { name: 'db', type: 'rds', state: 'Completed', attempts: 1 },
        { name: 'apps', type: 'workloadscaler', state: null, attempts: 0 },
      ],
    });
    // The override keeps it asleep until 12:00, when the (awake) schedule takes over again.
    expect(dev?.nextTransition).toEqual({
      at: '2026-12-04T12:00:00.000Z',
      operation: 'wakeup',
      estimate: true,
    });
    expect(weekend).toMatchObject({
      name: 'weekend',
      phase: 'Suspended',
      suspended: true,
      suspendReason: 'release week',
      nextTransition: null,
    });
    expect(list.exceptions.map((e) => [e.name, e.plan, e.state])).toEqual([
      ['dev-nights-xmas', 'dev-nights', 'Pending'],
    ]);
    expect(list.notifications).toMatchObject([
      { name: 'slack', onEvents: ['Start', 'Failure'], sinks: ['team'] },
    ]);
  });

  it('lists every namespace when none is given', async () => {
    const list = await plans.list('dev');
    expect(list.plans.map((p) => `${p.namespace}/${p.name}`)).toEqual([
      'team-a/dev-nights',
      'team-a/weekend',
    ]);
  });

  it('answers an empty list and the reason for a cluster without the operator', async () => {
    emu.seed({ namespaces: [{ name: 'team-a' }] });
    const list = await plans.list('dev');
    expect(list).toMatchObject({ served: false, plans: [] });
    expect(list.reason).toContain('does not serve hibernator.ardikabs.com/v1alpha1');
  });

  it('names the verb, resource and namespace of an RBAC refusal', async () => {
    await expect(plans.list('alice', 'team-b')).rejects.toThrow(
      /cannot list hibernateplans in namespace team-b — grant "list" on "hibernateplans" in API group "hibernator.ardikabs.com" to user "alice"/,
    );
  });

  it("getClusterPlan adds the plan's exceptions, notifications and upcoming estimates", async () => {
    const detail = await plans.get('dev', 'team-a', 'dev-nights');
    expect(detail.exceptions.map((e) => e.name)).toEqual(['dev-nights-xmas']);
    expect(detail.notifications.map((n) => n.name)).toEqual(['slack']);
    expect(detail.upcoming[0]?.estimate).toBe(true);
  });
});

describe('the live watch', () => {
  it('reports a phase change within a second', async () => {
    await plans.list('dev', 'team-a');
    await raw('PATCH', `${PLAN_PATH}/dev-nights/status`, { status: { phase: 'Hibernating' } });
    const event = await nextEvent(
      (e) => e.type === 'ClusterPlanChanged' && e.phase === 'Hibernating',
    );
    expect(event).toMatchObject({
      connection: 'dev',
      namespace: 'team-a',
      name: 'dev-nights',
      kind: 'HibernatePlan',
      change: 'updated',
      from: 'Hibernated',
    });
    expect((await plans.list('dev', 'team-a')).plans[0]?.phase).toBe('Hibernating');
  });

  it('reconnects after the server ends the watch and misses nothing meanwhile', async () => {
    await plans.list('dev', 'team-a');
    emu.closeWatches();
    await raw('PATCH', `${PLAN_PATH}/weekend/status`, { status: { phase: 'Active' } });
    await nextEvent(
      (e) => e.type === 'ClusterPlanChanged' && e.name === 'weekend' && e.phase === 'Active',
    );
  });

  it('lists again when its resourceVersion is too old (410) and reports what changed', async () => {
    await plans.list('dev', 'team-a');
    emu.closeWatches();
    await raw('DELETE', `${PLAN_PATH}/weekend`, {});
    emu.compact();
    await nextEvent(
      (e) => e.type === 'ClusterPlanChanged' && e.name === 'weekend' && e.change === 'deleted',
      3000,
    );
    expect((await plans.list('dev', 'team-a')).plans.map((p) => p.name)).toEqual(['dev-nights']);
  });
});

describe('clusterPlanAction', () => {
  it('writes the override annotations and nothing else', async () => {
    const before = storedPlan('weekend');
    await raw('PATCH', `${PLAN_PATH}/weekend/status`, {
      status: { phase: 'Hibernated', currentOperation: 'shutdown' },
    });
    const result = await plans.action({
      connection: 'dev',
      namespace: 'team-a',
      name: 'dev-nights',
      action: 'wakeup',
    });
    expect(result.patch).toEqual({
      metadata: {
        annotations: { [`${A}override-phase-target`]: 'wakeup', [`${A}override-until`]: null },
      },
    });
    expect(result.plan.override).toEqual({ phase: 'wakeup', until: null });
    const stored = storedPlan('dev-nights');
    expect(stored?.metadata.annotations).toEqual({
      [`${A}override-action`]: 'true',
      [`${A}override-phase-target`]: 'wakeup',
    });
    expect(before?.spec).toEqual(storedPlan('weekend')?.spec);
  });

  it('refuses hibernate on a plan that is not Active or Hibernated with 409', async () => {
    await expect(
      plans.action({
        connection: 'dev',
        namespace: 'team-a',
        name: 'weekend',
        action: 'hibernate',
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('names verb, resource and namespace when RBAC refuses the patch', async () => {
    await expect(
      plans.action({ connection: 'alice', namespace: 'team-a', name: 'weekend', action: 'resume' }),
    ).rejects.toThrow(
      /cannot patch hibernateplans in namespace team-a — grant "patch" on "hibernateplans"/,
    );
  });
});
