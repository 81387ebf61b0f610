import { describe, expect, it } from 'vitest';
import { ExecutorError } from '../executor';
import { refusalOf, splitOnRefusal, unlessRefused } from './refusals';

const refused = (id: string): ExecutorError =>
  new ExecutorError(
    'INVALID_REQUEST',
    `ec2:StopInstances was refused as invalid: UnsupportedOperation: The instance '${id}' does not have an 'ebs' root device type and cannot be stopped.`,
  );

describe('splitOnRefusal', () => {
  it('splits a refused batch until only the refused items are left, and sends all the others', async () => {
    const bad = new Set(['i-3', 'i-6']);
    const sent: string[][] = [];
    const done: string[] = [];
    const ids = ['i-1', 'i-2', 'i-3', 'i-4', 'i-5', 'i-6', 'i-7'];
    const result = await splitOnRefusal(ids, async (batch) => {
      sent.push(batch);
      const hit = batch.find((id) => bad.has(id));
      if (hit !== undefined) throw refused(hit);
      done.push(...batch);
    });
    expect(result.map((r) => r.item)).toEqual(['i-3', 'i-6']);
    expect(result[0]?.reason).toContain("'i-3' does not have an 'ebs' root device");
    expect(done.sort()).toEqual(['i-1', 'i-2', 'i-4', 'i-5', 'i-7']);
    expect(sent[0]).toEqual(ids);
  });

  it('makes one call when nothing is refused', async () => {
    let calls = 0;
    expect(await splitOnRefusal(['a', 'b'], async () => void (calls += 1))).toEqual([]);
    expect(calls).toBe(1);
  });

  it('lets errors that are not refusals through (access denied, throttling)', async () => {
    const denied = new ExecutorError(
      'ACCESS_DENIED',
      'AccessDenied: ec2:StopInstances is not allowed',
    );
    await expect(splitOnRefusal(['a', 'b'], () => Promise.reject(denied))).rejects.toBe(denied);
    expect(refusalOf(new Error('UnsupportedOperation'))).toBeUndefined();
  });
});

describe('unlessRefused', () => {
  it('returns the refusal of one resource instead of throwing it', async () => {
    const error = new ExecutorError(
      'INVALID_STATE',
      'rds:StopDBInstance refused: InvalidDBInstanceState: Cannot stop a read replica',
      true,
    );
    expect(await unlessRefused(() => Promise.reject(error))).toContain('InvalidDBInstanceState');
    expect(await unlessRefused(() => Promise.resolve())).toBeUndefined();
  });
});
