import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../store/database';
import { RestoreStore, STALE_EVICTION_COUNT, type ResourceCapture } from './restore-store';

let store: RestoreStore;
const T0 = new Date('2026-01-28T20:00:00Z');
const later = (minutes: number): Date => new Date(T0.getTime() + minutes * 60_000);

const running = (key: string, extra: Record<string, unknown> = {}): ResourceCapture => ({
  key,
  state: { wasRunning: true, ...extra },
  isLive: true,
});
const stopped = (key: string): ResourceCapture => ({
  key,
  state: { wasRunning: false },
  isLive: false,
});

function save(cycleId: string, resources: ResourceCapture[], now = T0): number {
  return store.saveOrPreserve({ plan: 'p', target: 't', executor: 'ec2', cycleId, resources, now });
}

function states(cycleId = 'c1'): Record<string, unknown> {
  const point = store.load('p', 't', cycleId);
  return Object.fromEntries((point?.resources ?? []).map((r) => [r.key, r.state]));
}

beforeEach(() => {
  store = new RestoreStore(openDatabase(join(mkdtempSync(join(tmpdir(), 'hib-rs-')), 'h.db')));
});

describe('saveOrPreserve', () => {
  it('stores the first capture of a target in the open cycle', () => {
    save('c1', [running('i-1'), stopped('i-2')]);
    expect(states()).toEqual({ 'i-1': { wasRunning: true }, 'i-2': { wasRunning: false } });
    expect(store.inspect('p', 't', 'c1', true)).toMatchObject({
      isLive: true,
      cycleId: 'c1',
      open: true,
      resourceCount: 2,
    });
  });

  it('keeps a live capture when a retry finds the resource already stopped', () => {
    save('c1', [running('i-1')]);
    save('c1', [stopped('i-1')], later(5));
    expect(states()).toEqual({ 'i-1': { wasRunning: true } });
  });

  it('upgrades a not-live capture when the resource was started in between', () => {
    save('c1', [stopped('i-1')]);
    save('c1', [running('i-1')], later(5));
    expect(states()).toEqual({ 'i-1': { wasRunning: true } });
    expect(store.inspect('p', 't', 'c1', true).isLive).toBe(true);
  });

  it('keeps the first write when both captures have the same quality', () => {
    save('c1', [running('i-1', { type: 't3.large' })]);
    save('c1', [running('i-1', { type: 't3.small' })], later(5));
    expect(states()).toEqual({ 'i-1': { wasRunning: true, type: 't3.large' } });
  });

  it('adds a resource reported for the first time on a retry', () => {
    save('c1', [running('i-1')]);
    save('c1', [running('i-2')], later(5));
    expect(Object.keys(states())).toEqual(['i-1', 'i-2']);
  });

  it('keeps a resource that a retry did not report', () => {
    save('c1', [running('i-1'), running('i-2')]);
    save('c1', [running('i-2')], later(5));
    expect(Object.keys(states())).toEqual(['i-1', 'i-2']);
  });

  it('starts a new cycle on a consumed point: reported keys replaced, unreported ones stale', () => {
    save('c1', [running('i-1'), running('i-2')]);
    save('c2', [stopped('i-1')], later(60 * 24));
    const point = store.inspect('p', 't', 'c2', true);
    expect(point.cycleId).toBe('c2');
    expect(point.resources.find((r) => r.key === 'i-1')).toMatchObject({
      state: { wasRunning: false },
      staleCount: 0,
    });
    expect(point.resources.find((r) => r.key === 'i-2')).toMatchObject({ staleCount: 1 });
    // A stale resource is not woken.
    expect(Object.keys(states('c2'))).toEqual(['i-1']);
  });

  it(`forgets a resource not seen for ${STALE_EVICTION_COUNT} cycles in a row`, () => {
    save('c1', [running('i-1'), running('gone')]);
    save('c2', [running('i-1')], later(1));
    save('c3', [running('i-1')], later(2));
    expect(
      store.inspect('p', 't', 'c3', true).resources.find((r) => r.key === 'gone')?.staleCount,
    ).toBe(2);
    save('c4', [running('i-1')], later(3));
    expect(store.inspect('p', 't', 'c4', true).resources.map((r) => r.key)).toEqual(['i-1']);
  });

  it('writes nothing for an empty report and keeps existing data', () => {
    expect(save('c1', [])).toBe(0);
    expect(store.exists('p', 't')).toBe(false);
    save('c1', [running('i-1')]);
    expect(save('c2', [])).toBe(0);
    expect(store.inspect('p', 't', 'c1', true).cycleId).toBe('c1');
  });

  it('clears the restore marker when the target is shut down again within the cycle', () => {
    save('c1', [running('i-1')]);
    store.markTargetRestored('p', 't', later(60));
    expect(store.isTargetRestored('p', 't', 'c1')).toBe(true);
    save('c1', [running('i-1')], later(61));
    expect(store.isTargetRestored('p', 't', 'c1')).toBe(false);
  });
});

describe('cycle queries and repairs', () => {
  it('hasRestoreData and allTargetsRestored follow the open cycle', () => {
    expect(store.hasRestoreData('p', 'c1')).toBe(false);
    save('c1', [running('i-1')]);
    store.saveOrPreserve({
      plan: 'p',
      target: 'u',
      executor: 'asg',
      cycleId: 'c1',
      resources: [running('g')],
      now: T0,
    });
    expect(store.hasRestoreData('p', 'c1')).toBe(true);
    expect(store.hasRestoreData('p', 'other')).toBe(false);
    store.markTargetRestored('p', 't', later(1));
    expect(store.allTargetsRestored('p', 'c1')).toBe(false);
    store.markTargetRestored('p', 'u', later(2));
    expect(store.allTargetsRestored('p', 'c1')).toBe(true);
  });

  it('load returns nothing for a consumed point', () => {
    save('c1', [running('i-1')]);
    expect(store.load('p', 't', 'c2')).toBeNull();
    expect(store.load('p', 't', null)).toBeNull();
  });

  it('patch replaces a state, drop removes a key or the point, init creates an empty point', () => {
    save('c1', [running('i-1'), running('i-2')]);
    store.patch('p', 't', 'i-1', { wasRunning: false }, later(1));
    expect(states()['i-1']).toEqual({ wasRunning: false });
    expect(store.drop('p', 't', 'i-2')).toBe(1);
    expect(Object.keys(states())).toEqual(['i-1']);
    expect(() => store.drop('p', 't', 'nope')).toThrow(/has no resource nope/);
    expect(store.drop('p', 't')).toBe(1);
    expect(store.exists('p', 't')).toBe(false);
    store.init('p', 't', 'ec2', 'c9', later(2));
    expect(store.load('p', 't', 'c9')?.resources).toEqual([]);
  });

  it('lists orphaned points of deleted plans', () => {
    save('c1', [running('i-1')]);
    const [summary] = store.list(undefined, new Map(), new Set());
    expect(summary).toMatchObject({ plan: 'p', orphaned: true, open: false });
  });
});
