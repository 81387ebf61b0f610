import BetterSqlite3 from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeWorld } from './fake-world';
import { planObject, startTestEngine, type TestEngine } from './harness';

let t: TestEngine;
afterEach(async () => {
  await t?.close();
});

const fixture = (name: string): string =>
  readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');

describe('service', () => {
  it('imports all or nothing, and a dry run applies nothing', async () => {
    t = await startTestEngine();
    const yaml = fixture('plans/sequential-noop.yaml');
    const dry = await t.call('importYaml', { yaml, dryRun: true });
    expect(dry).toMatchObject({ ok: true, dryRun: true });
    expect(await t.call('listPlans', {})).toEqual([]);
    const bad = await t.call('importYaml', {
      yaml: `${yaml}\n---\n${fixture('invalid/full-day-name.yaml')}`,
    });
    expect(bad.ok).toBe(false);
    expect(
      bad.items
        .flatMap((i) => i.errors)
        .some((e) => e.message.includes('"Monday" is not a day; use MON..SUN')),
    ).toBe(true);
    expect(await t.call('listPlans', {})).toEqual([]);
    const good = await t.call('importYaml', { yaml });
    expect(good.ok).toBe(true);
    expect((await t.call('listPlans', {})).map((p) => p.name)).toEqual(['demo']);
  });

  it('imports the Hibernator objects of a file that also holds a Secret and a Deployment, naming what it skipped', async () => {
    t = await startTestEngine();
    const yaml = [
      fixture('plans/sequential-noop.yaml'),
      'apiVersion: v1\nkind: Secret\nmetadata: { name: slack-webhook }\nstringData: { config: "{}" }\n',
      'apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: web }\n',
    ].join('\n---\n');
    const result = await t.call('importYaml', { yaml });
    expect(result.ok).toBe(true);
    expect(result.items.map((i) => [i.kind, i.applied, i.warnings.map((w) => w.message)])).toEqual([
      ['HibernatePlan', true, []],
      ['Secret', false, [expect.stringMatching(/is a Secret "slack-webhook" \(v1\): skipped/)]],
      ['Deployment', false, [expect.stringMatching(/is a Deployment "web" \(apps\/v1\): skipped/)]],
    ]);
    expect((await t.call('listPlans', {})).map((p) => p.name)).toEqual(['demo']);

    const onlyOthers = await t.call('importYaml', {
      yaml: 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: c }\n',
    });
    expect(onlyOthers.ok).toBe(false);
    expect(onlyOthers.errors[0]?.message).toMatch(
      /no Hibernator objects \(every document was skipped\)/,
    );
  });

  it('keeps an exception whose plan is not here as Detached, with a warning, as validate and the operator do', async () => {
    t = await startTestEngine();
    const exception = {
      apiVersion: 'hibernator.ardikabs.com/v1alpha1',
      kind: 'ScheduleException',
      metadata: { name: 'late-demo' },
      spec: {
        planRef: { name: 'later-plan' },
        type: 'suspend',
        validFrom: '2026-01-28T00:00:00Z',
        validUntil: '2026-01-29T00:00:00Z',
        windows: [{ start: '20:00', end: '23:00', daysOfWeek: ['WED'] }],
      },
    };
    const { stringify } = await import('yaml');
    const imported = await t.call('importYaml', { yaml: stringify(exception) });
    expect(imported.ok).toBe(true);
    expect(imported.items[0]).toMatchObject({ applied: true });
    expect(imported.items[0]?.warnings.map((w) => w.message)).toEqual([
      'no plan named "later-plan" is known: the exception takes effect once a plan with that name exists',
    ]);
    const applied = await t.call('applyException', {
      exception: { ...exception, metadata: { name: 'another' } },
    });
    expect(applied.warnings.map((w) => w.path)).toEqual(['spec.planRef.name']);
    expect((await t.call('listExceptions', {})).map((e) => e.metadata.name)).toEqual([
      'another',
      'late-demo',
    ]);
  });

  it('a stored plan that breaks a rule added later still loads and runs, and its detail says what to fix', async () => {
    t = await startTestEngine();
    await t.call('applyPlan', { plan: planObject({ targets: ['web'] }) });
    // As an older version saved it: a label key the API server would refuse.
    const db = new BetterSqlite3(join(t.dataDir, 'hibernator.db'));
    const row = db.prepare('SELECT object_json FROM plans WHERE name = ?').get('dev') as {
      object_json: string;
    };
    const stored = JSON.parse(row.object_json) as { metadata: Record<string, unknown> };
    stored.metadata.labels = { 'bad key!': 'v' };
    db.prepare('UPDATE plans SET object_json = ? WHERE name = ?').run(
      JSON.stringify(stored),
      'dev',
    );
    db.close();
    await t.restart();
    const detail = await t.call('getPlan', { name: 'dev' });
    expect(detail.plan.metadata.labels).toEqual({ 'bad key!': 'v' });
    expect(detail.warnings).toEqual([
      {
        path: 'metadata.labels["bad key!"]',
        message: expect.stringMatching(/fix it on the next edit\)$/),
      },
    ]);
    expect((await t.call('listPlans', {})).map((p) => p.name)).toEqual(['dev']);
  });

  it('export then import into another engine gives the same plans and exceptions', async () => {
    t = await startTestEngine();
    const yaml = `${fixture('plans/dag-dev-env.yaml')}\n---\n${fixture('exceptions/all-types.yaml')}`;
    const imported = await t.call('importYaml', { yaml });
    expect(imported.errors).toEqual([]);
    expect(imported.items.filter((i) => i.errors.length > 0)).toEqual([]);
    const exported = (await t.call('exportYaml', {})).yaml;
    const plansBefore = await t.call('listPlans', {});
    const exceptionsBefore = await t.call('listExceptions', {});
    await t.close();
    t = await startTestEngine();
    expect((await t.call('importYaml', { yaml: exported })).ok).toBe(true);
    expect((await t.call('listPlans', {})).map((p) => p.name)).toEqual(
      plansBefore.map((p) => p.name),
    );
    // end "24:00" comes back as the operator's "23:59" (the same end of day).
    expect(await t.call('listExceptions', {})).toEqual(
      JSON.parse(JSON.stringify(exceptionsBefore).replaceAll('"end":"24:00"', '"end":"23:59"')),
    );
  });

  it('a forced delete keeps the restore points as orphaned', async () => {
    const world = new FakeWorld().add('web', 'i-1', true);
    t = await startTestEngine('2026-01-28T12:00:00Z', world);
    await t.call('applyPlan', { plan: planObject({ targets: ['web'] }) });
    await t.advanceTo('2026-01-28T20:00:00Z');
    await expect(t.call('deletePlan', { name: 'dev' })).rejects.toThrow(/wake it first/);
    await t.call('deletePlan', { name: 'dev', force: true });
    const points = await t.call('listRestorePoints', {});
    expect(points).toEqual([
      expect.objectContaining({ plan: 'dev', target: 'web', orphaned: true }),
    ]);
    expect(world.running('web')).toEqual([]);
  });

  it('dry run lists what each target would touch and changes nothing', async () => {
    const world = new FakeWorld().add('web', 'i-1', true).add('web', 'i-2', false);
    t = await startTestEngine('2026-01-28T12:00:00Z', world);
    await t.call('applyPlan', { plan: planObject({ targets: ['web'] }) });
    const result = await t.call('discover', { plan: 'dev' });
    expect(result.summary).toBe('stop 1, skip 1');
    expect(result.targets[0]?.actions.map((a) => a.description)).toEqual([
      'stop i-1',
      'skip i-2: already stopped',
    ]);
    expect(world.calls).toEqual([]);
    // An unsaved draft from the editor can be dry-run too.
    const draft = await t.call('discover', {
      plan: planObject({ name: 'draft', targets: ['web'] }),
    });
    expect(draft.plan).toBe('draft');
  });

  it('pause all suspends every plan and resumes only those it paused', async () => {
    t = await startTestEngine();
    await t.call('applyPlan', { plan: planObject({ name: 'a', targets: ['x'] }) });
    await t.call('applyPlan', { plan: planObject({ name: 'b', targets: ['x'] }) });
    await t.call('suspend', { plan: 'b', reason: 'by hand' });
    const paused = await t.call('pauseAll', { paused: true });
    expect(paused.plans).toEqual(['a']);
    await t.settle();
    expect(await t.phase('a')).toBe('Suspended');
    const resumed = await t.call('pauseAll', { paused: false });
    expect(resumed.plans).toEqual(['a']);
    await t.settle();
    expect(await t.phase('a')).toBe('Active');
    expect(await t.phase('b')).toBe('Suspended');
  });

  it('settings are validated, stored and announced', async () => {
    t = await startTestEngine();
    const settings = await t.call('updateSettings', {
      settings: { headsUpMinutes: 15, notifications: { headsUp: false } },
    });
    expect(settings.headsUpMinutes).toBe(15);
    expect(settings.notifications).toMatchObject({ headsUp: false, failures: true });
    await expect(
      t.call('updateSettings', { settings: { headsUpMinutes: -1 } as never }),
    ).rejects.toThrow(/headsUpMinutes/);
    await t.restart();
    expect((await t.call('getSettings', {})).headsUpMinutes).toBe(15);
    expect(t.eventsOf('SettingsChanged')).toHaveLength(1);
  });

  it('patching a restore point is validated with the executor state schema', async () => {
    const world = new FakeWorld().add('web', 'i-1', true);
    t = await startTestEngine('2026-01-28T12:00:00Z', world);
    await t.call('applyPlan', { plan: planObject({ targets: ['web'] }) });
    await t.advanceTo('2026-01-28T20:00:00Z');
    await expect(
      t.call('patchRestorePoint', {
        plan: 'dev',
        target: 'web',
        key: 'i-1',
        state: { running: 'yes' },
      }),
    ).rejects.toThrow(/state.running/);
    const patched = await t.call('patchRestorePoint', {
      plan: 'dev',
      target: 'web',
      key: 'i-1',
      state: { running: true, size: 16 },
    });
    expect(patched.resources[0]?.state).toEqual({ running: true, size: 16 });
    await t.advanceTo('2026-01-29T06:00:00Z');
    expect(world.get('web', 'i-1')?.size).toBe(16);
  });
});
