import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type IntervalSet,
  clip,
  contains,
  intersect,
  normalize,
  subtract,
  union,
} from './intervals';

/** Membership of the integer points 0..59 — a brute-force model of a set. */
function points(set: IntervalSet): boolean[] {
  return Array.from({ length: 60 }, (_, t) => contains(set, t));
}

function isCanonical(set: IntervalSet): boolean {
  for (let i = 0; i < set.length; i += 2) {
    if (!((set[i + 1] as number) > (set[i] as number))) return false;
    if (i > 0 && !((set[i] as number) > (set[i - 1] as number))) return false;
  }
  return set.length % 2 === 0;
}

const rawPairs = fc.array(
  fc.tuple(fc.integer({ min: 0, max: 59 }), fc.integer({ min: 0, max: 59 })),
  { maxLength: 8 },
);
const setArb = rawPairs.map((pairs) =>
  normalize(pairs.flatMap(([a, b]) => [Math.min(a, b), Math.max(a, b)])),
);

describe('interval sets', () => {
  it('normalize merges overlapping and touching intervals and drops empty ones', () => {
    expect(normalize([5, 7, 1, 3, 3, 4, 6, 9, 10, 10])).toEqual([1, 4, 5, 9]);
  });

  it('union, intersect and subtract agree with point-wise boolean logic and stay canonical', () => {
    fc.assert(
      fc.property(setArb, setArb, (a, b) => {
        const pa = points(a);
        const pb = points(b);
        const u = union(a, b);
        const n = intersect(a, b);
        const d = subtract(a, b);
        for (const s of [u, n, d]) expect(isCanonical(s)).toBe(true);
        expect(points(u)).toEqual(pa.map((x, i) => x || (pb[i] as boolean)));
        expect(points(n)).toEqual(pa.map((x, i) => x && (pb[i] as boolean)));
        expect(points(d)).toEqual(pa.map((x, i) => x && !(pb[i] as boolean)));
      }),
      { numRuns: 500 },
    );
  });

  it('clip keeps exactly the part inside [lo, hi)', () => {
    fc.assert(
      fc.property(
        setArb,
        fc.integer({ min: 0, max: 59 }),
        fc.integer({ min: 0, max: 59 }),
        (a, x, y) => {
          const lo = Math.min(x, y);
          const hi = Math.max(x, y);
          expect(points(clip(a, lo, hi))).toEqual(points(a).map((v, t) => v && t >= lo && t < hi));
        },
      ),
    );
  });
});
