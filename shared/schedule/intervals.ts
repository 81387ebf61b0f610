/**
 * Sets of half-open intervals `[start, end)` on a number line (instants or wall minutes),
 * stored flat as `[s0, e0, s1, e1, …]`: sorted, non-empty, neither overlapping nor touching.
 * Flat arrays keep the hot paths of evaluate/upcoming free of small-object allocation.
 */
export type IntervalSet = number[];

/** Appends `[s, e)` to a set being built in start order, merging overlap and contact. */
export function pushInterval(out: IntervalSet, s: number, e: number): void {
  if (!(e > s)) return;
  const n = out.length;
  if (n > 0 && s <= (out[n - 1] as number)) {
    if (e > (out[n - 1] as number)) out[n - 1] = e;
    return;
  }
  out.push(s, e);
}

/** Builds a set from pairs in any order. */
export function normalize(pairs: readonly number[]): IntervalSet {
  const idx: number[] = [];
  for (let i = 0; i < pairs.length; i += 2) idx.push(i);
  idx.sort((x, y) => (pairs[x] as number) - (pairs[y] as number));
  const out: IntervalSet = [];
  for (const i of idx) pushInterval(out, pairs[i] as number, pairs[i + 1] as number);
  return out;
}

export function union(a: IntervalSet, b: IntervalSet): IntervalSet {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  const out: IntervalSet = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && (a[i] as number) <= (b[j] as number))) {
      pushInterval(out, a[i] as number, a[i + 1] as number);
      i += 2;
    } else {
      pushInterval(out, b[j] as number, b[j + 1] as number);
      j += 2;
    }
  }
  return out;
}

export function intersect(a: IntervalSet, b: IntervalSet): IntervalSet {
  const out: IntervalSet = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const s = Math.max(a[i] as number, b[j] as number);
    const e = Math.min(a[i + 1] as number, b[j + 1] as number);
    if (e > s) out.push(s, e);
    if ((a[i + 1] as number) < (b[j + 1] as number)) i += 2;
    else j += 2;
  }
  return out;
}

export function subtract(a: IntervalSet, b: IntervalSet): IntervalSet {
  if (a.length === 0 || b.length === 0) return a;
  const out: IntervalSet = [];
  let j = 0;
  for (let i = 0; i < a.length; i += 2) {
    let s = a[i] as number;
    const e = a[i + 1] as number;
    while (j < b.length && (b[j + 1] as number) <= s) j += 2;
    let k = j;
    while (k < b.length && (b[k] as number) < e) {
      if ((b[k] as number) > s) out.push(s, b[k] as number);
      s = Math.max(s, b[k + 1] as number);
      if (s >= e) break;
      k += 2;
    }
    if (e > s) out.push(s, e);
  }
  return out;
}

/** The part of a set inside `[lo, hi)`. */
export function clip(a: IntervalSet, lo: number, hi: number): IntervalSet {
  const out: IntervalSet = [];
  for (let i = 0; i < a.length; i += 2) {
    const s = Math.max(a[i] as number, lo);
    const e = Math.min(a[i + 1] as number, hi);
    if (e > s) out.push(s, e);
  }
  return out;
}

/** Index of the interval holding `t`, or -1. */
export function indexOf(a: IntervalSet, t: number): number {
  let lo = 0;
  let hi = a.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (t < (a[2 * mid] as number)) hi = mid - 1;
    else if (t >= (a[2 * mid + 1] as number)) lo = mid + 1;
    else return 2 * mid;
  }
  return -1;
}

export function contains(a: IntervalSet, t: number): boolean {
  return indexOf(a, t) >= 0;
}
