import { describe, expect, it } from 'vitest';
import { EC2_BATCH_SIZE, chunk, listNames, plural } from './batching';

describe('batching helpers', () => {
  it('splits 2,500 ids into calls of at most 1,000, in order', () => {
    const ids = Array.from({ length: 2500 }, (_, i) => `i-${i}`);
    const batches = chunk(ids, EC2_BATCH_SIZE);
    expect(batches.map((b) => b.length)).toEqual([1000, 1000, 500]);
    expect(batches.flat()).toEqual(ids);
    expect(chunk([], 10)).toEqual([]);
    expect(() => chunk([1], 0)).toThrow(RangeError);
  });

  it('names a few items and counts the rest', () => {
    expect(listNames(['a', 'b'])).toBe('a, b');
    expect(listNames(['a', 'b', 'c', 'd'], 2)).toBe('a, b and 2 more');
    expect(plural(1, 'instance')).toBe('1 instance');
    expect(plural(3, 'instance')).toBe('3 instances');
  });
});
