import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../clock';
import { openDatabase } from '../store/database';
import { WriteBatcher } from '../store/write-batcher';
import { RestoreStore } from './restore-store';
import { RestoreWriter } from './restore-writer';

let store: RestoreStore;
let writer: RestoreWriter;
const clock = new ManualClock(new Date('2026-01-28T20:00:00Z'));

beforeEach(() => {
  const db = openDatabase(join(mkdtempSync(join(tmpdir(), 'hib-rw-')), 'h.db'));
  store = new RestoreStore(db);
  writer = new RestoreWriter('p', store, new WriteBatcher(db), clock);
});

describe('RestoreWriter', () => {
  it('saves captures in the open cycle and loads them back for the wake-up', async () => {
    await writer.saveCaptures('c1', 't', 'ec2', [
      { key: 'i-1', state: { wasRunning: true }, isLive: true },
    ]);
    expect(writer.hasRestoreData('c1')).toBe(true);
    expect(writer.load('t', 'c1')?.resources.map((r) => r.key)).toEqual(['i-1']);
    expect(writer.load('t', 'c2')).toBeNull();
  });

  it('refuses captures without an open cycle, and writes nothing', async () => {
    await expect(writer.saveCaptures(null, 't', 'ec2', [])).rejects.toThrow('no open cycle');
    expect(store.exists('p', 't')).toBe(false);
  });

  it('marks a target restored; the cycle unlocks once every target is', async () => {
    await writer.saveCaptures('c1', 'a', 'ec2', [{ key: 'i-1', state: {}, isLive: true }]);
    await writer.saveCaptures('c1', 'b', 'ec2', [{ key: 'i-2', state: {}, isLive: true }]);
    await writer.markRestored('a');
    expect(writer.load('a', 'c1')?.restoredAt).toBe('2026-01-28T20:00:00.000Z');
    expect(writer.unlock('c1')).toBe(false);
    await writer.markRestored('b');
    expect(writer.unlock('c1')).toBe(true);
  });
});
